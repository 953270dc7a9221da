import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTransaction, requireActor } from '../../kernel/context.js';
import { errorResponses, ZId, ZIdParams } from '../../kernel/http.js';
import { EVALUATION_RATINGS } from './evaluation.schema.js';
import { ZEvaluation } from './evaluation.routes.js';
import { myEvaluations, rate } from './evaluation.service.js';

// Representatives' routes of 民主评议 on the H5: the evaluations of my sessions, and rating each
// item once while checked in at the session.

const ZMyEvaluation = ZEvaluation.extend({
  rated: z.boolean().describe('I have rated every item'),
  present: z.boolean().describe('I am checked in at its session'),
  myRatings: z.array(
    z.object({ itemId: z.number().int(), rating: z.enum(EVALUATION_RATINGS), comment: z.string().nullable() }),
  ),
}).meta({ id: 'CongressMyEvaluation' });

const ZRatings = z
  .array(
    z.strictObject({
      itemId: ZId,
      rating: z.enum(EVALUATION_RATINGS, 'congress.rating'),
      comment: z.string().trim().max(1000, 'congress.comment').optional(),
    }),
  )
  .min(1, 'congress.ratings')
  .max(50, 'congress.ratings')
  .refine((list) => new Set(list.map((r) => r.itemId)).size === list.length, 'congress.ratings');

export async function evaluationMeRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deps } = app;
  const tags = ['congress'];

  r.get(
    '/api/me/congress/evaluations',
    {
      schema: {
        tags,
        summary: 'The evaluations of my sessions (counts once closed), with what I rated',
        querystring: z.strictObject({ sessionId: ZId.optional() }),
        response: { 200: z.object({ items: z.array(ZMyEvaluation) }), ...errorResponses },
      },
    },
    async (req) => ({ items: await myEvaluations(deps.db, requireActor(req, 'member'), req.query.sessionId) }),
  );

  r.post(
    '/api/me/congress/evaluations/:id/ratings',
    {
      schema: {
        tags,
        summary: 'Rate items of an open evaluation, each once (present representatives of its session)',
        params: ZIdParams,
        body: z.strictObject({ ratings: ZRatings }),
        response: { 201: ZMyEvaluation, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req, 'member');
      const view = await inTransaction(deps, req, (tx, env) => rate(tx, env, actor, req.params.id, req.body.ratings));
      return reply.code(201).send(view);
    },
  );
}
