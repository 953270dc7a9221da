import { and, asc, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Actor } from '../../kernel/access.js';
import { OutOfScopeError } from '../../kernel/access.js';
import type { Db } from '../../kernel/db.js';
import { AppError } from '../../kernel/errors.js';
import { memberUnion } from '../member/index.js';
import { orgRef } from '../org/index.js';
import { bodyFor } from './congress.access.js';
import { congressBody, congressSession, congressTerm } from './congress.schema.js';
import { congressEvaluation, congressJointMeeting } from './evaluation.schema.js';
import { evaluationViews, followupViews, type EvaluationView, type FollowupView } from './evaluation.service.js';
import { jointViews, type JointMeetingView } from './joint.service.js';

// 厂务公开: what a body's congress published to the workforce — the published sessions with
// their resolutions, the results of the evaluations held at them, the follow-ups those produced,
// the joint-meeting decisions they confirmed, and proposal progress. Members of the body's org
// subtree read it on the H5; staff with read scope in the console. Nothing unpublished shows.

/** A resolution of a published session: a closed motion and its result. */
export interface Resolution {
  motionId: number;
  title: string;
  result: {
    for: number;
    against: number;
    abstain: number;
    invalid: number;
    present: number;
    total: number;
    passed: boolean;
    void: boolean;
  } | null;
}

/** A line of the public proposal tracking list (the proposals part's shape). */
export interface PublicProposal {
  number: number;
  title: string;
  proposerName: string;
  state: string;
  departments: string[];
  answeredAt: string | null;
  rating: string | null;
}

/**
 * The resolutions of each session, by session id.
 * TODO(votes part, vote.schema.ts): read the closed motions through the function the votes part
 * exports (motions are its tables); until it lands on main every session shows none. The lead wires it.
 */
export async function resolutionsOf(_db: Db, sessionIds: readonly number[]): Promise<Map<number, Resolution[]>> {
  return new Map(sessionIds.map((id) => [id, []]));
}

/**
 * The body's public proposal tracking list.
 * TODO(proposals part, proposal.schema.ts): read it through the function the proposals part
 * exports (GET /api/congress/bodies/:id/proposals/public); until it lands the page shows none. The lead wires it.
 */
export async function publicProposalsOf(_db: Db, _bodyId: number): Promise<PublicProposal[]> {
  return [];
}

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

/** Staff with read scope over the body's org, or a member whose union lies in its subtree (else 404). */
async function publicBody(db: Db, actor: Actor, bodyId: number): Promise<typeof congressBody.$inferSelect> {
  if (actor.kind === 'staff') return (await bodyFor(db, actor, 'congress:congress:read', bodyId)).body;
  if (actor.kind !== 'member') throw new AppError('FORBIDDEN');
  const [found] = await db
    .select({ body: congressBody, path: orgRef.path })
    .from(congressBody)
    .innerJoin(orgRef, eq(orgRef.id, congressBody.orgId))
    .where(eq(congressBody.id, bodyId));
  const union = await memberUnion(db, actor.accountId);
  if (!found || !union?.path.startsWith(found.path)) throw new OutOfScopeError('congress_body', String(bodyId));
  return found.body;
}

export async function publication(db: Db, actor: Actor, bodyId: number, now: Date): Promise<Publication> {
  const body = await publicBody(db, actor, bodyId);
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
    proposals: await publicProposalsOf(db, body.id),
  };
}
