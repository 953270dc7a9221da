import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { OutOfScopeError, orgCondition, pathInScope, type Actor, type Permission } from '../../../kernel/access.js';
import { writeAudit } from '../../../kernel/audit.js';
import type { TxEnv } from '../../../kernel/context.js';
import { maskIdNumber, maskPhone, type Crypto } from '../../../kernel/crypto.js';
import { countUpTo, rows, type Db } from '../../../kernel/db.js';
import { AppError } from '../../../kernel/errors.js';
import { account, holdsPermission } from '../../auth/index.js';
import { member } from '../../member/index.js';
import { org } from '../../org/index.js';
import { openDraftFile } from '../hardship/index.js';
import { CANDIDATE_LOCK } from './compute.js';
import { decryptSituation, yearWindow } from './facts.js';
import {
  identifyCandidate,
  identifyDismissal,
  identifyRule,
  identifyVisit,
  memberSituation,
  RULE_CODES,
  type RuleCode,
} from './identify.schema.js';
import { defaultRule, fingerprintOf, mergeRules, RULE_TEXT, type RuleSetting, type Situation } from './rules.js';

// The identification list and what staff do with it; rules per org; member situations.

export const IDENTIFY_READ = 'assistance:identify:read';
export const IDENTIFY_HANDLE = 'assistance:identify:handle';
export const IDENTIFY_RULES = 'assistance:identify:rules';
/** A dismissal hides a candidate for six months unless new evidence fires. */
export const DISMISS_MONTHS = 6;

function addMonths(d: Date, n: number): Date {
  const x = new Date(d);
  x.setUTCMonth(x.getUTCMonth() + n);
  return x;
}

/** The member, if its union lies in the caller's read scope (404 otherwise) and `need` reaches it (403 otherwise). */
export async function memberFor(
  db: Db,
  actor: Actor,
  memberId: number,
  need: Permission,
  read: Permission = IDENTIFY_READ,
) {
  if (actor.kind !== 'staff') throw new OutOfScopeError('member', String(memberId));
  const [m] = await db
    .select({ m: member, path: org.path, orgName: org.name })
    .from(member)
    .innerJoin(org, eq(org.id, member.orgId))
    .where(eq(member.id, memberId));
  if (!m || !pathInScope(actor, read, m.path)) throw new OutOfScopeError('member', String(memberId));
  if (!pathInScope(actor, need, m.path)) throw new AppError('FORBIDDEN');
  return m;
}

export interface CandidateFilter {
  orgPath?: string;
  rule?: RuleCode;
  minScore?: number;
}

/** Whole years from `birth` to `today` (both YYYY-MM-DD): 'MM-DD' strings compare like the dates. */
const ageOn = (birth: string, today: string) =>
  Number(today.slice(0, 4)) - Number(birth.slice(0, 4)) - (today.slice(5) < birth.slice(5) ? 1 : 0);

/** The identification list's conditions: both scopes, and candidates no dismissal hides now. */
export function candidateWhere(actor: Actor, f: CandidateFilter, now: Date): SQL | undefined {
  // Both scopes: the list never shows a member the caller could not find in the roster.
  const where: SQL[] = [
    orgCondition(actor, IDENTIFY_READ, identifyCandidate.orgId),
    orgCondition(actor, 'member:member:read', identifyCandidate.orgId),
    sql`(${identifyCandidate.hiddenUntil} is null or ${identifyCandidate.hiddenUntil} <= ${now})`,
  ];
  if (f.orgPath) where.push(sql`${identifyCandidate.orgId} in (select id from org where path like ${f.orgPath + '%'})`);
  if (f.rule) where.push(sql`${identifyCandidate.reasons} @> ${JSON.stringify([{ code: f.rule }])}::jsonb`);
  if (f.minScore) where.push(sql`${identifyCandidate.score} >= ${f.minScore}`);
  return and(...where);
}

