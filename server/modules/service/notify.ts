import type { TxEnv } from '../../kernel/context.js';
import type { Db } from '../../kernel/db.js';
import { enqueueSms } from '../../kernel/outbox.js';
import { inboxMessage, type CaseRow } from './service.schema.js';
import { chinaDate } from '../../kernel/clock.js';

// Closing the loop: the applicant hears of every step in the in-app inbox, and of the decisive
// ones by SMS (through the outbox, sent after commit); staff hear of work that reaches them.

export function caseNo(c: Pick<CaseRow, 'id' | 'createdAt'>): string {
  const local = chinaDate(c.createdAt).replaceAll('-', '');
  return `FW${local}${String(c.id).padStart(6, '0')}`;
}

/**
 * Free text (a resolution, a reason) as one finished sentence inside a message: staff often end
 * theirs with 。 already, and a template that added its own wrote "已补发工资。。".
 */
export function sentence(text: string): string {
  const body = text.trim().replace(/[。.]+$/u, '');
  return /[！？!?…；;]$/u.test(body) ? body : `${body}。`;
}

/** Free text inside an SMS template that closes the sentence itself: without its own full stop. */
export function clause(text: string): string {
  return text.trim().replace(/[。.]+$/u, '');
}

export async function toInbox(
  tx: Db,
  at: Date,
  accountIds: number[],
  m: { kind: string; title: string; body: string; caseId: number | null },
) {
  const ids = [...new Set(accountIds)];
  if (ids.length === 0) return;
  await tx.insert(inboxMessage).values(ids.map((accountId) => ({ accountId, ...m, createdAt: at })));
}

type SmsTemplate = 'case_accepted' | 'case_resolved' | 'case_rejected' | 'case_transferred';

/** Tells the applicant: an inbox message if they have an account, an SMS if they have a phone. */
export async function tellApplicant(
  tx: Db,
  env: TxEnv,
  c: CaseRow,
  m: { kind: string; title: string; body: string },
  sms?: { template: SmsTemplate; params: Record<string, string> },
): Promise<void> {
  if (c.accountId) await toInbox(tx, env.source.at, [c.accountId], { ...m, caseId: c.id });
  if (sms && c.applicantPhoneEnc) {
    await enqueueSms(tx, env.crypto, {
      phone: env.crypto.decrypt(c.applicantPhoneEnc),
      template: sms.template,
      params: { no: caseNo(c), service: c.serviceName, ...sms.params },
    });
  }
}
