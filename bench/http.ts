import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../server/app.js';
import type { Deps } from '../server/kernel/context.js';

// Real listening servers on loopback, and the session cookie of a real sign-in.

export interface Listening {
  app: FastifyInstance;
  base: string;
  close(): Promise<void>;
}

/** Listens on a random free loopback port. */
export async function listen(app: FastifyInstance): Promise<Listening> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return { app, base: `http://127.0.0.1:${port}`, close: () => app.close() };
}

/** The whole application as production builds it (helmet, cookies, session hook, zod schemas). */
export async function listenApp(deps: Deps): Promise<Listening> {
  return listen(await buildApp(deps));
}

/** Signs in through the API and returns the `cookie` header value for the session. */
export async function login(base: string, username: string, password: string): Promise<string> {
  return signIn(base, { username, password });
}

/** Signs in with any login body (staff: username + password; member: phone + password). */
export async function signIn(
  base: string,
  credentials: { username: string; password: string } | { phone: string; password: string },
): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
    signal: AbortSignal.timeout(10_000),
  });
  const body = (await res.json()) as { next?: string };
  const sid = res.headers
    .getSetCookie()
    .map((c) => /^uh_sid=([^;]+)/.exec(c)?.[1])
    .find(Boolean);
  const who = 'username' in credentials ? credentials.username : credentials.phone;
  // Anything but a finished sign-in (e.g. an authenticator step) would make every request a 401/403.
  if (res.status !== 200 || body.next !== 'done' || !sid)
    throw new Error(`login as ${who} failed: ${res.status} ${JSON.stringify(body)}`);
  return `uh_sid=${sid}`;
}

/**
 * Counts SQL statements sent by every pg client in this process while `work` runs: both the
 * app's pool and the baselines' go through pg.Client#query, so this is exact per request.
 */
export async function countQueries(work: () => Promise<void>): Promise<number> {
  const proto = pg.Client.prototype as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  let n = 0;
  proto.query = function (this: pg.Client, ...args: unknown[]) {
    n++;
    return original.apply(this, args);
  };
  try {
    await work();
  } finally {
    proto.query = original;
  }
  return n;
}

export interface CapturedQuery {
  text: string;
  values: unknown[];
}

/** The SQL statements (text and parameters) sent by every pg client in this process while `work` runs. */
export async function captureQueries(work: () => Promise<void>): Promise<CapturedQuery[]> {
  const proto = pg.Client.prototype as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  const seen: CapturedQuery[] = [];
  proto.query = function (this: pg.Client, ...args: unknown[]) {
    const [first, second] = args;
    if (typeof first === 'string') seen.push({ text: first, values: Array.isArray(second) ? second : [] });
    else if (first && typeof first === 'object' && 'text' in first) {
      const q = first as { text: string; values?: unknown[] };
      seen.push({ text: q.text, values: q.values ?? (Array.isArray(second) ? second : []) });
    }
    return original.apply(this, args);
  };
  try {
    await work();
  } finally {
    proto.query = original;
  }
  return seen;
}
