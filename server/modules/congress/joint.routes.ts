import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTransaction, requireActor } from '../../kernel/context.js';
import { errorResponses, ZId, ZIdParams } from '../../kernel/http.js';
import { ZDate } from '../member/index.js';
import { confirmJointMeeting, createJointMeeting, termJointMeetings } from './joint.service.js';

// 联席会议 between sessions: recorded by staff, confirmed by the term's next session.

const ZJointMeeting = z
  .object({
    id: z.number().int(),
    termId: z.number().int(),
    heldOn: z.string(),
    topic: z.string(),
    decisions: z.string(),
    confirmedSessionId: z.number().int().nullable(),
    confirmedSession: z.object({ id: z.number().int(), number: z.number().int(), title: z.string() }).nullable(),
    confirmedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'CongressJointMeeting' });

export { ZJointMeeting };

export async function jointRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deps } = app;
  const tags = ['congress'];

  r.post(
    '/api/congress/terms/:id/joint-meetings',
    {
      schema: {
        tags,
        summary: 'Record a joint meeting (联席会议) between sessions and its decisions',
        params: ZIdParams,
        body: z.strictObject({
          heldOn: ZDate,
          topic: z.string().trim().min(1, 'congress.topic').max(200, 'congress.topic'),
          decisions: z.string().trim().min(1, 'congress.decisions').max(5000, 'congress.decisions'),
        }),
        response: { 201: ZJointMeeting, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req, 'staff');
      const view = await inTransaction(deps, req, (tx, env) =>
        createJointMeeting(tx, env, actor, req.params.id, req.body),
      );
      return reply.code(201).send(view);
    },
  );

  r.get(
    '/api/congress/terms/:id/joint-meetings',
    {
      schema: {
        tags,
        summary: "A term's joint meetings, with the session that confirmed each",
        params: ZIdParams,
        response: { 200: z.object({ items: z.array(ZJointMeeting) }), ...errorResponses },
      },
    },
    async (req) => ({ items: await termJointMeetings(deps.db, requireActor(req, 'staff'), req.params.id) }),
  );

  r.post(
    '/api/congress/joint-meetings/:id/confirm',
    {
      schema: {
        tags,
        summary: "Confirm a joint meeting's decisions at a later session of the same term",
        params: ZIdParams,
        body: z.strictObject({ sessionId: ZId }),
        response: { 200: ZJointMeeting, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      return inTransaction(deps, req, (tx, env) =>
        confirmJointMeeting(tx, env, actor, req.params.id, req.body.sessionId),
      );
    },
  );
}
