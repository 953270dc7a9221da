import type { DemoCongress } from './demo-congress.js';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { chinaDate } from '../kernel/clock.js';
import type { Deps } from '../kernel/context.js';
import type { Db } from '../kernel/db.js';
// The congress module's own demo data for evaluations, follow-ups and joint meetings, written
// through its schema files (the lead calls this after the core congress seed).
import { congressAttendance, congressSession } from '../modules/congress/congress.schema.js';
import {
  congressEvaluation,
  congressEvaluationItem,
  congressEvaluationRating,
  congressFollowup,
  congressJointMeeting,
  type EvaluationRating,
} from '../modules/congress/evaluation.schema.js';

// 恒神's 民主评议 of the yearly safety-production report at this year's second session: closed,
// rated item by item by the representatives present (mostly 满意, some 基本满意, a few 不满意 with
// comments), two follow-ups of those comments (one done and reported to the third session, one
// open for the upcoming one), and a 联席会议 between the second and third sessions that the third
// confirmed, with a later one waiting for the upcoming session.

const hour = 3_600_000;
const day = 24 * hour;

const ITEMS = [
  '工伤保险缴纳',
  '安全生产举报奖励',
  '职业健康检查',
  '劳动防护用品',
  '安全生产教育培训',
  '隐患排查治理',
  '高温季节防暑降温',
] as const;
type ItemTitle = (typeof ITEMS)[number];

/** The 不满意 ratings, by representative (where among those who rated, 0..1) and item, with their comments. */
const UNSATISFIED: Array<{ rater: number; item: ItemTitle; comment: string }> = [
  { rater: 0.06, item: '职业健康检查', comment: '碳纤维车间噪声岗位未安排听力检查，体检项目偏少。' },
  { rater: 0.23, item: '职业健康检查', comment: '体检结果迟迟不反馈本人，复查也没有通知。' },
  { rater: 0.17, item: '劳动防护用品', comment: '原丝车间防尘口罩更换周期太长，夏季防护服不透气。' },
  { rater: 0.41, item: '劳动防护用品', comment: '新进劳务派遣人员的劳保用品发放不及时。' },
  { rater: 0.62, item: '安全生产举报奖励', comment: '举报奖励兑现慢，举报后处理结果没有反馈。' },
];

/** 满意 mostly, 基本满意 often, 不了解 now and then: fixed by the rater's and the item's index. */
function baseRating(rater: number, item: number): EvaluationRating {
  const h = (rater * 7 + item * 3) % 20;
  if (h < 14) return 'satisfied';
  if (h < 19) return 'basic';
  return 'unknown';
}

