import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { orgCondition, type Actor } from '../../kernel/access.js';
import { maskName, maskPhone, type Crypto } from '../../kernel/crypto.js';
import { anyOf, cappedTotal, countUpTo, countUpToSql, LIST_COUNT_CAP, type Db } from '../../kernel/db.js';
import { accountRef } from '../auth/index.js';
import { orgRef } from '../org/index.js';
import { memberOfAccount } from '../member/index.js';
import { CASE_READ, type LoadedCase } from './case.access.js';
import { actionsFor } from './case.transitions.js';
import { caseNo } from './notify.js';
import {
  caseEvent,
  caseFile,
  caseOrgAccess,
  OPEN_STATES,
  serviceCase,
  type CaseRow,
  type CaseState,
  type CATEGORIES,
  type CHANNELS,
} from './service.schema.js';

// Reading cases: the queue and lists (one indexed query each), and one case with its timeline.

export interface CaseFilter {
  view?: 'mine' | 'team' | 'queue' | 'overdue' | 'all';
  state?: CaseState[];
  channel?: (typeof CHANNELS)[number];
  serviceId?: number;
  category?: (typeof CATEGORIES)[number];
  orgPath?: string;
  assigneeId?: number;
  flagged?: boolean;
  q?: string;
  from?: string;
  to?: string;
  sort?: 'createdAt' | '-createdAt' | 'dueAt' | '-updatedAt';
}

const OPEN = [...OPEN_STATES];

/** Cases the staff caller may see: handled in scope now, or (view all) handled there before. */
export function staffCaseScope(actor: Actor, view: CaseFilter['view']): SQL {
  // view=mine: a handler holds a few hundred open cases, found by service_case_mine_idx. Given the
  // bare column, the planner also ANDs the queue index per org of the scope (estimated from the
  // average org, while a service center holds a third of all cases: 87,000 entries per org read).
  // `+ 0` keeps the scope a filter on the few rows found.
  const now = orgCondition(
    actor,
    CASE_READ,
    view === 'mine' ? sql`(${serviceCase.handlingOrgId} + 0)` : serviceCase.handlingOrgId,
  );
  if (view && view !== 'all') return now;
  // From case_org_access_org_idx (the scope's orgs → their cases), not a probe per case row.
  const before = sql`${serviceCase.id} in (select a.case_id from case_org_access a where not a.current and ${orgCondition(actor, CASE_READ, sql`a.org_id`)})`;
  return sql`(${now} or ${before})`;
}

/** The filter's conditions; `handledNow` leaves out view=all's cases handled in scope before. */
export function caseConditions(actor: Actor, f: CaseFilter, memberId: number | null, handledNow = false): SQL[] {
  const w: SQL[] = [];
  if (actor.kind === 'member') {
    w.push(
      memberId
        ? anyOf(eq(serviceCase.accountId, actor.accountId), eq(serviceCase.memberId, memberId))
        : eq(serviceCase.accountId, actor.accountId),
    );
  } else {
    w.push(staffCaseScope(actor, handledNow ? 'team' : f.view));
    if (f.view === 'mine') w.push(eq(serviceCase.assigneeId, actor.accountId), inArray(serviceCase.state, OPEN));
    if (f.view === 'queue') w.push(isNull(serviceCase.assigneeId), inArray(serviceCase.state, OPEN));
    if (f.view === 'team') w.push(inArray(serviceCase.state, OPEN));
    if (f.view === 'overdue') w.push(eq(serviceCase.overdue, true), inArray(serviceCase.state, OPEN));
  }
  if (f.state?.length) w.push(inArray(serviceCase.state, f.state));
  if (f.channel) w.push(eq(serviceCase.channel, f.channel));
  if (f.serviceId) w.push(eq(serviceCase.serviceId, f.serviceId));
  if (f.category) w.push(eq(serviceCase.category, f.category));
  if (f.orgPath)
    w.push(sql`${serviceCase.handlingOrgId} in (select id from org_ref where path like ${f.orgPath + '%'})`);
  if (f.assigneeId) w.push(eq(serviceCase.assigneeId, f.assigneeId));
  if (f.flagged !== undefined) w.push(eq(serviceCase.flagged, f.flagged));
  if (f.q) {
    const m = /^FW\d{8}(\d{6,})$/i.exec(f.q.trim());
    w.push(eq(serviceCase.id, m ? Number(m[1]) : -1));
  }
  if (f.from) w.push(sql`${serviceCase.createdAt} >= (${f.from}::date - interval '8 hours')`);
  if (f.to) w.push(sql`${serviceCase.createdAt} < (${f.to}::date + interval '16 hours')`);
  return w;
}

function caseOrder(sort: CaseFilter['sort']) {
  switch (sort) {
    case 'createdAt':
      return [asc(serviceCase.createdAt), asc(serviceCase.id)];
    case 'dueAt':
      return [asc(serviceCase.dueAt), asc(serviceCase.id)];
    case '-updatedAt':
      return [desc(serviceCase.updatedAt), desc(serviceCase.id)];
    default:
      return [desc(serviceCase.createdAt), desc(serviceCase.id)];
  }
}

