import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTransaction, requireActor } from '../../kernel/context.js';
import { errorResponses, ZErrorBody, ZId, ZIdParams } from '../../kernel/http.js';
import { BALLOT_CHOICES, MOTION_METHODS, MOTION_STATES } from './vote.schema.js';
import {
  board,
  castBallot,
  closeMotion,
  createMotion,
  enterPaper,
  getMotion,
  listMotions,
  myMotions,
  openMotion,
  receipts,
} from './vote.service.js';

// 表决 routes: staff run motions (create, open under the quorum, paper counts, close), members
// cast secret ballots on the H5, everyone on the term checks receipts after close.

const ZResult = z
  .object({
    for: z.number().int(),
    against: z.number().int(),
    abstain: z.number().int(),
    invalid: z.number().int(),
    present: z.number().int(),
    total: z.number().int(),
    passed: z.boolean(),
    void: z.boolean().describe('paper ballots: more returned than issued; never passed'),
  })
  .meta({ id: 'CongressMotionResult' });

export const ZMotion = z
  .object({
    id: z.number().int(),
    sessionId: z.number().int(),
    title: z.string(),
    description: z.string(),
    method: z.enum(MOTION_METHODS),
    state: z.enum(MOTION_STATES),
    openedAt: z.iso.datetime().nullable(),
    closedAt: z.iso.datetime().nullable(),
    total: z.number().int().nullable().describe('the roll frozen at opening'),
    presentAtOpen: z.number().int().nullable(),
    voted: z.number().int().describe('ballots cast so far (electronic) or returned (paper, open)'),
    result: ZResult.nullable().describe('null until closed'),
  })
  .meta({ id: 'CongressMotion' });

const ZMyMotion = ZMotion.extend({
  onRoll: z.boolean(),
  present: z.boolean().describe('checked in at the session'),
  voted: z.boolean().describe('whether I have voted (never how)'),
  votes: z.number().int().describe('ballots cast so far'),
}).meta({ id: 'CongressMyMotion' });

const ZPresence = z.object({
  present: z.number().int(),
  total: z.number().int(),
  quorum: z.number().int(),
  quorate: z.boolean(),
});

const ZCount = z
  .number({ message: 'congress.vote.count' })
  .int('congress.vote.count')
  .min(0, 'congress.vote.count')
  .max(100_000, 'congress.vote.count');

export async function voteRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deps } = app;
  const tags = ['congress'];

  r.post(
    '/api/congress/sessions/:id/motions',
    {
      schema: {
        tags,
        summary: 'Put a motion (表决事项) to a session, as a draft',
        params: ZIdParams,
        body: z.strictObject({
          title: z.string().trim().min(1, 'congress.title').max(200, 'congress.title'),
          description: z.string().trim().max(2000, 'congress.vote.description').optional(),
          method: z.enum(MOTION_METHODS, { message: 'congress.vote.method' }),
        }),
        response: { 201: ZMotion, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req, 'staff');
      const m = await inTransaction(deps, req, (tx, env) => createMotion(tx, env, actor, req.params.id, req.body));
      return reply.code(201).send(m);
    },
  );

  r.get(
    '/api/congress/sessions/:id/motions',
    {
      schema: {
        tags,
        summary: "A session's motions, in order",
        params: ZIdParams,
        response: { 200: z.object({ items: z.array(ZMotion) }), ...errorResponses },
      },
    },
    async (req) => listMotions(deps.db, requireActor(req, 'staff'), req.params.id),
  );

  r.get(
    '/api/congress/motions/:id',
    {
      schema: { tags, summary: 'A motion', params: ZIdParams, response: { 200: ZMotion, ...errorResponses } },
    },
    async (req) => getMotion(deps.db, requireActor(req, 'staff'), req.params.id),
  );

  r.post(
    '/api/congress/motions/:id/open',
    {
      schema: {
        tags,
        summary:
          'Open the vote: refused without a quorum (two thirds of ALL representatives by default); freezes the roll',
        params: ZIdParams,
        response: { 200: ZMotion, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      return inTransaction(deps, req, (tx, env) => openMotion(tx, env, actor, req.params.id));
    },
  );

  r.post(
    '/api/congress/motions/:id/paper',
    {
      schema: {
        tags,
        summary: 'Tellers enter the paper-ballot or show-of-hands counts; more returned than issued voids the vote',
        params: ZIdParams,
        body: z.strictObject({
          issued: ZCount,
          returned: ZCount,
          for: ZCount,
          against: ZCount,
          abstain: ZCount,
          invalid: ZCount,
        }),
        response: { 200: ZMotion, ...errorResponses, 422: ZErrorBody },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      return inTransaction(deps, req, (tx, env) => enterPaper(tx, env, actor, req.params.id, req.body));
    },
  );

  r.post(
    '/api/congress/motions/:id/close',
    {
      schema: {
        tags,
        summary: 'Close the vote: passed when for > half of ALL representatives on the roll',
        params: ZIdParams,
        response: { 200: ZResult, ...errorResponses, 422: ZErrorBody },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      return inTransaction(deps, req, (tx, env) => closeMotion(tx, env, actor, req.params.id));
    },
  );

  r.get(
    '/api/congress/motions/:id/receipts',
    {
      schema: {
        tags,
        summary: 'Every ballot (receipt and choice) after close, so each voter finds theirs and anyone recounts',
        params: ZIdParams,
        response: {
          200: z.object({
            motionId: z.number().int(),
            items: z.array(z.object({ receipt: z.string(), choice: z.enum(BALLOT_CHOICES) })),
            tally: z.object({ for: z.number().int(), against: z.number().int(), abstain: z.number().int() }),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => receipts(deps.db, requireActor(req), req.params.id),
  );

  r.get(
    '/api/congress/sessions/:id/board',
    {
      schema: {
        tags,
        summary: 'The big-screen vote board: presence against the quorum and every motion (polled)',
        params: ZIdParams,
        response: { 200: z.object({ presence: ZPresence, motions: z.array(ZMotion) }), ...errorResponses },
      },
    },
    async (req) => board(deps.db, requireActor(req, 'staff'), req.params.id),
  );

  r.get(
    '/api/me/congress/motions',
    {
      schema: {
        tags,
        summary: "A session's motions for a representative: on the roll, present, voted (never the choice)",
        querystring: z.strictObject({ sessionId: ZId }),
        response: { 200: z.object({ items: z.array(ZMyMotion) }), ...errorResponses },
      },
    },
    async (req) => myMotions(deps.db, requireActor(req, 'member'), req.query.sessionId),
  );

  r.post(
    '/api/congress/motions/:id/ballots',
    {
      schema: {
        tags,
        summary:
          'Cast a secret ballot (representative on the roll, checked in): 201 with a receipt once committed; once only',
        params: ZIdParams,
        body: z.strictObject({ choice: z.enum(BALLOT_CHOICES, { message: 'congress.vote.choice' }) }),
        response: { 201: z.object({ motionId: z.number().int(), receipt: z.string() }), ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req, 'member');
      return reply.code(201).send(await castBallot(deps.db, actor, req.params.id, req.body.choice));
    },
  );
}
