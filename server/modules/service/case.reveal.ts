import type { Actor } from '../../kernel/access.js';
import { writeAudit } from '../../kernel/audit.js';
import type { TxEnv } from '../../kernel/context.js';
import type { Db } from '../../kernel/db.js';
import { CASE_HANDLE, loadCase } from './case.access.js';

// A handler calls the applicant back: the full phone of the case's applicant, shown to a caller
// who may handle the case at its current org, for a stated reason, and audited with that reason —
// as the roster's reveal (member.reveal) is. The number is the one given with the case.

export async function revealApplicantPhone(
  tx: Db,
  env: TxEnv,
  actor: Actor,
  id: number,
  reason: string,
): Promise<{ phone: string | null }> {
  const { c } = await loadCase(tx, actor, id, CASE_HANDLE);
  await writeAudit(tx, env.crypto, env.source, {
    orgId: c.handlingOrgId,
    action: 'case.reveal_phone',
    targetType: 'service_case',
    targetId: c.id,
    after: { reason },
  });
  return { phone: c.applicantPhoneEnc ? env.crypto.decrypt(c.applicantPhoneEnc) : null };
}
