import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTransaction, requireActor } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors.js';
import { errorResponses, ZId, ZIdParams, zPage, ZPageQuery } from '../../kernel/http.js';
import { PHONE } from '../member/index.js';
import { fileComplaint, merchantSelf } from './merchant.member.js';
import { directory, listedMerchant, openCalls } from './merchant.query.js';
import { MERCHANT_CATEGORIES, MERCHANT_STATUSES } from './merchant.schema.js';
import { applyToCall, validLicenceNo } from './merchant.service.js';

// Routes without a staff grant: the open calls and the application form (public), the member
// directory (public), a member's complaint, a merchant account's own record.

export const ZCategory = z.enum(MERCHANT_CATEGORIES);
export const ZCategories = z.array(ZCategory).min(1, 'merchant.categories').max(MERCHANT_CATEGORIES.length);
const ZLat = z.number().min(-90).max(90);
const ZLng = z.number().min(-180).max(180);
export const ZLocation = z.strictObject({
  address: z.string().trim().min(2).max(200),
  lat: ZLat.optional(),
  lng: ZLng.optional(),
});
export const ZLocations = z.array(ZLocation).min(1, 'merchant.locations').max(20);
export const ZSettlementAccount = z
  .string()
  .trim()
  .transform((s) => s.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^\d{6,32}$/, 'merchant.settlementAccount'));

export const ZOpenCall = z
  .object({
    id: z.number().int(),
    orgId: z.number().int(),
    orgName: z.string(),
    title: z.string(),
    body: z.string(),
    categories: z.array(ZCategory),
    opensAt: z.iso.datetime(),
    closesAt: z.iso.datetime(),
    state: z.enum(['open', 'closed']),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'MerchantCall' });

const ZApplication = z.strictObject({
  name: z.string().trim().min(2).max(100),
  licenceNo: z
    .string()
    .trim()
    .toUpperCase()
    .refine((s) => validLicenceNo(s), 'merchant.licenceNo'),
  categories: ZCategories,
  discountTerms: z.string().trim().min(2).max(500),
  hours: z.string().trim().min(1).max(100),
  contactName: z.string().trim().min(1).max(50),
  contactPhone: z.string().trim().regex(PHONE, 'phone.invalid'),
  locations: ZLocations,
  settlementAccount: ZSettlementAccount.optional(),
});

const ZPoint = z.object({ address: z.string(), lat: z.number().nullable(), lng: z.number().nullable() });

export const ZDirectoryItem = z
  .object({
    id: z.number().int(),
    name: z.string(),
    categories: z.array(ZCategory),
    discountTerms: z.string(),
    hours: z.string(),
    address: z.string(),
    lat: z.number().nullable(),
    lng: z.number().nullable(),
    status: z.enum(MERCHANT_STATUSES),
    distanceM: z.number().int().nullable().describe('metres from the given point; null without lat/lng'),
    orgName: z.string(),
  })
  .meta({ id: 'MerchantListing' });

const ZAgreementPeriod = z.object({ startsOn: z.string(), endsOn: z.string() }).nullable();

const ZListedMerchant = ZDirectoryItem.extend({ locations: z.array(ZPoint), agreement: ZAgreementPeriod }).meta({
  id: 'MerchantListingDetail',
});

const ZMerchantSelf = z
  .object({
    id: z.number().int(),
    orgId: z.number().int(),
    orgName: z.string(),
    name: z.string(),
    categories: z.array(ZCategory),
    status: z.enum(MERCHANT_STATUSES),
    accepting: z.boolean().describe('listed or warned: shown to members, accepts vouchers'),
    discountTerms: z.string(),
    hours: z.string(),
    address: z.string(),
    lat: z.number().nullable(),
    lng: z.number().nullable(),
    locations: z.array(ZPoint),
    agreement: ZAgreementPeriod,
  })
  .meta({ id: 'MerchantSelf' });

export async function merchantPublicRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deps } = app;
  const tags = ['merchant'];

  r.get(
    '/api/merchant-calls/open',
    {
      schema: {
        tags,
        summary: 'Open calls for partner merchants taking applications now (public)',
        response: { 200: z.object({ items: z.array(ZOpenCall) }), ...errorResponses },
      },
    },
    async () => ({ items: await openCalls(deps.db, deps.clock.now()) }),
  );

  r.post(
    '/api/merchant-calls/:id/applications',
    {
      // A public form: throttled per IP before any database work.
      config: { rateLimit: { max: deps.config.production ? 10 : 30, timeWindow: '1 hour' } },
      schema: {
        tags,
        summary: 'A business applies to an open call (public; rate limited per IP)',
        params: ZIdParams,
        body: ZApplication,
        response: {
          201: z.object({ id: z.number().int(), status: z.literal('applied') }),
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const id = await inTransaction(deps, req, (tx, env) => applyToCall(tx, env, req.params.id, req.body));
      return reply.code(201).send({ id, status: 'applied' as const });
    },
  );

  r.get(
    '/api/merchants',
    {
      schema: {
        tags,
        summary: 'Listed partner merchants (public): by category, search, nearest first with lat/lng',
        querystring: z
          .strictObject({
            lat: z.coerce.number().min(-90).max(90).optional(),
            lng: z.coerce.number().min(-180).max(180).optional(),
            category: ZCategory.optional(),
            q: z.string().trim().max(50).optional(),
            ...ZPageQuery,
          })
          .refine((q) => (q.lat === undefined) === (q.lng === undefined), {
            message: 'merchant.latLng',
            path: ['lng'],
          }),
        response: { 200: zPage(ZDirectoryItem), ...errorResponses },
      },
    },
    async (req) => {
      const { page, pageSize } = req.query;
      return { ...(await directory(deps.db, req.query)), page, pageSize };
    },
  );

  r.get(
    '/api/merchants/:id',
    {
      schema: {
        tags,
        summary: 'One listed partner merchant with its locations (public)',
        params: ZIdParams,
        response: { 200: ZListedMerchant, ...errorResponses },
      },
    },
    async (req) => {
      const m = await listedMerchant(deps.db, req.params.id);
      if (!m) throw new AppError('NOT_FOUND');
      return m;
    },
  );

  r.post(
    '/api/me/merchant-complaints',
    {
      config: { rateLimit: { max: 20, timeWindow: '1 hour' } },
      schema: {
        tags,
        summary: "A member's complaint about a listed merchant: becomes a case of the service center",
        body: z.strictObject({ merchantId: ZId, content: z.string().trim().min(5).max(500) }),
        response: {
          201: z.object({ id: z.number().int(), caseId: z.number().int(), caseNo: z.string() }),
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req, 'member');
      const made = await inTransaction(deps, req, (tx, env) => fileComplaint(tx, env, actor, req.body));
      return reply.code(201).send(made);
    },
  );

  r.get(
    '/api/merchant/me',
    {
      schema: {
        tags,
        summary: 'The merchant a merchant account acts for (merchant mode)',
        response: { 200: ZMerchantSelf, ...errorResponses },
      },
    },
    async (req) => merchantSelf(deps.db, requireActor(req, 'merchant').accountId),
  );
}
