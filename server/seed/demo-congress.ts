import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { chinaDate } from '../kernel/clock.js';
import type { Db } from '../kernel/db.js';
import type { SeedContext } from '../kernel/module.js';
import {
  congressAttendance,
  congressBody,
  congressDocument,
  congressRepresentative,
  congressSession,
  congressTerm,
  type RepresentativeCategory,
} from '../modules/congress/congress.schema.js';
import { findMember, identityColumns, makeIdNumber, memberRef } from '../modules/member/index.js';
// Extra 恒神 workers for the congress (the bulk members are spread over six unions, so 恒神 may
// have fewer than a hundred): written through the member module's schema as its own demo data is.
import { member, memberEvent } from '../modules/member/member.schema.js';
import { rng } from './demo-members.js';
import { demoStaff } from './demo-staff.js';

// The 恒神 workers' congress (issue 18's demo): 江苏恒神股份有限公司职工代表大会, its third term
// (2024–2028) with about a hundred representatives — the demo members 13800000002…09 of 恒神 who
// sign in among them — and four sessions this year: three closed (quorate, documents sent at least
// seven days ahead, published and reported) and one upcoming with its notice and documents out.
// Votes, proposals and evaluations hang their demo data on what this returns.

export interface DemoCongress {
  orgId: number;
  bodyId: number;
  termId: number;
  /** ~100 active representatives; the first ones are demo members 13800000001… of 恒神 who sign in. */
  reps: Array<{ id: number; memberId: number }>;
  /** This year's four sessions: first..third closed (second holds the closed secret vote and the safety-report evaluation), upcoming planned with its notice out. */
  sessions: { first: number; second: number; third: number; upcoming: number };
  /** The demo staff account that runs the congress (username `hengshen`). */
  staffAccountId: number;
}

const SEATS = 100;
const DAY = 86_400_000;
const HS = '江苏恒神股份有限公司';
// The demo members of 恒神 who sign in, with the category their post says.
const DEMO_REPS: Array<[phone: string, category: RepresentativeCategory, delegation: string]> = [
  ['13800000002', 'manager', '机关代表团'],
  ['13800000003', 'frontline', '原丝车间代表团'],
  ['13800000004', 'frontline', '质量技术代表团'],
  ['13800000005', 'frontline', '碳化车间代表团'],
  ['13800000006', 'manager', '机关代表团'],
  ['13800000007', 'frontline', '碳化车间代表团'],
  ['13800000008', 'technical', '质量技术代表团'],
  ['13800000009', 'manager', '复合材料车间代表团'],
];
const WORKSHOPS = ['原丝车间代表团', '碳化车间代表团', '复合材料车间代表团', '质量技术代表团', '动力保障代表团'];
// Of a hundred seats: 16 managers (at most 20%), 18 technical, 8 other, the rest (58) frontline.
const QUOTA: Record<RepresentativeCategory, number> = { manager: 16, technical: 18, other: 8, frontline: 58 };
const SURNAMES = [
  ...'王李张刘陈杨赵黄周吴徐孙朱马胡郭林何高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢',
];
const GIVEN_M = [...'伟强磊军勇杰涛明超刚辉鹏飞浩宇志鑫斌峰建国海波'];
const GIVEN_F = [...'芳娜敏静丽艳娟秀霞桂英华红梅兰玲婷雪琳欣怡佳晨'];

