import { anonymousSource, ANONYMOUS_ACTOR, writeAudit } from '../../kernel/audit.js';
import type { TxEnv } from '../../kernel/context.js';
import type { Db } from '../../kernel/db.js';
import { caseEvent, type CaseRow, type CaseState } from './service.schema.js';

export type ActorKind = 'staff' | 'member' | 'system';

/** One step on the timeline, and its audit row, in the transaction of the change. */
export async function recordStep(
  tx: Db,
  env: TxEnv,
  actorKind: ActorKind,
  c: CaseRow,
  step: {
    kind: string;
    from?: CaseState | null;
    to?: CaseState | null;
    note?: string | null;
    internal?: boolean;
    audit?: Record<string, unknown>;
  },
): Promise<void> {
  // The sender of an anonymous voice item follows the case opened from it; what they do there
  // is recorded as 匿名职工, without account, IP or request id, like the item itself.
  if (actorKind === 'member' && anonymousCase(c)) env = { ...env, source: anonymousSource(env.source) };
  await tx.insert(caseEvent).values({
    caseId: c.id,
    kind: step.kind,
    fromState: step.from ?? null,
    toState: step.to ?? null,
    actorId: env.source.actorId,
    actorName: env.source.actorName,
    actorKind,
    orgId: c.handlingOrgId,
    note: step.note ?? null,
    internal: step.internal ?? false,
    at: env.source.at,
  });
  await writeAudit(tx, env.crypto, env.source, {
    orgId: c.handlingOrgId,
    action: `case.${step.kind}`,
    targetType: 'service_case',
    targetId: c.id,
    after: { state: c.state, ...(step.from ? { from: step.from } : {}), ...(step.audit ?? {}) },
  });
}

/** A case opened from a voice item whose sender did not show their name (voiceToCase). */
export function anonymousCase(c: Pick<CaseRow, 'source' | 'memberId' | 'applicantName'>): boolean {
  return c.source?.module === 'voice' && c.memberId === null && c.applicantName === ANONYMOUS_ACTOR;
}
