import { eq, inArray } from 'drizzle-orm';
import { chinaDate } from '../kernel/clock.js';
import type { Deps } from '../kernel/context.js';
import type { Db } from '../kernel/db.js';
import { accountRef } from '../modules/auth/index.js';
import {
  congressDutyRecord,
  congressProposal,
  congressProposalAnswer,
  congressProposalAssignment,
  congressProposalCosigner,
  congressProposalEvent,
  congressProposalRating,
  type ProposalRating,
  type ProposalState,
  type ReviewDecision,
} from '../modules/congress/proposal.schema.js';
import { memberRef } from '../modules/member/index.js';
import type { DemoCongress } from './demo-congress.js';

// The 恒神 congress's proposals (提案) and duty records (履职) for the demo: one or more proposals
// in every state of the closed loop — co-signing, submitted, accepted, converted, rejected,
// assigned (one overdue), answered, closed after 满意 / 基本满意, back in a second handling after
// 不满意, withdrawn — on what a carbon-fibre works' staff raise: 食堂, 倒班, 劳动防护, 高温补贴,
// 通勤班车 … The proposers and co-signers are the first representatives (the demo members who sign
// in), so the H5 shows them their own proposals and the requests to co-sign. Deterministic: dates
// count back from deps.clock.

const DAY = 86_400_000;

interface Spec {
  title: string;
  body: string;
  proposer: number;
  cosigners: Array<[rep: number, answer: 'invited' | 'accepted' | 'declined']>;
  /** Days before now the proposal was made. */
  ago: number;
  state: ProposalState;
  review?: [ReviewDecision, string];
  lead?: string;
  assisting?: string[];
  /** Days the lead has from assignment (negative ages put the deadline in the past: overdue). */
  deadlineDays?: number;
  answers?: Array<[department: string, body: string]>;
  /** The proposer's rating of round 1 (and round 2 when handled twice). */
  ratings?: Array<[rater: number, rating: ProposalRating, comment: string | null, round: number]>;
  secondAnswers?: Array<[department: string, body: string]>;
  duty?: number;
}

