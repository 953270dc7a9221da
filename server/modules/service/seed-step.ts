import { eq, inArray } from 'drizzle-orm';
import type { TxEnv } from '../../kernel/context.js';
import type { Crypto } from '../../kernel/crypto.js';
import type { Db } from '../../kernel/db.js';
import { memberRef, sealedIdentities } from '../member/index.js';
import { recordStep } from './case.events.js';
import {
  caseEvent,
  caseOrgAccess,
  service,
  serviceCase,
  type CaseState,
  type CHANNELS,
  type RATINGS,
} from './service.schema.js';
import { addWorkingDays } from './working-days.js';

/**
 * Demo data only: puts a case into a state as of a past time, with its timeline entry, without
 * the transition rules (the seed writes history that happened before "now").
 */
export async function seedCaseStep(
  tx: Db,
  env: TxEnv,
  caseId: number,
  step: { kind: string; to: CaseState; set?: Partial<typeof serviceCase.$inferInsert>; note?: string },
) {
  const [before] = await tx.select().from(serviceCase).where(eq(serviceCase.id, caseId));
  const [row] = await tx
    .update(serviceCase)
    .set({ ...step.set, state: step.to, updatedAt: env.source.at })
    .where(eq(serviceCase.id, caseId))
    .returning();
  if (!row || !before) return;
  if (step.set?.handlingOrgId && step.set.handlingOrgId !== before.handlingOrgId) {
    await tx.update(caseOrgAccess).set({ current: false }).where(eq(caseOrgAccess.caseId, caseId));
    await tx
      .insert(caseOrgAccess)
      .values({ caseId, orgId: step.set.handlingOrgId, current: true, since: env.source.at });
  }
  await recordStep(
    tx,
    env,
    step.kind === 'withdrawn' || step.kind === 'rated' ? 'member' : step.kind === 'overdue' ? 'system' : 'staff',
    before,
    {
      kind: step.kind,
      from: before.state,
      to: row.state,
      note: step.note,
      internal: step.kind === 'overdue',
    },
  );
}

/** One case of the demo's past year, closed (or just submitted) as of `createdAt` and `closedAt`. */
export interface HistoricCase {
  serviceId: number;
  memberId: number;
  channel: (typeof CHANNELS)[number];
  createdAt: Date;
  /** Where it is handled; `viaOrgId` when it came there by a transfer (转属地办理) from that org. */
  handlingOrgId: number;
  viaOrgId?: number | null;
  outcome: 'submitted' | 'resolved' | 'rejected' | 'withdrawn';
  closedAt?: Date;
  rating?: (typeof RATINGS)[number] | null;
  handler?: { id: number; name: string } | null;
  fields: Record<string, unknown>;
}

/**
 * Demo data only: writes a year of past cases in a few statements (rows, org access, timeline),
 * without audit rows or inbox messages — history from before the platform, like imported members.
 * case_tally follows through its triggers.
 */
