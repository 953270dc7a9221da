import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { assertOrgAccess, OutOfScopeError, pathInScope, type Actor, type Permission } from '../../kernel/access.js';
import { writeAudit } from '../../kernel/audit.js';
import type { TxEnv } from '../../kernel/context.js';
import type { Db } from '../../kernel/db.js';
import { AppError, isUniqueViolation, type ErrorDetail } from '../../kernel/errors.js';
import { accountRef, assertPasswordAllowed, createMerchantAccount, hashPassword } from '../auth/index.js';
import { orgRef } from '../org/index.js';
import { ACCEPTING_STATUSES, type MerchantCategory, type MerchantStatus } from './merchant.lookup.js';
import {
  merchant,
  merchantAccount,
  merchantAgreement,
  merchantAssessment,
  merchantCall,
  merchantEvent,
  merchantInspection,
  merchantLocation,
  merchantReview,
  type ScoreLine,
} from './merchant.schema.js';

// The merchant's life: open call → application → review → agreement → listed, then supervision
// (inspections, assessments, warning, suspension, reinstatement, exit). Every step writes a row of
// merchant_event (the merchant's history) and an audit row in the same transaction.

export const READ: Permission = 'merchant:merchant:read';
export const MANAGE: Permission = 'merchant:merchant:manage';
export const SUPERVISE: Permission = 'merchant:merchant:supervise';

export type MerchantRow = typeof merchant.$inferSelect;
export type CallRow = typeof merchantCall.$inferSelect;

export interface LocationInput {
  address: string;
  lat?: number | undefined;
  lng?: number | undefined;
}

/** Writes a step of the merchant's history and its audit row. */
async function step(
  tx: Db,
  env: TxEnv,
  m: Pick<MerchantRow, 'id' | 'orgId'>,
  action: string,
  detail: string,
  audit: { before?: unknown; after?: unknown } = {},
): Promise<void> {
  await tx.insert(merchantEvent).values({
    merchantId: m.id,
    at: env.source.at,
    action,
    actorId: env.source.actorId,
    // Staff by display name (王主任, not the login); an applicant by the contact's name.
    actorName:
      env.source.actorId === null
        ? env.source.actorName
        : sql<string>`(select ${accountRef.displayName} from ${accountRef} where ${accountRef.id} = ${env.source.actorId})`,
    detail,
  });
  await writeAudit(tx, env.crypto, env.source, {
    orgId: m.orgId,
    action: `merchant.${action}`,
    targetType: 'merchant',
    targetId: m.id,
    ...audit,
  });
}

/** A merchant in the caller's scope: 404 (audited) outside `READ`, 403 when `permission` does not reach it. */
export async function loadMerchant(db: Db, actor: Actor, id: number, permission: Permission = READ) {
  const [row] = await db
    .select({ m: merchant, orgPath: orgRef.path, orgName: orgRef.name })
    .from(merchant)
    .innerJoin(orgRef, eq(orgRef.id, merchant.orgId))
    .where(eq(merchant.id, id));
  if (!row) throw new AppError('NOT_FOUND');
  if (actor.kind !== 'staff' || !pathInScope(actor, READ, row.orgPath))
    throw new OutOfScopeError('merchant', String(id));
  if (!pathInScope(actor, permission, row.orgPath)) throw new AppError('FORBIDDEN');
  return row;
}

function assertStatus(m: MerchantRow, allowed: readonly MerchantStatus[]): void {
  if (!allowed.includes(m.status)) throw new AppError('MERCHANT_STATE', [{ path: 'status', message: m.status }]);
}

// ---- open calls -------------------------------------------------------------------------------

export interface CallInput {
  title: string;
  body: string;
  categories: MerchantCategory[];
  opensAt: Date;
  closesAt: Date;
}

function assertWindow(opensAt: Date, closesAt: Date): void {
  if (closesAt <= opensAt) throw new AppError('VALIDATION_FAILED', [{ path: 'closesAt', message: 'merchant.window' }]);
}

