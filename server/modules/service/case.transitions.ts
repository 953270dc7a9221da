import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../kernel/access.js';
import type { TxEnv } from '../../kernel/context.js';
import type { Db } from '../../kernel/db.js';
import { AppError } from '../../kernel/errors.js';
import { org } from '../org/index.js';
import { CASE_HANDLE, CASE_READ, CASE_SUPERVISE, loadCase, staffWith, type LoadedCase } from './case.access.js';
import { recordStep } from './case.events.js';
import { clause, sentence, tellApplicant, toInbox } from './notify.js';
import { assigneeNow } from './posts.service.js';
import {
  caseOrgAccess,
  OPEN_STATES,
  service,
  serviceCase,
  type CaseRow,
  type CaseState,
  RATINGS,
} from './service.schema.js';
import { addWorkingDays } from './working-days.js';

// The case state machine: one function per transition. Each moves the case with a conditional
// UPDATE (… WHERE state IN (allowed)), so of two people acting at once exactly one succeeds and
// the other gets 409 CASE_STATE; each writes a timeline entry and an audit row.

const OPEN: CaseState[] = [...OPEN_STATES];
export const REOPEN_WINDOW_MS = 7 * 86400_000;

/** Which states each action starts from (the table in docs/API-SERVICE.md). */
/** What a case may be moved by; each action lists the states it starts from. */
export type CaseAction =
  'accept' | 'start' | 'resolve' | 'reject' | 'withdraw' | 'transfer' | 'assign' | 'reopen' | 'rate' | 'callback';

export const ALLOWED: Record<CaseAction, CaseState[]> = {
  accept: ['submitted', 'transferred'],
  start: ['accepted'],
  resolve: ['accepted', 'in_progress'],
  reject: ['submitted', 'transferred', 'accepted'],
  withdraw: OPEN,
  transfer: OPEN,
  assign: OPEN,
  reopen: ['resolved'],
  rate: ['resolved'],
  callback: ['resolved'],
};

const stateError = (c: CaseRow) => new AppError('CASE_STATE', [{ path: 'state', message: c.state }]);

async function move(
  tx: Db,
  c: CaseRow,
  from: CaseState[],
  set: Partial<typeof serviceCase.$inferInsert>,
  at: Date,
  extra?: SQL,
): Promise<CaseRow> {
  if (!from.includes(c.state)) throw stateError(c);
  const [row] = await tx
    .update(serviceCase)
    .set({ ...set, updatedAt: at })
    .where(and(eq(serviceCase.id, c.id), inArray(serviceCase.state, from), extra))
    .returning();
  if (!row) {
    const [now] = await tx.select().from(serviceCase).where(eq(serviceCase.id, c.id));
    throw stateError(now ?? c);
  }
  return row;
}

async function deadlineOf(tx: Db, c: CaseRow, at: Date): Promise<Date> {
  const [s] = await tx.select({ d: service.deadlineDays }).from(service).where(eq(service.id, c.serviceId));
  return addWorkingDays(at, s?.d ?? 5);
}

async function orgName(tx: Db, id: number): Promise<string> {
  const [o] = await tx.select({ name: org.name }).from(org).where(eq(org.id, id));
  return o?.name ?? '';
}

// --- staff ---

export async function acceptCase(tx: Db, env: TxEnv, actor: Actor, id: number, note?: string) {
  const { c } = await loadCase(tx, actor, id, CASE_HANDLE);
  const mine = c.assigneeId
    ? { assigneeId: c.assigneeId, coverForId: c.coverForId }
    : await assigneeNow(tx, actor.accountId, env.source.at);
  const row = await move(
    tx,
    c,
    ALLOWED.accept,
    { state: 'accepted', acceptedAt: env.source.at, ...mine },
    env.source.at,
  );
  await recordStep(tx, env, 'staff', row, { kind: 'accepted', from: c.state, to: 'accepted', note });
  const where = await orgName(tx, row.handlingOrgId);
  await tellApplicant(
    tx,
    env,
    row,
    { kind: 'case_accepted', title: '服务申请已受理', body: `您的${row.serviceName}申请已由${where}受理。` },
    { template: 'case_accepted', params: { org: where } },
  );
}

