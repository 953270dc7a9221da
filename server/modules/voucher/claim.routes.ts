import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors.js';
import { errorResponses, langOf, ZId, ZIdParams } from '../../kernel/http.js';
import { MERCHANT_CATEGORIES } from '../merchant/index.js';
import { claimVoucher, listMyCampaigns, listMyVouchers, voucherQr } from './claim.service.js';
import { ZMyRegistration } from './lottery.routes.js';
import { myRegistration } from './lottery.service.js';
import { CAMPAIGN_KINDS, CAMPAIGN_MODES, VOUCHER_STATES } from './voucher.schema.js';

export const ZVoucher = z
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
  })
  .meta({ id: 'Voucher' });

const ZMyVoucher = ZVoucher.extend({
  redeemedAt: z.iso.datetime().nullable(),
  redeemedMerchantName: z.string().nullable().describe('the merchant that redeemed it'),
  merchantsWhereValid: z.object({
    merchantIds: z.array(z.number().int()).nullable().describe('null: every listed merchant of the org'),
    categories: z.array(z.enum(MERCHANT_CATEGORIES)).nullable(),
    orgId: z.number().int(),
  }),
}).meta({ id: 'MyVoucher' });

const ZMyCampaign = z
  .object({
    id: z.number().int(),
    orgId: z.number().int(),
    orgName: z.string(),
    name: z.string(),
    kind: z.enum(CAMPAIGN_KINDS),
    mode: z.enum(CAMPAIGN_MODES),
    faceValueFen: z.number().int(),
    minSpendFen: z.number().int(),
    quantity: z.number().int(),
    perMemberLimit: z.number().int(),
    categories: z.array(z.enum(MERCHANT_CATEGORIES)).nullable(),
    merchantIds: z.array(z.number().int()).nullable(),
    claimStartsAt: z.iso.datetime(),
    claimEndsAt: z.iso.datetime(),
    validFrom: z.iso.datetime(),
    validUntil: z.iso.datetime(),
    registrationEndsAt: z.iso.datetime().nullable(),
    open: z.boolean(),
    claimedByMe: z.number().int(),
    remaining: z.number().int(),
    myRegistration: ZMyRegistration.nullable().describe('lottery campaigns: the member registration and its outcome'),
  })
  .meta({ id: 'MyVoucherCampaign' });

export async function claimRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deps } = app;
  const tags = ['voucher'];
  // Two limits on a claim, both in memory before any database work: per IP (the plugin, on the
  // route) and per member account (here), so hammering gives no advantage.
  const perMember = app.createRateLimit({
    max: deps.config.claimRate.perMember,
    timeWindow: 60_000,
    keyGenerator: (req) => `voucher-claim:${req.session?.actor.accountId ?? req.ip}`,
  });

  r.get(
    '/api/me/voucher-campaigns',
    {
      schema: {
        tags,
        summary: 'Published campaigns the member may take part in, open now or soon, with what they claimed',
        response: { 200: z.object({ items: z.array(ZMyCampaign) }), ...errorResponses },
      },
    },
    async (req) => listMyCampaigns(deps.db, requireActor(req, 'member').accountId, deps.clock.now(), myRegistration),
  );

  r.post(
    '/api/voucher-campaigns/:id/claims',
    {
      config: { rateLimit: { max: deps.config.claimRate.perIp, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Claim a voucher (Idempotency-Key header: a retry returns the same voucher). 201 only once committed.',
        params: ZIdParams,
        headers: z.object({ 'idempotency-key': z.string().trim().min(1).max(100).optional() }),
        response: { 201: ZVoucher, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req, 'member');
      const limit = await perMember(req);
      if (!limit.isAllowed && limit.isExceeded) throw new AppError('RATE_LIMITED');
      const voucher = await claimVoucher(
        deps,
        actor.accountId,
        req.params.id,
        req.headers['idempotency-key'],
        langOf(req),
      );
      return reply.code(201).send(voucher);
    },
  );

  r.get(
    '/api/me/vouchers',
    {
      schema: {
        tags,
        summary: "The member's vouchers, newest first, with where each can be used",
        querystring: z.strictObject({ state: z.enum(VOUCHER_STATES).optional() }),
        response: { 200: z.object({ items: z.array(ZMyVoucher) }), ...errorResponses },
      },
    },
    async (req) => listMyVouchers(deps.db, requireActor(req, 'member').accountId, req.query.state, deps.clock.now()),
  );

  r.get(
    '/api/me/vouchers/:id/qr',
    {
      schema: {
        tags,
        summary: "A short-lived (60 s) signed token for the voucher's QR; the H5 refreshes it",
        params: z.strictObject({ id: ZId }),
        response: {
          200: z.object({ token: z.string(), expiresAt: z.iso.datetime(), code: z.string() }),
          ...errorResponses,
        },
      },
    },
    async (req) =>
      voucherQr(deps.db, deps.crypto, requireActor(req, 'member').accountId, req.params.id, deps.clock.now()),
  );
}