export async function loadCall(db: Db, actor: Actor, id: number, permission: Permission = READ) {
  const [row] = await db
    .select({ c: merchantCall, orgPath: orgRef.path, orgName: orgRef.name })
    .from(merchantCall)
    .innerJoin(orgRef, eq(orgRef.id, merchantCall.orgId))
    .where(eq(merchantCall.id, id));
  if (!row) throw new AppError('NOT_FOUND');
  if (actor.kind !== 'staff' || !pathInScope(actor, READ, row.orgPath))
    throw new OutOfScopeError('merchant_call', String(id));
  if (!pathInScope(actor, permission, row.orgPath)) throw new AppError('FORBIDDEN');
  return row;
}

export async function createCall(
  tx: Db,
  env: TxEnv,
  actor: Actor,
  input: CallInput & { orgId: number },
): Promise<number> {
  await assertOrgAccess(tx, actor, MANAGE, input.orgId, READ);
  assertWindow(input.opensAt, input.closesAt);
  const now = env.source.at;
  const [c] = await tx
    .insert(merchantCall)
    .values({ ...input, createdBy: actor.accountId, createdAt: now, updatedAt: now })
    .returning({ id: merchantCall.id });
  if (!c) throw new Error('merchant_call insert returned no row');
  await writeAudit(tx, env.crypto, env.source, {
    orgId: input.orgId,
    action: 'merchant.call_create',
    targetType: 'merchant_call',
    targetId: c.id,
    after: { title: input.title, categories: input.categories, opensAt: input.opensAt, closesAt: input.closesAt },
  });
  return c.id;
}

export async function updateCall(
  tx: Db,
  env: TxEnv,
  actor: Actor,
  id: number,
  patch: Partial<CallInput>,
): Promise<void> {
  const { c } = await loadCall(tx, actor, id, MANAGE);
  if (c.state !== 'open') throw new AppError('MERCHANT_CALL_CLOSED');
  assertWindow(patch.opensAt ?? c.opensAt, patch.closesAt ?? c.closesAt);
  await tx
    .update(merchantCall)
    .set({ ...patch, updatedAt: env.source.at })
    .where(eq(merchantCall.id, id));
  await writeAudit(tx, env.crypto, env.source, {
    orgId: c.orgId,
    action: 'merchant.call_update',
    targetType: 'merchant_call',
    targetId: id,
    before: { title: c.title, categories: c.categories, opensAt: c.opensAt, closesAt: c.closesAt },
    after: patch,
  });
}

export async function closeCall(tx: Db, env: TxEnv, actor: Actor, id: number): Promise<void> {
  const { c } = await loadCall(tx, actor, id, MANAGE);
  if (c.state !== 'open') throw new AppError('MERCHANT_CALL_CLOSED');
  await tx.update(merchantCall).set({ state: 'closed', updatedAt: env.source.at }).where(eq(merchantCall.id, id));
  await writeAudit(tx, env.crypto, env.source, {
    orgId: c.orgId,
    action: 'merchant.call_close',
    targetType: 'merchant_call',
    targetId: id,
  });
}

// ---- the public application -------------------------------------------------------------------

export interface ApplicationInput {
  name: string;
  licenceNo: string;
  categories: MerchantCategory[];
  discountTerms: string;
  hours: string;
  contactName: string;
  contactPhone: string;
  locations: LocationInput[];
  settlementAccount?: string | undefined;
}

/** A call open now (state open, inside its window), or undefined. */
async function openCall(tx: Db, id: number, now: Date): Promise<CallRow | undefined> {
  const [c] = await tx.select().from(merchantCall).where(eq(merchantCall.id, id));
  if (!c) throw new AppError('NOT_FOUND');
  return c.state === 'open' && c.opensAt <= now && now < c.closesAt ? c : undefined;
}

async function writeLocations(tx: Db, merchantId: number, locations: readonly LocationInput[]): Promise<void> {
  await tx.delete(merchantLocation).where(eq(merchantLocation.merchantId, merchantId));
  await tx.insert(merchantLocation).values(
    locations.map((l, i) => ({
      merchantId,
      position: i,
      address: l.address,
      lat: l.lat ?? null,
      lng: l.lng ?? null,
    })),
  );
}

/** The first location is the merchant's own address and point (the directory's distance). */
const primary = (locations: readonly LocationInput[]) => ({
  address: locations[0]?.address ?? '',
  lat: locations[0]?.lat ?? null,
  lng: locations[0]?.lng ?? null,
});