/** The visible candidates in scope, best first, each masked as the member list masks (name in full, ID number and phone masked). */
export async function listCandidates(
  db: Db,
  crypto: Crypto,
  actor: Actor,
  f: CandidateFilter & { page: number; pageSize: number },
  now: Date,
) {
  const cond = candidateWhere(actor, f, now);
  const [items, counted] = await Promise.all([
    db
      .select({ c: identifyCandidate, m: member, orgName: org.name })
      .from(identifyCandidate)
      .innerJoin(member, eq(member.id, identifyCandidate.memberId))
      .innerJoin(org, eq(org.id, identifyCandidate.orgId))
      .where(cond)
      .orderBy(desc(identifyCandidate.score), identifyCandidate.memberId)
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    countUpTo(db, identifyCandidate, cond),
  ]);
  const ids = items.map((i) => i.c.memberId);
  const visits = ids.length
    ? await rows<{ member_id: string | number; id: string | number; due_date: string; assignee_name: string }>(
        db,
        sql`
    select distinct on (v.member_id) v.member_id, v.id, v.due_date::text as due_date, a.display_name as assignee_name
    from identify_visit v join account a on a.id = v.assignee_id
    where v.state = 'open' and v.member_id in (${sql.join(
      ids.map((i) => sql`${i}`),
      sql`, `,
    )}) order by v.member_id, v.id desc`,
      )
    : [];
  const visitOf = new Map(
    visits.map((v) => [Number(v.member_id), { id: Number(v.id), dueDate: v.due_date, assigneeName: v.assignee_name }]),
  );
  const today = yearWindow(now).today;
  return {
    items: items.map(({ c, m, orgName }) => ({
      memberId: m.id,
      name: m.name,
      orgId: c.orgId,
      orgName,
      gender: m.gender,
      age: ageOn(m.birthDate, today),
      idNumber: maskIdNumber(crypto.decrypt(m.idNumberEnc)),
      phone: m.phoneEnc ? maskPhone(crypto.decrypt(m.phoneEnc)) : null,
      jobType: m.jobType,
      score: c.score,
      reasons: c.reasons.map((r) => ({ code: r.code, weight: r.weight, detail: r.detail })),
      computedAt: c.computedAt.toISOString(),
      visit: visitOf.get(m.id) ?? null,
    })),
    ...counted,
  };
}

async function candidateOf(tx: Db, memberId: number) {
  const [c] = await tx.select().from(identifyCandidate).where(eq(identifyCandidate.memberId, memberId)).for('update');
  if (!c) throw new AppError('NOT_FOUND');
  return c;
}

/** Verify: opens a draft hardship file (the member's consent must be on record: 409 HARDSHIP_NO_CONSENT) and takes the member off the list. */
export async function verifyCandidate(tx: Db, env: TxEnv, actor: Actor, memberId: number): Promise<{ fileId: number }> {
  const m = await memberFor(tx, actor, memberId, IDENTIFY_HANDLE);
  await tx.execute(sql`select pg_advisory_xact_lock(${CANDIDATE_LOCK})`);
  const c = await candidateOf(tx, memberId);
  const { id } = await openDraftFile(tx, env, { memberId, source: 'candidate', actor });
  await tx.delete(identifyCandidate).where(eq(identifyCandidate.memberId, memberId));
  await writeAudit(tx, env.crypto, env.source, {
    orgId: m.m.orgId,
    action: 'identify.verify',
    targetType: 'member',
    targetId: memberId,
    after: { fileId: id, score: c.score, reasons: c.reasons.map((r) => r.code) },
  });
  return { fileId: id };
}

/** Dismiss with a reason: hidden for six months, unless a later recompute finds new evidence. */
export async function dismissCandidate(tx: Db, env: TxEnv, actor: Actor, memberId: number, reason: string) {
  const m = await memberFor(tx, actor, memberId, IDENTIFY_HANDLE);
  await tx.execute(sql`select pg_advisory_xact_lock(${CANDIDATE_LOCK})`);
  const c = await candidateOf(tx, memberId);
  const until = addMonths(env.source.at, DISMISS_MONTHS);
  const fingerprint = fingerprintOf(c.reasons);
  const [d] = await tx
    .insert(identifyDismissal)
    .values({
      memberId,
      orgId: m.m.orgId,
      reason,
      fingerprint,
      dismissedBy: actor.accountId,
      dismissedAt: env.source.at,
      until,
    })
    .returning({ id: identifyDismissal.id });
  await tx.update(identifyCandidate).set({ hiddenUntil: until }).where(eq(identifyCandidate.memberId, memberId));
  await writeAudit(tx, env.crypto, env.source, {
    orgId: m.m.orgId,
    action: 'identify.dismiss',
    targetType: 'member',
    targetId: memberId,
    after: { dismissalId: d?.id, reason, until: until.toISOString(), fingerprint },
  });
  return { until: until.toISOString() };
}