// What a list shows of a case: not its answers, form or resolution (a list never needs them, and
// they are most of a row's bytes). Names come from scalar subqueries rather than joins: one
// index lookup each, and a page query PostgreSQL plans in a fraction of the time a four-table
// join search takes (planning was a third of the database's time on the queue).
const LISTED = {
  id: serviceCase.id,
  serviceId: serviceCase.serviceId,
  serviceName: serviceCase.serviceName,
  category: serviceCase.category,
  channel: serviceCase.channel,
  state: serviceCase.state,
  memberId: serviceCase.memberId,
  applicantName: serviceCase.applicantName,
  applicantPhoneEnc: serviceCase.applicantPhoneEnc,
  handlingOrgId: serviceCase.handlingOrgId,
  assigneeId: serviceCase.assigneeId,
  coverForId: serviceCase.coverForId,
  dueAt: serviceCase.dueAt,
  overdue: serviceCase.overdue,
  flagged: serviceCase.flagged,
  reopenCount: serviceCase.reopenCount,
  rating: serviceCase.rating,
  createdAt: serviceCase.createdAt,
  updatedAt: serviceCase.updatedAt,
  resolvedAt: serviceCase.resolvedAt,
};
const NAMES = {
  orgName: sql<string>`(select o.name from ${orgRef} o where o.id = ${serviceCase.handlingOrgId})`,
  assigneeName: sql<string | null>`(select a.display_name from ${accountRef} a where a.id = ${serviceCase.assigneeId})`,
  coverForName: sql<string | null>`(select a.display_name from ${accountRef} a where a.id = ${serviceCase.coverForId})`,
};

export function selectCases(db: Db) {
  return db.select({ c: LISTED, ...NAMES }).from(serviceCase);
}
type Listed = Awaited<ReturnType<ReturnType<typeof selectCases>['where']>>[number];

export function presentListItem(
  crypto: Crypto,
  { c, orgName, assigneeName, coverForName }: Listed,
  forMember: boolean,
) {
  return {
    id: c.id,
    no: caseNo(c),
    serviceId: c.serviceId,
    serviceName: c.serviceName,
    category: c.category,
    channel: c.channel,
    state: c.state,
    applicantName: maskName(c.applicantName),
    applicantPhone: c.applicantPhoneEnc ? maskPhone(crypto.decrypt(c.applicantPhoneEnc)) : null,
    memberId: c.memberId,
    handlingOrgId: c.handlingOrgId,
    handlingOrgName: orgName,
    assigneeId: forMember ? null : c.assigneeId,
    assigneeName: forMember ? null : assigneeName,
    coverForId: forMember ? null : c.coverForId,
    coverForName: forMember ? null : coverForName,
    dueAt: c.dueAt.toISOString(),
    overdue: c.overdue,
    flagged: forMember ? false : c.flagged,
    reopenCount: c.reopenCount,
    rating: c.rating,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    resolvedAt: c.resolvedAt?.toISOString() ?? null,
  };
}

/** The matching cases, counted up to `cap` (kernel/db.ts countUpTo). */
export const countCases = (db: Db, where: SQL | undefined, cap?: number) => countUpTo(db, serviceCase, where, cap);

/**
 * A page of cases and their (capped) count, in one statement: the count is a subquery PostgreSQL
 * runs once, and only when the page has a row (a round trip costs more than most counts here).
 * The page's ids are chosen first, from the indexes alone where they hold the filter and the order
 * (a team's open cases: service_case_queue_idx); only those rows are then read. `within`, a
 * narrower condition, is counted first when given: when it alone reaches the cap, so does `where`.
 */
async function pageOfCases(
  db: Db,
  where: SQL | undefined,
  page: { page: number; pageSize: number },
  order: SQL[] | ReturnType<typeof caseOrder>,
  within?: SQL,
) {
  const ids = db
    .select({ id: serviceCase.id })
    .from(serviceCase)
    .where(where)
    .orderBy(...order)
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const all = countUpToSql(db, serviceCase, where);
  const counted = within
    ? sql<number>`(case when ${countUpToSql(db, serviceCase, within)} > ${LIST_COUNT_CAP} then ${LIST_COUNT_CAP + 1} else ${all} end)`
    : all;
  const items = await db
    .select({ c: LISTED, ...NAMES, counted })
    .from(serviceCase)
    .where(inArray(serviceCase.id, ids))
    .orderBy(...order);
  const [first] = items;
  if (first) return { items, ...cappedTotal(first.counted) };
  // No row: nothing matches, or the page lies past the end and the count is asked alone.
  return { items, ...(page.page === 1 ? { total: 0, totalCapped: false } : await countCases(db, where)) };
}

