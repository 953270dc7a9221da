import { asc, eq } from 'drizzle-orm';
import type { Actor, Permission } from '../../kernel/access.js';
import { OutOfScopeError } from '../../kernel/access.js';
import { writeAudit } from '../../kernel/audit.js';
import { chinaDate } from '../../kernel/clock.js';
import type { TxEnv } from '../../kernel/context.js';
import type { Db } from '../../kernel/db.js';
import { AppError } from '../../kernel/errors.js';
import { sessionFor, termFor } from './congress.access.js';
import { congressSession } from './congress.schema.js';
import { congressJointMeeting } from './evaluation.schema.js';

// 联席会议: between sessions ("永不闭幕") the joint meeting decides what cannot wait for the next
// session; that next session confirms the decisions. A confirmation names a session of the same
// term that starts after the meeting (on a later China calendar day), and it is given once.

const READ: Permission = 'congress:congress:read';
const MANAGE: Permission = 'congress:congress:manage';

type JointRow = typeof congressJointMeeting.$inferSelect;

export interface JointMeetingView {
  id: number;
  termId: number;
  heldOn: string;
  topic: string;
  decisions: string;
  confirmedSessionId: number | null;
  confirmedSession: { id: number; number: number; title: string } | null;
  confirmedAt: string | null;
  createdAt: string;
}

export async function jointViews(db: Db, list: readonly JointRow[]): Promise<JointMeetingView[]> {
  const sessions = await Promise.all(
    [...new Set(list.flatMap((j) => (j.confirmedSessionId === null ? [] : [j.confirmedSessionId])))].map(
      async (id) =>
        (
          await db
            .select({ id: congressSession.id, number: congressSession.number, title: congressSession.title })
            .from(congressSession)
            .where(eq(congressSession.id, id))
        )[0],
    ),
  );
  return list.map((j) => ({
    id: j.id,
    termId: j.termId,
    heldOn: j.heldOn,
    topic: j.topic,
    decisions: j.decisions,
    confirmedSessionId: j.confirmedSessionId,
    confirmedSession: sessions.find((s) => s?.id === j.confirmedSessionId) ?? null,
    confirmedAt: j.confirmedAt?.toISOString() ?? null,
    createdAt: j.createdAt.toISOString(),
  }));
}

async function oneView(db: Db, row: JointRow): Promise<JointMeetingView> {
  const [view] = await jointViews(db, [row]);
  if (!view) throw new AppError('CONFLICT');
  return view;
}

export async function createJointMeeting(
  tx: Db,
  env: TxEnv,
  actor: Actor,
  termId: number,
  input: { heldOn: string; topic: string; decisions: string },
): Promise<JointMeetingView> {
  const { term, body } = await termFor(tx, actor, MANAGE, termId);
  if (input.heldOn < term.startsOn || input.heldOn > term.endsOn)
    throw new AppError('CONGRESS_JOINT_DATE', [{ path: 'heldOn', message: 'CONGRESS_JOINT_DATE' }]);
  const [row] = await tx
    .insert(congressJointMeeting)
    .values({ termId: term.id, ...input, createdBy: actor.accountId, createdAt: env.source.at })
    .returning();
  if (!row) throw new AppError('CONFLICT');
  await writeAudit(tx, env.crypto, env.source, {
    orgId: body.orgId,
    action: 'congress_joint_meeting.create',
    targetType: 'congress_joint_meeting',
    targetId: row.id,
    after: { termId: term.id, heldOn: input.heldOn, topic: input.topic },
  });
  return oneView(tx, row);
}

export async function termJointMeetings(db: Db, actor: Actor, termId: number): Promise<JointMeetingView[]> {
  const { term } = await termFor(db, actor, READ, termId);
  const list = await db
    .select()
    .from(congressJointMeeting)
    .where(eq(congressJointMeeting.termId, term.id))
    .orderBy(asc(congressJointMeeting.heldOn), asc(congressJointMeeting.id));
  return jointViews(db, list);
}

export async function confirmJointMeeting(
  tx: Db,
  env: TxEnv,
  actor: Actor,
  id: number,
  sessionId: number,
): Promise<JointMeetingView> {
  const [meeting] = await tx.select().from(congressJointMeeting).where(eq(congressJointMeeting.id, id)).for('update');
  if (!meeting) throw new OutOfScopeError('congress_joint_meeting', String(id));
  const { body } = await termFor(tx, actor, MANAGE, meeting.termId);
  // The confirming session is checked in the caller's scope too: another org's session is 404.
  const { session } = await sessionFor(tx, actor, READ, sessionId);
  if (meeting.confirmedSessionId !== null) throw new AppError('CONGRESS_JOINT_CONFIRMED');
  if (session.termId !== meeting.termId || chinaDate(session.startsAt) <= meeting.heldOn)
    throw new AppError('CONGRESS_JOINT_SESSION', [{ path: 'sessionId', message: 'CONGRESS_JOINT_SESSION' }]);
  // Confirmed at the session: a planned one has not met yet.
  if (session.state === 'planned') throw new AppError('CONGRESS_SESSION_STATE');
  const [row] = await tx
    .update(congressJointMeeting)
    .set({ confirmedSessionId: session.id, confirmedAt: env.source.at })
    .where(eq(congressJointMeeting.id, id))
    .returning();
  if (!row) throw new AppError('CONFLICT');
  await writeAudit(tx, env.crypto, env.source, {
    orgId: body.orgId,
    action: 'congress_joint_meeting.confirm',
    targetType: 'congress_joint_meeting',
    targetId: id,
    after: { sessionId: session.id },
  });
  return oneView(tx, row);
}