/** A business answers an open call (no sign-in): a merchant in status applied. */
export async function applyToCall(tx: Db, env: TxEnv, callId: number, input: ApplicationInput): Promise<number> {
  const now = env.source.at;
  const call = await openCall(tx, callId, now);
  if (!call) throw new AppError('MERCHANT_CALL_CLOSED');
  const outside: ErrorDetail[] = input.categories.flatMap((c, i) =>
    call.categories.includes(c) ? [] : [{ path: `categories.${i}`, message: 'merchant.categoryNotInCall' }],
  );
  if (outside.length > 0) throw new AppError('VALIDATION_FAILED', outside);
  const [dup] = await tx
    .select({ id: merchant.id })
    .from(merchant)
    .where(and(eq(merchant.orgId, call.orgId), eq(merchant.licenceNo, input.licenceNo)));
  if (dup) throw new AppError('MERCHANT_LICENCE_EXISTS', [{ path: 'licenceNo', message: 'MERCHANT_LICENCE_EXISTS' }]);
  let m: { id: number } | undefined;
  try {
    [m] = await tx
      .insert(merchant)
      .values({
        orgId: call.orgId,
        callId: call.id,
        name: input.name,
        licenceNo: input.licenceNo,
        categories: input.categories,
        status: 'applied',
        ...primary(input.locations),
        discountTerms: input.discountTerms,
        hours: input.hours,
        contactName: input.contactName,
        contactPhoneEnc: env.crypto.encrypt(input.contactPhone),
        settlementAccountEnc: input.settlementAccount ? env.crypto.encrypt(input.settlementAccount) : null,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: merchant.id });
  } catch (err) {
    if (isUniqueViolation(err, 'merchant_licence_uq'))
      throw new AppError('MERCHANT_LICENCE_EXISTS', [{ path: 'licenceNo', message: 'MERCHANT_LICENCE_EXISTS' }]);
    throw err;
  }
  if (!m) throw new Error('merchant insert returned no row');
  await writeLocations(tx, m.id, input.locations);
  await step(
    tx,
    { ...env, source: { ...env.source, actorName: input.contactName } },
    { id: m.id, orgId: call.orgId },
    'apply',
    call.title,
    {
      after: { name: input.name, licenceNo: input.licenceNo, categories: input.categories, callId: call.id },
    },
  );
  return m.id;
}

// ---- review, agreement ------------------------------------------------------------------------

/** Checks each line's score against its maximum; answers field errors on `scores.i.score`. */
export function sheetTotals(lines: readonly ScoreLine[], field: string): { total: number; max: number } {
  const over: ErrorDetail[] = lines.flatMap((l, i) =>
    l.score > l.max ? [{ path: `${field}.${i}.score`, message: 'merchant.scoreOverMax' }] : [],
  );
  if (over.length > 0) throw new AppError('VALIDATION_FAILED', over);
  return {
    total: lines.reduce((s, l) => s + l.score, 0),
    max: lines.reduce((s, l) => s + l.max, 0),
  };
}

export interface ReviewInput {
  scores: ScoreLine[];
  decision: 'approve' | 'reject';
  reason: string;
}

export async function reviewApplication(
  tx: Db,
  env: TxEnv,
  actor: Actor,
  id: number,
  input: ReviewInput,
): Promise<void> {
  const { m } = await loadMerchant(tx, actor, id, MANAGE);
  assertStatus(m, ['applied']);
  if (input.decision === 'reject' && input.reason.trim() === '')
    throw new AppError('VALIDATION_FAILED', [{ path: 'reason', message: 'merchant.reasonRequired' }]);
  const { total, max } = sheetTotals(input.scores, 'scores');
  await tx.insert(merchantReview).values({
    merchantId: id,
    scores: input.scores,
    total,
    max,
    decision: input.decision,
    reason: input.reason,
    reviewerId: actor.accountId,
    at: env.source.at,
  });
  const status = input.decision === 'approve' ? 'approved' : 'rejected';
  await tx.update(merchant).set({ status, updatedAt: env.source.at }).where(eq(merchant.id, id));
  await step(tx, env, m, 'review', `${status}: ${total}/${max}${input.reason ? `，${input.reason}` : ''}`, {
    before: { status: m.status },
    after: { status, total, max, reason: input.reason },
  });
}

