import { and, desc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Actor } from '../../../kernel/access.js';
import { writeAudit } from '../../../kernel/audit.js';
import type { TxEnv } from '../../../kernel/context.js';
import type { Db } from '../../../kernel/db.js';
import { AppError } from '../../../kernel/errors.js';
import { lockMember } from '../../member/index.js';
import { FILE_HANDLE, loadFile, type FileRow } from './hardship.access.js';
import {
  CURRENT_FILE_STATES,
  hardshipConsent,
  hardshipEvent,
  hardshipEvidence,
  hardshipFile,
  type EXIT_REASONS,
  type FILE_STATES,
  type HardshipCause,
} from './hardship.schema.js';
import { addMonths, chinaToday } from './dates.js';
import { effectiveLine } from './lines.js';
import {
  categoryProblems,
  EMPTY_SENSITIVE,
  incomeBand,
  incomePerHeadFen,
  readSensitive,
  toFen,
  type Category,
  type HouseholdMember,
  type Sensitive,
} from './rules.js';

// The hardship file's lifecycle. One function per transition; each moves the file with a
// conditional UPDATE (… WHERE state IN (allowed)), so of two officers acting at once one wins and
// the other gets 409 HARDSHIP_STATE; each writes a hardship_event and an audit row in the
// caller's transaction. Sensitive parts (household, incomes, health, visit notes, event notes)
// are stored encrypted.

type FileState = (typeof FILE_STATES)[number];
export type ExitReason = (typeof EXIT_REASONS)[number];

/** The consent text's version the H5 shows; a consent to an older text is refused. */
export const CONSENT_VERSION = '2025-1';
export const CONSENT_SCOPES = ['collect', 'verify', 'assist'] as const;
/**
 * The scope each use of a member's data needs from their effective consent: `collect` to open a
 * file and to enter its data and evidence; `verify` to submit it for verification, record the home
 * visit, file it and review it; `assist` to propose and approve assistance. Exiting a file and
 * reading it need none (they end or show what is held; a withdrawal closes the file).
 */
export type ConsentScope = (typeof CONSENT_SCOPES)[number];
/** After a withdrawal the sensitive data is deleted this long after (days). */
export const PURGE_AFTER_DAYS = 30;
/** After an exit the household is watched for relapse (防止返困) for this many months. */
export const WATCH_MONTHS = 12;

/** What a file may be moved (or changed) by; each action lists the states it starts from. */
export type FileAction = 'update' | 'submit' | 'visit' | 'file' | 'review' | 'exit' | 'reopen' | 'evidence';

export const ALLOWED: Record<FileAction, FileState[]> = {
  update: ['draft', 'verifying'],
  submit: ['draft'],
  visit: ['verifying'],
  file: ['verifying'],
  review: ['filed'],
  exit: ['filed'],
  reopen: ['exited', 'closed'],
  evidence: ['draft', 'verifying', 'filed'],
};

const stateError = (f: Pick<FileRow, 'state'>) => new AppError('HARDSHIP_STATE', [{ path: 'state', message: f.state }]);

async function move(
  tx: Db,
  f: FileRow,
  from: FileState[],
  set: Partial<typeof hardshipFile.$inferInsert>,
  at: Date,
): Promise<FileRow> {
  if (!from.includes(f.state)) throw stateError(f);
  const [row] = await tx
    .update(hardshipFile)
    .set({ ...set, updatedAt: at })
    .where(and(eq(hardshipFile.id, f.id), inArray(hardshipFile.state, from)))
    .returning();
  if (!row) {
    const [now] = await tx.select({ state: hardshipFile.state }).from(hardshipFile).where(eq(hardshipFile.id, f.id));
    throw stateError(now ?? f);
  }
  return row;
}

export async function recordEvent(
  tx: Db,
  env: TxEnv,
  f: Pick<FileRow, 'id' | 'orgId'>,
  kind: string,
  opts: { note?: string | null; audit?: Record<string, unknown>; actorName?: string | null } = {},
): Promise<void> {
  await tx.insert(hardshipEvent).values({
    fileId: f.id,
    kind,
    actorId: env.source.actorId,
    actorName: opts.actorName ?? env.source.actorName,
    noteEnc: opts.note ? env.crypto.encrypt(opts.note) : null,
    at: env.source.at,
  });
  await writeAudit(tx, env.crypto, env.source, {
    orgId: f.orgId,
    action: `hardship.${kind}`,
    targetType: 'hardship_file',
    targetId: f.id,
    after: opts.audit ?? null,
  });
}