const SPECS: Spec[] = [
  {
    title: '关于延长夜班职工食堂供餐时间的提案',
    body: '碳化车间、原丝车间实行四班三倒，零点班职工下班后食堂已停止供餐。建议食堂在23:30至次日1:00增设夜宵窗口，提供热食，费用按职工就餐补贴标准结算。',
    proposer: 0,
    cosigners: [
      [1, 'accepted'],
      [2, 'accepted'],
      [3, 'declined'],
    ],
    ago: 160,
    state: 'closed',
    review: ['accept', '涉及职工切身利益，符合立案条件，予以立案。'],
    lead: '后勤保障部',
    assisting: ['人力资源部'],
    deadlineDays: 30,
    answers: [
      ['后勤保障部', '经调研，自下月起食堂二楼开设夜宵窗口，供应时间23:30至次日1:00，提供面食、粥品和两荤两素。'],
      ['人力资源部', '夜宵就餐纳入职工就餐补贴，按每餐8元标准补贴。'],
    ],
    ratings: [
      [0, 'satisfied', '夜宵窗口已开，职工反映很好。', 1],
      [1, 'satisfied', null, 1],
      [2, 'basic', '菜品可再丰富些。', 1],
    ],
  },
  {
    title: '关于提高高温季节一线岗位高温补贴标准的提案',
    body: '氧化炉、碳化炉区域夏季作业温度常超过35℃，现行高温补贴标准多年未调整，低于本地同行业企业。建议参照省有关规定提高标准，并将发放期延长至6月至9月。',
    proposer: 1,
    cosigners: [
      [0, 'accepted'],
      [4, 'accepted'],
    ],
    ago: 140,
    state: 'assigned',
    review: ['accept', '符合立案条件，予以立案。'],
    lead: '人力资源部',
    assisting: ['财务部'],
    deadlineDays: 30,
    answers: [['人力资源部', '公司将高温补贴由每月200元提高至每月260元，发放期6月至9月。']],
    ratings: [[1, 'unsatisfied', '标准仍低于周边企业，且未覆盖辅助岗位。', 1]],
  },
  {
    title: '关于增开丹阳城区至厂区通勤班车的提案',
    body: '目前早班通勤班车仅一趟，部分职工需自行骑电动车往返，冬季雨雪天存在安全隐患。建议增开早晚各一班，并在开发区、云阳等职工集中居住地增设停靠点。',
    proposer: 2,
    cosigners: [
      [0, 'accepted'],
      [5, 'accepted'],
    ],
    ago: 90,
    state: 'answered',
    review: ['accept', '涉及职工通勤安全，予以立案。'],
    lead: '行政管理部',
    assisting: ['安全环保部'],
    deadlineDays: 30,
    answers: [['行政管理部', '已与公交公司协商，自下月1日起增开7:10、19:20两班，新增开发区、云阳两个停靠点。']],
    duty: 0,
  },
  {
    title: '关于碳化车间更换防尘防静电劳动防护用品的提案',
    body: '碳化车间现发放的防尘口罩佩戴闷热、更换周期长，部分职工反映防静电服洗涤后性能下降。建议更换为符合国家标准的防尘口罩并缩短发放周期，防静电服每年检测一次。',
    proposer: 3,
    cosigners: [
      [1, 'accepted'],
      [2, 'accepted'],
    ],
    ago: 75,
    state: 'assigned',
    review: ['accept', '涉及劳动安全卫生，予以立案。'],
    lead: '安全环保部',
    assisting: ['采购部'],
    deadlineDays: 30, // assigned 70 days ago: past its deadline (overdue)
  },
  {
    title: '关于四班三倒职工年度健康体检增加职业病检查项目的提案',
    body: '长期倒班职工普遍反映睡眠障碍、胃肠不适。建议年度体检增加职业健康检查项目，并为倒班职工增加心电图、胃功能检查。',
    proposer: 4,
    cosigners: [
      [2, 'accepted'],
      [3, 'accepted'],
    ],
    ago: 40,
    state: 'assigned',
    review: ['accept', '予以立案。'],
    lead: '人力资源部',
    assisting: ['安全环保部'],
    deadlineDays: 45,
  },
  {
    title: '关于原丝车间倒班休息室加装空调和更衣柜的提案',
    body: '原丝车间倒班休息室面积小、无空调，更衣柜数量不足，职工只能在车间外更衣。建议对休息室进行改造。',
    proposer: 5,
    cosigners: [
      [0, 'accepted'],
      [6, 'accepted'],
    ],
    ago: 25,
    state: 'accepted',
    review: ['accept', '予以立案，待明确承办部门。'],
  },
  {
    title: '关于厂区停车场增设电动车充电桩的提案',
    body: '骑电动车上下班的职工较多，厂区内无集中充电设施，存在私拉电线充电的安全隐患。建议在北门停车棚增设智能充电桩。',
    proposer: 6,
    cosigners: [
      [1, 'accepted'],
      [7, 'accepted'],
    ],
    ago: 20,
    state: 'converted',
    review: ['convert', '属日常管理事项，转行政管理部作为意见建议办理，不作为提案立案。'],
  },
  {
    title: '关于为全体职工统一上调岗位工资30%的提案',
    body: '物价上涨，建议公司全体职工岗位工资统一上调30%。',
    proposer: 7,
    cosigners: [
      [2, 'accepted'],
      [5, 'accepted'],
    ],
    ago: 18,
    state: 'rejected',
    review: [
      'reject',
      '工资调整应通过工资集体协商解决，不属于提案范围；已将意见转交工会工资集体协商工作组，在年度工资专项集体协商中研究。',
    ],
  },
  {
    title: '关于完善班组长津贴发放办法的提案',
    body: '目前班组长津贴按固定金额发放，与班组人数和管理难度不挂钩。建议按班组规模和安全考核结果分档发放。',
    proposer: 0,
    cosigners: [
      [4, 'accepted'],
      [6, 'accepted'],
    ],
    ago: 6,
    state: 'submitted',
  },
  {
    title: '关于在碳纤维生产区设置职工饮水点和防暑降温药品箱的提案',
    body: '生产区距离饮水点较远，夏季职工取水不便。建议每个车间设置饮水点，并配备防暑降温药品箱。',
    proposer: 1,
    cosigners: [
      [0, 'accepted'],
      [3, 'invited'],
    ],
    ago: 3,
    state: 'cosigning',
    duty: 2,
  },
  {
    title: '关于设立职工子女暑期托管班的提案',
    body: '双职工家庭暑期子女无人看护。建议工会与公司联合开办暑期托管班。',
    proposer: 2,
    cosigners: [
      [0, 'invited'],
      [1, 'invited'],
    ],
    ago: 1,
    state: 'cosigning',
  },
  {
    title: '关于食堂增加清真窗口的提案',
    body: '少数民族职工就餐不便，建议食堂增设清真窗口。',
    proposer: 3,
    cosigners: [
      [4, 'accepted'],
      [5, 'invited'],
    ],
    ago: 30,
    state: 'withdrawn',
  },
];