export interface AgreementInput {
  startsOn: string;
  endsOn: string;
  discountTerms: string;
  categories: MerchantCategory[];
  locations?: LocationInput[] | undefined;
  settlementAccount: string;
}

/** Signs (or renews) the agreement: an approved merchant becomes listed. */
export async function signAgreement(
  tx: Db,
  env: TxEnv,
  actor: Actor,
  id: number,
  input: AgreementInput,
): Promise<void> {
  const { m } = await loadMerchant(tx, actor, id, MANAGE);
  assertStatus(m, ['approved', 'listed', 'warned']);
  if (input.endsOn < input.startsOn)
    throw new AppError('VALIDATION_FAILED', [{ path: 'endsOn', message: 'merchant.period' }]);
  const now = env.source.at;
  await tx.insert(merchantAgreement).values({
    merchantId: id,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    discountTerms: input.discountTerms,
    categories: input.categories,
    signedBy: actor.accountId,
    signedAt: now,
  });
  if (input.locations) await writeLocations(tx, id, input.locations);
  const status = m.status === 'approved' ? 'listed' : m.status;
  await tx
    .update(merchant)
    .set({
      status,
      discountTerms: input.discountTerms,
      categories: input.categories,
      settlementAccountEnc: env.crypto.encrypt(input.settlementAccount),
      ...(input.locations ? primary(input.locations) : {}),
      updatedAt: now,
    })
    .where(eq(merchant.id, id));
  await step(tx, env, m, 'agreement', `${input.startsOn} – ${input.endsOn}`, {
    before: { status: m.status },
    after: { status, startsOn: input.startsOn, endsOn: input.endsOn, categories: input.categories },
  });
}

// ---- supervision ------------------------------------------------------------------------------

export interface InspectionInput {
  inspectedOn: string;
  items: ScoreLine[];
  photos?: string[] | undefined;
  note: string;
}

export async function recordInspection(
  tx: Db,
  env: TxEnv,
  actor: Actor,
  id: number,
  input: InspectionInput,
): Promise<number> {
  const { m } = await loadMerchant(tx, actor, id, SUPERVISE);
  assertStatus(m, ['listed', 'warned', 'suspended']);
  const { total, max } = sheetTotals(input.items, 'items');
  const [row] = await tx
    .insert(merchantInspection)
    .values({
      merchantId: id,
      inspectedOn: input.inspectedOn,
      items: input.items,
      score: total,
      max,
      photos: input.photos ?? [],
      note: input.note,
      inspectorId: actor.accountId,
      at: env.source.at,
    })
    .returning({ id: merchantInspection.id });
  if (!row) throw new Error('inspection insert returned no row');
  await step(tx, env, m, 'inspection', `${input.inspectedOn}: ${total}/${max}`, {
    after: { inspectionId: row.id, score: total, max },
  });
  return row.id;
}

export interface AssessmentInput {
  year: number;
  score: number;
  grade: string;
  note: string;
}

export async function recordAssessment(
  tx: Db,
  env: TxEnv,
  actor: Actor,
  id: number,
  input: AssessmentInput,
): Promise<number> {
  const { m } = await loadMerchant(tx, actor, id, SUPERVISE);
  assertStatus(m, ['listed', 'warned', 'suspended']);
  const [dup] = await tx
    .select({ id: merchantAssessment.id })
    .from(merchantAssessment)
    .where(and(eq(merchantAssessment.merchantId, id), eq(merchantAssessment.year, input.year)));
  if (dup) throw new AppError('MERCHANT_ASSESSMENT_EXISTS', [{ path: 'year', message: 'MERCHANT_ASSESSMENT_EXISTS' }]);
  const [row] = await tx
    .insert(merchantAssessment)
    .values({ merchantId: id, ...input, assessorId: actor.accountId, at: env.source.at })
    .returning({ id: merchantAssessment.id });
  if (!row) throw new Error('assessment insert returned no row');
  await step(tx, env, m, 'assessment', `${input.year}: ${input.score}（${input.grade}）`, { after: input });
  return row.id;
}

