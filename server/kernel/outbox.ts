import { eq, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { maskPhone, type Crypto } from './crypto.js';
import { rows, type Db } from './db.js';
import { outbox } from './kernel.schema.js';
import { z } from 'zod';

// SMS leaves the system through the outbox: the row is written in the transaction that causes
// the message, and a driver sends it after commit. Two drivers: `outbox` (development: the row
// is the record; in demo mode the text is also logged) and `http` (a real gateway).

export interface SmsMessage {
  phone: string;
  template: string;
  params: Record<string, string>;
}

export interface SmsDriver {
  readonly name: 'outbox' | 'http';
  send(message: SmsMessage): Promise<void>;
}

/** Staff-written free text inside a template that closes the sentence itself: without its own full stop. */
const clause = (text: string | undefined): string => (text ?? '').trim().replace(/[。.]+$/u, '');

export const SMS_TEXT: Record<string, (p: Record<string, string>) => string> = {
  login_code: (p) => `【智慧工会】您的登录验证码为 ${p.code}，5 分钟内有效。如非本人操作，请忽略本短信。`,
  join_approved: (p) => `【智慧工会】您加入${p.org}的申请已通过，欢迎成为工会会员！`,
  join_rejected: (p) => `【智慧工会】您加入${p.org}的申请未通过：${clause(p.reason)}。`,
  transfer_completed: (p) => `【智慧工会】您的会员关系已转入${p.org}。`,
  transfer_rejected: (p) => `【智慧工会】您的会员关系转接申请未通过：${clause(p.reason)}。`,
  case_accepted: (p) => `【智慧工会】您的服务申请（${p.service}，单号 ${p.no}）已由${p.org}受理，我们会尽快办理。`,
  case_resolved: (p) =>
    `【智慧工会】您的服务申请（${p.service}，单号 ${p.no}）已办结，请在“我的服务”中查看结果并评价。`,
  case_rejected: (p) => `【智慧工会】您的服务申请（${p.service}，单号 ${p.no}）未予受理：${clause(p.reason)}。`,
  case_transferred: (p) => `【智慧工会】您的服务申请（${p.service}，单号 ${p.no}）已转由${p.org}办理。`,
};

export function createDevSmsDriver(log: FastifyBaseLogger, demo: boolean): SmsDriver {
  return {
    name: 'outbox',
    async send(m) {
      // Only the demo shows message text in the log, so a developer can sign in without a phone.
      if (demo)
        log.info({ sms: { to: maskPhone(m.phone), text: SMS_TEXT[m.template]?.(m.params) } }, 'demo SMS (not sent)');
    },
  };
}

export function createHttpSmsDriver(
  url: string,
  token: string | undefined,
  fetchImpl: typeof fetch = fetch,
): SmsDriver {
  return {
    name: 'http',
    async send(m) {
      const res = await fetchImpl(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ phone: m.phone, template: m.template, params: m.params }),
        signal: AbortSignal.timeout(10_000),
      });
      if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
    },
  };
}

export async function enqueueSms(tx: Db, crypto: Crypto, m: SmsMessage): Promise<void> {
  await tx.insert(outbox).values({
    channel: 'sms',
    recipientEnc: crypto.encrypt(m.phone),
    recipientHash: crypto.blindIndex('phone', m.phone),
    template: m.template,
    payloadEnc: crypto.encrypt(JSON.stringify(m.params)),
  });
}

const MAX_ATTEMPTS = 5;
const LEASE = "interval '2 minutes'";

/**
 * Sends what is pending; safe from several processes at once. Rows are claimed with a short
 * lease and sent outside any transaction, so a slow gateway never holds the database.
 */
export async function dispatchOutbox(
  db: Db,
  crypto: Crypto,
  driver: SmsDriver,
  log: FastifyBaseLogger,
): Promise<number> {
  let sent = 0;
  for (;;) {
    const batch = await rows<OutboxRow>(
      db,
      sql`update outbox set state = 'sending', claimed_at = now(), attempts = attempts + 1
          where id in (select id from outbox
                       where state = 'pending' or (state = 'sending' and claimed_at < now() - ${sql.raw(LEASE)})
                       order by id limit 20 for update skip locked)
          returning id, recipient_enc as "recipientEnc", template, payload_enc as "payloadEnc", attempts`,
    );
    for (const row of batch) {
      try {
        await driver.send({
          phone: crypto.decrypt(row.recipientEnc),
          template: row.template,
          params: z.record(z.string(), z.string()).parse(JSON.parse(crypto.decrypt(row.payloadEnc))),
        });
        await db
          .update(outbox)
          .set({ state: 'sent', sentAt: sql`now()` })
          .where(eq(outbox.id, row.id));
        sent++;
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        log.warn({ outboxId: row.id, err: message }, 'SMS send failed');
        const state = row.attempts >= MAX_ATTEMPTS ? 'failed' : 'pending';
        await db
          .update(outbox)
          .set({ state, lastError: message.slice(0, 500) })
          .where(eq(outbox.id, row.id));
      }
    }
    if (batch.length < 20) return sent;
  }
}

interface OutboxRow {
  id: number;
  recipientEnc: string;
  template: string;
  payloadEnc: string;
  attempts: number;
}
