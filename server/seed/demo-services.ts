import { and, inArray, ne, sql } from 'drizzle-orm';
import type { AuditSource } from '../kernel/audit.js';
import type { Deps } from '../kernel/context.js';
import type { Db } from '../kernel/db.js';
import { seedDemoCaseHistory } from './demo-case-history.js';
import { demoStaff } from './demo-staff.js';
import { memberRef } from '../modules/member/index.js';
import { openCase, seedCaseStep, type CaseState, type FormField } from '../modules/service/index.js';
// The service module's own demo data (its seed step calls this file): written through its schema file.
import { service } from '../modules/service/service.schema.js';

// Demo service center: a catalog at the province and the city (with a few district overrides)
// and ~30 cases in every state across the three channels, so the screens are not empty.

const text = (key: string, label: string, required = true): FormField => ({ key, label, type: 'text', required });
const choice = (key: string, label: string, options: string[], required = true): FormField => ({
  key,
  label,
  type: 'choice',
  required,
  options,
});
const proof: FormField = {
  key: 'proof',
  label: '证明材料（照片或 PDF）',
  type: 'attachment',
  required: false,
  multiple: true,
};
const phoneField: FormField = { key: 'phone', label: '联系电话', type: 'text', required: false };

interface DemoService {
  key: string;
  at: string;
  handler: string;
  category: typeof service.$inferInsert.category;
  name: string;
  description: string;
  days: number;
  form: FormField[];
  membersOnly?: boolean;
  jobTypes?: string[];
}

const CATALOG: DemoService[] = [
  {
    key: 'policy',
    at: 'province',
    handler: 'center',
    category: 'policy',
    name: '政策咨询',
    description: '劳动合同、工资、社保、工伤等政策解答，可在线提问或拨打 12351。',
    days: 3,
    membersOnly: false,
    form: [
      choice('topic', '咨询类别', ['劳动合同', '工资报酬', '社会保险', '工伤', '其他']),
      text('question', '您的问题'),
    ],
  },
  {
    key: 'education',
    at: 'province',
    handler: 'province',
    category: 'education',
    name: '职工学历提升补助',
    description: '在职会员参加学历教育，毕业后按规定给予学费补助。',
    days: 15,
    form: [
      choice('level', '学历层次', ['大专', '本科', '研究生']),
      text('school', '就读院校'),
      { key: 'tuition', label: '学费（元）', type: 'number', required: true, min: 0, max: 100000 },
      proof,
    ],
  },
  {
    key: 'legal',
    at: 'city',
    handler: 'center',
    category: 'legal_aid',
    name: '法律援助',
    description: '劳动争议调解、仲裁代理、诉讼代理，由工会法律援助律师办理。',
    days: 5,
    form: [
      choice('kind', '纠纷类型', ['劳动合同', '拖欠工资', '工伤认定', '社保缴纳', '其他']),
      text('employer', '用人单位'),
      text('summary', '情况说明'),
      { key: 'amount', label: '涉及金额（元）', type: 'number', required: false, min: 0 },
      proof,
    ],
  },
  {
    key: 'hardship',
    at: 'city',
    handler: 'center',
    category: 'hardship_help',
    name: '困难帮扶救助',
    description: '因病、因灾、因意外等导致生活困难的会员可申请救助。',
    days: 10,
    form: [
      choice('cause', '致困原因', ['大病', '意外', '子女就学', '其他']),
      { key: 'income', label: '家庭月人均收入（元）', type: 'number', required: true, min: 0 },
      text('summary', '困难情况'),
      proof,
    ],
  },
  {
    key: 'counselling',
    at: 'city',
    handler: 'center',
    category: 'counselling',
    name: '心理咨询',
    description: '专业心理咨询师一对一咨询，严格保密。',
    days: 3,
    form: [
      choice('topic', '咨询主题', ['情绪压力', '家庭关系', '职场人际', '其他']),
      choice('mode', '咨询方式', ['面谈', '电话', '视频']),
      { key: 'date', label: '希望日期', type: 'date', required: false },
    ],
  },
  {
    key: 'health',
    at: 'city',
    handler: 'center',
    category: 'health_check',
    name: '职工健康体检',
    description: '一线职工年度免费健康体检。',
    days: 10,
    form: [
      choice('site', '体检机构', ['镇江市第一人民医院', '江滨医院']),
      { key: 'date', label: '预约日期', type: 'date', required: true },
      phoneField,
    ],
  },
  {
    key: 'recuperation',
    at: 'city',
    handler: 'city',
    category: 'recuperation',
    name: '劳模疗休养',
    description: '劳动模范、先进工作者疗休养，每年两期。',
    days: 15,
    form: [choice('batch', '批次', ['春季（茅山）', '秋季（宜兴）']), text('honor', '荣誉称号')],
  },
  {
    key: 'travel',
    at: 'city',
    handler: 'city',
    category: 'travel',
    name: '职工旅游',
    description: '会员春秋游线路报名。',
    days: 5,
    form: [
      choice('route', '线路', ['镇江三山一日游', '扬州瘦西湖一日游']),
      { key: 'people', label: '人数', type: 'number', required: true, min: 1, max: 4 },
    ],
  },
];

