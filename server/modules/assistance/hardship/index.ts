// Hardship files (困难职工档案): routes, the purge sweep, and what aid/ and identify/ call.
import { and, count, desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { AuditSource } from '../../../kernel/audit.js';
import type { Deps } from '../../../kernel/context.js';
import type { Db } from '../../../kernel/db.js';
import { registerOrgUsage } from '../../org/index.js';
import { removeEvidence } from './evidence.js';
import { hardshipRoutes as staffRoutes } from './hardship.routes.js';
import { hardshipFile, hardshipLine } from './hardship.schema.js';
import { purgeDue } from './hardship.service.js';
import { hardshipSelfRoutes } from './me.routes.js';

// An org that keeps hardship files or sets lines is in use: it can be closed, not deleted.
registerOrgUsage(async (tx, orgId) => {
  const [f] = await tx.select({ n: count() }).from(hardshipFile).where(eq(hardshipFile.orgId, orgId));
  const [l] = await tx.select({ n: count() }).from(hardshipLine).where(eq(hardshipLine.orgId, orgId));
  return (f?.n ?? 0) + (l?.n ?? 0) > 0;
});

/** Deletes the sensitive data of files whose consent was withdrawn and whose purge date has come (the sweep; tests call it with the manual clock). */
export async function purgeHardship(
  deps: Pick<Deps, 'db' | 'crypto' | 'clock' | 'config'>,
): Promise<{ files: number }> {
  const source = (): AuditSource => ({
    actorId: null,
    actorName: 'system',
    ip: null,
    requestId: null,
    at: deps.clock.now(),
  });
  let files = 0;
  for (;;) {
    const done = await deps.db.transaction((tx) => purgeDue(tx, { crypto: deps.crypto, source: source() }, 100));
    await removeEvidence(deps.config.dataDir, done.storageKeys);
    files += done.files;
    if (done.files < 100) break;
  }
  return { files };
}

export async function hardshipRoutes(app: FastifyInstance): Promise<void> {
  await app.register(staffRoutes);
  await app.register(hardshipSelfRoutes);
}

export interface FileSummary {
  id: number;
  memberId: number;
  orgId: number;
  state: string;
  category: string | null;
  incomeBand: string | null;
  householdSize: number | null;
  reviewDue: string | null;
}

const summaryColumns = {
  id: hardshipFile.id,
  memberId: hardshipFile.memberId,
  orgId: hardshipFile.orgId,
  state: hardshipFile.state,
  category: hardshipFile.category,
  incomeBand: hardshipFile.incomeBand,
  householdSize: hardshipFile.householdSize,
  reviewDue: hardshipFile.reviewDue,
};

/** A file's clear-text summary (no sensitive data), for assistance records. */
export async function fileSummary(db: Db, fileId: number): Promise<FileSummary | undefined> {
  const [f] = await db.select(summaryColumns).from(hardshipFile).where(eq(hardshipFile.id, fileId));
  return f;
}

/** The member's current filed file (state `filed`), if any: assistance goes to filed households. */
export async function currentFiledFile(db: Db, memberId: number): Promise<FileSummary | undefined> {
  const [f] = await db
    .select(summaryColumns)
    .from(hardshipFile)
    .where(and(eq(hardshipFile.memberId, memberId), eq(hardshipFile.state, 'filed')))
    .orderBy(desc(hardshipFile.id))
    .limit(1);
  return f;
}

export {
  openDraftFile,
  activeConsent,
  requireConsent,
  CONSENT_VERSION,
  CONSENT_SCOPES,
  type ConsentScope,
  type OpenDraftFileInput,
} from './hardship.service.js';
export { effectiveLine, type EffectiveLine } from './lines.js';
export { FILE_READ, FILE_HANDLE, LINE_MANAGE } from './hardship.access.js';
export { hardshipTodo } from './workbench.js';
