import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { create, Parser, type ReadEntry } from 'tar';

// The backup archive: a gzip'd tar (node-tar, the implementation npm itself uses), so `tar xzf`
// opens it by hand too. Writing goes through a staging directory (node-tar packs files from a
// directory); reading is a stream parse held to a byte budget, accepting regular files and
// directories only, since an archive handed to restore may be hostile.

export interface ArchiveEntry {
  name: string;
  data: Buffer;
}

/** A refusal of the archive itself: damaged, hostile, or expanding beyond its budget. */
export class ArchiveRefused extends Error {}

/**
 * Writes the entries, in order, gzipped into `file` (created, never overwritten). `staging` is
 * a directory that must not exist; it is removed afterwards, whatever happens.
 */
export async function writeArchive(entries: Iterable<ArchiveEntry>, file: string, staging: string): Promise<void> {
  fs.mkdirSync(staging, { mode: 0o700 });
  try {
    const names: string[] = [];
    for (const e of entries) {
      const dest = path.join(staging, e.name);
      fs.mkdirSync(path.dirname(dest), { recursive: true, mode: 0o700 });
      fs.writeFileSync(dest, e.data, { mode: 0o600, flag: 'wx' });
      names.push(e.name);
    }
    // portable: no uid/gid/user names of this machine in the archive.
    const pack = create({ gzip: true, cwd: staging, portable: true, noDirRecurse: true }, names);
    await pipeline(pack, fs.createWriteStream(file, { mode: 0o600, flags: 'wx' }));
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

export interface ReadLimits {
  /** The name the first file of the archive must have (the manifest). */
  first: string;
  /** The most bytes that first file may have. */
  firstMax: number;
  /** Given the first file, the most bytes the whole archive may expand to (headers and padding included). */
  budget: (first: ArchiveEntry) => number;
}

const ACCEPTED = new Set(['File', 'OldFile', 'ContiguousFile', 'Directory']);

/** Why an entry's path is refused, or null: relative, no `..`, no backslash or NUL. */
function badPath(name: string): string | null {
  if (!name) return 'has no name';
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return 'is an absolute path';
  if (name.includes('\\') || name.includes('\0')) return 'has a backslash or NUL in its name';
  if (name.split('/').includes('..')) return 'climbs out with `..`';
  return null;
}

const damaged = (err: unknown): boolean => {
  const code = err instanceof Error ? Reflect.get(err, 'code') : undefined;
  return typeof code === 'string' && (code.startsWith('Z_') || code.startsWith('TAR_'));
};

/**
 * Reads every regular file of a .tar.gz into memory. Refuses (ArchiveRefused) an archive that is
 * not a gzip'd tar, is damaged, holds a link, device or FIFO, an absolute or `..` path, a name
 * twice, or expands beyond `limits` (a decompression bomb is stopped at the budget, not read).
 */
export async function readArchive(file: string, limits: ReadLimits): Promise<ArchiveEntry[]> {
  const entries: ArchiveEntry[] = [];
  const seen = new Set<string>();
  // Until the first file is read, only it (and its header blocks) may come.
  let budget = limits.firstMax + 16 * 1024;
  let expanded = 0;
  let failure: unknown = null;
  const fail = (err: unknown) => {
    failure ??= err;
  };

  const onEntry = (entry: ReadEntry) => {
    if (failure) return entry.resume();
    const name = entry.path.replace(/\/+$/, '');
    const bad = badPath(name);
    if (bad) return fail(new ArchiveRefused(`archive entry ${entry.path} ${bad}: refused`));
    if (!ACCEPTED.has(entry.type))
      return fail(
        new ArchiveRefused(`archive entry ${name} is a ${entry.type}: only files and directories are accepted`),
      );
    if (entry.type === 'Directory') return entry.resume();
    if (seen.has(name)) return fail(new ArchiveRefused(`archive entry ${name} appears twice`));
    seen.add(name);
    const isFirst = entries.length === 0;
    if (isFirst && name !== limits.first)
      return fail(new ArchiveRefused(`not a UnionHub backup: the archive does not begin with ${limits.first}`));
    if (isFirst && entry.size > limits.firstMax)
      return fail(new ArchiveRefused(`${name} is ${entry.size} bytes, more than a manifest can be`));
    const chunks: Buffer[] = [];
    entry.on('data', (c: Buffer) => chunks.push(c));
    entry.on('end', () => {
      const e = { name, data: Buffer.concat(chunks) };
      entries.push(e);
      if (!isFirst) return;
      try {
        budget = limits.budget(e);
      } catch (err) {
        fail(err);
      }
    });
  };

  const parser = new Parser({ strict: true, onReadEntry: onEntry });
  const ended = new Promise<void>((resolve) => {
    parser.on('end', resolve);
    parser.on('error', (err) => {
      fail(err);
      resolve();
    });
  });
  const input = fs.createReadStream(file);
  const gunzip = createGunzip();
  input.on('error', (err) => gunzip.destroy(err));
  input.pipe(gunzip);
  try {
    for await (const chunk of gunzip) {
      const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
      expanded += buf.length;
      if (expanded > budget)
        throw new ArchiveRefused(
          `the archive expands beyond ${budget} bytes, more than its manifest declares: refused (damaged or a decompression bomb)`,
        );
      parser.write(buf);
      if (failure) throw failure;
    }
    parser.end();
    await ended;
    if (failure) throw failure;
  } catch (err) {
    if (damaged(err)) throw new ArchiveRefused(`archive damaged: ${err instanceof Error ? err.message : String(err)}`);
    throw err;
  } finally {
    input.destroy();
    gunzip.destroy();
  }
  return entries;
}
