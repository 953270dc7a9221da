import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assertOrgAccess } from '../../kernel/access.js';
import { inTransaction, requireActor } from '../../kernel/context.js';
import { errorResponses, ZId, ZIdParams, zPage, ZPageQuery } from '../../kernel/http.js';
import { listCalls, listMerchants, merchantRecord, presentCall } from './merchant.query.js';
import { ZCategories, ZCategory, ZLocations, ZOpenCall, ZSettlementAccount } from './merchant.public.routes.js';
import { MERCHANT_REVIEW_DECISIONS, MERCHANT_STATUSES } from './merchant.schema.js';
import {
  addMerchantAccount,
  closeCall,
  createCall,
  historyOf,
  loadCall,
  loadMerchant,
  MOVE_NAMES,
  MOVES,
  moveMerchant,
  READ,
  recordAssessment,
  recordInspection,
  reviewApplication,
  signAgreement,
  updateCall,
} from './merchant.service.js';

// Staff routes of the benefit network's merchants, each scoped to the caller's org subtree
// (kernel/access.ts): a call or merchant outside it is 404, and the attempt is audited.

const ZDate = z.iso.date('date.invalid');
const ZReason = z.string().trim().min(1, 'merchant.reasonRequired').max(500);
const ZScoreLine = z.strictObject({
  item: z.string().trim().min(1).max(50),
  score: z.number().int().min(0).max(1000),
  max: z.number().int().min(1).max(1000),
  note: z.string().trim().max(200).optional(),
});

const ZCallFields = {
  title: z.string().trim().min(2).max(100),
  body: z.string().trim().min(2).max(5000),
  categories: ZCategories,
  opensAt: z.coerce.date(),
  closesAt: z.coerce.date(),
};

const ZHistoryItem = z
  .object({ at: z.iso.datetime(), action: z.string(), actorName: z.string().nullable(), detail: z.string() })
  .meta({ id: 'MerchantHistoryItem' });

const ZStaffMerchant = z
  .object({
    id: z.number().int(),
    orgId: z.number().int(),
    orgName: z.string(),
    callId: z.number().int().nullable(),
    callTitle: z.string().nullable(),
    name: z.string(),
    licenceNo: z.string(),
    categories: z.array(ZCategory),
    status: z.enum(MERCHANT_STATUSES),
    address: z.string(),
    lat: z.number().nullable(),
    lng: z.number().nullable(),
    discountTerms: z.string(),
    hours: z.string(),
    contactName: z.string(),
    contactPhone: z.string().nullable().describe('masked'),
    settlementAccount: z.string().nullable().describe('masked: the last 4 digits'),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'MerchantStaffItem' });

const ZScoreLineOut = z.object({
  item: z.string(),
  score: z.number(),
  max: z.number(),
  note: z.string().optional(),
});

const ZMerchantRecord = ZStaffMerchant.extend({
  locations: z.array(z.object({ address: z.string(), lat: z.number().nullable(), lng: z.number().nullable() })),
  agreement: z
    .object({
      startsOn: z.string(),
      endsOn: z.string(),
      discountTerms: z.string(),
      categories: z.array(ZCategory),
      signedAt: z.iso.datetime(),
    })
    .nullable(),
  reviews: z.array(
    z.object({
      id: z.number().int(),
      scores: z.array(ZScoreLineOut),
      total: z.number().int(),
      max: z.number().int(),
      decision: z.enum(MERCHANT_REVIEW_DECISIONS),
      reason: z.string(),
      reviewerName: z.string().nullable(),
      at: z.iso.datetime(),
    }),
  ),
  inspections: z.array(
    z.object({
      id: z.number().int(),
      inspectedOn: z.string(),
      items: z.array(ZScoreLineOut),
      score: z.number().int(),
      max: z.number().int(),
      photos: z.array(z.string()),
      note: z.string(),
      inspectorName: z.string().nullable(),
    }),
  ),
  assessments: z.array(
    z.object({
      id: z.number().int(),
      year: z.number().int(),
      score: z.number().int(),
      grade: z.string(),
      note: z.string(),
    }),
  ),
  complaints: z.array(z.object({ id: z.number().int(), caseId: z.number().int(), at: z.iso.datetime() })),
  accounts: z.array(
    z.object({ accountId: z.number().int(), displayName: z.string(), status: z.enum(['active', 'disabled']) }),
  ),
  history: z.array(ZHistoryItem),
}).meta({ id: 'MerchantRecord' });

