import { and, count, eq, gte, lt } from 'drizzle-orm';
import { chinaDate } from '../../kernel/clock.js';
import type { Db } from '../../kernel/db.js';
import type { Lang } from '../../kernel/errors.js';
import type { CongressSession, CongressTerm } from './congress.access.js';
import { addWorkingDays, daysBetween, termLengthHeld, termYears } from './congress.dates.js';
import { type CongressRules } from './congress.rules.js';
import { congressSession } from './congress.schema.js';
import { compositionOf } from './composition.js';
import { presenceOf } from './congress.view.js';

// A session's compliance record (合规记录): each procedural rule, whether it held, with the figures.
// Days are China's calendar days; working days are Monday to Friday (no holiday calendar).

export interface ComplianceRule {
  code: string;
  held: boolean;
  detail: string;
}

/** Documents sent at least `noticeDays` calendar days (China) before the session's day. */
export function noticeHeld(rules: CongressRules, sentAt: Date | null, startsAt: Date): boolean {
  return sentAt !== null && daysBetween(chinaDate(sentAt), chinaDate(startsAt)) >= rules.noticeDays;
}

/** Reported on or before the last of `reportWorkingDays` working days after the day it closed. */
export function reportedInTime(rules: CongressRules, closedAt: Date | null, reportedAt: Date | null): boolean {
  if (!closedAt || !reportedAt) return false;
  return chinaDate(reportedAt) <= addWorkingDays(chinaDate(closedAt), rules.reportWorkingDays);
}

export async function complianceOf(
  db: Db,
  s: CongressSession,
  term: CongressTerm,
  orgPath: string,
  rules: CongressRules,
  lang: Lang,
): Promise<{ rules: ComplianceRule[] }> {
  const zh = lang === 'zh';
  const presence = await presenceOf(db, s, orgPath);
  const year = chinaDate(s.startsAt).slice(0, 4);
  // The China calendar year as instants: 1 January 00:00 UTC+8 to the next.
  const from = new Date(`${year}-01-01T00:00:00+08:00`);
  const to = new Date(`${Number(year) + 1}-01-01T00:00:00+08:00`);
  const [y] = await db
    .select({ n: count() })
    .from(congressSession)
    .where(
      and(eq(congressSession.termId, term.id), gte(congressSession.startsAt, from), lt(congressSession.startsAt, to)),
    );
  const sessionsThisYear = y?.n ?? 0;
  const comp = await compositionOf(db, term.id, orgPath, rules, lang);
  const manager = comp.rules.find((r) => r.code === 'manager_share');
  const days = s.documentsSentAt ? daysBetween(chinaDate(s.documentsSentAt), chinaDate(s.startsAt)) : null;
  const deadline = s.closedAt ? addWorkingDays(chinaDate(s.closedAt), rules.reportWorkingDays) : null;
  const years = termYears(term.startsOn, term.endsOn);
  return {
    rules: [
      {
        code: 'quorum',
        held: presence.quorate,
        detail: zh
          ? `到会 ${presence.present} 人，应到 ${presence.total} 人，法定人数 ${presence.quorum} 人`
          : `${presence.present} present of ${presence.total}; quorum ${presence.quorum}`,
      },
      {
        code: 'notice_days',
        held: noticeHeld(rules, s.documentsSentAt, s.startsAt),
        detail:
          days === null
            ? zh
              ? `会议文件尚未送达代表（应提前 ${rules.noticeDays} 天）`
              : `Documents not sent yet (${rules.noticeDays} days ahead required)`
            : zh
              ? `会前 ${days} 天送达会议文件（应不少于 ${rules.noticeDays} 天）`
              : `Documents sent ${days} days ahead (at least ${rules.noticeDays})`,
      },
      {
        code: 'sessions_per_year',
        held: sessionsThisYear >= rules.minSessionsPerYear,
        detail: zh
          ? `${year}年本届召开 ${sessionsThisYear} 次会议（每年至少 ${rules.minSessionsPerYear} 次）`
          : `${sessionsThisYear} sessions of the term in ${year} (at least ${rules.minSessionsPerYear})`,
      },
      {
        code: 'term_length',
        held: termLengthHeld(term.startsOn, term.endsOn, rules.termYearsMin, rules.termYearsMax),
        detail: zh
          ? `本届任期 ${term.startsOn} 至 ${term.endsOn}，约 ${years} 年（应为 ${rules.termYearsMin}至${rules.termYearsMax} 年）`
          : `Term ${term.startsOn} to ${term.endsOn}, about ${years} years (${rules.termYearsMin} to ${rules.termYearsMax})`,
      },
      { code: 'manager_share', held: manager?.held ?? false, detail: manager?.detail ?? '' },
      {
        code: 'published',
        held: s.publishedAt !== null,
        detail: s.publishedAt
          ? zh
            ? `已于 ${chinaDate(s.publishedAt)} 厂务公开`
            : `Published to the workforce on ${chinaDate(s.publishedAt)}`
          : zh
            ? '决议尚未厂务公开'
            : 'Resolutions not yet published to the workforce',
      },
      {
        code: 'reported_in_time',
        held: reportedInTime(rules, s.closedAt, s.reportedAt),
        detail: !deadline
          ? zh
            ? '会议尚未闭幕'
            : 'The session has not closed yet'
          : s.reportedAt
            ? zh
              ? `已于 ${chinaDate(s.reportedAt)} 报上级工会（期限 ${deadline}，${rules.reportWorkingDays} 个工作日）`
              : `Reported on ${chinaDate(s.reportedAt)} (due by ${deadline}, ${rules.reportWorkingDays} working days)`
            : zh
              ? `尚未报上级工会（期限 ${deadline}）`
              : `Not reported to the higher union yet (due by ${deadline})`,
      },
    ],
  };
}