export async function startCase(tx: Db, env: TxEnv, actor: Actor, id: number, note?: string) {
  const { c } = await loadCase(tx, actor, id, CASE_HANDLE);
  const row = await move(tx, c, ALLOWED.start, { state: 'in_progress' }, env.source.at);
  await recordStep(tx, env, 'staff', row, { kind: 'started', from: c.state, to: 'in_progress', note });
  await tellApplicant(tx, env, row, {
    kind: 'case_started',
    title: '服务申请办理中',
    body: `您的${row.serviceName}申请正在办理。`,
  });
}

export async function resolveCase(tx: Db, env: TxEnv, actor: Actor, id: number, resolution: string, note?: string) {
  const { c } = await loadCase(tx, actor, id, CASE_HANDLE);
  const row = await move(
    tx,
    c,
    ALLOWED.resolve,
    { state: 'resolved', resolution, resolvedAt: env.source.at, rating: null, ratingComment: null, ratedAt: null },
    env.source.at,
  );
  await recordStep(tx, env, 'staff', row, {
    kind: 'resolved',
    from: c.state,
    to: 'resolved',
    note: note ? `${resolution}\n${note}` : resolution,
  });
  await tellApplicant(
    tx,
    env,
    row,
    {
      kind: 'case_resolved',
      title: '服务申请已办结',
      body: `您的${row.serviceName}申请已办结：${sentence(resolution)}请对办理结果进行评价。`,
    },
    { template: 'case_resolved', params: {} },
  );
}

export async function rejectCase(tx: Db, env: TxEnv, actor: Actor, id: number, reason: string) {
  const { c } = await loadCase(tx, actor, id, CASE_HANDLE);
  const row = await move(tx, c, ALLOWED.reject, { state: 'rejected', rejectReason: reason }, env.source.at);
  await recordStep(tx, env, 'staff', row, { kind: 'rejected', from: c.state, to: 'rejected', note: reason });
  await tellApplicant(
    tx,
    env,
    row,
    {
      kind: 'case_rejected',
      title: '服务申请未予受理',
      body: `您的${row.serviceName}申请未予受理：${sentence(reason)}`,
    },
    { template: 'case_rejected', params: { reason: clause(reason) } },
  );
}

export async function transferCase(tx: Db, env: TxEnv, actor: Actor, id: number, toOrgId: number, reason: string) {
  const { c } = await loadCase(tx, actor, id, CASE_HANDLE);
  const [to] = await tx
    .select({ id: org.id, name: org.name, path: org.path, status: org.status })
    .from(org)
    .where(eq(org.id, toOrgId));
  if (!to || to.status !== 'active')
    throw new AppError('VALIDATION_FAILED', [{ path: 'toOrgId', message: 'NOT_FOUND' }]);
  if (to.id === c.handlingOrgId)
    throw new AppError('CASE_TRANSFER_SAME_ORG', [{ path: 'toOrgId', message: 'CASE_TRANSFER_SAME_ORG' }]);
  const at = env.source.at;
  const row = await move(
    tx,
    c,
    ALLOWED.transfer,
    {
      state: 'transferred',
      handlingOrgId: to.id,
      assigneeId: null,
      coverForId: null,
      overdue: false,
      dueAt: await deadlineOf(tx, c, at),
    },
    at,
  );
  // The sender keeps read access to the history; the receiver now acts on the case.
  await tx.update(caseOrgAccess).set({ current: false }).where(eq(caseOrgAccess.caseId, c.id));
  await tx
    .insert(caseOrgAccess)
    .values({ caseId: c.id, orgId: to.id, current: true, since: at })
    .onConflictDoUpdate({ target: [caseOrgAccess.caseId, caseOrgAccess.orgId], set: { current: true, since: at } });
  await recordStep(
    tx,
    { ...env },
    'staff',
    { ...row, handlingOrgId: c.handlingOrgId },
    {
      kind: 'transferred',
      from: c.state,
      to: 'transferred',
      note: `转至${to.name}：${reason}`,
      audit: { fromOrgId: c.handlingOrgId, toOrgId: to.id },
    },
  );
  await tellApplicant(
    tx,
    env,
    row,
    { kind: 'case_transferred', title: '服务申请已转办', body: `您的${row.serviceName}申请已转由${to.name}办理。` },
    { template: 'case_transferred', params: { org: to.name } },
  );
  const receivers = await staffWith(tx, CASE_HANDLE, to.path);
  await toInbox(
    tx,
    at,
    receivers.map((s) => s.id),
    {
      kind: 'case_incoming',
      title: '收到转办工单',
      body: `${row.serviceName}工单由其他单位转来，请受理。`,
      caseId: row.id,
    },
  );
}

