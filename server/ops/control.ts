import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

// The embedded server's local control socket. PGlite is one process's database: a second
// process opening the same data directory would corrupt it. So while the server runs, `npm run
// backup` asks the server to take the snapshot (over this socket), and `npm run restore` and
// `npm run key:rotate` refuse. The socket lives in DATA_DIR with mode 600: whoever may use it can
// read the data directory anyway. It also keeps a second server off a data directory in use.

export function controlPath(dataDir: string): string {
  const id = createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 16);
  if (process.platform === 'win32') return `\\\\.\\pipe\\unionhub-${id}`;
  const inDir = path.join(dataDir, 'ops.sock');
  // A Unix socket path is limited to ~104 bytes: a deep DATA_DIR gets its socket in the temp directory.
  return Buffer.byteLength(inDir) <= 100 ? inDir : path.join(os.tmpdir(), `unionhub-${id}.sock`);
}

const ZRequest = z.object({ op: z.literal('backup'), archive: z.string().min(1) });
export type ControlRequest = z.infer<typeof ZRequest>;

const ZReply = z.union([
  z.object({ log: z.string() }),
  z.object({ done: z.unknown() }),
  z.object({ error: z.string(), refused: z.boolean() }),
]);

export type ControlHandler = (req: ControlRequest, log: (line: string) => void) => Promise<unknown>;

/** Is a server answering on this data directory's socket? */
export function serverAnswers(dataDir: string): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(controlPath(dataDir), () => {
      s.destroy();
      resolve(true);
    });
    s.on('error', () => resolve(false));
  });
}

export class DataDirInUse extends Error {}

/** Listens on the socket; refuses when another server answers there already. */
export async function startControl(
  dataDir: string,
  handle: ControlHandler,
  isRefusal: (err: unknown) => boolean,
): Promise<{ close(): Promise<void> }> {
  const where = controlPath(dataDir);
  if (await serverAnswers(dataDir)) {
    throw new DataDirInUse(`another UnionHub server is running on ${dataDir} (it answers on ${where}); stop it first`);
  }
  if (process.platform !== 'win32') fs.rmSync(where, { force: true }); // a stale socket of a server that died
  const server = net.createServer((sock) => {
    let buffer = '';
    const send = (reply: z.infer<typeof ZReply>) => sock.write(JSON.stringify(reply) + '\n');
    sock.on('error', () => undefined);
    sock.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const nl = buffer.indexOf('\n');
      if (nl < 0) return;
      const line = buffer.slice(0, nl);
      buffer = '';
      let parsed: ControlRequest;
      try {
        parsed = ZRequest.parse(JSON.parse(line));
      } catch {
        send({ error: 'bad request', refused: true });
        sock.end();
        return;
      }
      handle(parsed, (l) => send({ log: l })).then(
        (done) => {
          send({ done });
          sock.end();
        },
        (err: unknown) => {
          send({ error: err instanceof Error ? err.message : String(err), refused: isRefusal(err) });
          sock.end();
        },
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(where, () => resolve());
  });
  if (process.platform !== 'win32') fs.chmodSync(where, 0o600);
  server.unref();
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        if (process.platform !== 'win32') fs.rmSync(where, { force: true });
      }),
  };
}

export class ServerRefused extends Error {}

/** Sends a request to the running server; null when no server answers. */
export function askServer(dataDir: string, req: ControlRequest, log: (line: string) => void): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const sock = net.connect(controlPath(dataDir));
    let connected = false;
    let settled = false;
    let buffer = '';
    sock.on('connect', () => {
      connected = true;
      sock.write(JSON.stringify(req) + '\n');
    });
    sock.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        const reply = ZReply.safeParse(JSON.parse(line));
        if (!reply.success) continue;
        const r = reply.data;
        if ('log' in r) log(r.log);
        else if ('done' in r) {
          settled = true;
          resolve(r.done);
        } else {
          settled = true;
          reject(r.refused ? new ServerRefused(r.error) : new Error(r.error));
        }
      }
    });
    sock.on('error', (err) => {
      if (!connected) resolve(null);
      else if (!settled) reject(err);
    });
    sock.on('close', () => {
      if (connected && !settled) reject(new Error('the server closed the connection before the backup finished'));
    });
  });
}