export async function seedDemoCongress(ctx: SeedContext): Promise<DemoCongress | undefined> {
  const { tx, deps } = ctx;
  const orgId = ctx.orgs.get('hengshen');
  const staff = await demoStaff(tx, 'hengshen');
  // Without the bulk members (most tests) the demo accounts of 恒神 do not exist: no congress then.
  if (ctx.members === 0 || orgId === undefined || !staff) return undefined;
  const now = deps.clock.now();
  const year = Number(chinaDate(now).slice(0, 4));

  const [body] = await tx
    .insert(congressBody)
    .values({ orgId, name: `${HS}职工代表大会`, createdAt: new Date(`2014-03-01T09:00:00+08:00`) })
    .returning();
  if (!body) throw new Error('seed: congress body');
  await tx.insert(congressTerm).values({
    bodyId: body.id,
    number: 2,
    startsOn: '2019-01-01',
    endsOn: '2023-12-31',
    createdAt: new Date('2018-12-20T09:00:00+08:00'),
  });
  const [term] = await tx
    .insert(congressTerm)
    .values({
      bodyId: body.id,
      number: 3,
      startsOn: '2024-01-01',
      endsOn: '2028-12-31',
      createdAt: new Date('2023-12-20T09:00:00+08:00'),
    })
    .returning();
  if (!term) throw new Error('seed: congress term');

  const seats = await pickSeats(ctx, orgId);
  // One statement for the hundred seats (the demo seed runs in every test that asks for members).
  const reps: DemoCongress['reps'] = await tx
    .insert(congressRepresentative)
    .values(
      seats.map((s) => ({
        termId: term.id,
        memberId: s.memberId,
        delegation: s.delegation,
        category: s.category,
        startedOn: term.startsOn,
        createdAt: term.createdAt,
      })),
    )
    .returning({ id: congressRepresentative.id, memberId: congressRepresentative.memberId });
  reps.sort((a, b) => a.id - b.id);
  const sessions = await seedSessions(tx, term.id, reps, now, year);
  // The lead wires the other parts here, with what this returns (see server/modules/congress/index.ts).
  return { orgId, bodyId: body.id, termId: term.id, reps, sessions, staffAccountId: staff.id };
}

interface Seat {
  memberId: number;
  category: RepresentativeCategory;
  delegation: string;
}

/** The hundred seats: the demo members of 恒神 first, then 恒神's other members (made when too few). */
async function pickSeats(ctx: SeedContext, orgId: number): Promise<Seat[]> {
  const { tx, deps } = ctx;
  const seats: Seat[] = [];
  const left = { ...QUOTA };
  for (const [phone, category, delegation] of DEMO_REPS) {
    const m = await findMember(tx, deps.crypto, { phone });
    if (!m || m.orgId !== orgId || m.status !== 'active') continue;
    seats.push({ memberId: m.id, category, delegation });
    left[category]--;
  }
  const taken = new Set(seats.map((s) => s.memberId));
  let pool = await tx
    .select({ id: memberRef.id, gender: memberRef.gender })
    .from(memberRef)
    .where(and(eq(memberRef.orgId, orgId), eq(memberRef.status, 'active'), isNull(memberRef.accountId)))
    .orderBy(asc(memberRef.id));
  pool = pool.filter((p) => !taken.has(p.id));
  const wanted = SEATS - seats.length;
  if (pool.length < wanted) {
    await addWorkers(tx, ctx, orgId, wanted - pool.length);
    pool = await tx
      .select({ id: memberRef.id, gender: memberRef.gender })
      .from(memberRef)
      .where(and(eq(memberRef.orgId, orgId), eq(memberRef.status, 'active'), isNull(memberRef.accountId)))
      .orderBy(asc(memberRef.id));
    pool = pool.filter((p) => !taken.has(p.id));
  }
  // Women in proportion to the workforce: as many women as the workforce's share asks, then men.
  const workforce = await tx
    .select({ gender: memberRef.gender })
    .from(memberRef)
    .where(and(eq(memberRef.orgId, orgId), eq(memberRef.status, 'active')));
  const womenShare = workforce.filter((w) => w.gender === 'female').length / Math.max(1, workforce.length);
  const demoWomen = await tx
    .select({ id: memberRef.id })
    .from(memberRef)
    .where(and(inArray(memberRef.id, [...taken, 0]), eq(memberRef.gender, 'female')));
  const womenWanted = Math.max(0, Math.ceil(womenShare * SEATS) - demoWomen.length);
  const women = pool.filter((p) => p.gender === 'female').slice(0, womenWanted);
  const men = pool.filter((p) => p.gender === 'male').slice(0, wanted - women.length);
  const chosen = [...women, ...men, ...pool.filter((p) => !women.includes(p) && !men.includes(p))].slice(0, wanted);
  const order: RepresentativeCategory[] = [];
  for (const c of ['manager', 'technical', 'other', 'frontline'] as const)
    for (let i = 0; i < left[c]; i++) order.push(c);
  // Spread the categories over the chosen (so women and men are in each), by a fixed shuffle.
  const rand = rng(20260418);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const a = order[i];
    const b = order[j];
    if (a && b) [order[i], order[j]] = [b, a];
  }
  chosen.forEach((p, i) => {
    const category = order[i] ?? 'frontline';
    const delegation =
      category === 'manager' && i % 2 === 0 ? '机关代表团' : (WORKSHOPS[i % WORKSHOPS.length] ?? '原丝车间代表团');
    seats.push({ memberId: p.id, category, delegation });
  });
  return seats;
}