export async function assignCase(
  tx: Db,
  env: TxEnv,
  actor: Actor,
  id: number,
  assigneeId: number | null,
  note?: string,
) {
  const { c, handlingPath } = await loadCase(tx, actor, id, CASE_HANDLE);
  let target: { assigneeId: number | null; coverForId: number | null } = { assigneeId: null, coverForId: null };
  if (assigneeId !== null) {
    const handlers = await staffWith(tx, CASE_HANDLE, handlingPath, true);
    if (!handlers.some((h) => h.id === assigneeId))
      throw new AppError('CASE_ASSIGNEE_INVALID', [{ path: 'assigneeId', message: 'CASE_ASSIGNEE_INVALID' }]);
    target = await assigneeNow(tx, assigneeId, env.source.at);
  }
  const row = await move(tx, c, ALLOWED.assign, target, env.source.at);
  await recordStep(tx, env, 'staff', row, { kind: 'assigned', note, internal: true, audit: target });
  if (target.assigneeId && target.assigneeId !== actor.accountId) {
    await toInbox(tx, env.source.at, [target.assigneeId], {
      kind: 'case_assigned',
      title: '新的工单',
      body: `${row.serviceName}工单已分派给您${target.coverForId ? '（代 A 岗办理）' : ''}。`,
      caseId: row.id,
    });
  }
}

export async function addNote(tx: Db, env: TxEnv, actor: Actor, id: number, note: string, visibleToMember: boolean) {
  const { c } = await loadCase(tx, actor, id, CASE_HANDLE);
  await recordStep(tx, env, 'staff', c, { kind: 'note', note, internal: !visibleToMember });
  await tx.update(serviceCase).set({ updatedAt: env.source.at }).where(eq(serviceCase.id, c.id));
  if (visibleToMember) await tellApplicant(tx, env, c, { kind: 'case_note', title: '工单有新的答复', body: note });
}

export async function recordCallback(tx: Db, env: TxEnv, actor: Actor, id: number, reached: boolean, note: string) {
  const { c } = await loadCase(tx, actor, id, CASE_SUPERVISE);
  const callback = { at: env.source.at.toISOString(), byName: actor.displayName, reached, note };
  const row = await move(tx, c, ALLOWED.callback, { callback }, env.source.at);
  await recordStep(tx, env, 'staff', row, { kind: 'callback', note, internal: true, audit: { reached } });
}

export async function unflagCase(tx: Db, env: TxEnv, actor: Actor, id: number, note?: string) {
  const { c } = await loadCase(tx, actor, id, CASE_SUPERVISE);
  if (!c.flagged) throw stateError(c);
  await tx.update(serviceCase).set({ flagged: false, updatedAt: env.source.at }).where(eq(serviceCase.id, c.id));
  await recordStep(tx, env, 'staff', c, { kind: 'unflagged', note, internal: true });
}

// --- the member ---

async function ownCase(tx: Db, actor: Actor, id: number): Promise<LoadedCase> {
  return loadCase(tx, actor, id, CASE_READ);
}

export async function withdrawCase(tx: Db, env: TxEnv, actor: Actor, id: number, reason?: string) {
  const { c } = await ownCase(tx, actor, id);
  const row = await move(tx, c, ALLOWED.withdraw, { state: 'withdrawn' }, env.source.at);
  await recordStep(tx, env, 'member', row, { kind: 'withdrawn', from: c.state, to: 'withdrawn', note: reason });
  if (row.assigneeId)
    await toInbox(tx, env.source.at, [row.assigneeId], {
      kind: 'case_withdrawn',
      title: '申请人已撤回工单',
      body: `${row.serviceName}工单已由申请人撤回。`,
      caseId: row.id,
    });
}

