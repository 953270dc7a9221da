import { eq, inArray } from 'drizzle-orm';
import type { Deps } from '../kernel/context.js';
import type { Db } from '../kernel/db.js';
import { identityColumns, JOB_TYPES, makeIdNumber } from '../modules/member/index.js';
// The member module's own demo data (its seed step calls this file): written through its schema file.
import { member, memberEvent } from '../modules/member/member.schema.js';
import { orgRef } from '../modules/org/index.js';

// A few thousand fictional members with valid-checksum ID numbers, spread over the demo unions.
// A fixed seed keeps the demo the same on every machine.

const SURNAMES = [
  ...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段',
];
const GIVEN = [
  ...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国文辉鹏飞云红梅兰玲晓东海波宁婷雪琳浩宇志鑫佳晨瑞欣怡',
];
const EMPLOYERS: Record<string, string[]> = {
  'JS-ZJ-JK-XS-001': ['镇江瑞丰科技有限公司'],
  'JS-ZJ-JK-002': ['顺丰速运镇江分部', '中通快递京口网点', '美团外卖京口站', '饿了么镇江站'],
  'JS-ZJ-RZ-001': ['镇江理工学院'],
  'JS-ZJ-RZ-002': ['润州货运联盟', '满帮货运镇江', '滴滴出行镇江'],
  'JS-ZJ-DY-001': ['江苏恒神股份有限公司'],
  'JS-ZJ-DY-002': ['丹阳眼镜城商户', '丹阳光学仪器厂'],
};
const REGIONS = ['321102', '321111', '321112', '321181', '321182', '321183', '320102', '340104', '410105', '511002'];

/** Deterministic pseudo-random numbers (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Outside the two new-economy unions, one worker in 19 still works in a 新就业形态 job (the
// company's own drivers and couriers, platform drivers on the side): every union's figures show some.
// Chosen by position, not by the random sequence, so every other field of every member stays as it was.
const IN_HOUSE_NEW: Partial<Record<number, (typeof JOB_TYPES)[number]>> = {
  0: 'truck_driver',
  19: 'courier',
  38: 'ride_hailing',
  57: 'other_new',
  76: 'truck_driver',
};
const DAY = 86_400_000;
/** A China date within the last year, spread over it by the member's position. */
const recentJoin = (now: Date, i: number) =>
  new Date(now.getTime() + 8 * 3_600_000 - (((i * 37) % 360) + 1) * DAY).toISOString().slice(0, 10);

export async function seedDemoMembers(tx: Db, deps: Deps, count = 3000): Promise<void> {
  const unions = await tx
    .select({ id: orgRef.id, code: orgRef.code })
    .from(orgRef)
    .where(inArray(orgRef.code, Object.keys(EMPLOYERS)));
  const rand = rng(20261123);
  const pick = <T>(xs: readonly T[]): T => {
    const x = xs[Math.floor(rand() * xs.length)];
    if (x === undefined) throw new Error('seed: pick from an empty list');
    return x;
  };
  const now = deps.clock.now();
  const rows: Array<typeof member.$inferInsert> = [];
  const used = new Set<string>();
  for (let i = 0; rows.length < count; i++) {
    const union = pick(unions);
    const newEconomy = union.code === 'JS-ZJ-JK-002' || union.code === 'JS-ZJ-RZ-002';
    const birth = new Date(
      Date.UTC(1962 + Math.floor(rand() * 42), Math.floor(rand() * 12), 1 + Math.floor(rand() * 28)),
    );
    const idNumber = makeIdNumber(pick(REGIONS), birth.toISOString().slice(0, 10), Math.floor(rand() * 1000));
    if (used.has(idNumber)) continue;
    used.add(idNumber);
    const phone = `1${pick(['35', '36', '37', '38', '39', '50', '51', '58', '59', '86', '87', '88'])}${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`;
    // joined at 18 or later, and not before 2008 (when the registry's paper records begin)
    const firstYear = Math.max(2008, birth.getUTCFullYear() + 18);
    const joined = new Date(
      Date.UTC(
        firstYear + Math.floor(rand() * (2026 - firstYear)),
        Math.floor(rand() * 12),
        1 + Math.floor(rand() * 28),
      ),
    );
    rows.push({
      orgId: union.id,
      name: pick(SURNAMES) + pick(GIVEN) + (rand() < 0.6 ? pick(GIVEN) : ''),
      ...identityColumns(deps.crypto, { idNumber, phone }),
      ethnicity: rand() < 0.95 ? '汉族' : pick(['回族', '满族', '蒙古族', '壮族']),
      politicalStatus: pick(['群众', '群众', '群众', '中共党员', '共青团员']),
      education: pick(['初中', '高中', '中专', '大专', '本科', '硕士研究生']),
      householdType: newEconomy && rand() < 0.7 ? 'rural' : pick(['urban', 'rural'] as const),
      migrantWorker: newEconomy && rand() < 0.6,
      employer: pick(EMPLOYERS[union.code] ?? ['']),
      post: newEconomy ? null : pick(['工程师', '操作工', '技术员', '教师', '行政', '质检员']),
      jobType: newEconomy ? pick(JOB_TYPES.filter((j) => j !== 'regular')) : (IN_HOUSE_NEW[i % 95] ?? 'regular'),
      status: rand() < 0.96 ? 'active' : 'left',
      joinedAt:
        i % 6 === 0
          ? recentJoin(now, i) // a sixth joined within the last year: joins per month for the figures
          : joined > now
            ? now.toISOString().slice(0, 10)
            : joined.toISOString().slice(0, 10),
      cardNo: `ZJ${String(100000 + i)}`,
      createdAt: now,
      updatedAt: now,
    });
  }
  for (let i = 0; i < rows.length; i += 500) {
    const inserted = await tx
      .insert(member)
      .values(rows.slice(i, i + 500))
      .returning({ id: member.id, orgId: member.orgId });
    await tx.insert(memberEvent).values(
      inserted.map((m) => ({
        memberId: m.id,
        kind: 'imported',
        orgId: m.orgId,
        actorName: 'demo',
        note: '演示数据',
        at: now,
      })),
    );
  }
}

/** The demo member account (13800000001) is a member of the technology company's union. */
export async function seedDemoMemberRecord(tx: Db, deps: Deps, accountId: number, phone: string): Promise<void> {
  const [union] = await tx.select({ id: orgRef.id }).from(orgRef).where(eq(orgRef.code, 'JS-ZJ-JK-XS-001'));
  if (!union) return;
  const now = deps.clock.now();
  const [m] = await tx
    .insert(member)
    .values({
      orgId: union.id,
      accountId,
      name: '周师傅',
      ...identityColumns(deps.crypto, { idNumber: makeIdNumber('321102', '1983-04-16', 317), phone }),
      ethnicity: '汉族',
      politicalStatus: '中共党员',
      education: '大专',
      householdType: 'urban',
      employer: '镇江瑞丰科技有限公司',
      post: '车间班组长',
      jobType: 'regular',
      joinedAt: '2012-05-01',
      cardNo: 'ZJ000001',
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: member.id });
  if (m)
    await tx
      .insert(memberEvent)
      .values({ memberId: m.id, kind: 'imported', orgId: union.id, actorName: 'demo', note: '演示数据', at: now });
}
