import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import autocannon from 'autocannon';

// Shared by every scenario: driving load, summarising it, describing the machine, markdown.

export interface LoadOptions {
  url: string;
  headers?: Record<string, string>;
  seconds: number;
  connections: number;
  pipelining: number;
}

export interface LoadFigures {
  label: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Connection errors, timeouts and non-2xx answers together; a valid run has 0. */
  failures: number;
  statusCounts: string;
  /** CPU per completed request: this process's main thread (the servers) and all PostgreSQL processes. */
  cpuUsPerRequest: { server: number; postgres: number } | null;
}

// Linux reports CPU time in clock ticks of USER_HZ, which is 100 on every mainstream kernel build.
export const USER_HZ = 100;

/** The fields of a /proc/<pid>/stat (or task stat) file after the parenthesised command name. */
function statFields(statFile: string): string[] {
  return fs.readFileSync(statFile, 'utf8').split(') ')[1]?.split(' ') ?? [];
}

/** utime + stime of a /proc/<pid>/stat (or task stat) file, in ticks (the 12th and 13th fields after the name). */
export function ticksOf(statFile: string): number {
  const fields = statFields(statFile);
  return Number(fields[11]) + Number(fields[12]);
}

interface CpuSnapshot {
  server: number;
  /** Backends come and go: deltas are taken per process, exited ones through the postmaster. */
  postgres: PostgresTicks;
}

/**
 * CPU used so far by the main thread (both servers under test; autocannon has its own thread)
 * and by each `postgres` process. Null off Linux.
 */
function cpuSnapshot(): CpuSnapshot | null {
  if (!fs.existsSync(`/proc/self/task/${process.pid}/stat`)) return null;
  return { server: ticksOf(`/proc/self/task/${process.pid}/stat`), postgres: postgresTicks() };
}

/** Ticks of the `postgres` processes: per live process, and the children the postmaster has reaped. */
export interface PostgresTicks {
  live: Map<string, number>;
  /** cutime + cstime of the postmaster(s): what backends that have exited used, over their whole lives. */
  reaped: number;
}

/** Ticks used so far by each `postgres` process on the machine, and by the ones that exited. */
export function postgresTicks(): PostgresTicks {
  const live = new Map<string, number>();
  const seen: Array<{ parent: string; children: number }> = [];
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== 'postgres') continue;
      const fields = statFields(`/proc/${pid}/stat`);
      live.set(pid, Number(fields[11]) + Number(fields[12]));
      seen.push({ parent: fields[1] ?? '', children: Number(fields[13]) + Number(fields[14]) });
    } catch {
      // the process ended between listing and reading
    }
  }
  // The postmaster is the postgres process whose parent is not one: it reaps the backends.
  const reaped = seen.filter((p) => !live.has(p.parent)).reduce((n, p) => n + p.children, 0);
  return { live, reaped };
}

/**
 * CPU seconds of the postgres processes between two postgresTicks(). A backend that exited in
 * between (a worker's pool closing) is counted through the postmaster's reaped time, less what it
 * had used before the first snapshot.
 */
export function postgresSecondsBetween(a: PostgresTicks, b: PostgresTicks): number {
  let pg = b.reaped - a.reaped;
  for (const [pid, ticks] of b.live) pg += ticks - (a.live.get(pid) ?? 0);
  for (const [pid, ticks] of a.live) if (!b.live.has(pid)) pg -= ticks;
  return pg / USER_HZ;
}

/** CPU seconds between two snapshots. */
function cpuBetween(a: CpuSnapshot, b: CpuSnapshot): { server: number; postgres: number } {
  return { server: (b.server - a.server) / USER_HZ, postgres: postgresSecondsBetween(a.postgres, b.postgres) };
}

/** Only loopback targets: the benchmark never sends traffic off the machine. */
function assertLoopback(url: string): void {
  if (new URL(url).hostname !== '127.0.0.1') throw new Error(`refusing to load a non-loopback target: ${url}`);
}

/**
 * One autocannon run. The load generator runs in a worker thread (`workers: 1`) so it does not
 * share the event loop of the servers under test, which live in this process.
 */
export async function load(label: string, o: LoadOptions): Promise<LoadFigures> {
  assertLoopback(o.url);
  const before = cpuSnapshot();
  const r = await autocannon({
    url: o.url,
    headers: o.headers ?? {},
    duration: o.seconds,
    connections: o.connections,
    pipelining: o.pipelining,
    workers: 1,
  });
  const after = cpuSnapshot();
  const cpu = before && after ? cpuBetween(before, after) : null;
  const perRequest = (seconds: number) => (seconds * 1e6) / Math.max(r.requests.total, 1);
  const statuses = Object.entries(r.statusCodeStats ?? {}).map(([code, s]) => `${code}×${s.count ?? 0}`);
  return {
    label,
    // Completed responses over the measured wall time, not the per-second sample mean, so a
    // short stall at the edges of the run still counts.
    requestsPerSecond: r.requests.total / r.duration,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    requests: r.requests.total,
    failures: r.errors + r.timeouts + r.non2xx,
    statusCounts: statuses.join(' ') || 'none',
    cpuUsPerRequest: cpu ? { server: perRequest(cpu.server), postgres: perRequest(cpu.postgres) } : null,
  };
}

/** Sends one GET and checks the answer before any load: a 404 at 50k req/s would look great. */
export async function getJson(
  url: string,
  headers: Record<string, string> = {},
  timeoutMs = 5_000,
): Promise<{ status: number; body: unknown }> {
  assertLoopback(url);
  const res = await fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs) });
  return { status: res.status, body: await res.json() };
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  if (s.length === 0) return Number.NaN;
  return s.length % 2 ? (s[mid] ?? Number.NaN) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  platform: string;
}

export function machine(): Machine {
  const cpuinfo = fs.existsSync('/proc/cpuinfo') ? fs.readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  return {
    cpu: model.trim(),
    cores: os.availableParallelism(),
    memoryGiB: os.totalmem() / 2 ** 30,
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}

/**
 * How fast this host is at two fixed pieces of work, timed before the scenarios (best of 3; lower
 * is faster). The goals are absolute milliseconds, and 2-core hosts differ: the same code and
 * plans used 2–2.7× as much CPU per request on one host as on another (bench/FINDINGS.md §5a).
 * Runs on different hosts are compared through these two figures.
 */
export interface ReferenceSpeed {
  /** 300,000 HMAC-SHA256 of a 32-byte text in this thread. */
  nodeMs: number;
  /** `select count(*) from generate_series(1, 3000000)` on the bench database, as seen by the client. */
  postgresMs: number;
}

export async function referenceSpeed(query: (text: string) => Promise<unknown>): Promise<ReferenceSpeed> {
  const best = async (work: () => unknown) => {
    let least = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      await work();
      least = Math.min(least, performance.now() - t);
    }
    return least;
  };
  const key = Buffer.alloc(32, 7);
  const nodeMs = await best(() => {
    for (let i = 0; i < 300_000; i++)
      crypto.createHmac('sha256', key).update('0123456789abcdef0123456789abcdef').digest();
  });
  const postgresMs = await best(() => query('select count(*) from generate_series(1, 3000000)'));
  return { nodeMs, postgresMs };
}

export function table(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

export const fmt = {
  int: (n: number) => Math.round(n).toLocaleString('en-US'),
  ms: (n: number) => n.toFixed(n < 10 ? 2 : 1),
  ratio: (n: number) => n.toFixed(3),
};

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
