import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTransaction, requireActor } from '../../kernel/context.js';
import { errorResponses, ZId, ZIdParams } from '../../kernel/http.js';
import { ZDate } from '../member/index.js';
import { EVALUATION_RATINGS, EVALUATION_STATES, FOLLOWUP_STATES } from './evaluation.schema.js';
import {
  createEvaluation,
  createFollowup,
  evaluationDetail,
  moveEvaluation,
  sessionEvaluations,
  termFollowups,
  updateFollowup,
} from './evaluation.service.js';

// Staff routes of 民主评议: evaluations of a session and their items, opening and closing them,
// results with the comments (never who wrote them), and the follow-ups 不满意 comments become.

const ZCounts = z.object({
  satisfied: z.number(),
  basic: z.number(),
  unsatisfied: z.number(),
  unknown: z.number(),
});

export const ZEvaluation = z
  .object({
    id: z.number().int(),
    sessionId: z.number().int(),
    title: z.string(),
    state: z.enum(EVALUATION_STATES),
    raters: z.number().int().describe('representatives who rated at least one item'),
    openedAt: z.iso.datetime().nullable(),
    closedAt: z.iso.datetime().nullable(),
    items: z.array(
      z.object({
        id: z.number().int(),
        position: z.number().int(),
        title: z.string(),
        counts: ZCounts.nullable().describe('null for a representative until the evaluation closes'),
        shares: ZCounts.nullable().describe("fractions of the item's raters (0.6667 = 66.67%)"),
      }),
    ),
  })
  .meta({ id: 'CongressEvaluation' });

export const ZFollowup = z
  .object({
    id: z.number().int(),
    evaluationId: z.number().int(),
    evaluationTitle: z.string(),
    sessionId: z.number().int(),
    itemId: z.number().int(),
    itemTitle: z.string(),
    ratingId: z.number().int().nullable(),
    comment: z.string().nullable().describe('the rating comment it came from'),
    owner: z.string(),
    deadline: z.string(),
    note: z.string(),
    state: z.enum(FOLLOWUP_STATES),
    result: z.string().nullable(),
    doneAt: z.iso.datetime().nullable(),
    overdue: z.boolean(),
    reportTo: z
      .object({ sessionId: z.number().int(), number: z.number().int(), title: z.string(), startsAt: z.iso.datetime() })
      .nullable()
      .describe("the session it is reported to: the one set, else the term's next session"),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'CongressFollowup' });

const ZTitle = z.string().trim().min(1, 'congress.title').max(200, 'congress.title');
const ZItems = z
  .array(z.string().trim().min(1, 'congress.evaluationItems').max(200, 'congress.evaluationItems'))
  .min(1, 'congress.evaluationItems')
  .max(50, 'congress.evaluationItems')
  .refine((items) => new Set(items).size === items.length, 'congress.evaluationItems');
const ZOwner = z.string().trim().min(1, 'congress.owner').max(100, 'congress.owner');
const ZDeadline = ZDate;

export async function evaluationRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deps } = app;
  const tags = ['congress'];

  r.post(
    '/api/congress/sessions/:id/evaluations',
    {
      schema: {
        tags,
        summary: 'Write an evaluation (民主评议) of a report with its items, as a draft',
        params: ZIdParams,
        body: z.strictObject({ title: ZTitle, items: ZItems }),
        response: { 201: ZEvaluation, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req, 'staff');
      const view = await inTransaction(deps, req, (tx, env) =>
        createEvaluation(tx, env, actor, req.params.id, req.body),
      );
      return reply.code(201).send(view);
    },
  );

  r.get(
    '/api/congress/sessions/:id/evaluations',
    {
      schema: {
        tags,
        summary: "A session's evaluations with the counts per item",
        params: ZIdParams,
        response: { 200: z.object({ items: z.array(ZEvaluation) }), ...errorResponses },
      },
    },
    async (req) => ({ items: await sessionEvaluations(deps.db, requireActor(req, 'staff'), req.params.id) }),
  );

  r.get(
    '/api/congress/evaluations/:id',
    {
      schema: {
        tags,
        summary: 'An evaluation with the counts per item and the comments (without who wrote them)',
        params: ZIdParams,
        response: {
          200: ZEvaluation.extend({
            comments: z.array(
              z.object({
                ratingId: z.number().int(),
                itemId: z.number().int(),
                rating: z.enum(EVALUATION_RATINGS),
                comment: z.string(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => evaluationDetail(deps.db, requireActor(req, 'staff'), req.params.id),
  );

  r.post(
    '/api/congress/evaluations/:id/open',
    {
      schema: {
        tags,
        summary: 'Open a draft evaluation for rating (the session must be open)',
        params: ZIdParams,
        response: { 200: ZEvaluation, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      return inTransaction(deps, req, (tx, env) => moveEvaluation(tx, env, actor, req.params.id, 'open'));
    },
  );

  r.post(
    '/api/congress/evaluations/:id/close',
    {
      schema: {
        tags,
        summary: 'Close an open evaluation: its results become visible to the representatives',
        params: ZIdParams,
        response: { 200: ZEvaluation, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      return inTransaction(deps, req, (tx, env) => moveEvaluation(tx, env, actor, req.params.id, 'closed'));
    },
  );

  r.post(
    '/api/congress/evaluation-items/:id/followups',
    {
      schema: {
        tags,
        summary: 'Make a follow-up (整改事项) of an evaluation item, from a rating comment when given',
        params: ZIdParams,
        body: z.strictObject({
          owner: ZOwner,
          deadline: ZDeadline,
          note: z.string().trim().min(1, 'congress.note').max(2000, 'congress.note'),
          ratingId: ZId.optional(),
          reportSessionId: ZId.optional(),
        }),
        response: { 201: ZFollowup, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req, 'staff');
      const view = await inTransaction(deps, req, (tx, env) => createFollowup(tx, env, actor, req.params.id, req.body));
      return reply.code(201).send(view);
    },
  );

  r.patch(
    '/api/congress/followups/:id',
    {
      schema: {
        tags,
        summary: 'Record progress on a follow-up: done with its result, or open again; owner and deadline',
        params: ZIdParams,
        body: z.strictObject({
          state: z.enum(FOLLOWUP_STATES).optional(),
          result: z.string().trim().max(2000, 'congress.result').nullable().optional(),
          owner: ZOwner.optional(),
          deadline: ZDeadline.optional(),
          reportSessionId: ZId.nullable().optional(),
        }),
        response: { 200: ZFollowup, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      return inTransaction(deps, req, (tx, env) => updateFollowup(tx, env, actor, req.params.id, req.body));
    },
  );

  r.get(
    '/api/congress/terms/:id/followups',
    {
      schema: {
        tags,
        summary: "A term's follow-ups with their state, the session they are reported to, and overdue flagged",
        params: ZIdParams,
        response: { 200: z.object({ items: z.array(ZFollowup) }), ...errorResponses },
      },
    },
    async (req) => ({
      items: await termFollowups(deps.db, requireActor(req, 'staff'), req.params.id, deps.clock.now()),
    }),
  );
}
