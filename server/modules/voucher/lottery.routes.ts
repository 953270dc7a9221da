import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTransaction, requireActor } from '../../kernel/context.js';
import { errorResponses, ZIdParams, zPage, ZPageQuery } from '../../kernel/http.js';
import { listRegistrations, publishedDraw, register, runDraw, verifyDraw, withdraw } from './lottery.service.js';

const ZLabel = z.object({ zh: z.string(), en: z.string() });
const ZMemberRef = z
  .object({ name: z.string().describe('masked'), pseudoId: z.string().describe('pseudonymous registration id') })
  .meta({ id: 'LotteryMemberRef' });

export const ZMyRegistration = z
  .object({
    registeredAt: z.iso.datetime(),
    pseudoId: z.string(),
    weight: z.number().int(),
    won: z.boolean().nullable().describe('null before the draw'),
    rank: z.number().int().nullable(),
  })
  .meta({ id: 'LotteryRegistration' });

const ZDrawResult = z
  .object({
    campaignId: z.number().int(),
    seed: z.string(),
    algorithm: z.string(),
    algorithmText: ZLabel,
    weights: ZLabel.describe('the weights rule'),
    registrations: z.number().int(),
    drawnAt: z.iso.datetime(),
    winners: z.array(z.object({ rank: z.number().int(), memberRef: ZMemberRef, weight: z.number().int() })),
    myRegistration: ZMyRegistration.nullable(),
  })
  .meta({ id: 'LotteryDraw' });

export async function lotteryRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deps } = app;
  const tags = ['voucher'];

  r.post(
    '/api/voucher-campaigns/:id/registrations',
    {
      schema: {
        tags,
        summary: 'Register for a lottery campaign while registration is open (again: the same registration)',
        params: ZIdParams,
        response: { 201: ZMyRegistration, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req, 'member');
      const mine = await inTransaction(deps, req, (tx, env) => register(tx, env, actor, req.params.id));
      return reply.code(201).send(mine);
    },
  );

  r.delete(
    '/api/voucher-campaigns/:id/registrations',
    {
      schema: {
        tags,
        summary: 'Withdraw my lottery registration while registration is open',
        params: ZIdParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req, 'member');
      await inTransaction(deps, req, (tx, env) => withdraw(tx, env, actor, req.params.id));
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/api/voucher-campaigns/:id/registrations',
    {
      schema: {
        tags,
        summary: "A lottery's registrations (pseudonymous id, masked name, weight), paged",
        params: ZIdParams,
        querystring: z.strictObject(ZPageQuery),
        response: {
          200: zPage(
            z.object({
              id: z.number().int(),
              memberRef: ZMemberRef,
              weight: z.number().int(),
              registeredAt: z.iso.datetime(),
            }),
          ),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const { page, pageSize } = req.query;
      const actor = requireActor(req, 'staff');
      return { ...(await listRegistrations(deps.db, actor, req.params.id, page, pageSize)), page, pageSize };
    },
  );

  r.post(
    '/api/voucher-campaigns/:id/draw',
    {
      schema: {
        tags,
        summary: 'Run the weighted draw once registration has closed (seed: given or random; published)',
        params: ZIdParams,
        body: z.strictObject({ seed: z.string().trim().min(4).max(128).optional() }),
        response: {
          200: z.object({
            seed: z.string(),
            algorithm: z.string(),
            winners: z.number().int(),
            registrations: z.number().int(),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      return inTransaction(deps, req, (tx, env) => runDraw(tx, env, actor, req.params.id, req.body.seed));
    },
  );

  r.get(
    '/api/voucher-campaigns/:id/draw',
    {
      schema: {
        tags,
        summary: 'The published draw: seed, algorithm, weights rule, winners (masked)',
        params: ZIdParams,
        response: { 200: ZDrawResult, ...errorResponses },
      },
    },
    async (req) => publishedDraw(deps.db, requireActor(req), req.params.id),
  );

  r.get(
    '/api/voucher-campaigns/:id/draw/verify',
    {
      schema: {
        tags,
        summary: 'Re-runs the published draw over the stored registrations and compares it with the stored winners',
        params: ZIdParams,
        response: {
          200: z.object({ seed: z.string(), algorithm: z.string(), winners: z.number().int(), matches: z.boolean() }),
          ...errorResponses,
        },
      },
    },
    async (req) => verifyDraw(deps.db, requireActor(req), req.params.id),
  );
}
