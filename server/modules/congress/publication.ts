import { and, asc, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Actor } from '../../kernel/access.js';
import type { Db } from '../../kernel/db.js';
import { orgRef } from '../org/index.js';
import { bodyForWorkforce } from './congress.access.js';
import { congressSession, congressTerm } from './congress.schema.js';
import { congressEvaluation, congressJointMeeting } from './evaluation.schema.js';
import { evaluationViews, followupViews, type EvaluationView, type FollowupView } from './evaluation.service.js';
import { jointViews, type JointMeetingView } from './joint.service.js';
import { publicProposals, type PublicProposal } from './proposal.service.js';
import { resolutionsOf, type Resolution } from './vote.service.js';
import { chinaDate } from '../../kernel/clock.js';

// 厂务公开: what a body's congress published to the workforce — the published sessions with
// their resolutions, the results of the evaluations held at them, the follow-ups those produced,
// the joint-meeting decisions they confirmed, and proposal progress. Members of the body's org
// subtree read it on the H5; staff with read scope in the console. Nothing unpublished shows.

export interface Publication {
  body: { id: number; name: string; orgName: string };
  sessions: Array<{
    id: number;
    termNumber: number;
    number: number;
    title: string;
    startsAt: string;
    publishedAt: string;
    resolutions: Resolution[];
  }>;
  evaluations: EvaluationView[];
  followups: FollowupView[];
  jointMeetings: JointMeetingView[];
  proposals: PublicProposal[];
}

export async function publication(db: Db, actor: Actor, bodyId: number, now: Date): Promise<Publication> {
  const body = await bodyForWorkforce(db, actor, bodyId);
  const [orgRow] = await db.select({ name: orgRef.name }).from(orgRef).where(eq(orgRef.id, body.orgId));
  const sessions = await db
    .select({
      id: congressSession.id,
      termNumber: congressTerm.number,
      number: congressSession.number,
      title: congressSession.title,
      startsAt: congressSession.startsAt,
      publishedAt: congressSession.publishedAt,
    })
    .from(congressSession)
    .innerJoin(congressTerm, eq(congressTerm.id, congressSession.termId))
    .where(and(eq(congressTerm.bodyId, body.id), isNotNull(congressSession.publishedAt)))
    .orderBy(desc(congressSession.startsAt), desc(congressSession.id));
  const sessionIds = sessions.map((s) => s.id);
  const resolutions = await resolutionsOf(db, sessionIds);
  const evaluations =
    sessionIds.length === 0
      ? []
      : await db
          .select()
          .from(congressEvaluation)
          .where(and(inArray(congressEvaluation.sessionId, sessionIds), eq(congressEvaluation.state, 'closed')))
          .orderBy(asc(congressEvaluation.sessionId), asc(congressEvaluation.id));
  const joint =
    sessionIds.length === 0
      ? []
      : await db
          .select()
          .from(congressJointMeeting)
          .where(inArray(congressJointMeeting.confirmedSessionId, sessionIds))
          .orderBy(asc(congressJointMeeting.heldOn), asc(congressJointMeeting.id));
  return {
    body: { id: body.id, name: body.name, orgName: orgRow?.name ?? '' },
    sessions: sessions.map((s) => ({
      ...s,
      startsAt: s.startsAt.toISOString(),
      publishedAt: (s.publishedAt ?? now).toISOString(),
      resolutions: resolutions.get(s.id) ?? [],
    })),
    evaluations: await evaluationViews(db, evaluations, () => true),
    followups: await followupViews(db, now, { evaluationIds: evaluations.map((e) => e.id) }),
    jointMeetings: await jointViews(db, joint),
    proposals: await publicProposals(db, body.id, chinaDate(now)),
  };
}
