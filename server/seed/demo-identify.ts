import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Deps } from '../kernel/context.js';
import { rows, type Db } from '../kernel/db.js';
import { recomputeCandidates } from '../modules/assistance/index.js';
import { identifyRule, memberSituation } from '../modules/assistance/identify/identify.schema.js';
import { DEFAULT_RULES } from '../modules/assistance/identify/rules.js';
import { memberRef } from '../modules/member/index.js';
import { openCase } from '../modules/service/index.js';

// Demo precise identification: the default rules written at the province (so the rule editor
// shows rows to tune), a few members' situations and cases chosen so the list shows candidates
// with varied reasons, and one recompute run here, synchronously.

export async function seedDemoIdentify(tx: Db, deps: Deps, ids: Map<string, number>): Promise<void> {
  const now = deps.clock.now();
  const source = { actorId: null, actorName: 'system', ip: null, requestId: null, at: now };
  const env = { crypto: deps.crypto, source };
  const province = ids.get('province') ?? 0;
  await tx.insert(identifyRule).values(
    DEFAULT_RULES.map((r) => ({
      orgId: province,
      code: r.code,
      enabled: r.enabled,
      weight: r.weight,
      params: r.params,
      updatedAt: now,
    })),
  );
  await tx.execute(
    sql`insert into hardship_line (org_id, minimum_living, low_income, updated_at) values (${province}, 800, 1200, ${now}) on conflict do nothing`,
  );
  const unions = ['techco', 'logistics', 'college', 'drivers'].map((k) => ids.get(k) ?? 0);
  const people = await tx
    .select({ id: memberRef.id, jobType: memberRef.jobType })
    .from(memberRef)
    .where(and(inArray(memberRef.orgId, unions), isNull(memberRef.accountId), eq(memberRef.status, 'active')))
    .orderBy(memberRef.id)
    .limit(60);
  const newJob = people.filter((p) => p.jobType !== 'regular');
  const regular = people.filter((p) => p.jobType === 'regular');
  const pick = (list: typeof people, i: number) => list[i % Math.max(1, list.length)]?.id;
  const situation = (memberId: number | undefined, s: Record<string, unknown>) =>
    memberId
      ? tx
          .insert(memberSituation)
          .values({ memberId, dataEnc: deps.crypto.encrypt(JSON.stringify(s)), updatedAt: now })
          .onConflictDoNothing()
      : undefined;
  const cases = async (
    memberId: number | undefined,
    category: 'hardship_help' | 'legal_aid',
    fields: Record<string, unknown>,
    n = 1,
  ) => {
    for (let k = 0; k < n && memberId; k++)
      await openCase(tx, env, { memberId, serviceCategory: category, channel: 'counter', fields, by: 'system' });
  };
  const help = { cause: '大病', income: 900, summary: '本人患病住院，家庭收入下降' };
  await cases(pick(regular, 0), 'hardship_help', help, 2);
  await situation(pick(newJob, 0), { dependants: 3 });
  await cases(pick(regular, 1), 'legal_aid', {
    kind: '工伤认定',
    employer: '镇江某建筑劳务公司',
    summary: '工地受伤，单位不申报工伤',
  });
  await situation(pick(regular, 2), { disability: true });
  await situation(pick(regular, 3), { singleParent: true, incomePerHead: 700, dependants: 1 });
  await situation(pick(regular, 4), { disability: true, incomePerHead: 600 });
  await cases(pick(regular, 4), 'hardship_help', help, 2);
  await situation(pick(newJob, 1), { dependants: 2, incomePerHead: 1100 });
  await situation(pick(regular, 5), { disaster: true });
  await situation(pick(regular, 6), { incomePerHead: 1500, dependants: 1 });
  const [root] = await rows<{ path: string }>(tx, sql`select path from org where id = ${province}`);
  await recomputeCandidates(tx, deps.crypto, { path: root?.path ?? '/', orgId: province, now, source });
}