const DUTY: Array<[rep: number, kind: 'visit' | 'opinion' | 'inspection', ago: number, summary: string]> = [
  [2, 'visit', 100, '走访开发区、云阳职工集中居住点，了解到约60名职工因早班班车班次少自行骑车通勤。'],
  [0, 'opinion', 170, '在碳化车间零点班班前会收集意见，12名职工反映夜班下班后无热餐。'],
  [1, 'inspection', 10, '随安全环保部检查原丝、碳化车间防暑降温措施，生产区饮水点距离较远。'],
  [4, 'opinion', 50, '召开倒班职工座谈会，收集健康体检方面意见8条。'],
  [3, 'inspection', 80, '参加劳动防护用品专项检查，发现部分防尘口罩已超过更换周期。'],
];

export async function seedDemoProposals(tx: Db, deps: Deps, c: DemoCongress): Promise<void> {
  const now = deps.clock.now().getTime();
  const at = (daysAgo: number, hours = 0) => new Date(now - daysAgo * DAY + hours * 3_600_000);
  const day = (d: Date) => chinaDate(d);
  const reps = c.reps.slice(0, 10);
  const names = new Map(
    (
      await tx
        .select({ id: memberRef.id, name: memberRef.name })
        .from(memberRef)
        .where(
          inArray(
            memberRef.id,
            reps.map((r) => r.memberId),
          ),
        )
    ).map((m) => [m.id, m.name]),
  );
  const repOf = (i: number) => reps[i] ?? reps[0];
  const nameOf = (i: number) => names.get(repOf(i)?.memberId ?? 0) ?? '';
  const [staff] = await tx
    .select({ name: accountRef.displayName })
    .from(accountRef)
    .where(eq(accountRef.id, c.staffAccountId));
  const committee = { name: staff?.name ?? '提案工作委员会', accountId: c.staffAccountId };

  const duties: number[] = [];
  for (const [rep, kind, ago, summary] of DUTY) {
    const [d] = await tx
      .insert(congressDutyRecord)
      .values({
        termId: c.termId,
        representativeId: repOf(rep)?.id ?? 0,
        kind,
        on: day(at(ago)),
        summary,
        createdAt: at(ago, 4),
      })
      .returning({ id: congressDutyRecord.id });
    duties.push(d?.id ?? 0);
  }

  // Proposals reach `submitted` in the order they were made: number them so.
  let number = 0;
  const ordered = [...SPECS].sort((a, b) => b.ago - a.ago);
  for (const s of ordered) {
    const created = at(s.ago);
    const proposer = repOf(s.proposer);
    if (!proposer) return;
    const reachedSubmit = s.state !== 'cosigning' && s.state !== 'withdrawn';
    const submittedAt = at(s.ago - 1);
    const reviewedAt = at(s.ago - 4);
    const assignedAt = at(s.ago - 5);
    const answeredAt = at(s.ago - 5 - Math.min(20, Math.max(1, s.ago - 10)));
    const secondRound = s.state === 'assigned' && (s.ratings ?? []).some((r) => r[0] === s.proposer);
    const [p] = await tx
      .insert(congressProposal)
      .values({
        termId: c.termId,
        number: reachedSubmit ? ++number : null,
        proposerId: proposer.id,
        title: s.title,
        body: s.body,
        state: s.state,
        round: secondRound ? 2 : 1,
        dutyRecordId: s.duty === undefined ? null : (duties[s.duty] ?? null),
        reviewDecision: s.review?.[0] ?? null,
        reviewReason: s.review?.[1] ?? null,
        reviewedBy: s.review ? c.staffAccountId : null,
        reviewedAt: s.review ? reviewedAt : null,
        createdAt: created,
        submittedAt: reachedSubmit ? submittedAt : null,
        closedAt:
          s.state === 'closed' || s.state === 'converted' || s.state === 'rejected' || s.state === 'withdrawn'
            ? at(Math.max(0, s.ago - 30))
            : null,
        updatedAt: created,
      })
      .returning({ id: congressProposal.id });
    if (!p) continue;
    const ev = (
      action: string,
      by: { name: string; accountId: number | null },
      when: Date,
      note: string | null = null,
    ) =>
      tx
        .insert(congressProposalEvent)
        .values({ proposalId: p.id, action, by: by.name, byAccountId: by.accountId, note, at: when });
    const byRep = (i: number) => ({ name: nameOf(i), accountId: null });
    await ev('create', byRep(s.proposer), created);
    await tx.insert(congressProposalCosigner).values(
      s.cosigners.map(([rep, answer]) => ({
        proposalId: p.id,
        representativeId: repOf(rep)?.id ?? 0,
        state: answer,
        respondedAt: answer === 'invited' ? null : at(s.ago, 3),
      })),
    );
    for (const [rep, answer] of s.cosigners)
      if (answer !== 'invited') await ev(answer === 'accepted' ? 'cosign' : 'decline', byRep(rep), at(s.ago, 3));
    if (s.state === 'withdrawn') await ev('withdraw', byRep(s.proposer), at(Math.max(0, s.ago - 30)));
    if (!reachedSubmit) continue;
    await ev('submit', byRep(s.proposer), submittedAt);
    if (!s.review) continue;
    await ev(`review.${s.review[0]}`, committee, reviewedAt, s.review[1]);
    if (!s.lead) continue;
    const deadline = day(new Date(assignedAt.getTime() + (s.deadlineDays ?? 30) * DAY));
    const departments = [
      { department: s.lead, role: 'lead' as const },
      ...(s.assisting ?? []).map((department) => ({ department, role: 'assisting' as const })),
    ];
    const assign = (round: number, when: Date, until: string) =>
      tx.insert(congressProposalAssignment).values(
        departments.map((d) => ({
          proposalId: p.id,
          department: d.department,
          role: d.role,
          deadline: until,
          round,
          assignedBy: c.staffAccountId,
          assignedAt: when,
        })),
      );
    await assign(1, assignedAt, deadline);
    await ev('assign', committee, assignedAt, departments.map((d) => d.department).join('、'));
    for (const [department, body] of s.answers ?? []) {
      await tx
        .insert(congressProposalAnswer)
        .values({ proposalId: p.id, department, body, round: 1, answeredBy: c.staffAccountId, at: answeredAt });
      await ev('answer', committee, answeredAt, department);
    }
    // A rating three days after the answer; the one that opened the second handling 12 days ago.
    const ratedAt = secondRound ? at(12) : new Date(answeredAt.getTime() + 3 * DAY);
    for (const [rater, rating, comment, round] of s.ratings ?? []) {
      const when = ratedAt;
      await tx.insert(congressProposalRating).values({
        proposalId: p.id,
        representativeId: repOf(rater)?.id ?? 0,
        round,
        rating,
        comment,
        at: when,
      });
      await ev(`rate.${rating}`, byRep(rater), when, comment);
    }
    if (secondRound) {
      // 不满意 → 二次办理: the same departments, deadlines renewed from the day of the rating.
      await assign(2, ratedAt, day(new Date(ratedAt.getTime() + 30 * DAY)));
      await ev('second_handling', byRep(s.proposer), ratedAt);
    }
  }
}