// --- consent ---

/** The member's consent record in force: the latest one, unless it was withdrawn. A new record replaces (widens or narrows) the one before. */
export async function activeConsent(db: Db, memberId: number) {
  const [c] = await db
    .select()
    .from(hardshipConsent)
    .where(eq(hardshipConsent.memberId, memberId))
    .orderBy(desc(hardshipConsent.id))
    .limit(1);
  return c && !c.withdrawnAt ? c : null;
}

/**
 * The member's consent in force must cover `need`: 409 HARDSHIP_NO_CONSENT without one,
 * 409 HARDSHIP_CONSENT_SCOPE (naming the scope) when it does not cover this use. The member's row
 * is share-locked, so a consent recorded or withdrawn meanwhile waits for this use to commit.
 */
export async function requireConsent(tx: Db, memberId: number, need: ConsentScope) {
  await lockMember(tx, memberId, 'share');
  const c = await activeConsent(tx, memberId);
  if (!c) throw new AppError('HARDSHIP_NO_CONSENT');
  if (!c.scope.includes(need))
    throw new AppError('HARDSHIP_CONSENT_SCOPE', [
      { path: 'consent.scope', message: `hardship.consent.scope.${need}` },
    ]);
  return c;
}

export async function recordConsent(
  tx: Db,
  env: TxEnv,
  m: { id: number; orgId: number },
  input: { version: string; scope: string[] },
  via: 'member' | 'staff',
): Promise<number> {
  if (input.version !== CONSENT_VERSION)
    throw new AppError('VALIDATION_FAILED', [{ path: 'version', message: 'hardship.consent.version' }]);
  // one change at a time: the member's row is locked; the new record is the one in force from now
  // on, whether it widens or narrows what the member agreed to before
  await lockMember(tx, m.id, 'update');
  const before = await activeConsent(tx, m.id);
  const [c] = await tx
    .insert(hardshipConsent)
    .values({
      memberId: m.id,
      version: input.version,
      scope: input.scope,
      givenVia: via,
      recordedBy: via === 'staff' ? env.source.actorId : null,
      givenAt: env.source.at,
    })
    .returning({ id: hardshipConsent.id });
  if (!c) throw new Error('consent insert returned no row');
  await writeAudit(tx, env.crypto, env.source, {
    orgId: m.orgId,
    action: 'hardship.consent.give',
    targetType: 'hardship_consent',
    targetId: c.id,
    after: { memberId: m.id, version: input.version, scope: input.scope, via, replaces: before?.id ?? null },
  });
  return c.id;
}

/** The member withdraws consent: the current file closes and its sensitive data is purged after PURGE_AFTER_DAYS. */
export async function withdrawConsent(tx: Db, env: TxEnv, m: { id: number; orgId: number }): Promise<void> {
  await lockMember(tx, m.id, 'update');
  const c = await activeConsent(tx, m.id);
  if (!c) throw new AppError('CONFLICT', [{ path: 'consent', message: 'hardship.consent.none' }]);
  await tx
    .update(hardshipConsent)
    .set({ withdrawnAt: env.source.at })
    .where(and(eq(hardshipConsent.memberId, m.id), isNull(hardshipConsent.withdrawnAt)));
  await writeAudit(tx, env.crypto, env.source, {
    orgId: m.orgId,
    action: 'hardship.consent.withdraw',
    targetType: 'hardship_consent',
    targetId: c.id,
    after: { memberId: m.id },
  });
  const purgeAt = new Date(env.source.at.getTime() + PURGE_AFTER_DAYS * 86400_000);
  // the current file closes; earlier (exited) files hold sensitive data too and are purged with it
  const files = await tx
    .update(hardshipFile)
    .set({
      state: sql`case when ${hardshipFile.state} in ('draft','verifying','filed') then 'closed' else ${hardshipFile.state} end`,
      purgeAt,
      updatedAt: env.source.at,
    })
    .where(
      and(
        eq(hardshipFile.memberId, m.id),
        isNull(hardshipFile.purgeAt),
        inArray(hardshipFile.state, ['draft', 'verifying', 'filed', 'exited']),
      ),
    )
    .returning({ id: hardshipFile.id, orgId: hardshipFile.orgId, state: hardshipFile.state });
  for (const f of files)
    await recordEvent(tx, env, f, 'closed', {
      note: '职工撤回同意，档案关闭，敏感信息将于 30 日后删除',
      audit: { purgeAt: purgeAt.toISOString(), state: f.state },
    });
}