/** Assigns a home visit to a staff member whose identification grant reaches the member's union. */
export async function assignVisit(
  tx: Db,
  env: TxEnv,
  actor: Actor,
  memberId: number,
  input: { assigneeId: number; dueDate: string; note?: string | undefined },
) {
  const m = await memberFor(tx, actor, memberId, IDENTIFY_HANDLE);
  await candidateOf(tx, memberId);
  const [a] = await rows<{ id: string | number; display_name: string; org_path: string | null }>(
    tx,
    sql`
    select a.id, a.display_name, o.path as org_path from account a left join org o on o.id = a.org_id
    where a.id = ${input.assigneeId} and a.kind = 'staff' and a.status = 'active'
      and ${holdsPermission(sql`a.id`, IDENTIFY_HANDLE, m.path)}`,
  );
  if (!a || !a.org_path || !pathInScope(actor, IDENTIFY_READ, a.org_path))
    throw new AppError('VALIDATION_FAILED', [{ path: 'assigneeId', message: 'identify.assignee' }]);
  if (input.dueDate < yearWindow(env.source.at).today)
    throw new AppError('VALIDATION_FAILED', [{ path: 'dueDate', message: 'identify.dueDatePast' }]);
  await tx
    .update(identifyVisit)
    .set({ state: 'cancelled' })
    .where(and(eq(identifyVisit.memberId, memberId), eq(identifyVisit.state, 'open')));
  const [v] = await tx
    .insert(identifyVisit)
    .values({
      memberId,
      orgId: m.m.orgId,
      assigneeId: input.assigneeId,
      dueDate: input.dueDate,
      noteEnc: input.note ? env.crypto.encrypt(input.note) : null,
      createdBy: actor.accountId,
      createdAt: env.source.at,
    })
    .returning();
  if (!v) throw new Error('visit insert returned no row');
  await writeAudit(tx, env.crypto, env.source, {
    orgId: m.m.orgId,
    action: 'identify.visit.assign',
    targetType: 'member',
    targetId: memberId,
    after: { visitId: v.id, assigneeId: v.assigneeId, dueDate: v.dueDate },
  });
  return {
    id: v.id,
    memberId,
    assigneeId: v.assigneeId,
    assigneeName: a.display_name,
    dueDate: v.dueDate,
    state: v.state,
  };
}

// --- rules ---

/** The org's effective rules, and for each where it comes from (this org, an ancestor, or the default). */
export async function rulesOf(db: Db, orgId: number) {
  const [o] = await db.select({ path: org.path }).from(org).where(eq(org.id, orgId));
  if (!o) throw new AppError('NOT_FOUND');
  const found = await rows<{
    org_id: string | number;
    org_name: string;
    path: string;
    code: RuleCode;
    enabled: boolean;
    weight: number;
    params: Record<string, unknown>;
  }>(
    db,
    sql`
    select r.org_id, o.name as org_name, o.path, r.code, r.enabled, r.weight, r.params from ${identifyRule} r join org o on o.id = r.org_id
    where ${o.path} like o.path || '%' order by length(o.path)`,
  );
  const from = new Map<RuleCode, { orgId: number; orgName: string }>();
  for (const r of found) from.set(r.code, { orgId: Number(r.org_id), orgName: r.org_name });
  const rules = mergeRules(
    found.map((r) => ({ code: r.code, enabled: r.enabled, weight: r.weight, params: r.params })),
  );
  return {
    orgId,
    path: o.path,
    rules: rules.map((r) => ({
      ...r,
      text: RULE_TEXT[r.code].zh,
      textEn: RULE_TEXT[r.code].en,
      definedAt: from.get(r.code) ?? null,
      own: from.get(r.code)?.orgId === orgId,
      default: defaultRule(r.code),
    })),
  };
}

