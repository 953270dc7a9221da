import { eq, sql } from 'drizzle-orm';
import { writeAudit } from '../../../kernel/audit.js';
import type { TxEnv } from '../../../kernel/context.js';
import { rows, type Db } from '../../../kernel/db.js';
import { hardshipLine } from './hardship.schema.js';

// Local lines (当地最低生活保障标准 / 低收入标准), yuan per person per month. An org without its
// own row uses its nearest ancestor's: the deepest row on its path.

export interface EffectiveLine {
  minimumLiving: number;
  lowIncome: number;
  fromOrgId: number;
  fromOrgName: string;
}

export async function effectiveLine(db: Db, orgId: number): Promise<EffectiveLine | null> {
  const [found] = await rows<EffectiveLine>(
    db,
    sql`
    select l.minimum_living::int as "minimumLiving", l.low_income::int as "lowIncome", a.id::int as "fromOrgId", a.name as "fromOrgName"
    from org_ref o join org_ref a on o.path like a.path || '%' join hardship_line l on l.org_id = a.id
    where o.id = ${orgId} order by a.depth desc limit 1`,
  );
  return found ?? null;
}

export async function ownLine(db: Db, orgId: number) {
  const [row] = await db.select().from(hardshipLine).where(eq(hardshipLine.orgId, orgId));
  return row ?? null;
}

export async function setLine(
  tx: Db,
  env: TxEnv,
  orgId: number,
  v: { minimumLiving: number; lowIncome: number } | null,
): Promise<void> {
  const before = await ownLine(tx, orgId);
  if (v) {
    const values = { ...v, updatedBy: env.source.actorId, updatedAt: env.source.at };
    await tx
      .insert(hardshipLine)
      .values({ orgId, ...values })
      .onConflictDoUpdate({ target: hardshipLine.orgId, set: values });
  } else {
    await tx.delete(hardshipLine).where(eq(hardshipLine.orgId, orgId));
  }
  await writeAudit(tx, env.crypto, env.source, {
    orgId,
    action: v ? 'hardship.line.set' : 'hardship.line.clear',
    targetType: 'hardship_line',
    targetId: orgId,
    before: before ? { minimumLiving: before.minimumLiving, lowIncome: before.lowIncome } : null,
    after: v,
  });
}