export async function seedCaseHistory(tx: Db, crypto: Crypto, cases: readonly HistoricCase[]): Promise<number> {
  if (cases.length === 0) return 0;
  const services = new Map(
    (
      await tx
        .select()
        .from(service)
        .where(inArray(service.id, [...new Set(cases.map((c) => c.serviceId))]))
    ).map((s) => [s.id, s]),
  );
  const memberIds = [...new Set(cases.map((c) => c.memberId))];
  const sealed = await sealedIdentities(tx, memberIds);
  const people = new Map(
    (
      await tx
        .select({ id: memberRef.id, name: memberRef.name, accountId: memberRef.accountId })
        .from(memberRef)
        .where(inArray(memberRef.id, memberIds))
    ).map((m) => [m.id, { ...m, phoneEnc: sealed.get(m.id)?.phoneEnc ?? null }]),
  );
  let written = 0;
  for (let i = 0; i < cases.length; i += 250) {
    const batch = cases.slice(i, i + 250).flatMap((c) => {
      const s = services.get(c.serviceId);
      const m = people.get(c.memberId);
      return s && m ? [{ c, s, m }] : [];
    });
    if (batch.length === 0) continue;
    const inserted = await tx
      .insert(serviceCase)
      .values(
        batch.map(({ c, s, m }) => {
          const closed = c.outcome !== 'submitted' ? (c.closedAt ?? c.createdAt) : null;
          return {
            serviceId: s.id,
            serviceName: s.name,
            category: s.category,
            form: s.form,
            fieldsEnc: crypto.encrypt(JSON.stringify(c.fields)),
            channel: c.channel,
            state: c.outcome,
            memberId: m.id,
            accountId: m.accountId,
            applicantName: m.name,
            applicantPhoneEnc: m.phoneEnc,
            handlingOrgId: c.handlingOrgId,
            assigneeId: c.outcome === 'resolved' ? (c.handler?.id ?? null) : null,
            dueAt: addWorkingDays(c.createdAt, s.deadlineDays),
            resolution: c.outcome === 'resolved' ? '已按规定办理完毕并告知申请人' : null,
            rejectReason: c.outcome === 'rejected' ? '不属于工会受理范围，已告知申请人相关渠道' : null,
            rating: c.outcome === 'resolved' ? (c.rating ?? null) : null,
            ratedAt: c.outcome === 'resolved' && c.rating && closed ? new Date(closed.getTime() + 86_400_000) : null,
            createdAt: c.createdAt,
            updatedAt: closed ?? c.createdAt,
            acceptedAt: c.outcome === 'resolved' ? new Date(c.createdAt.getTime() + 3_600_000) : null,
            resolvedAt: c.outcome === 'resolved' ? closed : null,
          };
        }),
      )
      .returning({ id: serviceCase.id });
    const access: Array<typeof caseOrgAccess.$inferInsert> = [];
    const events: Array<typeof caseEvent.$inferInsert> = [];
    for (const [j, row] of inserted.entries()) {
      const item = batch[j];
      if (!item) continue;
      const { c } = item;
      const ev = (kind: string, from: CaseState | null, to: CaseState | null, at: Date, by: 'staff' | 'member') =>
        events.push({
          caseId: row.id,
          kind,
          fromState: from,
          toState: to,
          actorId: by === 'staff' ? (c.handler?.id ?? null) : null,
          actorName: by === 'staff' ? (c.handler?.name ?? null) : (item.m.name ?? null),
          actorKind: by,
          orgId: c.handlingOrgId,
          note: null,
          at,
        });
      const hour = (h: number) => new Date(c.createdAt.getTime() + h * 3_600_000);
      ev('submitted', null, 'submitted', c.createdAt, c.channel === 'online' ? 'member' : 'staff');
      if (c.viaOrgId) {
        access.push({ caseId: row.id, orgId: c.viaOrgId, current: false, since: c.createdAt });
        ev('transferred', 'submitted', 'transferred', hour(0.5), 'staff');
      }
      access.push({
        caseId: row.id,
        orgId: c.handlingOrgId,
        current: true,
        since: c.viaOrgId ? hour(0.5) : c.createdAt,
      });
      const closed = c.closedAt ?? c.createdAt;
      if (c.outcome === 'withdrawn') ev('withdrawn', 'submitted', 'withdrawn', closed, 'member');
      if (c.outcome === 'rejected') ev('rejected', 'submitted', 'rejected', closed, 'staff');
      if (c.outcome === 'resolved') {
        ev('accepted', 'submitted', 'accepted', hour(1), 'staff');
        ev('started', 'accepted', 'in_progress', hour(2), 'staff');
        ev('resolved', 'in_progress', 'resolved', closed, 'staff');
        if (c.rating) ev('rated', 'resolved', 'resolved', new Date(closed.getTime() + 86_400_000), 'member');
      }
    }
    if (access.length) await tx.insert(caseOrgAccess).values(access);
    if (events.length) await tx.insert(caseEvent).values(events);
    written += inserted.length;
  }
  return written;
}
