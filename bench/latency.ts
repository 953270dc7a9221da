import autocannon from 'autocannon';
import { postgresSecondsBetween, postgresTicks, ticksOf, USER_HZ } from './lib.js';

// Latency percentiles under a modest closed-loop load: autocannon in this thread (the server
// under test runs in a child process, see child.ts), every response's own latency recorded, so
// p95 is exact (autocannon's own summary has p90 and p97.5 but no p95).

export interface LatencyOptions {
  base: string;
  /** Request paths, taken in turn (e.g. a different ID number each time). */
  paths: string[];
  headers: Record<string, string>;
  seconds: number;
  connections: number;
  /** The server process, for its CPU time. */
  serverPid: number;
}

export interface LatencyFigures {
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Connection errors, timeouts and non-2xx answers; a valid run has 0. */
  failures: number;
  statusCounts: string;
  cpuUsPerRequest: { server: number; postgres: number } | null;
}

/** The q-quantile of sorted values (nearest rank). */
export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
}

function serverTicks(pid: number): number | null {
  try {
    return ticksOf(`/proc/${pid}/stat`);
  } catch {
    return null;
  }
}

export async function measureLatency(o: LatencyOptions): Promise<LatencyFigures> {
  const url = new URL(o.base);
  if (url.hostname !== '127.0.0.1') throw new Error(`refusing to load a non-loopback target: ${o.base}`);
  let next = 0;
  const latencies: number[] = [];
  const serverBefore = serverTicks(o.serverPid);
  const pgBefore = postgresTicks();
  const r = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: o.base,
        connections: o.connections,
        pipelining: 1,
        duration: o.seconds,
        headers: o.headers,
        requests: [
          {
            setupRequest: (req) => {
              const path = o.paths[next++ % o.paths.length] as string;
              return { ...req, path };
            },
          },
        ],
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
    instance.on('response', (_client, _status, _bytes, ms) => {
      latencies.push(ms);
    });
  });
  const serverAfter = serverTicks(o.serverPid);
  const pgSeconds = postgresSecondsBetween(pgBefore, postgresTicks());
  latencies.sort((a, b) => a - b);
  const total = r.requests.total;
  const per = (seconds: number) => (seconds * 1e6) / Math.max(total, 1);
  const statuses = Object.entries(r.statusCodeStats ?? {}).map(([code, s]) => `${code}×${s.count ?? 0}`);
  return {
    requests: total,
    requestsPerSecond: total / r.duration,
    p50Ms: quantile(latencies, 0.5),
    p95Ms: quantile(latencies, 0.95),
    p99Ms: quantile(latencies, 0.99),
    maxMs: latencies[latencies.length - 1] ?? Number.NaN,
    failures: r.errors + r.timeouts + r.non2xx,
    statusCounts: statuses.join(' ') || 'none',
    cpuUsPerRequest:
      serverBefore !== null && serverAfter !== null
        ? { server: per((serverAfter - serverBefore) / USER_HZ), postgres: per(pgSeconds) }
        : null,
  };
}