// --- opening a file ---

export interface OpenDraftFileInput {
  memberId: number;
  source: 'staff' | 'candidate' | 'case';
  caseId?: number;
  actor: Actor;
  /** A re-entry: the earlier file of the same member. */
  previousFileId?: number;
}

/**
 * Opens a draft file for a member inside the caller's transaction (officers, identification
 * candidates, 帮扶救助 cases). Needs a consent covering `collect` (409 HARDSHIP_NO_CONSENT /
 * HARDSHIP_CONSENT_SCOPE) and no current
 * file (409 HARDSHIP_FILE_EXISTS). The caller checks the actor's scope over the member.
 */
export async function openDraftFile(tx: Db, env: TxEnv, input: OpenDraftFileInput): Promise<{ id: number }> {
  const m = await lockMember(tx, input.memberId, 'update');
  if (!m) throw new AppError('NOT_FOUND');
  const consent = await requireConsent(tx, m.id, 'collect');
  const [current] = await tx
    .select({ id: hardshipFile.id })
    .from(hardshipFile)
    .where(and(eq(hardshipFile.memberId, m.id), inArray(hardshipFile.state, [...CURRENT_FILE_STATES])))
    .limit(1);
  if (current) throw new AppError('HARDSHIP_FILE_EXISTS', [{ path: 'memberId', message: String(current.id) }]);
  const [f] = await tx
    .insert(hardshipFile)
    .values({
      memberId: m.id,
      orgId: m.orgId,
      consentId: consent.id,
      state: 'draft',
      source: input.source,
      caseId: input.caseId ?? null,
      createdBy: input.actor.accountId,
      createdAt: env.source.at,
      updatedAt: env.source.at,
    })
    .returning();
  if (!f) throw new Error('file insert returned no row');
  await recordEvent(tx, env, f, input.previousFileId ? 'reopened' : 'created', {
    note: input.previousFileId ? `重新建档（原档案 #${input.previousFileId}）` : null,
    audit: {
      memberId: m.id,
      source: input.source,
      caseId: input.caseId ?? null,
      previousFileId: input.previousFileId ?? null,
    },
  });
  return { id: f.id };
}

// --- draft data ---

export interface FilePatch {
  category?: Category | null;
  causes?: HardshipCause[];
  household?: HouseholdMember[];
  otherIncome?: number;
  situation?: string;
}

/** Recomputes size and band from the sensitive part; checks the category against the lines (all of it when `complete`: submitting, filing, reviewing). */
async function derive(
  tx: Db,
  f: FileRow,
  d: { s: Sensitive; category: Category | null; causes: string[]; complete: boolean },
) {
  const { s, category, causes, complete } = d;
  const lines = await effectiveLine(tx, f.orgId);
  const problems = categoryProblems({ category, causes }, s, lines, complete);
  if (complete && !lines && !problems.some((p) => p.message === 'hardship.line.missing'))
    problems.push({ path: 'category', message: 'hardship.line.missing' });
  if (problems.length) throw new AppError('VALIDATION_FAILED', problems);
  return { householdSize: s.household.length || null, incomeBand: incomeBand(incomePerHeadFen(s), lines) };
}

export async function updateFile(tx: Db, env: TxEnv, actor: Actor, id: number, p: FilePatch): Promise<void> {
  const { f } = await loadFile(tx, actor, id, FILE_HANDLE);
  await requireConsent(tx, f.memberId, 'collect');
  const s0 = readSensitive(env.crypto.decrypt, f.sensitiveEnc);
  const s: Sensitive = {
    household: p.household
      ? p.household.map(({ monthlyIncome, ...rest }) => ({ ...rest, monthlyIncomeFen: toFen(monthlyIncome) }))
      : s0.household,
    otherIncomeFen: p.otherIncome !== undefined ? toFen(p.otherIncome) : s0.otherIncomeFen,
    situation: p.situation ?? s0.situation,
  };
  const category = p.category !== undefined ? p.category : f.category;
  const causes = p.causes ?? f.causes;
  const derived = await derive(tx, f, { s, category, causes, complete: false });
  await move(
    tx,
    f,
    ALLOWED.update,
    { category, causes, sensitiveEnc: env.crypto.encrypt(JSON.stringify(s)), ...derived },
    env.source.at,
  );
  // the audit row names what changed, never the values of the sensitive part
  await recordEvent(tx, env, f, 'updated', {
    audit: { changed: Object.keys(p), category, causes, incomeBand: derived.incomeBand },
  });
}

