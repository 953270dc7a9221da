import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';

// Starts server-child.ts in a process of its own and reads its memory from /proc.

export interface ChildServer {
  pid: number;
  base: string;
  engine: string;
  /** Current resident set and its high-water mark (VmHWM), MiB; null off Linux or once it has exited. */
  memory(): { rssMiB: number; hwmMiB: number } | null;
  stop(): Promise<void>;
}

function statusField(text: string, field: string): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text);
  return m ? Number(m[1]) / 1024 : Number.NaN;
}

export function processMemory(pid: number | 'self'): { rssMiB: number; hwmMiB: number } | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return { rssMiB: statusField(text, 'VmRSS'), hwmMiB: statusField(text, 'VmHWM') };
  } catch {
    return null;
  }
}

/**
 * `env` is the child's whole configuration (DATABASE_URL or DATA_DIR, UNIONHUB_DATA_KEY…); nothing
 * else of this process's environment but PATH reaches it. `nodeArgs` (e.g. --cpu-prof,
 * --max-old-space-size) go to its node.
 */
export async function startServer(
  env: Record<string, string>,
  timeoutMs = 180_000,
  nodeArgs: string[] = [],
): Promise<ChildServer> {
  const entry = new URL(`./server-child${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);
  const child: ChildProcess = spawn(process.execPath, [...process.execArgv, ...nodeArgs, entry.pathname], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { PATH: process.env.PATH ?? '', LOGIN_RATE_PER_MINUTE: '100000', ...env },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = await new Promise<{ port: number; engine: string }>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the server child did not start within ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
    child.once('message', (m) => {
      clearTimeout(timer);
      resolve(m as { port: number; engine: string });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server child exited with ${code} before listening`));
    });
  }).catch((err: unknown) => {
    child.kill('SIGKILL');
    throw err;
  });
  const pid = child.pid ?? 0;
  return {
    pid,
    base: `http://127.0.0.1:${ready.port}`,
    engine: ready.engine,
    memory: () => processMemory(pid),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.send({ cmd: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