export async function seedDemoServices(tx: Db, deps: Deps, ids: Map<string, number>): Promise<void> {
  const now = deps.clock.now();
  const org = (k: string) => ids.get(k) ?? 0;
  const made = new Map<string, number>();
  for (const s of CATALOG) {
    const [row] = await tx
      .insert(service)
      .values({
        orgId: org(s.at),
        category: s.category,
        name: s.name,
        description: s.description,
        form: s.form,
        handlingOrgId: org(s.handler),
        eligibility: { membersOnly: s.membersOnly ?? true, jobTypes: s.jobTypes ?? null },
        deadlineDays: s.days,
        sortOrder: CATALOG.indexOf(s),
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: service.id });
    if (row) made.set(s.key, row.id);
  }
  // Overrides: 丹阳 runs its own counselling; 京口's health check is for new employment forms; 润州 hides travel.
  const base = (k: string): DemoService => {
    const found = CATALOG.find((s) => s.key === k);
    if (!found) throw new Error(`seed: no demo service ${k}`);
    return found;
  };
  const overrides = [
    {
      at: 'danyang',
      of: 'counselling',
      set: { name: '心理咨询（丹阳市职工心理驿站）', handlingOrgId: org('danyang') },
    },
    {
      at: 'jingkou',
      of: 'health',
      set: {
        name: '新就业形态劳动者免费体检',
        eligibility: {
          membersOnly: true,
          jobTypes: ['courier', 'food_delivery', 'truck_driver', 'ride_hailing', 'other_new'],
        },
        handlingOrgId: org('jingkou'),
      },
    },
    { at: 'runzhou', of: 'travel', set: { hidden: true, handlingOrgId: org('runzhou') } },
  ];
  for (const o of overrides) {
    const b = base(o.of);
    await tx.insert(service).values({
      orgId: org(o.at),
      overridesId: made.get(o.of),
      category: b.category,
      name: b.name,
      description: b.description,
      form: b.form,
      eligibility: { membersOnly: true, jobTypes: null },
      deadlineDays: b.days,
      sortOrder: CATALOG.indexOf(b),
      createdAt: now,
      updatedAt: now,
      ...o.set,
    });
  }
  await seedDemoCases(tx, deps, made, now);
  await seedDemoCaseHistory(tx, deps, ids);
}

// Each demo case: a service, a channel, the state it reaches, and how many hours ago it came in.
const PLAN: Array<[string, 'online' | 'counter' | 'phone', string, number]> = [
  ['legal', 'online', 'submitted', 2],
  ['legal', 'counter', 'accepted', 20],
  ['legal', 'phone', 'in_progress', 50],
  ['legal', 'online', 'resolved_good', 200],
  ['legal', 'online', 'overdue', 260],
  ['hardship', 'online', 'submitted', 5],
  ['hardship', 'counter', 'in_progress', 80],
  ['hardship', 'online', 'resolved', 150],
  ['hardship', 'online', 'rejected', 120],
  ['counselling', 'online', 'accepted', 10],
  ['counselling', 'phone', 'resolved_good', 300],
  ['counselling', 'online', 'withdrawn', 40],
  ['health', 'counter', 'resolved_ok', 400],
  ['health', 'online', 'submitted', 1],
  ['health', 'online', 'transferred', 30],
  ['recuperation', 'online', 'accepted', 60],
  ['travel', 'online', 'resolved_good', 500],
  ['travel', 'online', 'submitted', 3],
  ['policy', 'phone', 'resolved_good', 90],
  ['policy', 'online', 'dissatisfied', 180],
  ['policy', 'counter', 'resolved', 25],
  ['policy', 'online', 'in_progress', 15],
  ['education', 'online', 'submitted', 8],
  ['education', 'online', 'accepted', 70],
  ['legal', 'phone', 'resolved_good', 600],
  ['hardship', 'phone', 'overdue', 340],
  ['counselling', 'counter', 'in_progress', 12],
  ['legal', 'online', 'rejected', 220],
];

