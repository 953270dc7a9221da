import { asc, eq, gt, sql } from 'drizzle-orm';
import type { Crypto } from './crypto.js';
import type { Db } from './db.js';
import { auditHead, auditLog } from './kernel.schema.js';

// Who did it, from where: filled from the request (or a script) and passed to every service.
export interface AuditSource {
  actorId: number | null;
  actorName: string | null;
  ip: string | null;
  requestId: string | null;
  at: Date;
}

export interface AuditEntry {
  orgId: number | null;
  action: string;
  targetType?: string | null;
  targetId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

export const GENESIS = 'genesis';
const CHAIN_LOCK = 7340002;

/** JSON with object keys sorted at every depth: jsonb reorders keys, the chain must not care. */
export function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export interface ChainedFields {
  at: Date;
  actorId: number | null;
  actorName: string | null;
  orgId: number | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  requestId: string | null;
  prevHash: string;
}

/** A row's chain hash (exported for key rotation, server/ops/rotate.ts, which re-chains under the new key). */
export function rowMac(crypto: Crypto, r: ChainedFields): string {
  return crypto.auditMac(
    canonicalJson([
      r.at.toISOString(),
      r.actorId,
      r.actorName,
      r.orgId,
      r.action,
      r.targetType,
      r.targetId,
      r.before ?? null,
      r.after ?? null,
      r.ip,
      r.requestId,
      r.prevHash,
    ]),
  );
}

export const headSeal = (crypto: Crypto, lastId: number, lastHash: string) =>
  crypto.auditMac(`head:${lastId}:${lastHash}`);

/** Normalise to what jsonb gives back (dates as ISO strings, no undefined). */
const toJson = (v: unknown): unknown => (v === undefined ? null : JSON.parse(JSON.stringify(v)));

/**
 * Appends one row to the chain. Call it inside the transaction of the change it records: the
 * row and the change commit or roll back together. The advisory lock orders concurrent writers.
 */
export async function writeAudit(tx: Db, crypto: Crypto, source: AuditSource, entry: AuditEntry): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`);
  const [head] = await tx.select().from(auditHead).where(eq(auditHead.id, 1));
  const fields: ChainedFields = {
    at: source.at,
    actorId: source.actorId,
    actorName: source.actorName,
    orgId: entry.orgId,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId === undefined || entry.targetId === null ? null : String(entry.targetId),
    before: toJson(entry.before),
    after: toJson(entry.after),
    ip: source.ip,
    requestId: source.requestId,
    prevHash: head?.lastHash ?? GENESIS,
  };
  const hash = rowMac(crypto, fields);
  const [row] = await tx
    .insert(auditLog)
    .values({ ...fields, hash })
    .returning({ id: auditLog.id });
  if (!row) throw new Error('audit insert returned no row');
  const seal = headSeal(crypto, row.id, hash);
  await tx
    .insert(auditHead)
    .values({ id: 1, lastId: row.id, lastHash: hash, seal })
    .onConflictDoUpdate({ target: auditHead.id, set: { lastId: row.id, lastHash: hash, seal } });
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBadId: number | null;
  problem: string | null;
}

/** Walks the whole chain; any altered, inserted, reordered or deleted row breaks it. */
export async function verifyAudit(
  db: Db,
  crypto: Crypto,
  onProgress?: (checked: number, total: number) => Promise<void>,
): Promise<VerifyResult> {
  const [{ total } = { total: 0 }] = await db.select({ total: sql<number>`count(*)::int` }).from(auditLog);
  let prev = GENESIS;
  let lastId = 0;
  let checked = 0;
  const fail = (id: number | null, problem: string): VerifyResult => ({ ok: false, checked, firstBadId: id, problem });
  for (;;) {
    const batch = await db.select().from(auditLog).where(gt(auditLog.id, lastId)).orderBy(asc(auditLog.id)).limit(2000);
    if (batch.length === 0) break;
    for (const r of batch) {
      if (r.prevHash !== prev) return fail(r.id, 'chain broken: a row before this one was changed or removed');
      if (rowMac(crypto, { ...r, prevHash: r.prevHash }) !== r.hash)
        return fail(r.id, 'row content does not match its hash');
      prev = r.hash;
      lastId = r.id;
      checked++;
    }
    await onProgress?.(checked, total);
  }
  const [head] = await db.select().from(auditHead).where(eq(auditHead.id, 1));
  if (!head)
    return checked === 0 ? { ok: true, checked, firstBadId: null, problem: null } : fail(null, 'chain head is missing');
  if (head.seal !== headSeal(crypto, head.lastId, head.lastHash))
    return fail(head.lastId, 'chain head seal is invalid');
  if (head.lastId !== lastId || head.lastHash !== prev)
    return fail(head.lastId, 'rows at the end of the log were removed');
  return { ok: true, checked, firstBadId: null, problem: null };
}

/** How an anonymous worker appears in the audit log and on timelines. */
export const ANONYMOUS_ACTOR = '匿名职工';

/**
 * The source for an anonymous act — worker voice sent without a name, and what its sender later
 * does on that item or on a case opened from it: no account, no address, no request id, so
 * nothing ties the row to the same person's named rows or to a request log line.
 */
export function anonymousSource(source: AuditSource): AuditSource {
  return { actorId: null, actorName: ANONYMOUS_ACTOR, ip: null, requestId: null, at: source.at };
}
