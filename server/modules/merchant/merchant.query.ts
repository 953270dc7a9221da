import { and, asc, desc, eq, gt, ilike, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { orgCondition, type Actor } from '../../kernel/access.js';
import type { Crypto } from '../../kernel/crypto.js';
import { maskPhone } from '../../kernel/crypto.js';
import { anyOf, countUpTo, escapeLike, type Db } from '../../kernel/db.js';
import { accountRef } from '../auth/index.js';
import { orgRef } from '../org/index.js';
import { ACCEPTING_STATUSES, type MerchantCategory, type MerchantStatus } from './merchant.lookup.js';
import {
  merchant,
  merchantAccount,
  merchantAssessment,
  merchantCall,
  merchantComplaint,
  merchantInspection,
  merchantReview,
} from './merchant.schema.js';
import { historyOf, latestAgreement, locationsOf, READ, type CallRow, type MerchantRow } from './merchant.service.js';

// Reading merchants: the public directory (nearest first), the staff lists (scoped), one record.

const iso = (d: Date) => d.toISOString();

/** A bank account shown with only its last 4 digits. */
export function maskAccount(value: string): string {
  const digits = value.replace(/\s/g, '');
  return digits.length <= 4 ? '****' : `${'*'.repeat(Math.min(digits.length - 4, 12))}${digits.slice(-4)}`;
}

// ---- open calls -------------------------------------------------------------------------------

export const presentCall = (c: CallRow, orgName: string) => ({
  id: c.id,
  orgId: c.orgId,
  orgName,
  title: c.title,
  body: c.body,
  categories: c.categories,
  opensAt: iso(c.opensAt),
  closesAt: iso(c.closesAt),
  state: c.state,
  createdAt: iso(c.createdAt),
});

/** Calls taking applications now: open, inside their window (public). */
export async function openCalls(db: Db, now: Date) {
  const found = await db
    .select({ c: merchantCall, orgName: orgRef.name })
    .from(merchantCall)
    .innerJoin(orgRef, eq(orgRef.id, merchantCall.orgId))
    .where(and(eq(merchantCall.state, 'open'), lte(merchantCall.opensAt, now), gt(merchantCall.closesAt, now)))
    .orderBy(asc(merchantCall.closesAt), asc(merchantCall.id));
  return found.map((r) => presentCall(r.c, r.orgName));
}

export async function listCalls(
  db: Db,
  actor: Actor,
  f: { state?: CallRow['state'] | undefined; page: number; pageSize: number },
) {
  const where = and(
    orgCondition(actor, READ, merchantCall.orgId),
    f.state ? eq(merchantCall.state, f.state) : undefined,
  );
  const [found, total] = await Promise.all([
    db
      .select({ c: merchantCall, orgName: orgRef.name })
      .from(merchantCall)
      .innerJoin(orgRef, eq(orgRef.id, merchantCall.orgId))
      .where(where)
      .orderBy(desc(merchantCall.createdAt), desc(merchantCall.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    countUpTo(db, merchantCall, where),
  ]);
  return { items: found.map((r) => presentCall(r.c, r.orgName)), ...total };
}

// ---- staff lists ------------------------------------------------------------------------------

export interface MerchantFilter {
  statuses?: readonly MerchantStatus[] | undefined;
  category?: MerchantCategory | undefined;
  q?: string | undefined;
  orgPath?: string | undefined;
}

/** The conditions of the staff lists (applications, merchants) and of the workbench counter. */
export function merchantConditions(actor: Actor, f: MerchantFilter): SQL[] {
  const c: SQL[] = [orgCondition(actor, READ, merchant.orgId)];
  if (f.statuses) c.push(inArray(merchant.status, [...f.statuses]));
  if (f.category) c.push(sql`${merchant.categories} @> array[${f.category}]::text[]`);
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    c.push(anyOf(ilike(merchant.name, like), ilike(merchant.licenceNo, like), ilike(merchant.address, like)));
  }
  if (f.orgPath) c.push(sql`${merchant.orgId} in (select o.id from org_ref o where o.path like ${f.orgPath + '%'})`);
  return c;
}

const presentStaffItem = (crypto: Crypto, m: MerchantRow, orgName: string, callTitle: string | null) => ({
  id: m.id,
  orgId: m.orgId,
  orgName,
  callId: m.callId,
  callTitle,
  name: m.name,
  licenceNo: m.licenceNo,
  categories: m.categories,
  status: m.status,
  address: m.address,
  lat: m.lat,
  lng: m.lng,
  discountTerms: m.discountTerms,
  hours: m.hours,
  contactName: m.contactName,
  contactPhone: m.contactPhoneEnc ? maskPhone(crypto.decrypt(m.contactPhoneEnc)) : null,
  settlementAccount: m.settlementAccountEnc ? maskAccount(crypto.decrypt(m.settlementAccountEnc)) : null,
  createdAt: iso(m.createdAt),
  updatedAt: iso(m.updatedAt),
});
export type StaffMerchantItem = ReturnType<typeof presentStaffItem>;

export async function listMerchants(
  db: Db,
  crypto: Crypto,
  actor: Actor,
  f: MerchantFilter & { page: number; pageSize: number; order: 'newest' | 'oldest' },
) {
  const where = and(...merchantConditions(actor, f));
  const [found, total] = await Promise.all([
    db
      .select({ m: merchant, orgName: orgRef.name, callTitle: merchantCall.title })
      .from(merchant)
      .innerJoin(orgRef, eq(orgRef.id, merchant.orgId))
      .leftJoin(merchantCall, eq(merchantCall.id, merchant.callId))
      .where(where)
      .orderBy(
        f.order === 'oldest' ? asc(merchant.createdAt) : desc(merchant.updatedAt),
        f.order === 'oldest' ? asc(merchant.id) : desc(merchant.id),
      )
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    countUpTo(db, merchant, where),
  ]);
  return { items: found.map((r) => presentStaffItem(crypto, r.m, r.orgName, r.callTitle)), ...total };
}

/** The full staff view of one merchant (already loaded in scope). */
export async function merchantRecord(db: Db, crypto: Crypto, m: MerchantRow, orgName: string) {
  const [call] = m.callId
    ? await db.select({ title: merchantCall.title }).from(merchantCall).where(eq(merchantCall.id, m.callId))
    : [];
  const [locations, agreement, reviews, inspections, assessments, complaints, accounts, history] = await Promise.all([
    locationsOf(db, m.id),
    latestAgreement(db, m.id),
    db
      .select({
        id: merchantReview.id,
        scores: merchantReview.scores,
        total: merchantReview.total,
        max: merchantReview.max,
        decision: merchantReview.decision,
        reason: merchantReview.reason,
        reviewerName: accountRef.displayName,
        at: merchantReview.at,
      })
      .from(merchantReview)
      .leftJoin(accountRef, eq(accountRef.id, merchantReview.reviewerId))
      .where(eq(merchantReview.merchantId, m.id))
      .orderBy(asc(merchantReview.at)),
    db
      .select({
        id: merchantInspection.id,
        inspectedOn: merchantInspection.inspectedOn,
        items: merchantInspection.items,
        score: merchantInspection.score,
        max: merchantInspection.max,
        photos: merchantInspection.photos,
        note: merchantInspection.note,
        inspectorName: accountRef.displayName,
      })
      .from(merchantInspection)
      .leftJoin(accountRef, eq(accountRef.id, merchantInspection.inspectorId))
      .where(eq(merchantInspection.merchantId, m.id))
      .orderBy(desc(merchantInspection.inspectedOn), desc(merchantInspection.id)),
    db
      .select({
        id: merchantAssessment.id,
        year: merchantAssessment.year,
        score: merchantAssessment.score,
        grade: merchantAssessment.grade,
        note: merchantAssessment.note,
      })
      .from(merchantAssessment)
      .where(eq(merchantAssessment.merchantId, m.id))
      .orderBy(desc(merchantAssessment.year)),
    db
      .select({ id: merchantComplaint.id, caseId: merchantComplaint.caseId, at: merchantComplaint.at })
      .from(merchantComplaint)
      .where(eq(merchantComplaint.merchantId, m.id))
      .orderBy(desc(merchantComplaint.at)),
    db
      .select({ accountId: merchantAccount.accountId, displayName: accountRef.displayName, status: accountRef.status })
      .from(merchantAccount)
      .innerJoin(accountRef, eq(accountRef.id, merchantAccount.accountId))
      .where(eq(merchantAccount.merchantId, m.id)),
    historyOf(db, m.id),
  ]);
  return {
    ...presentStaffItem(crypto, m, orgName, call?.title ?? null),
    locations,
    agreement,
    reviews: reviews.map((r) => ({ ...r, at: iso(r.at) })),
    inspections,
    assessments,
    complaints: complaints.map((c) => ({ ...c, at: iso(c.at) })),
    accounts,
    history,
  };
}

// ---- the public directory ---------------------------------------------------------------------

/** Metres between the merchant's point and (lat, lng), haversine on a 6,371 km sphere; null without a point. */
function distanceSql(lat: number, lng: number): SQL<number | null> {
  return sql<number | null>`case when ${merchant.lat} is null or ${merchant.lng} is null then null else
    round(2 * 6371000 * asin(least(1, sqrt(
      power(sin(radians(${merchant.lat} - ${lat}::float8) / 2), 2)
      + cos(radians(${lat}::float8)) * cos(radians(${merchant.lat}))
        * power(sin(radians(${merchant.lng} - ${lng}::float8) / 2), 2)))))::int end`;
}

export interface DirectoryFilter {
  lat?: number | undefined;
  lng?: number | undefined;
  category?: MerchantCategory | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

const listed = () => inArray(merchant.status, [...ACCEPTING_STATUSES]);

/** Listed merchants (listed or warned), nearest first when the caller gives a point. */
export async function directory(db: Db, f: DirectoryFilter) {
  const c: SQL[] = [listed()];
  if (f.category) c.push(sql`${merchant.categories} @> array[${f.category}]::text[]`);
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    c.push(anyOf(ilike(merchant.name, like), ilike(merchant.address, like), ilike(merchant.discountTerms, like)));
  }
  const where = and(...c);
  const point = f.lat !== undefined && f.lng !== undefined ? { lat: f.lat, lng: f.lng } : null;
  const distance = point ? distanceSql(point.lat, point.lng) : sql<number | null>`null::int`;
  const [items, total] = await Promise.all([
    db
      .select({
        id: merchant.id,
        name: merchant.name,
        categories: merchant.categories,
        discountTerms: merchant.discountTerms,
        hours: merchant.hours,
        address: merchant.address,
        lat: merchant.lat,
        lng: merchant.lng,
        status: merchant.status,
        distanceM: distance,
        orgName: orgRef.name,
      })
      .from(merchant)
      .innerJoin(orgRef, eq(orgRef.id, merchant.orgId))
      .where(where)
      .orderBy(...(point ? [sql`${distance} asc nulls last`] : []), asc(merchant.name), asc(merchant.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    countUpTo(db, merchant, where),
  ]);
  return { items, ...total };
}

/** One listed merchant with its locations and agreement period; undefined when not listed. */
export async function listedMerchant(db: Db, id: number) {
  const [m] = await db
    .select({
      id: merchant.id,
      name: merchant.name,
      categories: merchant.categories,
      discountTerms: merchant.discountTerms,
      hours: merchant.hours,
      address: merchant.address,
      lat: merchant.lat,
      lng: merchant.lng,
      status: merchant.status,
      orgName: orgRef.name,
    })
    .from(merchant)
    .innerJoin(orgRef, eq(orgRef.id, merchant.orgId))
    .where(and(eq(merchant.id, id), listed()));
  if (!m) return undefined;
  const agreement = await latestAgreement(db, id);
  return {
    ...m,
    distanceM: null,
    locations: await locationsOf(db, id),
    agreement: agreement ? { startsOn: agreement.startsOn, endsOn: agreement.endsOn } : null,
  };
}
