import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assertOrgAccess } from '../../kernel/access.js';
import { inTransaction, requireActor } from '../../kernel/context.js';
import { errorResponses, ZId } from '../../kernel/http.js';
import { capsAt, setCaps } from './caps.js';

const ZCapFen = z.number().int('voucher.fen').min(0).max(100_000_000).nullable();
const ZCaps = z.object({
  spring_festival: ZCapFen,
  festival: ZCapFen,
  birthday: ZCapFen,
  general: ZCapFen,
});
const ZCapsAnswer = z.object({ orgId: z.number().int(), caps: ZCaps }).meta({ id: 'VoucherCaps' });

export async function capsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deps } = app;
  const tags = ['voucher'];

  r.get(
    '/api/voucher-caps',
    {
      schema: {
        tags,
        summary:
          "Yearly caps per member by kind (fen) in force at an org (nearest ancestor's setting, else the ACFTU defaults)",
        querystring: z.strictObject({ orgId: ZId }),
        response: { 200: ZCapsAnswer, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      const path = await assertOrgAccess(
        deps.db,
        actor,
        'voucher:campaign:read',
        req.query.orgId,
        'voucher:campaign:read',
      );
      return { orgId: req.query.orgId, caps: await capsAt(deps.db, path) };
    },
  );

  r.put(
    '/api/voucher-caps/:orgId',
    {
      schema: {
        tags,
        summary: 'Set the yearly caps of an org for its subtree (null: no cap for that kind)',
        params: z.strictObject({ orgId: ZId }),
        body: z.strictObject({ caps: ZCaps.partial() }),
        response: { 200: ZCapsAnswer, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      const { orgId } = req.params;
      const path = await assertOrgAccess(deps.db, actor, 'voucher:campaign:manage', orgId, 'voucher:campaign:read');
      await inTransaction(deps, req, (tx, env) => setCaps(tx, env, orgId, req.body.caps));
      return { orgId, caps: await capsAt(deps.db, path) };
    },
  );
}
