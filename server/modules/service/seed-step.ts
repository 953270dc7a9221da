import { eq } from 'drizzle-orm';
import type { TxEnv } from '../../kernel/context.js';
import type { Db } from '../../kernel/db.js';
import { recordStep } from './case.events.js';
import { caseOrgAccess, serviceCase, type CaseState } from './service.schema.js';

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
