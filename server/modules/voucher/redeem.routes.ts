import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../kernel/access.js';
import type { Deps } from '../../kernel/context.js';
import { inTransaction, requireActor } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors.js';
import { errorResponses, ZIdParams } from '../../kernel/http.js';
import { merchantOfAccount } from '../merchant/index.js';
import { ZDate } from '../member/index.js';
import { VOUCHER_STATES } from './voucher.schema.js';
import { verifyVoucherToken } from './claim.service.js';
import { merchantRedemptions, redeemVoucher } from './redeem.service.js';
import { ZSettlement } from './settlement.routes.js';
import { confirmSettlement, merchantSettlements } from './settlement.service.js';

const ZRedeemedVoucher = z
  .object({
    id: z.number().int(),
    code: z.string(),
    campaignId: z.number().int(),
    campaignName: z.string(),
    faceValueFen: z.number().int(),
    minSpendFen: z.number().int(),
    state: z.enum(VOUCHER_STATES),
    validFrom: z.iso.datetime(),
    validUntil: z.iso.datetime(),
    claimedAt: z.iso.datetime(),
    redeemedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'RedeemedVoucher' });

async function callerMerchant(deps: Deps, actor: Actor) {
  const m = await merchantOfAccount(deps.db, actor.accountId);
  if (!m) throw new AppError('FORBIDDEN');
  return m;
}

export async function redeemRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deps } = app;
  const tags = ['voucher'];

  r.post(
    '/api/vouchers/redeem',
    {
      schema: {
        tags,
        summary: "Redeem a voucher at the caller's merchant: the member's QR token or the voucher's short code, once",
        body: z.strictObject({ code: z.string().trim().min(4).max(300) }),
        response: { 200: z.object({ voucher: ZRedeemedVoucher, redeemedAt: z.iso.datetime() }), ...errorResponses },
      },
    },
    async (req) => {
      const m = await callerMerchant(deps, requireActor(req, 'merchant'));
      return inTransaction(deps, req, (tx, env) =>
        redeemVoucher(tx, env, m, req.body.code, (token, now) => verifyVoucherToken(deps.crypto, token, now)),
      );
    },
  );

  r.get(
    '/api/merchant/redemptions',
    {
      schema: {
        tags,
        summary: "The caller merchant's redemptions on a date (today, China time, by default)",
        querystring: z.strictObject({ date: ZDate.optional() }),
        response: {
          200: z.object({
            date: z.string(),
            count: z.number().int(),
            faceValueFen: z.number().int(),
            items: z.array(
              z.object({
                id: z.number().int(),
                code: z.string(),
                campaignId: z.number().int(),
                campaignName: z.string(),
                faceValueFen: z.number().int(),
                redeemedAt: z.iso.datetime(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const m = await callerMerchant(deps, requireActor(req, 'merchant'));
      return merchantRedemptions(deps.db, m.id, req.query.date, deps.clock.now());
    },
  );

  r.get(
    '/api/merchant/settlements',
    {
      schema: {
        tags,
        summary: "The caller merchant's settlement statements, newest first",
        response: { 200: z.object({ items: z.array(ZSettlement) }), ...errorResponses },
      },
    },
    async (req) => {
      const m = await callerMerchant(deps, requireActor(req, 'merchant'));
      return { items: await merchantSettlements(deps.db, m.id) };
    },
  );

  r.post(
    '/api/merchant/settlements/:id/confirm',
    {
      schema: {
        tags,
        summary: 'The merchant confirms its draft statement',
        params: ZIdParams,
        response: { 200: ZSettlement, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'merchant');
      const m = await callerMerchant(deps, actor);
      return inTransaction(deps, req, (tx, env) =>
        confirmSettlement(tx, env, { merchantId: m.id, accountId: actor.accountId }, req.params.id),
      );
    },
  );
}