/** Warning, suspension, reinstatement and exit: from which statuses, to which, with which permission. */
export const MOVES = {
  warn: { from: ['listed'], to: 'warned', permission: SUPERVISE },
  suspend: { from: ['listed', 'warned'], to: 'suspended', permission: SUPERVISE },
  reinstate: { from: ['warned', 'suspended'], to: 'listed', permission: SUPERVISE },
  exit: { from: ['approved', 'listed', 'warned', 'suspended'], to: 'exited', permission: MANAGE },
} as const satisfies Record<string, { from: readonly MerchantStatus[]; to: MerchantStatus; permission: Permission }>;
export type Move = keyof typeof MOVES;
export const MOVE_NAMES = ['warn', 'suspend', 'reinstate', 'exit'] as const satisfies readonly Move[];

export async function moveMerchant(
  tx: Db,
  env: TxEnv,
  actor: Actor,
  id: number,
  move: Move,
  reason: string,
): Promise<void> {
  const rule = MOVES[move];
  const { m } = await loadMerchant(tx, actor, id, rule.permission);
  assertStatus(m, rule.from);
  await tx.update(merchant).set({ status: rule.to, updatedAt: env.source.at }).where(eq(merchant.id, id));
  await step(tx, env, m, move, reason, { before: { status: m.status }, after: { status: rule.to, reason } });
}

// ---- merchant accounts ------------------------------------------------------------------------

export interface MerchantAccountInput {
  username: string;
  displayName: string;
  password: string;
}

export async function addMerchantAccount(
  tx: Db,
  env: TxEnv,
  actor: Actor,
  id: number,
  input: MerchantAccountInput,
): Promise<number> {
  const { m } = await loadMerchant(tx, actor, id, MANAGE);
  assertStatus(m, ['approved', ...ACCEPTING_STATUSES, 'suspended']);
  assertPasswordAllowed(input.password, input, 'merchant');
  const accountId = await createMerchantAccount(tx, {
    username: input.username,
    displayName: input.displayName,
    orgId: m.orgId,
    passwordHash: await hashPassword(input.password),
    at: env.source.at,
  });
  await tx.insert(merchantAccount).values({ accountId, merchantId: id });
  await step(tx, env, m, 'account_create', input.username, {
    after: { accountId, username: input.username, displayName: input.displayName },
  });
  return accountId;
}

// ---- reading a merchant's history -------------------------------------------------------------

export async function historyOf(db: Db, merchantId: number) {
  const found = await db
    .select({
      at: merchantEvent.at,
      action: merchantEvent.action,
      actorName: merchantEvent.actorName,
      detail: merchantEvent.detail,
    })
    .from(merchantEvent)
    .where(eq(merchantEvent.merchantId, merchantId))
    .orderBy(asc(merchantEvent.at), asc(merchantEvent.id));
  return found.map((e) => ({ ...e, at: e.at.toISOString() }));
}

export async function locationsOf(db: Db, merchantId: number) {
  return db
    .select({ address: merchantLocation.address, lat: merchantLocation.lat, lng: merchantLocation.lng })
    .from(merchantLocation)
    .where(eq(merchantLocation.merchantId, merchantId))
    .orderBy(asc(merchantLocation.position));
}

export async function latestAgreement(db: Db, merchantId: number) {
  const [a] = await db
    .select({
      startsOn: merchantAgreement.startsOn,
      endsOn: merchantAgreement.endsOn,
      discountTerms: merchantAgreement.discountTerms,
      categories: merchantAgreement.categories,
      signedAt: merchantAgreement.signedAt,
    })
    .from(merchantAgreement)
    .where(eq(merchantAgreement.merchantId, merchantId))
    .orderBy(desc(merchantAgreement.signedAt), desc(merchantAgreement.id))
    .limit(1);
  return a ? { ...a, signedAt: a.signedAt.toISOString() } : null;
}

// 统一社会信用代码 (GB 32100-2015): 18 characters, the last a check character over the first 17.
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

function checkChar(body17: string): string {
  const sum = USCC_WEIGHTS.reduce((s, w, i) => s + w * USCC_ALPHABET.indexOf(body17.charAt(i)), 0);
  return USCC_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

export function validLicenceNo(code: string): boolean {
  return /^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code) && checkChar(code.slice(0, 17)) === code.charAt(17);
}

/** A valid licence number for a 17-character body (the demo seed and tests). */
export function withCheckChar(body17: string): string {
  return body17 + checkChar(body17);
}