async function reopen(
  tx: Db,
  env: TxEnv,
  c: CaseRow,
  set: Partial<typeof serviceCase.$inferInsert>,
  extra?: SQL,
): Promise<CaseRow> {
  return move(
    tx,
    c,
    ['resolved'],
    {
      state: 'in_progress',
      reopenCount: c.reopenCount + 1,
      resolvedAt: null,
      overdue: false,
      callback: null,
      dueAt: await deadlineOf(tx, c, env.source.at),
      ...set,
    },
    env.source.at,
    extra,
  );
}

export async function reopenCase(tx: Db, env: TxEnv, actor: Actor, id: number, reason: string) {
  const { c } = await ownCase(tx, actor, id);
  if (c.state !== 'resolved') throw stateError(c);
  if (!c.resolvedAt || env.source.at.getTime() - c.resolvedAt.getTime() > REOPEN_WINDOW_MS)
    throw new AppError('CASE_REOPEN_EXPIRED');
  const row = await reopen(tx, env, c, {});
  await recordStep(tx, env, 'member', row, { kind: 'reopened', from: 'resolved', to: 'in_progress', note: reason });
  if (row.assigneeId)
    await toInbox(tx, env.source.at, [row.assigneeId], {
      kind: 'case_reopened',
      title: '工单被重新打开',
      body: `申请人重新打开了${row.serviceName}工单：${sentence(reason)}`,
      caseId: row.id,
    });
}

export async function rateCase(
  tx: Db,
  env: TxEnv,
  actor: Actor,
  id: number,
  rating: (typeof RATINGS)[number],
  comment?: string,
) {
  const { c, handlingPath } = await ownCase(tx, actor, id);
  if (c.state !== 'resolved') throw stateError(c);
  if (c.rating) throw new AppError('CASE_ALREADY_RATED');
  const rated = { rating, ratingComment: comment ?? null, ratedAt: env.source.at };
  const note = comment ? `${RATING_ZH[rating]}：${comment}` : RATING_ZH[rating];
  if (rating !== 'dissatisfied') {
    const row = await move(tx, c, ['resolved'], rated, env.source.at, isNull(serviceCase.rating));
    await recordStep(tx, env, 'member', row, { kind: 'rated', note, audit: { rating } });
    return;
  }
  // 不满意: a second handling, and the supervisors are told.
  const row = await reopen(tx, env, c, { ...rated, flagged: true }, isNull(serviceCase.rating));
  await recordStep(tx, env, 'member', row, { kind: 'rated', note, audit: { rating } });
  await recordStep(tx, env, 'system', row, {
    kind: 'reopened',
    from: 'resolved',
    to: 'in_progress',
    note: '申请人不满意，重新办理',
  });
  const supervisors = await staffWith(tx, CASE_SUPERVISE, handlingPath);
  await toInbox(tx, env.source.at, [...supervisors.map((s) => s.id), ...(row.assigneeId ? [row.assigneeId] : [])], {
    kind: 'case_dissatisfied',
    title: '工单评价为不满意',
    body: `${row.serviceName}工单申请人不满意，已重新打开，请督办。`,
    caseId: row.id,
  });
}

export const RATING_ZH = { satisfied: '满意', basically_satisfied: '基本满意', dissatisfied: '不满意' } as const;

/** The actions the caller may take on the case now (for the screens' buttons). */
export function actionsFor(actor: Actor, l: LoadedCase, now: Date): string[] {
  const { c } = l;
  const can = (a: CaseAction) => ALLOWED[a].includes(c.state);
  if (actor.kind === 'member') {
    const within = !!c.resolvedAt && now.getTime() - c.resolvedAt.getTime() <= REOPEN_WINDOW_MS;
    return [
      ...(can('withdraw') ? ['withdraw', 'attach'] : []),
      ...(can('reopen') && within ? ['reopen'] : []),
      ...(can('rate') && !c.rating ? ['rate'] : []),
    ];
  }
  const out: string[] = [];
  if (l.canHandle) {
    for (const a of ['accept', 'start', 'resolve', 'reject', 'transfer', 'assign'] as const) if (can(a)) out.push(a);
    out.push('note');
    if (can('assign')) out.push('attach');
  }
  if (l.canSupervise) {
    if (can('callback') && !c.callback) out.push('callback');
    if (c.flagged) out.push('unflag');
  }
  return out;
}

export const openStatesSql = sql.raw(`(${OPEN_STATES.map((s) => `'${s}'`).join(',')})`);