/** Saves the org's own rule rows (the full set given replaces what the org had). */
export async function saveRules(tx: Db, env: TxEnv, actor: Actor, orgId: number, rules: RuleSetting[]) {
  const before = await tx.select().from(identifyRule).where(eq(identifyRule.orgId, orgId));
  await tx.delete(identifyRule).where(eq(identifyRule.orgId, orgId));
  if (rules.length) {
    await tx.insert(identifyRule).values(
      rules.map((r) => ({
        orgId,
        code: r.code,
        enabled: r.enabled,
        weight: r.weight,
        params: r.params,
        updatedBy: actor.accountId,
        updatedAt: env.source.at,
      })),
    );
  }
  await writeAudit(tx, env.crypto, env.source, {
    orgId,
    action: 'identify.rules.update',
    targetType: 'org',
    targetId: orgId,
    before: before.map((r) => ({ code: r.code, enabled: r.enabled, weight: r.weight, params: r.params })),
    after: rules,
  });
}

export const ALL_CODES = RULE_CODES;

// --- situations ---

export async function getSituation(tx: Db, env: TxEnv, actor: Actor, memberId: number) {
  const m = await memberFor(tx, actor, memberId, IDENTIFY_HANDLE, IDENTIFY_HANDLE);
  const [s] = await tx
    .select({ s: memberSituation, by: account.displayName })
    .from(memberSituation)
    .leftJoin(account, eq(account.id, memberSituation.updatedBy))
    .where(eq(memberSituation.memberId, memberId));
  // Sensitive (health, income): every view is audited.
  await writeAudit(tx, env.crypto, env.source, {
    orgId: m.m.orgId,
    action: 'member_situation.view',
    targetType: 'member',
    targetId: memberId,
  });
  return presentSituation(env.crypto, memberId, s?.s, s?.by ?? null);
}

function presentSituation(
  crypto: Crypto,
  memberId: number,
  s: typeof memberSituation.$inferSelect | undefined,
  by: string | null,
) {
  const data: Situation = s ? decryptSituation(crypto, s.dataEnc) : {};
  return {
    memberId,
    disability: data.disability ?? false,
    dependants: data.dependants ?? null,
    incomePerHead: data.incomePerHead ?? null,
    singleParent: data.singleParent ?? false,
    disaster: data.disaster ?? false,
    note: data.note ?? null,
    updatedAt: s?.updatedAt.toISOString() ?? null,
    updatedBy: by,
  };
}

export async function putSituation(tx: Db, env: TxEnv, actor: Actor, memberId: number, input: Situation) {
  const m = await memberFor(tx, actor, memberId, IDENTIFY_HANDLE, IDENTIFY_HANDLE);
  const clean: Situation = {};
  if (input.disability) clean.disability = true;
  if (input.dependants !== undefined && input.dependants !== null) clean.dependants = input.dependants;
  if (input.incomePerHead !== undefined && input.incomePerHead !== null) clean.incomePerHead = input.incomePerHead;
  if (input.singleParent) clean.singleParent = true;
  if (input.disaster) clean.disaster = true;
  if (input.note) clean.note = input.note;
  const dataEnc = env.crypto.encrypt(JSON.stringify(clean));
  const [existed] = await tx
    .select({ id: memberSituation.memberId })
    .from(memberSituation)
    .where(eq(memberSituation.memberId, memberId));
  const [row] = await tx
    .insert(memberSituation)
    .values({ memberId, dataEnc, updatedBy: actor.accountId, updatedAt: env.source.at })
    .onConflictDoUpdate({
      target: memberSituation.memberId,
      set: { dataEnc, updatedBy: actor.accountId, updatedAt: env.source.at },
    })
    .returning();
  // The audit row names which facts changed, never their values.
  await writeAudit(tx, env.crypto, env.source, {
    orgId: m.m.orgId,
    action: existed ? 'member_situation.update' : 'member_situation.create',
    targetType: 'member',
    targetId: memberId,
    after: { fields: Object.keys(clean).sort() },
  });
  return presentSituation(env.crypto, memberId, row, actor.displayName);
}
