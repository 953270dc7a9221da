import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assertOrgAccess } from '../../kernel/access.js';
import { inTransaction, requireActor } from '../../kernel/context.js';
import { errorResponses, ZId, ZIdParams, zPage, ZPageQuery } from '../../kernel/http.js';
import { JOB_TYPES } from '../member/index.js';
import { MERCHANT_CATEGORIES } from '../merchant/index.js';
import {
  campaignFigures,
  closeCampaign,
  createCampaign,
  getCampaign,
  listCampaigns,
  publishCampaign,
  updateCampaign,
} from './campaign.service.js';
import { CAMPAIGN_KINDS, CAMPAIGN_MODES, CAMPAIGN_STATES } from './voucher.schema.js';

const ZFen = z.number().int('voucher.fen').min(0).max(1_000_000_000);
const ZAt = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

export const ZCampaign = z
  .object({
    id: z.number().int(),
    orgId: z.number().int(),
    orgName: z.string(),
    name: z.string(),
    kind: z.enum(CAMPAIGN_KINDS),
    mode: z.enum(CAMPAIGN_MODES),
    state: z.enum(CAMPAIGN_STATES),
    faceValueFen: z.number().int(),
    minSpendFen: z.number().int(),
    quantity: z.number().int(),
    budgetFen: z.number().int(),
    perMemberLimit: z.number().int(),
    memberTypes: z.array(z.enum(JOB_TYPES)).nullable(),
    merchantIds: z.array(z.number().int()).nullable(),
    categories: z.array(z.enum(MERCHANT_CATEGORIES)).nullable(),
    claimStartsAt: z.iso.datetime(),
    claimEndsAt: z.iso.datetime(),
    validFrom: z.iso.datetime(),
    validUntil: z.iso.datetime(),
    registrationEndsAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    publishedAt: z.iso.datetime().nullable(),
    closedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'VoucherCampaign' });

const terms = {
  name: z.string().trim().min(2).max(60),
  kind: z.enum(CAMPAIGN_KINDS),
  mode: z.enum(CAMPAIGN_MODES),
  faceValueFen: ZFen.min(1),
  minSpendFen: ZFen,
  quantity: z.number().int().min(1).max(10_000_000),
  budgetFen: z.number().int('voucher.fen').min(1).max(1e13),
  perMemberLimit: z.number().int().min(1).max(100),
  memberTypes: z.array(z.enum(JOB_TYPES)).max(JOB_TYPES.length).nullable(),
  merchantIds: z.array(ZId).max(500).nullable(),
  categories: z.array(z.enum(MERCHANT_CATEGORIES)).max(MERCHANT_CATEGORIES.length).nullable(),
  claimStartsAt: ZAt,
  claimEndsAt: ZAt,
  validFrom: ZAt,
  validUntil: ZAt,
  registrationEndsAt: ZAt.nullable(),
};

const ZNewCampaign = z.strictObject({
  orgId: ZId,
  ...terms,
  mode: terms.mode.default('first_come'),
  minSpendFen: terms.minSpendFen.default(0),
  perMemberLimit: terms.perMemberLimit.default(1),
  memberTypes: terms.memberTypes.optional(),
  merchantIds: terms.merchantIds.optional(),
  categories: terms.categories.optional(),
  registrationEndsAt: terms.registrationEndsAt.optional(),
});

const ZFigures = z
  .object({
    claimed: z.number().int(),
    redeemed: z.number().int(),
    expired: z.number().int(),
    remaining: z.number().int(),
    budgetCommittedFen: z.number().int(),
    budgetSpentFen: z.number().int(),
    claimsPerMinute: z.array(z.object({ minute: z.iso.datetime(), count: z.number().int() })),
  })
  .meta({ id: 'VoucherCampaignFigures' });

export async function campaignRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deps } = app;
  const tags = ['voucher'];

  r.get(
    '/api/voucher-campaigns',
    {
      schema: {
        tags,
        summary: 'Voucher campaigns of orgs in scope, newest first',
        querystring: z.strictObject({
          state: z.enum(CAMPAIGN_STATES).optional(),
          kind: z.enum(CAMPAIGN_KINDS).optional(),
          orgId: ZId.optional(),
          ...ZPageQuery,
        }),
        response: { 200: zPage(ZCampaign), ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      const { orgId, page, pageSize, state, kind } = req.query;
      const orgPath = orgId
        ? await assertOrgAccess(deps.db, actor, 'voucher:campaign:read', orgId, 'voucher:campaign:read')
        : undefined;
      return { ...(await listCampaigns(deps.db, actor, { state, kind, orgPath, page, pageSize })), page, pageSize };
    },
  );

  r.post(
    '/api/voucher-campaigns',
    {
      schema: {
        tags,
        summary: 'Create a voucher campaign (a draft: its terms can change until it is published)',
        body: ZNewCampaign,
        response: { 201: ZCampaign, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req, 'staff');
      const id = await inTransaction(deps, req, (tx, env) => createCampaign(tx, env, actor, req.body));
      return reply.code(201).send(await getCampaign(deps.db, actor, id));
    },
  );

  r.get(
    '/api/voucher-campaigns/:id',
    {
      schema: {
        tags,
        summary: 'One voucher campaign',
        params: ZIdParams,
        response: { 200: ZCampaign, ...errorResponses },
      },
    },
    async (req) => getCampaign(deps.db, requireActor(req, 'staff'), req.params.id),
  );

  r.patch(
    '/api/voucher-campaigns/:id',
    {
      schema: {
        tags,
        summary: "Change a draft campaign's terms (409 VOUCHER_CAMPAIGN_PUBLISHED once published)",
        params: ZIdParams,
        body: z.strictObject(terms).partial(),
        response: { 200: ZCampaign, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      await inTransaction(deps, req, (tx, env) => updateCampaign(tx, env, actor, req.params.id, req.body));
      return getCampaign(deps.db, actor, req.params.id);
    },
  );

  r.post(
    '/api/voucher-campaigns/:id/publish',
    {
      schema: {
        tags,
        summary: 'Publish a draft: its terms freeze and its stock opens',
        params: ZIdParams,
        response: { 200: ZCampaign, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      await inTransaction(deps, req, (tx, env) => publishCampaign(tx, env, actor, req.params.id));
      return getCampaign(deps.db, actor, req.params.id);
    },
  );

  r.post(
    '/api/voucher-campaigns/:id/close',
    {
      schema: {
        tags,
        summary: 'Close a campaign: no more claims (vouchers already issued stay valid)',
        params: ZIdParams,
        response: { 200: ZCampaign, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      await inTransaction(deps, req, (tx, env) => closeCampaign(tx, env, actor, req.params.id));
      return getCampaign(deps.db, actor, req.params.id);
    },
  );

  r.get(
    '/api/voucher-campaigns/:id/figures',
    {
      schema: {
        tags,
        summary: 'Live figures of a campaign (cheap: polled every few seconds during a rush)',
        params: ZIdParams,
        response: { 200: ZFigures, ...errorResponses },
      },
    },
    async (req) => campaignFigures(deps.db, requireActor(req, 'staff'), req.params.id, deps.clock.now()),
  );
}
