import { and, asc, count, desc, eq, ilike, sql, type SQL } from 'drizzle-orm';
import { orgCondition, type Actor } from '../../kernel/access.js';
import { writeAudit } from '../../kernel/audit.js';
import { chinaDate } from '../../kernel/clock.js';
import type { TxEnv } from '../../kernel/context.js';
import { escapeLike, type Db } from '../../kernel/db.js';
import { AppError, isUniqueViolation } from '../../kernel/errors.js';
import { orgRef } from '../org/index.js';
import { bodyFor } from './congress.access.js';
import { termLengthHeld } from './congress.dates.js';
import { rulesAt } from './congress.rules.js';
import { congressBody, congressTerm } from './congress.schema.js';
import { bodyView, bodyViews, termView } from './congress.view.js';
import { assertOrgAccess } from '../../kernel/access.js';

// Bodies and terms: a congress per enterprise union, its terms checked against the rules in force.

const READ = 'congress:congress:read' as const;
const MANAGE = 'congress:congress:manage' as const;

export async function listBodies(
  db: Db,
  actor: Actor,
  q: { orgId?: number | undefined; q?: string | undefined; page: number; pageSize: number },
  now: Date,
) {
  const where: SQL[] = [orgCondition(actor, READ, congressBody.orgId)];
  if (q.orgId !== undefined) {
    const path = await assertOrgAccess(db, actor, READ, q.orgId, READ);
    where.push(
      sql`${congressBody.orgId} in (select ${orgRef.id} from ${orgRef} where ${orgRef.path} like ${path + '%'})`,
    );
  }
  if (q.q && q.q.trim() !== '') where.push(ilike(congressBody.name, `%${escapeLike(q.q.trim())}%`));
  const cond = and(...where);
  const [n] = await db.select({ n: count() }).from(congressBody).where(cond);
  const found = await db
    .select()
    .from(congressBody)
    .where(cond)
    .orderBy(desc(congressBody.createdAt), desc(congressBody.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items: await bodyViews(db, found, now), total: n?.n ?? 0 };
}

export async function createBody(tx: Db, env: TxEnv, actor: Actor, input: { orgId: number; name: string }) {
  await assertOrgAccess(tx, actor, MANAGE, input.orgId, READ);
  const at = env.source.at;
  const [body] = await tx
    .insert(congressBody)
    .values({ orgId: input.orgId, name: input.name, createdAt: at })
    .onConflictDoNothing()
    .returning();
  if (!body) throw new AppError('CONGRESS_BODY_EXISTS');
  await writeAudit(tx, env.crypto, env.source, {
    orgId: body.orgId,
    action: 'congress_body.create',
    targetType: 'congress_body',
    targetId: body.id,
    after: input,
  });
  return bodyView(tx, body, at);
}

export async function bodyDetail(db: Db, actor: Actor, id: number, now: Date) {
  const { body } = await bodyFor(db, actor, READ, id);
  const terms = await db
    .select()
    .from(congressTerm)
    .where(eq(congressTerm.bodyId, id))
    .orderBy(asc(congressTerm.number));
  const views = [];
  for (const t of terms) {
    const v = await termView(db, t, body);
    views.push({
      id: v.id,
      number: v.number,
      startsOn: v.startsOn,
      endsOn: v.endsOn,
      representatives: v.representatives,
    });
  }
  return { ...(await bodyView(db, body, now)), terms: views };
}

export async function createTerm(
  tx: Db,
  env: TxEnv,
  actor: Actor,
  bodyId: number,
  input: { number: number; startsOn: string; endsOn: string },
) {
  const { body, path } = await bodyFor(tx, actor, MANAGE, bodyId);
  const rules = await rulesAt(tx, path);
  if (!termLengthHeld(input.startsOn, input.endsOn, rules.termYearsMin, rules.termYearsMax))
    throw new AppError('CONGRESS_TERM_LENGTH');
  let term;
  try {
    [term] = await tx
      .insert(congressTerm)
      .values({ bodyId, ...input, createdAt: env.source.at })
      .onConflictDoNothing()
      .returning();
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('CONGRESS_TERM_EXISTS');
    throw err;
  }
  if (!term) throw new AppError('CONGRESS_TERM_EXISTS');
  await writeAudit(tx, env.crypto, env.source, {
    orgId: body.orgId,
    action: 'congress_term.create',
    targetType: 'congress_body',
    targetId: body.id,
    after: input,
  });
  return termView(tx, term, body);
}

/** Today's date in China (for defaults such as a representative's start). */
export const today = (now: Date) => chinaDate(now);
