import { and, eq, sql, type SQL } from 'drizzle-orm';
import { OutOfScopeError, orgCondition, pathInScope, type Actor, type Permission } from '../../kernel/access.js';
import { anonymousSource, ANONYMOUS_ACTOR, writeAudit } from '../../kernel/audit.js';
import type { TxEnv } from '../../kernel/context.js';
import { escapeLike, rows, type Db } from '../../kernel/db.js';
import { AppError } from '../../kernel/errors.js';
import { homeChain, memberUnion } from '../member/index.js';
import { openCase } from '../service/index.js';
import { applyAlertRules } from './alert.rules.js';
import { voiceItem, type VoiceItemRow } from './voice.schema.js';
import { countItems, iso, selectOwnItems, selectStaffItems } from './voice.view.js';

// 职工心声: members write, staff of the receiving org (and above) answer. The sender's identity
// never reaches staff unless they chose `showName` — not in answers, not in the audit log.

const READ = 'voice:item:read';
const HANDLE = 'voice:item:handle';
const PER_HOUR = 20;
const ANONYMOUS = ANONYMOUS_ACTOR;

export interface NewVoice {
  kind: VoiceItemRow['kind'];
  title: string;
  content: string;
  showName: boolean;
  publishConsent: boolean;
  orgId?: number | undefined;
}

async function receivingOrg(tx: Db, actor: Actor, orgId: number | undefined): Promise<{ orgId: number; path: string }> {
  if (orgId !== undefined) {
    const [o] = await rows<{ path: string; status: string }>(tx, sql`select path, status from org where id = ${orgId}`);
    if (!o) throw new AppError('NOT_FOUND', [{ path: 'orgId', message: 'NOT_FOUND' }]);
    if (o.status !== 'active') throw new AppError('ORG_CLOSED');
    return { orgId, path: o.path };
  }
  const union = await memberUnion(tx, actor.accountId);
  if (!union) throw new AppError('NO_UNION', [{ path: 'orgId', message: 'NO_UNION' }]);
  return union;
}

export async function submitVoice(tx: Db, env: TxEnv, actor: Actor, input: NewVoice): Promise<number> {
  const at = env.source.at;
  const [recent] = await rows<{ n: number }>(
    tx,
    sql`
    select count(*)::int as n from voice_item where account_id = ${actor.accountId} and created_at > ${new Date(at.getTime() - 3600_000).toISOString()}::timestamptz`,
  );
  if ((recent?.n ?? 0) >= PER_HOUR) throw new AppError('RATE_LIMITED');
  const { orgId, path } = await receivingOrg(tx, actor, input.orgId);
  const [item] = await tx
    .insert(voiceItem)
    .values({
      orgId,
      accountId: actor.accountId,
      kind: input.kind,
      title: input.title,
      content: input.content,
      showName: input.showName,
      publishConsent: input.publishConsent,
      createdAt: at,
      updatedAt: at,
    })
    .returning();
  if (!item) throw new Error('voice insert returned no row');
  // Anonymous items are recorded without their sender — no account, IP or request id — as the
  // audit log is read by staff too and the sender's named rows carry those.
  const source = input.showName ? env.source : anonymousSource(env.source);
  await writeAudit(tx, env.crypto, source, {
    orgId,
    action: 'voice.create',
    targetType: 'voice_item',
    targetId: item.id,
    after: { kind: item.kind, title: item.title, showName: item.showName },
  });
  await applyAlertRules(tx, { ...env, source }, item, path);
  return item.id;
}

/** An item the staff caller may see (404 outside scope), with its org path. */
async function loadForStaff(db: Db, actor: Actor, id: number, permission: Permission = READ): Promise<VoiceItemRow> {
  const [found] = await rows<{ path: string }>(
    db,
    sql`select o.path from voice_item v join org o on o.id = v.org_id where v.id = ${id}`,
  );
  if (!found) throw new AppError('NOT_FOUND');
  if (!pathInScope(actor, READ, found.path)) throw new OutOfScopeError('voice_item', String(id));
  if (!pathInScope(actor, permission, found.path)) throw new AppError('FORBIDDEN');
  const [item] = await db.select().from(voiceItem).where(eq(voiceItem.id, id));
  if (!item) throw new AppError('NOT_FOUND');
  return item;
}