export async function merchantRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deps } = app;
  const tags = ['merchant'];

  const record = async (actor: Parameters<typeof loadMerchant>[1], id: number) => {
    const { m, orgName } = await loadMerchant(deps.db, actor, id);
    return merchantRecord(deps.db, deps.crypto, m, orgName);
  };
  const callView = async (actor: Parameters<typeof loadCall>[1], id: number) => {
    const { c, orgName } = await loadCall(deps.db, actor, id);
    return presentCall(c, orgName);
  };

  // ---- open calls ----

  r.get(
    '/api/merchant-calls',
    {
      schema: {
        tags,
        summary: 'Open calls of orgs in scope, every state',
        querystring: z.strictObject({ state: z.enum(['open', 'closed']).optional(), ...ZPageQuery }),
        response: { 200: zPage(ZOpenCall), ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      const { page, pageSize } = req.query;
      return { ...(await listCalls(deps.db, actor, req.query)), page, pageSize };
    },
  );

  r.post(
    '/api/merchant-calls',
    {
      schema: {
        tags,
        summary: 'Publish an open call for partner merchants',
        body: z.strictObject({ orgId: ZId, ...ZCallFields }),
        response: { 201: ZOpenCall, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req, 'staff');
      const id = await inTransaction(deps, req, (tx, env) => createCall(tx, env, actor, req.body));
      return reply.code(201).send(await callView(actor, id));
    },
  );

  r.get(
    '/api/merchant-calls/:id',
    {
      schema: { tags, summary: 'One open call', params: ZIdParams, response: { 200: ZOpenCall, ...errorResponses } },
    },
    async (req) => callView(requireActor(req, 'staff'), req.params.id),
  );

  r.patch(
    '/api/merchant-calls/:id',
    {
      schema: {
        tags,
        summary: 'Edit an open call (not once closed)',
        params: ZIdParams,
        body: z.strictObject(ZCallFields).partial(),
        response: { 200: ZOpenCall, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      await inTransaction(deps, req, (tx, env) => updateCall(tx, env, actor, req.params.id, req.body));
      return callView(actor, req.params.id);
    },
  );

  r.post(
    '/api/merchant-calls/:id/close',
    {
      schema: {
        tags,
        summary: 'Close an open call: no more applications',
        params: ZIdParams,
        response: { 200: ZOpenCall, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      await inTransaction(deps, req, (tx, env) => closeCall(tx, env, actor, req.params.id));
      return callView(actor, req.params.id);
    },
  );

  // ---- applications and review ----

  r.get(
    '/api/merchant-applications',
    {
      schema: {
        tags,
        summary: 'Applications of orgs in scope by state (applied: to review), oldest first',
        querystring: z.strictObject({
          state: z.enum(['applied', 'approved', 'rejected']).default('applied'),
          orgId: ZId.optional(),
          ...ZPageQuery,
        }),
        response: { 200: zPage(ZStaffMerchant), ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      const { state, orgId, page, pageSize } = req.query;
      const orgPath = orgId ? await assertOrgAccess(deps.db, actor, READ, orgId, READ) : undefined;
      const found = await listMerchants(deps.db, deps.crypto, actor, {
        statuses: [state],
        orgPath,
        page,
        pageSize,
        order: 'oldest',
      });
      return { ...found, page, pageSize };
    },
  );

  r.post(
    '/api/merchant-applications/:id/review',
    {
      schema: {
        tags,
        summary: 'Review an application with a scoring sheet: approve or reject',
        params: ZIdParams,
        body: z.strictObject({
          scores: z.array(ZScoreLine).min(1).max(30),
          decision: z.enum(MERCHANT_REVIEW_DECISIONS),
          reason: z.string().trim().max(500).default(''),
        }),
        response: { 200: ZMerchantRecord, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      await inTransaction(deps, req, (tx, env) => reviewApplication(tx, env, actor, req.params.id, req.body));
      return record(actor, req.params.id);
    },
  );

  // ---- merchants ----

  r.get(
    '/api/merchants/manage',
    {
      schema: {
        tags,
        summary: 'Merchants of orgs in scope, every status (staff list)',
        querystring: z.strictObject({
          status: z.enum(MERCHANT_STATUSES).optional(),
          category: ZCategory.optional(),
          q: z.string().trim().max(50).optional(),
          orgId: ZId.optional(),
          ...ZPageQuery,
        }),
        response: { 200: zPage(ZStaffMerchant), ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      const { status, category, q, orgId, page, pageSize } = req.query;
      const orgPath = orgId ? await assertOrgAccess(deps.db, actor, READ, orgId, READ) : undefined;
      const found = await listMerchants(deps.db, deps.crypto, actor, {
        statuses: status ? [status] : undefined,
        category,
        q,
        orgPath,
        page,
        pageSize,
        order: 'newest',
      });
      return { ...found, page, pageSize };
    },
  );

  r.get(
    '/api/merchants/:id/record',
    {
      schema: {
        tags,
        summary: "A merchant's full record: agreement, reviews, inspections, assessments, complaints, history",
        params: ZIdParams,
        response: { 200: ZMerchantRecord, ...errorResponses },
      },
    },
    async (req) => record(requireActor(req, 'staff'), req.params.id),
  );

  r.get(
    '/api/merchants/:id/history',
    {
      schema: {
        tags,
        summary: "Every step of a merchant's life, oldest first",
        params: ZIdParams,
        response: { 200: z.array(ZHistoryItem), ...errorResponses },
      },
    },
    async (req) => {
      const { m } = await loadMerchant(deps.db, requireActor(req, 'staff'), req.params.id);
      return historyOf(deps.db, m.id);
    },
  );

  r.post(
    '/api/merchants/:id/agreement',
    {
      schema: {
        tags,
        summary: 'Sign (or renew) the agreement: an approved merchant becomes listed',
        params: ZIdParams,
        body: z.strictObject({
          startsOn: ZDate,
          endsOn: ZDate,
          discountTerms: z.string().trim().min(2).max(500),
          categories: ZCategories,
          locations: ZLocations.optional(),
          settlementAccount: ZSettlementAccount,
        }),
        response: { 200: ZMerchantRecord, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      await inTransaction(deps, req, (tx, env) => signAgreement(tx, env, actor, req.params.id, req.body));
      return record(actor, req.params.id);
    },
  );

  r.post(
    '/api/merchants/:id/inspections',
    {
      schema: {
        tags,
        summary: 'Record an on-site inspection with its checklist score',
        params: ZIdParams,
        body: z.strictObject({
          inspectedOn: ZDate,
          items: z.array(ZScoreLine).min(1).max(30),
          photos: z.array(z.string().trim().min(1).max(200)).max(10).optional(),
          note: z.string().trim().max(1000).default(''),
        }),
        response: { 201: z.object({ id: z.number().int() }), ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req, 'staff');
      const id = await inTransaction(deps, req, (tx, env) => recordInspection(tx, env, actor, req.params.id, req.body));
      return reply.code(201).send({ id });
    },
  );

  r.post(
    '/api/merchants/:id/assessments',
    {
      schema: {
        tags,
        summary: "Record a merchant's yearly assessment (one per year)",
        params: ZIdParams,
        body: z.strictObject({
          year: z.number().int().min(2000).max(2100),
          score: z.number().int().min(0).max(100),
          grade: z.string().trim().min(1).max(10),
          note: z.string().trim().max(1000).default(''),
        }),
        response: { 201: z.object({ id: z.number().int() }), ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req, 'staff');
      const id = await inTransaction(deps, req, (tx, env) => recordAssessment(tx, env, actor, req.params.id, req.body));
      return reply.code(201).send({ id });
    },
  );

  for (const move of MOVE_NAMES) {
    r.post(
      `/api/merchants/:id/${move}`,
      {
        schema: {
          tags,
          summary: `${move[0]?.toUpperCase()}${move.slice(1)} a merchant (${MOVES[move].from.join(', ')} → ${MOVES[move].to})`,
          params: ZIdParams,
          body: z.strictObject({ reason: ZReason }),
          response: { 200: ZMerchantRecord, ...errorResponses },
        },
      },
      async (req) => {
        const actor = requireActor(req, 'staff');
        await inTransaction(deps, req, (tx, env) => moveMerchant(tx, env, actor, req.params.id, move, req.body.reason));
        return record(actor, req.params.id);
      },
    );
  }

  r.post(
    '/api/merchants/:id/accounts',
    {
      schema: {
        tags,
        summary: 'Create a merchant account (signs in on the H5 in merchant mode)',
        params: ZIdParams,
        body: z.strictObject({
          username: z
            .string()
            .trim()
            .regex(/^[A-Za-z0-9._-]{3,32}$/, 'username.invalid'),
          displayName: z.string().trim().min(1).max(50),
          password: z.string().min(1).max(256),
        }),
        response: {
          201: z.object({ accountId: z.number().int(), username: z.string(), merchantId: z.number().int() }),
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req, 'staff');
      const accountId = await inTransaction(deps, req, (tx, env) =>
        addMerchantAccount(tx, env, actor, req.params.id, req.body),
      );
      return reply.code(201).send({ accountId, username: req.body.username, merchantId: req.params.id });
    },
  );
}
