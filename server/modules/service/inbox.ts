import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../kernel/db.js';
import { inboxMessage } from './service.schema.js';

// The in-app inbox (站内信) of one account: newest first by the time of the event (the demo and
// the sweep write events out of id order), unread counted for the badges, read by the owner only.

const mine = (accountId: number) => eq(inboxMessage.accountId, accountId);
const unreadOf = (accountId: number) => and(mine(accountId), isNull(inboxMessage.readAt));

export async function listInbox(db: Db, accountId: number, q: { unread: boolean; page: number; pageSize: number }) {
  const where = q.unread ? unreadOf(accountId) : mine(accountId);
  const [items, [total], unread] = await Promise.all([
    db
      .select()
      .from(inboxMessage)
      .where(where)
      .orderBy(desc(inboxMessage.createdAt), desc(inboxMessage.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(inboxMessage).where(where),
    countUnread(db, accountId),
  ]);
  return {
    items: items.map((m) => ({
      id: m.id,
      kind: m.kind,
      title: m.title,
      body: m.body,
      caseId: m.caseId,
      read: m.readAt !== null,
      createdAt: m.createdAt.toISOString(),
    })),
    total: total?.n ?? 0,
    unread,
  };
}

export async function countUnread(db: Db, accountId: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(inboxMessage).where(unreadOf(accountId));
  return row?.n ?? 0;
}

/** Marks one of the account's messages read (a read one keeps its first time); false when it is not theirs. */
export async function readMessage(db: Db, accountId: number, id: number, at: Date): Promise<boolean> {
  const done = await db
    .update(inboxMessage)
    .set({ readAt: sql`coalesce(${inboxMessage.readAt}, ${at.toISOString()}::timestamptz)` })
    .where(and(eq(inboxMessage.id, id), mine(accountId)))
    .returning({ id: inboxMessage.id });
  return done.length > 0;
}

export async function readAllMessages(db: Db, accountId: number, at: Date): Promise<void> {
  await db.update(inboxMessage).set({ readAt: at }).where(unreadOf(accountId));
}
