import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { TxEnv } from '../../kernel/context.js';
import type { Db } from '../../kernel/db.js';
import { AppError } from '../../kernel/errors.js';
import { findMember } from '../member/index.js';
import {
  effectiveCatalog,
  findService,
  orgPath,
  presentService,
  rootPath,
  type ServiceView,
} from './catalog.service.js';
import type { ActorKind } from './case.events.js';
import { recordStep } from './case.events.js';
import { checkAnswers } from './form.js';
import { caseNo, toInbox } from './notify.js';
import { caseFile, caseOrgAccess, serviceCase, type CATEGORIES, type CHANNELS } from './service.schema.js';
import { addWorkingDays } from './working-days.js';

// Opening a case: from the member's H5, a counter or phone registration, or another module
// (a worker-voice item, an unanswered policy question) inside that module's transaction.

export interface OpenCaseInput {
  serviceId?: number;
  serviceCategory?: (typeof CATEGORIES)[number];
  memberId?: number | null;
  accountId?: number | null;
  contact?: { name: string; phone?: string | null };
  /** Whose catalog a category is looked up in when there is no member (default: the root's). */
  orgId?: number;
  channel: (typeof CHANNELS)[number];
  fields: Record<string, unknown>;
  source?: { module: 'voice' | 'qa' | 'merchant'; id: number };
  note?: string | null;
  by?: ActorKind;
}

async function serviceByCategory(tx: Db, category: string, path: string): Promise<ServiceView> {
  const found = (await effectiveCatalog(tx, path)).find((s) => s.category === category);
  if (!found) throw new AppError('VALIDATION_FAILED', [{ path: 'serviceCategory', message: 'service.noneOfCategory' }]);
  return found;
}

/** Attachment values must be files this caller uploaded and that no case holds yet. */
async function ownUnboundFiles(
  tx: Db,
  uploaderId: number | null,
  fields: Record<string, unknown>,
): Promise<Set<number>> {
  const ids = Object.values(fields)
    .flatMap((v) => (Array.isArray(v) ? v : [v]))
    .filter((v): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v > 0);
  if (ids.length === 0 || uploaderId === null) return new Set();
  const found = await tx
    .select({ id: caseFile.id })
    .from(caseFile)
    .where(and(inArray(caseFile.id, ids.slice(0, 100)), eq(caseFile.uploaderId, uploaderId), isNull(caseFile.caseId)));
  return new Set(found.map((f) => f.id));
}

/** Opens a case in the caller's transaction: row, access, timeline, inbox, audit. No scope or eligibility checks. */
export async function openCase(tx: Db, env: TxEnv, input: OpenCaseInput): Promise<{ id: number; no: string }> {
  const m = input.memberId ? await findMember(tx, env.crypto, { id: input.memberId }) : undefined;
  if (input.memberId && !m) throw new AppError('VALIDATION_FAILED', [{ path: 'memberId', message: 'NOT_FOUND' }]);
  let svc: ServiceView;
  if (input.serviceId) {
    const f = await findService(tx, input.serviceId);
    if (!f) throw new AppError('VALIDATION_FAILED', [{ path: 'serviceId', message: 'NOT_FOUND' }]);
    if (!f.s.active || f.s.hidden) throw new AppError('SERVICE_INACTIVE');
    svc = presentService(f, false);
  } else if (input.serviceCategory) {
    const path = m ? await orgPath(tx, m.orgId) : input.orgId ? await orgPath(tx, input.orgId) : await rootPath(tx);
    svc = await serviceByCategory(tx, input.serviceCategory, path);
  } else {
    throw new AppError('VALIDATION_FAILED', [{ path: 'serviceId', message: 'form.required' }]);
  }
  const files = await ownUnboundFiles(tx, env.source.actorId, input.fields);
  const values = checkAnswers(svc.form, input.fields, (id) => files.has(id));
  const applicantName = m?.name ?? input.contact?.name;
  if (!applicantName) throw new AppError('VALIDATION_FAILED', [{ path: 'contact.name', message: 'form.required' }]);
  const phone = input.contact?.phone;
  const now = env.source.at;
  const [c] = await tx
    .insert(serviceCase)
    .values({
      serviceId: svc.id,
      serviceName: svc.name,
      category: svc.category,
      form: svc.form,
      fieldsEnc: env.crypto.encrypt(JSON.stringify(values)),
      channel: input.channel,
      source: input.source ?? null,
      state: 'submitted',
      memberId: m?.id ?? null,
      accountId: input.accountId ?? m?.accountId ?? null,
      applicantName,
      applicantPhoneEnc: m?.phoneEnc ?? (phone ? env.crypto.encrypt(phone) : null),
      handlingOrgId: svc.handlingOrgId,
      dueAt: addWorkingDays(now, svc.deadlineDays),
      createdBy: env.source.actorId,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!c) throw new Error('case insert returned no row');
  await tx.insert(caseOrgAccess).values({ caseId: c.id, orgId: c.handlingOrgId, current: true, since: now });
  if (files.size > 0)
    await tx
      .update(caseFile)
      .set({ caseId: c.id })
      .where(inArray(caseFile.id, [...files]));
  const by = input.by ?? (input.channel === 'online' ? 'member' : 'staff');
  await recordStep(tx, env, by, c, {
    kind: 'submitted',
    to: 'submitted',
    note: input.note ?? null,
    audit: { channel: c.channel, serviceId: svc.id, source: input.source ?? null },
  });
  const no = caseNo(c);
  if (c.accountId) {
    await toInbox(tx, now, [c.accountId], {
      kind: 'case_submitted',
      title: '服务申请已提交',
      body: `您的${svc.name}申请（单号 ${no}）已提交，承办单位：${svc.handlingOrgName}。`,
      caseId: c.id,
    });
  }
  return { id: c.id, no };
}