const SAMPLE: Record<string, Record<string, unknown>> = {
  legal: { kind: '拖欠工资', employer: '镇江某建筑劳务公司', summary: '2 个月工资共 1.2 万元未发放', amount: 12000 },
  hardship: { cause: '大病', income: 900, summary: '爱人患病住院，家庭收入下降' },
  counselling: { topic: '情绪压力', mode: '电话' },
  health: { site: '镇江市第一人民医院', date: '2026-07-15' },
  recuperation: { batch: '秋季（宜兴）', honor: '镇江市劳动模范' },
  travel: { route: '镇江三山一日游', people: 2 },
  policy: { topic: '工伤', question: '上下班途中发生交通事故算工伤吗？' },
  education: { level: '本科', school: '江苏开放大学', tuition: 6800 },
};

async function seedDemoCases(tx: Db, deps: Deps, services: Map<string, number>, now: Date): Promise<void> {
  const handler = await demoStaff(tx, 'center');
  const members = await tx
    .select({ id: memberRef.id, accountId: memberRef.accountId })
    .from(memberRef)
    .where(
      and(
        ne(memberRef.status, 'left'),
        inArray(memberRef.jobType, ['regular', 'courier', 'food_delivery', 'truck_driver']),
      ),
    )
    .orderBy(sql`${memberRef.accountId} is null`, memberRef.id)
    .limit(PLAN.length);
  const demo = members.find((m) => m.accountId !== null);
  const [transferTo] = await tx
    .select({ id: sql<number>`id` })
    .from(sql`org`)
    .where(sql`code = 'JS-ZJ-DY'`);
  const hour = 3600_000;
  for (const [i, [key, channel, target, hoursAgo]] of PLAN.entries()) {
    const who = i % 9 === 0 && demo ? demo : members[i % Math.max(members.length, 1)];
    const serviceId = services.get(key);
    if (!who || !serviceId) continue;
    const at = (h: number): AuditSource => ({
      actorId: handler?.id ?? null,
      actorName: handler?.name ?? 'demo',
      ip: null,
      requestId: null,
      at: new Date(now.getTime() - h * hour),
    });
    const env = (h: number) => ({ crypto: deps.crypto, source: at(h) });
    const opened = await openCase(
      tx,
      {
        crypto: deps.crypto,
        source: { ...at(hoursAgo), actorName: channel === 'online' ? '申请人' : (handler?.name ?? null) },
      },
      {
        serviceId,
        memberId: who.id,
        channel,
        fields: SAMPLE[key] ?? {},
        by: channel === 'online' ? 'member' : 'staff',
      },
    );
    const s = (kind: string, to: CaseState, h: number, set: Record<string, unknown> = {}, note?: string) =>
      seedCaseStep(tx, env(h), opened.id, { kind, to, set, note });
    const later = (f: number) => hoursAgo * f;
    if (target === 'submitted') continue;
    if (target === 'withdrawn') {
      await s('withdrawn', 'withdrawn', later(0.5), {}, '问题已自行解决');
      continue;
    }
    if (target === 'rejected') {
      await s(
        'rejected',
        'rejected',
        later(0.8),
        { rejectReason: '不属于工会受理范围，已告知向劳动监察大队反映' },
        '不属于工会受理范围',
      );
      continue;
    }
    if (target === 'transferred') {
      await s(
        'transferred',
        'transferred',
        later(0.7),
        { handlingOrgId: transferTo?.id },
        '职工在丹阳就业，转属地办理',
      );
      continue;
    }
    await s('accepted', 'accepted', later(0.9), { assigneeId: handler?.id, acceptedAt: at(later(0.9)).at });
    if (target === 'accepted') continue;
    await s('started', 'in_progress', later(0.8));
    if (target === 'in_progress') continue;
    if (target === 'overdue') {
      await s('overdue', 'in_progress', later(0.1), { overdue: true }, '已超过办理时限');
      continue;
    }
    await s(
      'resolved',
      'resolved',
      later(0.4),
      { resolution: '已按规定办理完毕并告知申请人', resolvedAt: at(later(0.4)).at },
      '已按规定办理完毕',
    );
    const rating = { resolved_good: 'satisfied', resolved_ok: 'basically_satisfied', dissatisfied: 'dissatisfied' }[
      target
    ];
    if (rating === 'dissatisfied') {
      await s(
        'rated',
        'in_progress',
        later(0.3),
        {
          rating,
          ratingComment: '回复太笼统',
          ratedAt: at(later(0.3)).at,
          flagged: true,
          reopenCount: 1,
          resolvedAt: null,
        },
        '不满意：回复太笼统',
      );
    } else if (rating) {
      await s(
        'rated',
        'resolved',
        later(0.3),
        { rating, ratedAt: at(later(0.3)).at },
        rating === 'satisfied' ? '满意' : '基本满意',
      );
    }
  }
}