export async function seedDemoEvaluations(tx: Db, deps: Deps, c: DemoCongress): Promise<void> {
  const sessions = await tx
    .select()
    .from(congressSession)
    .where(inArray(congressSession.id, [c.sessions.second, c.sessions.third, c.sessions.upcoming]));
  const second = sessions.find((s) => s.id === c.sessions.second);
  const third = sessions.find((s) => s.id === c.sessions.third);
  const upcoming = sessions.find((s) => s.id === c.sessions.upcoming);
  if (!second || !third || !upcoming) return;
  const start = second.startsAt.getTime();

  // Only those checked in at the session rate (the rule the API enforces); one in twelve of them did not.
  const present = await tx
    .select({ id: congressAttendance.representativeId })
    .from(congressAttendance)
    .where(eq(congressAttendance.sessionId, second.id))
    .orderBy(asc(congressAttendance.representativeId));
  const raters = present.filter((_, i) => i % 12 !== 11).map((p) => p.id);

  const year = chinaDate(second.startsAt).slice(0, 4);
  const [evaluation] = await tx
    .insert(congressEvaluation)
    .values({
      sessionId: second.id,
      title: `${year}年度安全生产工作报告`,
      state: 'closed',
      createdAt: new Date(start - 3 * day),
      openedAt: new Date(start + 2 * hour),
      closedAt: new Date(start + 3 * hour),
    })
    .returning({ id: congressEvaluation.id });
  if (!evaluation) return;
  const items = await tx
    .insert(congressEvaluationItem)
    .values(ITEMS.map((title, i) => ({ evaluationId: evaluation.id, position: i + 1, title })))
    .returning({ id: congressEvaluationItem.id, title: congressEvaluationItem.title });
  const itemId = (title: ItemTitle) => items.find((i) => i.title === title)?.id ?? 0;

  const ratings = raters.flatMap((representativeId, r) =>
    ITEMS.map((title, i) => {
      const low = UNSATISFIED.find((u) => Math.floor(u.rater * raters.length) === r && u.item === title);
      return {
        evaluationId: evaluation.id,
        itemId: itemId(title),
        representativeId,
        rating: low ? ('unsatisfied' as const) : baseRating(r, i),
        comment: low?.comment ?? null,
        at: new Date(start + 2 * hour + (r % 50) * 60_000),
      };
    }),
  );
  if (ratings.length > 0) await tx.insert(congressEvaluationRating).values(ratings);

  // Two of the comments became follow-ups: the health checks (done, reported to the third
  // session) and the protective equipment (open, for the upcoming session).
  const commentRating = async (title: ItemTitle) => {
    const [found] = await tx
      .select({ id: congressEvaluationRating.id })
      .from(congressEvaluationRating)
      .where(
        and(
          eq(congressEvaluationRating.evaluationId, evaluation.id),
          eq(congressEvaluationRating.itemId, itemId(title)),
          eq(congressEvaluationRating.rating, 'unsatisfied'),
        ),
      )
      .orderBy(asc(congressEvaluationRating.id))
      .limit(1);
    return found?.id ?? null;
  };
  const thirdStart = third.startsAt.getTime();
  await tx.insert(congressFollowup).values([
    {
      itemId: itemId('职业健康检查'),
      ratingId: await commentRating('职业健康检查'),
      owner: '安全环保部',
      deadline: chinaDate(start + 45 * day < thirdStart ? start + 45 * day : thirdStart - day),
      note: '噪声、粉尘岗位职工增加纯音听阈和肺功能检查，体检结果两周内书面反馈本人。',
      state: 'done',
      result: '已为碳纤维车间、原丝车间126名职工补做听力和肺功能检查，体检报告已逐人反馈。',
      doneAt: new Date(Math.min(start + 40 * day, thirdStart - 2 * day)),
      reportSessionId: third.id,
      createdBy: c.staffAccountId,
      createdAt: new Date(start + 5 * day),
    },
    {
      itemId: itemId('劳动防护用品'),
      ratingId: await commentRating('劳动防护用品'),
      owner: '物资供应部',
      deadline: chinaDate(upcoming.startsAt.getTime() - 7 * day),
      note: '缩短防尘口罩更换周期，夏季防护服改用透气面料，派遣人员入职当天发放劳保用品。',
      state: 'open',
      result: null,
      doneAt: null,
      reportSessionId: upcoming.id,
      createdBy: c.staffAccountId,
      createdAt: new Date(start + 5 * day),
    },
  ]);

  // 联席会议: one between the second and third sessions, confirmed by the third; one since the
  // third (if it fits before the upcoming session), waiting for the upcoming session.
  const between = (a: number, b: number) => chinaDate(a + Math.floor((b - a) / 2));
  await tx.insert(congressJointMeeting).values({
    termId: c.termId,
    heldOn: between(start + day, thirdStart),
    topic: '夏季高温津贴发放标准及防暑降温措施',
    decisions:
      '一、6月至9月高温津贴按每人每月300元发放，露天及高温车间岗位另加100元；二、高温时段（11:00—15:00）露天作业调整为早晚进行；三、各车间配备防暑降温药品和清凉饮料。',
    confirmedSessionId: third.id,
    confirmedAt: new Date(thirdStart + 2 * hour),
    createdBy: c.staffAccountId,
    createdAt: new Date(start + 20 * day),
  });
  const upStart = upcoming.startsAt.getTime();
  const now = deps.clock.now().getTime();
  if (chinaDate(thirdStart) < chinaDate(Math.min(now, upStart) - day))
    await tx.insert(congressJointMeeting).values({
      termId: c.termId,
      heldOn: between(thirdStart + day, Math.min(now, upStart)),
      topic: '职工食堂委托经营合同续签',
      decisions: '同意食堂委托经营合同续签一年，菜价不上调，由职工代表每月参与一次伙食满意度评议。',
      createdBy: c.staffAccountId,
      createdAt: new Date(Math.min(now, upStart) - day),
    });
}