// --- transitions ---

export async function submitFile(tx: Db, env: TxEnv, actor: Actor, id: number, note?: string): Promise<void> {
  const { f } = await loadFile(tx, actor, id, FILE_HANDLE);
  await requireConsent(tx, f.memberId, 'verify');
  const derived = await derive(tx, f, {
    s: readSensitive(env.crypto.decrypt, f.sensitiveEnc),
    category: f.category,
    causes: f.causes,
    complete: true,
  });
  await move(tx, f, ALLOWED.submit, { state: 'verifying', ...derived }, env.source.at);
  await recordEvent(tx, env, f, 'submitted', { note });
}

export interface Visit {
  visitedOn: string;
  notes: string;
  companions?: string;
}

export async function recordVisit(tx: Db, env: TxEnv, actor: Actor, id: number, v: Visit): Promise<void> {
  const { f } = await loadFile(tx, actor, id, FILE_HANDLE);
  await requireConsent(tx, f.memberId, 'verify');
  if (v.visitedOn > chinaToday(env.source.at))
    throw new AppError('VALIDATION_FAILED', [{ path: 'visitedOn', message: 'hardship.visit.future' }]);
  const visit = { officerId: actor.accountId, officerName: actor.displayName, ...v };
  await move(
    tx,
    f,
    ALLOWED.visit,
    {
      visitEnc: env.crypto.encrypt(JSON.stringify(visit)),
      verifiedBy: actor.accountId,
      verifiedAt: new Date(`${v.visitedOn}T12:00:00+08:00`),
    },
    env.source.at,
  );
  await recordEvent(tx, env, f, 'visited', { note: `入户核实（${v.visitedOn}）`, audit: { visitedOn: v.visitedOn } });
}

export async function fileIt(tx: Db, env: TxEnv, actor: Actor, id: number, note?: string): Promise<void> {
  const { f } = await loadFile(tx, actor, id, FILE_HANDLE);
  await requireConsent(tx, f.memberId, 'verify');
  if (!f.visitEnc) throw new AppError('VALIDATION_FAILED', [{ path: 'visit', message: 'hardship.visit.required' }]);
  const derived = await derive(tx, f, {
    s: readSensitive(env.crypto.decrypt, f.sensitiveEnc),
    category: f.category,
    causes: f.causes,
    complete: true,
  });
  const today = chinaToday(env.source.at);
  await move(
    tx,
    f,
    ALLOWED.file,
    { state: 'filed', filedAt: env.source.at, reviewDue: addMonths(today, 12), ...derived },
    env.source.at,
  );
  await recordEvent(tx, env, f, 'filed', { note, audit: { category: f.category, reviewDue: addMonths(today, 12) } });
}

export interface ExitInput {
  reason: ExitReason;
  note?: string;
  monthsAboveLine?: number;
}

function exitSet(env: TxEnv, e: ExitInput) {
  const today = chinaToday(env.source.at);
  const note =
    e.reason === 'income_above_line'
      ? `收入连续 ${e.monthsAboveLine} 个月超过标准${e.note ? `；${e.note}` : ''}`
      : (e.note ?? null);
  return {
    state: 'exited' as const,
    exitedAt: env.source.at,
    exitReason: e.reason,
    exitNote: note,
    watchUntil: addMonths(today, WATCH_MONTHS),
    reviewDue: null,
  };
}

export interface ReviewInput {
  outcome: 'keep' | 'change_category' | 'exit';
  category?: Category;
  exit?: ExitInput;
  note?: string;
}