export async function getStaffItem(db: Db, actor: Actor, id: number) {
  await loadForStaff(db, actor, id);
  const [view] = await selectStaffItems(db, sql`v.id = ${id}`);
  if (!view) throw new AppError('NOT_FOUND');
  return view;
}

export interface StaffFilter {
  status?: VoiceItemRow['status'] | undefined;
  kind?: VoiceItemRow['kind'] | undefined;
  orgPath?: string | undefined;
  alerted?: boolean | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

/** The voice board's conditions (over `voice_item v join org o`); also the workbench's count. */
export function staffItemsWhere(actor: Actor, f: Omit<StaffFilter, 'page' | 'pageSize'>): SQL {
  const c: SQL[] = [orgCondition(actor, READ, sql`v.org_id`)];
  if (f.status) c.push(sql`v.status = ${f.status}`);
  if (f.kind) c.push(sql`v.kind = ${f.kind}`);
  if (f.orgPath) c.push(sql`o.path like ${f.orgPath + '%'}`);
  if (f.alerted !== undefined)
    c.push(sql`${f.alerted ? sql`` : sql`not`} exists (select 1 from alert_item ai where ai.item_id = v.id)`);
  if (f.q) c.push(sql`(v.title ilike ${`%${escapeLike(f.q)}%`} or v.content ilike ${`%${escapeLike(f.q)}%`})`);
  return sql.join(c, sql` and `);
}

export async function listStaffItems(db: Db, actor: Actor, f: StaffFilter) {
  const where = staffItemsWhere(actor, f);
  const [items, total] = await Promise.all([
    selectStaffItems(db, where, sql`order by v.id desc limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`),
    countItems(db, where),
  ]);
  return { items, total };
}

async function change(
  tx: Db,
  env: TxEnv,
  item: VoiceItemRow,
  set: Partial<VoiceItemRow>,
  action: string,
  after: Record<string, unknown>,
) {
  await tx
    .update(voiceItem)
    .set({ ...set, updatedAt: env.source.at })
    .where(eq(voiceItem.id, item.id));
  await writeAudit(tx, env.crypto, env.source, {
    orgId: item.orgId,
    action,
    targetType: 'voice_item',
    targetId: item.id,
    after,
  });
}

export async function replyVoice(tx: Db, env: TxEnv, actor: Actor, id: number, reply: string): Promise<void> {
  const item = await loadForStaff(tx, actor, id, HANDLE);
  if (item.status === 'closed') throw new AppError('VOICE_CLOSED');
  await change(
    tx,
    env,
    item,
    { reply, status: 'replied', repliedAt: env.source.at, repliedBy: actor.accountId, replierName: actor.displayName },
    'voice.reply',
    { reply },
  );
}

export async function publishVoice(tx: Db, env: TxEnv, actor: Actor, id: number, published: boolean): Promise<void> {
  const item = await loadForStaff(tx, actor, id, HANDLE);
  if (published && !item.publishConsent) throw new AppError('VOICE_NO_CONSENT');
  if (published && !item.reply) throw new AppError('VOICE_NOT_REPLIED');
  await change(
    tx,
    env,
    item,
    { published, publishedAt: published ? env.source.at : null },
    published ? 'voice.publish' : 'voice.unpublish',
    { published },
  );
}

export async function closeVoice(tx: Db, env: TxEnv, actor: Actor, id: number): Promise<void> {
  const item = await loadForStaff(tx, actor, id, HANDLE);
  if (item.status === 'closed') throw new AppError('VOICE_CLOSED');
  await change(tx, env, item, { status: 'closed' }, 'voice.close', { status: 'closed' });
}

/**
 * Opens a case for the item's sender. The case keeps the sender's account (their "my cases" and
 * inbox follow it) but names them to the handlers only if they showed their name on the item.
 */
export async function voiceToCase(
  tx: Db,
  env: TxEnv,
  actor: Actor,
  id: number,
  serviceId: number,
  fields: Record<string, unknown>,
): Promise<number> {
  const item = await loadForStaff(tx, actor, id, HANDLE);
  if (item.caseId !== null) throw new AppError('VOICE_HAS_CASE');
  const union = item.showName ? await memberUnion(tx, item.accountId) : undefined;
  const made = await openCase(tx, env, {
    serviceId,
    channel: 'online',
    fields,
    accountId: item.accountId,
    source: { module: 'voice', id: item.id },
    by: 'staff',
    note: `${item.title}\n${item.content}`,
    ...(union
      ? { memberId: union.memberId }
      : { contact: { name: item.showName ? await senderName(tx, item.accountId) : ANONYMOUS } }),
  });
  const [done] = await tx
    .update(voiceItem)
    .set({ caseId: made.id, updatedAt: env.source.at })
    .where(and(eq(voiceItem.id, id), sql`${voiceItem.caseId} is null`))
    .returning({ id: voiceItem.id });
  if (!done) throw new AppError('VOICE_HAS_CASE');
  await writeAudit(tx, env.crypto, env.source, {
    orgId: item.orgId,
    action: 'voice.case',
    targetType: 'voice_item',
    targetId: id,
    after: { caseId: made.id },
  });
  return made.id;
}

async function senderName(tx: Db, accountId: number): Promise<string> {
  const [a] = await rows<{ name: string }>(tx, sql`select display_name as name from account where id = ${accountId}`);
  return a?.name ?? ANONYMOUS;
}

// The member's side.

export async function listOwnItems(db: Db, actor: Actor, page: number, pageSize: number) {
  const where = sql`v.account_id = ${actor.accountId}`;
  const [items, total] = await Promise.all([
    selectOwnItems(db, where, sql`order by v.id desc limit ${pageSize} offset ${(page - 1) * pageSize}`),
    countItems(db, where),
  ]);
  return { items, total };
}

export async function getOwnItem(db: Db, actor: Actor, id: number) {
  const [item] = await selectOwnItems(db, sql`v.id = ${id} and v.account_id = ${actor.accountId}`);
  if (!item) throw new AppError('NOT_FOUND');
  return item;
}

/** Consent is the member's to give and take back; taking it back unpublishes at once. */
export async function setConsent(tx: Db, env: TxEnv, actor: Actor, id: number, consent: boolean): Promise<void> {
  const [item] = await tx
    .select()
    .from(voiceItem)
    .where(and(eq(voiceItem.id, id), eq(voiceItem.accountId, actor.accountId)));
  if (!item) throw new AppError('NOT_FOUND');
  const set = consent ? { publishConsent: true } : { publishConsent: false, published: false, publishedAt: null };
  const source = item.showName ? env.source : anonymousSource(env.source);
  await change(tx, { ...env, source }, item, set, 'voice.consent', { publishConsent: consent });
}

export async function listPublished(
  db: Db,
  actor: Actor,
  f: { kind?: VoiceItemRow['kind'] | undefined; page: number; pageSize: number },
) {
  const chain = await homeChain(db, actor);
  const c: SQL[] = [
    sql`v.published`,
    sql`v.org_id in (${sql.join(
      chain.map((id) => sql`${id}`),
      sql`, `,
    )})`,
  ];
  if (f.kind) c.push(sql`v.kind = ${f.kind}`);
  const where = sql.join(c, sql` and `);
  const [found, total] = await Promise.all([
    rows<{
      id: number;
      kind: VoiceItemRow['kind'];
      title: string;
      content: string;
      reply: string | null;
      repliedAt: Date | string | null;
      publishedAt: Date | string;
      orgName: string;
    }>(
      db,
      sql`
      select v.id, v.kind, v.title, v.content, v.reply, v.replied_at as "repliedAt", v.published_at as "publishedAt", o.name as "orgName"
      from voice_item v join org o on o.id = v.org_id where ${where}
      order by v.published_at desc, v.id desc limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`,
    ),
    countItems(db, where),
  ]);
  return {
    items: found.map((v) => ({ ...v, repliedAt: iso(v.repliedAt), publishedAt: iso(v.publishedAt) ?? '' })),
    total,
  };
}