export async function listCases(
  db: Db,
  crypto: Crypto,
  actor: Actor,
  f: CaseFilter & { page: number; pageSize: number },
) {
  const memberId = actor.kind === 'member' ? ((await memberOfAccount(db, actor.accountId))?.id ?? null) : null;
  // view=all adds the cases handled in scope before (after a transfer out) to those handled there
  // now; the second kind is costly to test per row and rarely matters once the first fills the cap.
  const handledNow =
    actor.kind === 'staff' && f.view === 'all' ? and(...caseConditions(actor, f, null, true)) : undefined;
  const { items, total, totalCapped } = await pageOfCases(
    db,
    and(...caseConditions(actor, f, memberId)),
    f,
    caseOrder(f.sort),
    handledNow,
  );
  return { items: items.map((i) => presentListItem(crypto, i, actor.kind === 'member')), total, totalCapped };
}

/** Resolved cases not yet called back in the supervisor's scope: 不满意 and flagged first. */
export async function callbackList(db: Db, crypto: Crypto, actor: Actor, page: number, pageSize: number) {
  const where = and(
    orgCondition(actor, 'service:case:supervise', serviceCase.handlingOrgId),
    eq(serviceCase.state, 'resolved'),
    isNull(serviceCase.callback),
  );
  const order = [
    sql`(${serviceCase.rating} = 'dissatisfied' or ${serviceCase.flagged}) desc nulls last`,
    asc(serviceCase.resolvedAt),
    asc(serviceCase.id),
  ];
  const { items, total, totalCapped } = await pageOfCases(db, where, { page, pageSize }, order);
  return { items: items.map((i) => presentListItem(crypto, i, false)), total, totalCapped };
}

/**
 * Who acted, as the reader may see it: members see the org for staff; staff see staff by display
 * name and a member who acted masked, as the applicant's name is (周**); 匿名职工 and 系统 as recorded.
 */
function timelineActor(
  e: Pick<typeof caseEvent.$inferSelect, 'actorKind' | 'actorId' | 'actorName'>,
  orgName: string | null,
  staffName: string | null,
  forMember: boolean,
): string | null {
  if (e.actorKind === 'staff') return forMember ? orgName : (staffName ?? e.actorName);
  if (e.actorKind === 'member' && !forMember && e.actorId !== null && e.actorName) return maskName(e.actorName);
  return e.actorName;
}

/** One case as the caller may see it: answers, files, timeline (members: without internal steps). */
export async function presentCase(db: Db, crypto: Crypto, actor: Actor, l: LoadedCase, now: Date) {
  const forMember = actor.kind === 'member';
  const [listed] = await db
    .select({ c: serviceCase, ...NAMES })
    .from(serviceCase)
    .where(eq(serviceCase.id, l.c.id));
  if (!listed) throw new Error('case vanished');
  const c: CaseRow = listed.c;
  const [events, files, access] = await Promise.all([
    db
      .select({
        e: caseEvent,
        orgName: orgRef.name,
        // staff by their display name today (the row keeps the login they used)
        staffName: sql<
          string | null
        >`(select a.display_name from ${accountRef} a where a.id = ${caseEvent.actorId} and a.kind = 'staff')`,
      })
      .from(caseEvent)
      .leftJoin(orgRef, eq(orgRef.id, caseEvent.orgId))
      .where(and(eq(caseEvent.caseId, c.id), forMember ? eq(caseEvent.internal, false) : undefined))
      .orderBy(asc(caseEvent.id)),
    db.select().from(caseFile).where(eq(caseFile.caseId, c.id)).orderBy(asc(caseFile.id)),
    forMember
      ? Promise.resolve([])
      : db
          .select({ orgId: caseOrgAccess.orgId, orgName: orgRef.name, current: caseOrgAccess.current })
          .from(caseOrgAccess)
          .innerJoin(orgRef, eq(orgRef.id, caseOrgAccess.orgId))
          .where(eq(caseOrgAccess.caseId, c.id))
          .orderBy(asc(caseOrgAccess.since)),
  ]);
  return {
    ...presentListItem(crypto, listed, forMember),
    fields: z.record(z.string(), z.unknown()).parse(JSON.parse(crypto.decrypt(c.fieldsEnc))),
    form: c.form,
    resolution: c.resolution,
    rejectReason: c.rejectReason,
    ratingComment: c.ratingComment,
    source: c.source,
    attachments: files.map(presentFile),
    timeline: events.map(({ e, orgName, staffName }) => ({
      id: e.id,
      kind: e.kind,
      fromState: e.fromState,
      toState: e.toState,
      actorKind: e.actorKind,
      orgName,
      note: e.note,
      at: e.at.toISOString(),
      // members see the org that acted, not the person
      actorName: timelineActor(e, orgName, staffName, forMember),
    })),
    access: forMember ? [] : access,
    callback: forMember ? null : c.callback,
    actions: actionsFor(actor, { ...l, c }, now),
  };
}

export function presentFile(f: typeof caseFile.$inferSelect) {
  return {
    id: f.id,
    fileName: f.fileName,
    contentType: f.contentType,
    size: f.size,
    createdAt: f.createdAt.toISOString(),
    url: `/api/case-files/${f.id}`,
  };
}