/** The yearly review: keep (next review in a year), change the category (checked against the lines), or exit. */
export async function reviewFile(tx: Db, env: TxEnv, actor: Actor, id: number, r: ReviewInput): Promise<void> {
  const { f } = await loadFile(tx, actor, id, FILE_HANDLE);
  await requireConsent(tx, f.memberId, 'verify');
  const today = chinaToday(env.source.at);
  if (r.outcome === 'exit') {
    if (!r.exit)
      throw new AppError('VALIDATION_FAILED', [{ path: 'exit.reason', message: 'hardship.review.exitReason' }]);
    const set = exitSet(env, r.exit);
    await move(tx, f, ALLOWED.review, set, env.source.at);
    await recordEvent(tx, env, f, 'reviewed', {
      note: [r.note, `复核结论：退出（${set.exitNote ?? r.exit.reason}）`].filter(Boolean).join('\n'),
      audit: { outcome: 'exit', reason: r.exit.reason, watchUntil: set.watchUntil },
    });
    return;
  }
  let category = f.category;
  let derived = {};
  if (r.outcome === 'change_category') {
    if (!r.category)
      throw new AppError('VALIDATION_FAILED', [{ path: 'category', message: 'hardship.review.category' }]);
    category = r.category;
    derived = await derive(tx, f, {
      s: readSensitive(env.crypto.decrypt, f.sensitiveEnc),
      category,
      causes: f.causes,
      complete: true,
    });
  }
  const reviewDue = addMonths(today, 12);
  await move(tx, f, ALLOWED.review, { category, reviewDue, ...derived }, env.source.at);
  await recordEvent(tx, env, f, 'reviewed', {
    note: [r.note, r.outcome === 'keep' ? '复核结论：继续保留' : `复核结论：类别调整为 ${category}`]
      .filter(Boolean)
      .join('\n'),
    audit: { outcome: r.outcome, from: f.category, category, reviewDue },
  });
}

export async function exitFile(tx: Db, env: TxEnv, actor: Actor, id: number, e: ExitInput): Promise<void> {
  const { f } = await loadFile(tx, actor, id, FILE_HANDLE);
  const set = exitSet(env, e);
  await move(tx, f, ALLOWED.exit, set, env.source.at);
  await recordEvent(tx, env, f, 'exited', {
    note: set.exitNote,
    audit: { reason: e.reason, watchUntil: set.watchUntil },
  });
}

/** Re-entry: a new draft file for the member of an exited or closed file, linked by member (and the event). */
export async function reopenFile(tx: Db, env: TxEnv, actor: Actor, id: number): Promise<{ id: number }> {
  const { f } = await loadFile(tx, actor, id, FILE_HANDLE);
  if (!ALLOWED.reopen.includes(f.state)) throw stateError(f);
  const opened = await openDraftFile(tx, env, { memberId: f.memberId, source: 'staff', actor, previousFileId: f.id });
  const watched = f.watchUntil && chinaToday(env.source.at) <= f.watchUntil;
  await recordEvent(tx, env, f, 'reentered', {
    note: `重新建档 #${opened.id}${watched ? '（防止返困观察期内返困）' : ''}`,
    audit: { newFileId: opened.id, relapse: Boolean(watched) },
  });
  return opened;
}

// --- the purge sweep ---

/** Deletes the sensitive data of files whose purge date has come; keeps id, member, org, category. Returns the evidence keys to delete from disk. */
export async function purgeDue(tx: Db, env: TxEnv, limit: number): Promise<{ files: number; storageKeys: string[] }> {
  const due = await tx
    .select({ id: hardshipFile.id, orgId: hardshipFile.orgId })
    .from(hardshipFile)
    .where(lte(hardshipFile.purgeAt, env.source.at))
    .limit(limit)
    .for('update', { skipLocked: true });
  const storageKeys: string[] = [];
  for (const f of due) {
    await tx
      .update(hardshipFile)
      .set({
        sensitiveEnc: null,
        visitEnc: null,
        exitNote: null,
        causes: [],
        householdSize: null,
        incomeBand: null,
        purgeAt: null,
        updatedAt: env.source.at,
      })
      .where(eq(hardshipFile.id, f.id));
    await tx.update(hardshipEvent).set({ noteEnc: null }).where(eq(hardshipEvent.fileId, f.id));
    const gone = await tx
      .delete(hardshipEvidence)
      .where(eq(hardshipEvidence.fileId, f.id))
      .returning({ key: hardshipEvidence.storageKey });
    storageKeys.push(...gone.map((g) => g.key));
    await recordEvent(tx, env, f, 'purged', { audit: { evidence: gone.length } });
  }
  return { files: due.length, storageKeys };
}

export { EMPTY_SENSITIVE };
