import autocannon from 'autocannon';
import { quantile } from '../latency.js';
import { postgresSecondsBetween, postgresTicks, ticksOf, USER_HZ, type PostgresTicks } from '../lib.js';

// One claim storm: autocannon in this thread (the server under test runs in a child process),
// POST requests each with a member of its own (path or cookie) and a fresh Idempotency-Key,
// every answer's status, body and latency kept. The run stops a moment (`tailMs`) after the
// `stopAfterOk`-th 201, or after `maxSeconds`. Rates and CPU are over the sale window: from the
// first 201 to the last.

export interface StormOptions {
  label: string;
  base: string;
  connections: number;
  /** The member of the k-th request: k modulo this. */
  members: number;
  path(member: number): string;
  /** The member's cookie header, if the route needs one. */
  cookie?(member: number): string;
  /** The request's JSON body (default `{}`). */
  body?(member: number): string;
  /** Every 201's body (e.g. to check afterwards what each answer promised). */
  onOk?(body: string): void;
  stopAfterOk: number;
  tailMs: number;
  maxSeconds: number;
  serverPid: number;
}

export interface StormFigures {
  label: string;
  requests: number;
  ok: number;
  /** 201s per second between the first and the last 201. */
  claimsPerSecond: number;
  windowS: number;
  /** Latency of the 201 answers, ms. */
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Latency of every answer, ms. */
  allP99Ms: number;
  /** `201×20000 409 VOUCHER_SOLD_OUT×3000 …`. */
  answers: string;
  /** Answers neither 201 nor 409 nor (before opening) the expected refusals, plus connection errors and timeouts. */
  unexpected: number;
  errors: number;
  ids: number[];
  /** CPU per 201 in the sale window: the server process (all threads) and every postgres process. */
  cpuUsPerClaim: { server: number; postgres: number } | null;
  /** The 201 answers' completion times (ms since the start) — for the shape of the sale. */
  okTimesMs: number[];
}

interface Cpu {
  server: number;
  postgres: PostgresTicks;
}

function cpuNow(pid: number): Cpu | null {
  try {
    return { server: ticksOf(`/proc/${pid}/stat`), postgres: postgresTicks() };
  } catch {
    return null;
  }
}

/** An answer's error code, if its body is the app's error shape (or the bench routes' short one). */
function errorCode(body: string): string {
  try {
    const e = (JSON.parse(body) as { error?: { code?: string } }).error;
    return e?.code ?? '?';
  } catch {
    return '?';
  }
}

export async function storm(
  o: StormOptions,
  expected: (status: number, code: string) => boolean,
): Promise<StormFigures> {
  if (new URL(o.base).hostname !== '127.0.0.1') throw new Error(`refusing to load a non-loopback target: ${o.base}`);
  let seq = 0;
  let ok = 0;
  let unexpected = 0;
  const ids: number[] = [];
  const answers = new Map<string, number>();
  const okLatencies: number[] = [];
  const allLatencies: number[] = [];
  const okTimesMs: number[] = [];
  const t0 = performance.now();
  let firstOk: { at: number; cpu: Cpu | null } | null = null;
  let lastOk: { at: number; cpu: Cpu | null } | null = null;
  let stopping = false;
  let instance: autocannon.Instance | null = null;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      {
        url: o.base,
        connections: o.connections,
        pipelining: 1,
        duration: o.maxSeconds,
        timeout: 30,
        requests: [
          {
            method: 'POST',
            setupRequest: (req) => {
              const k = seq++;
              const m = k % o.members;
              const headers: Record<string, string> = {
                'content-type': 'application/json',
                'idempotency-key': `${o.label}-${k}`,
              };
              if (o.cookie) headers.cookie = o.cookie(m);
              return { ...req, method: 'POST', path: o.path(m), headers, body: o.body?.(m) ?? '{}' };
            },
            onResponse: (status, body) => {
              const at = performance.now();
              const code = status === 201 ? '' : errorCode(body);
              const key = code ? `${status} ${code}` : String(status);
              answers.set(key, (answers.get(key) ?? 0) + 1);
              if (status === 201) {
                ok++;
                okTimesMs.push(at - t0);
                o.onOk?.(body);
                const id = (JSON.parse(body) as { id?: unknown }).id;
                if (typeof id === 'number') ids.push(id);
                if (!firstOk) firstOk = { at, cpu: cpuNow(o.serverPid) };
                if (ok === o.stopAfterOk) {
                  lastOk = { at, cpu: cpuNow(o.serverPid) };
                  if (!stopping) {
                    stopping = true;
                    setTimeout(() => instance?.stop(), o.tailMs);
                  }
                } else if (ok < o.stopAfterOk || !lastOk) lastOk = { at, cpu: null };
              } else if (!expected(status, code)) unexpected++;
            },
          },
        ],
      },
      (err, r) => (err ? reject(err) : resolve(r)),
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      allLatencies.push(ms);
      if (status === 201) okLatencies.push(ms);
    });
  });
  okLatencies.sort((a, b) => a - b);
  allLatencies.sort((a, b) => a - b);
  const first = firstOk as { at: number; cpu: Cpu | null } | null;
  const last = lastOk as { at: number; cpu: Cpu | null } | null;
  // The window ends at the last 201 (the stop target, or whatever came last when the stock never sold out).
  const end = last?.cpu ? last : { at: last?.at ?? 0, cpu: cpuNow(o.serverPid) };
  const windowS = first && last ? (last.at - first.at) / 1000 : Number.NaN;
  // 201s in the window: those that came after the stop target (answers in flight) are outside it.
  const counted = Math.min(ok, o.stopAfterOk);
  const cpu =
    first?.cpu && end.cpu && counted > 0
      ? {
          server: (((end.cpu.server - first.cpu.server) / USER_HZ) * 1e6) / counted,
          postgres: (postgresSecondsBetween(first.cpu.postgres, end.cpu.postgres) * 1e6) / counted,
        }
      : null;
  const errors = result.errors + result.timeouts;
  return {
    label: o.label,
    requests: result.requests.total,
    ok,
    claimsPerSecond: windowS > 0 ? counted / windowS : Number.NaN,
    windowS,
    p50Ms: quantile(okLatencies, 0.5),
    p99Ms: quantile(okLatencies, 0.99),
    maxMs: okLatencies[okLatencies.length - 1] ?? Number.NaN,
    allP99Ms: quantile(allLatencies, 0.99),
    answers: [...answers.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `${k}×${n}`)
      .join(', '),
    unexpected: unexpected + errors,
    errors,
    ids,
    cpuUsPerClaim: cpu,
    okTimesMs,
  };
}