/** `n` more 恒神 workers with fictional names and valid-checksum 身份证号 (region 320282, none else uses it). */
async function addWorkers(tx: Db, ctx: SeedContext, orgId: number, n: number): Promise<void> {
  const rand = rng(20260419);
  const pick = <T>(xs: readonly T[]): T => {
    const x = xs[Math.floor(rand() * xs.length)];
    if (x === undefined) throw new Error('seed: pick from an empty list');
    return x;
  };
  const now = ctx.deps.clock.now();
  const posts = ['原丝车间操作工', '碳化车间操作工', '复合材料车间技工', '设备维修工', '质检员', '仓储物流员'];
  const rows: Array<typeof member.$inferInsert> = [];
  for (let i = 0; i < n; i++) {
    const female = i % 5 < 2; // two in five: a carbon-fibre plant's workforce
    const seq = 2 * i + (female ? 2 : 1); // odd: a man, even: a woman
    const birth = `${1970 + (i % 33)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
    rows.push({
      orgId,
      name: pick(SURNAMES) + pick(female ? GIVEN_F : GIVEN_M) + (i % 3 === 0 ? '' : pick(female ? GIVEN_F : GIVEN_M)),
      ...identityColumns(ctx.deps.crypto, { idNumber: makeIdNumber('320282', birth, seq % 1000), phone: null }),
      ethnicity: '汉族',
      politicalStatus: i % 4 === 0 ? '中共党员' : '群众',
      education: pick(['高中', '中专', '大专', '本科']),
      householdType: i % 3 === 0 ? 'rural' : 'urban',
      employer: HS,
      post: pick(posts),
      jobType: 'regular',
      joinedAt: `${2010 + (i % 14)}-03-01`,
      createdAt: now,
      updatedAt: now,
    });
  }
  if (rows.length === 0) return;
  const made = await tx.insert(member).values(rows).returning({ id: member.id });
  await tx
    .insert(memberEvent)
    .values(
      made.map((m) => ({ memberId: m.id, kind: 'imported', orgId, actorName: 'demo', note: '演示数据', at: now })),
    );
}

interface SessionPlan {
  number: number;
  title: string;
  topics: string[];
  location: string;
  agenda: Array<{ title: string; presenter?: string; minutes?: number }>;
  documents: Array<[string, string]>;
}

// Where in the year so far the closed sessions fall (a quarter apart when now is late in the year).
const SPREAD = [0.12, 0.45, 0.78];

const PLANS: SessionPlan[] = [
  {
    number: 9,
    title: '第三届职工代表大会第九次会议',
    topics: ['审议《2025年度行政工作报告》', '审议《2026年度集体合同（草案）》', '审议《女职工权益保护专项集体合同》'],
    location: '公司行政楼一楼报告厅',
    agenda: [
      { title: '2025年度行政工作报告', presenter: '总经理', minutes: 40 },
      { title: '集体合同（草案）说明', presenter: '工会主席', minutes: 20 },
      { title: '分代表团讨论', minutes: 60 },
      { title: '表决', minutes: 20 },
    ],
    documents: [
      ['2025年度行政工作报告', '一、2025年生产经营情况……二、2026年主要目标与措施……'],
      ['2026年度集体合同（草案）', '第一章 总则……第三章 劳动报酬……第五章 劳动安全卫生……'],
    ],
  },
  {
    number: 10,
    title: '第三届职工代表大会第十次会议',
    topics: ['审议《2025年度安全生产工作报告》并民主评议', '选举劳动法律监督委员会委员（无记名投票）'],
    location: '公司行政楼一楼报告厅',
    agenda: [
      { title: '2025年度安全生产工作报告', presenter: '安全总监', minutes: 30 },
      { title: '安全生产工作民主评议（逐项测评）', minutes: 30 },
      { title: '劳动法律监督委员会委员选举', minutes: 30 },
    ],
    documents: [
      [
        '2025年度安全生产工作报告',
        '一、工伤保险缴纳情况；二、安全生产举报奖励兑现情况；三、职业健康检查情况；四、劳动防护用品发放情况……',
      ],
      ['劳动法律监督委员会委员候选人名单', '候选人简历及推荐情况……'],
    ],
  },
  {
    number: 11,
    title: '第三届职工代表大会第十一次会议',
    topics: ['审议《职工薪酬福利调整方案》', '听取《职工代表提案办理情况报告》'],
    location: '公司行政楼一楼报告厅',
    agenda: [
      { title: '职工薪酬福利调整方案说明', presenter: '人力资源部', minutes: 30 },
      { title: '提案办理情况报告', presenter: '提案工作委员会', minutes: 20 },
      { title: '表决', minutes: 20 },
    ],
    documents: [
      ['职工薪酬福利调整方案', '一、调整原则；二、一线岗位津贴；三、高温补贴标准……'],
      ['职工代表提案办理情况报告', '本届以来共收到提案……已办结……'],
    ],
  },
  {
    number: 12,
    title: '第三届职工代表大会第十二次会议',
    topics: ['审议《2027年度生产经营计划》', '听取《厂务公开工作情况报告》', '民主评议中层管理人员'],
    location: '公司行政楼一楼报告厅',
    agenda: [
      { title: '2027年度生产经营计划', presenter: '总经理', minutes: 40 },
      { title: '厂务公开工作情况报告', presenter: '工会主席', minutes: 20 },
      { title: '民主评议', minutes: 40 },
    ],
    documents: [
      ['2027年度生产经营计划', '一、市场形势；二、产能与质量目标；三、安全环保……'],
      ['厂务公开工作情况报告', '公开内容、形式及职工反映……'],
    ],
  },
];

/**
 * This year's four sessions in China time: three closed before now (spread over the year so
 * far), one upcoming within the year. Attendance of the closed ones: well over two thirds.
 */
async function seedSessions(
  tx: Db,
  termId: number,
  reps: DemoCongress['reps'],
  now: Date,
  year: number,
): Promise<DemoCongress['sessions']> {
  const yearStart = new Date(`${year}-01-01T09:00:00+08:00`).getTime();
  const yearEnd = new Date(`${year}-12-31T09:00:00+08:00`).getTime();
  const span = Math.max(now.getTime() - yearStart, 4 * DAY);
  const ids: number[] = [];
  const others = Math.max(1, reps.length - 8);
  for (const [i, plan] of PLANS.entries()) {
    const upcoming = i === 3;
    // A session day at 09:00 China time.
    const raw = upcoming
      ? Math.min(now.getTime() + 10 * DAY, Math.max(yearEnd, now.getTime() + DAY))
      : yearStart + Math.floor((span * (SPREAD[i] ?? 0.5)) / DAY) * DAY;
    const startsAt = new Date(raw);
    const documentsSentAt = new Date(raw - (upcoming ? 8 : 9) * DAY);
    const closedAt = upcoming ? null : new Date(raw + 7 * 3600_000);
    const [s] = await tx
      .insert(congressSession)
      .values({
        termId,
        number: plan.number,
        title: plan.title,
        startsAt,
        location: plan.location,
        topics: plan.topics,
        agenda: plan.agenda,
        documentsSentAt: documentsSentAt.getTime() < now.getTime() ? documentsSentAt : now,
        state: upcoming ? 'planned' : 'closed',
        openedAt: upcoming ? null : new Date(raw - 1800_000),
        closedAt,
        publishedAt: closedAt ? new Date(closedAt.getTime() + DAY) : null,
        reportedAt: closedAt ? new Date(closedAt.getTime() + 2 * DAY) : null,
        createdAt: new Date(raw - 30 * DAY),
      })
      .returning({ id: congressSession.id });
    if (!s) throw new Error('seed: congress session');
    ids.push(s.id);
    await tx.insert(congressDocument).values(
      plan.documents.map(([title, text]) => ({
        sessionId: s.id,
        title,
        body: text,
        createdAt: new Date(documentsSentAt.getTime() - DAY),
      })),
    );
    if (upcoming) continue;
    // Absent: a few seats per session, never a demo member who signs in (the first eight).
    const absent = new Set([0, 1, 2].map((k) => 8 + ((i * 31 + k * 17) % others)));
    if (i !== 1) absent.add(8 + ((i * 13 + 5) % others));
    const present = reps.filter((_, k) => !absent.has(k));
    await tx.insert(congressAttendance).values(
      present.map((r, k) => ({
        sessionId: s.id,
        representativeId: r.id,
        via: k % 9 === 0 ? ('staff' as const) : ('qr' as const),
        at: new Date(raw - 1800_000 + (k % 25) * 60_000),
      })),
    );
  }
  const [first = 0, second = 0, third = 0, upcoming = 0] = ids;
  return { first, second, third, upcoming };
}
