import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assertOrgAccess, OutOfScopeError } from '../../kernel/access.js';
import { inTransaction, requireActor } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors.js';
import { errorResponses, ZId, ZIdParams } from '../../kernel/http.js';
import { JOB_TYPES, memberOfAccount } from '../member/index.js';
import {
  CATALOG,
  createService,
  definitionsAt,
  effectiveCatalog,
  eligibilityOf,
  getServiceForStaff,
  orgPath,
  READ,
  rootPath,
  updateService,
} from './catalog.service.js';
import { ZForm } from './form.js';
import { CATEGORIES } from './service.schema.js';

const ZEligibility = z.strictObject({
  membersOnly: z.boolean(),
  jobTypes: z.array(z.enum(JOB_TYPES)).min(1).max(JOB_TYPES.length).nullable(),
});

export const ZService = z
  .object({
    id: z.number().int(),
    category: z.enum(CATEGORIES),
    name: z.string(),
    description: z.string().nullable(),
    form: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        type: z.string(),
        required: z.boolean(),
        options: z.array(z.string()).optional(),
        maxLength: z.number().optional(),
        min: z.number().optional(),
        max: z.number().optional(),
        multiple: z.boolean().optional(),
      }),
    ),
    eligibility: z.object({ membersOnly: z.boolean(), jobTypes: z.array(z.string()).nullable() }),
    handlingOrgId: z.number().int(),
    handlingOrgName: z.string(),
    deadlineDays: z.number().int(),
    orgId: z.number().int(),
    orgName: z.string(),
    baseId: z.number().int(),
    overridesId: z.number().int().nullable(),
    inherited: z.boolean(),
    active: z.boolean(),
    hidden: z.boolean(),
    sortOrder: z.number().int(),
    eligible: z.boolean().optional(),
    ineligibleReason: z.enum(['members_only', 'job_type']).nullable().optional(),
  })
  .meta({ id: 'Service' });

const serviceFields = {
  category: z.enum(CATEGORIES),
  name: z.string().trim().min(2).max(50),
  description: z.string().trim().max(2000).nullable().optional(),
  form: ZForm,
  eligibility: ZEligibility.optional(),
  handlingOrgId: ZId.optional(),
  deadlineDays: z.number().int().min(1).max(90),
  sortOrder: z.number().int().min(-1000).max(1000).optional(),
  hidden: z.boolean().optional(),
  active: z.boolean().optional(),
};
const ZNewService = z.strictObject({ orgId: ZId, overridesId: ZId.nullable().optional(), ...serviceFields });
const ZServicePatch = z.strictObject(serviceFields).partial();

export async function catalogRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deps } = app;
  const tags = ['services'];
  const list = z.object({ items: z.array(ZService) });

  r.get(
    '/api/services',
    {
      schema: {
        tags,
        summary: "The catalog the caller may use: a member their union's, staff the one in effect at an org in scope",
        querystring: z.strictObject({ orgId: ZId.optional(), category: z.enum(CATEGORIES).optional() }),
        response: { 200: list, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      if (actor.kind === 'member') {
        const m = await memberOfAccount(deps.db, actor.accountId);
        const path = m ? await orgPath(deps.db, m.orgId) : await rootPath(deps.db);
        const items = (await effectiveCatalog(deps.db, path)).filter(
          (s) => !req.query.category || s.category === req.query.category,
        );
        return {
          items: items.map((s) => {
            const reason =
              m && m.status !== 'active' ? 'members_only' : eligibilityOf(s.eligibility, m?.jobType ?? null);
            return { ...s, eligible: reason === null, ineligibleReason: reason };
          }),
        };
      }
      const orgId = req.query.orgId ?? actor.orgId;
      if (!orgId) throw new AppError('NOT_FOUND');
      const path = await assertOrgAccess(deps.db, actor, READ, orgId, READ);
      return {
        items: (await effectiveCatalog(deps.db, path)).filter(
          (s) => !req.query.category || s.category === req.query.category,
        ),
      };
    },
  );

  r.get(
    '/api/services/definitions',
    {
      schema: {
        tags,
        summary: 'Rows defined at one org (originals, overrides, hides), for the catalog editor',
        querystring: z.strictObject({ orgId: ZId }),
        response: { 200: list, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      await assertOrgAccess(deps.db, actor, READ, req.query.orgId, READ);
      return { items: await definitionsAt(deps.db, req.query.orgId) };
    },
  );

  r.get(
    '/api/services/:id',
    {
      schema: {
        tags,
        summary: 'One service definition',
        params: ZIdParams,
        response: { 200: ZService, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      if (actor.kind === 'staff') return getServiceForStaff(deps.db, actor, req.params.id);
      const m = await memberOfAccount(deps.db, actor.accountId);
      const found = (
        await effectiveCatalog(deps.db, m ? await orgPath(deps.db, m.orgId) : await rootPath(deps.db))
      ).find((s) => s.id === req.params.id);
      if (!found) throw new OutOfScopeError('service', String(req.params.id));
      return found;
    },
  );

  r.post(
    '/api/services',
    {
      schema: {
        tags,
        summary: 'Define a service at an org, or override / hide an inherited one',
        body: ZNewService,
        response: { 201: ZService, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req, 'staff');
      const id = await inTransaction(deps, req, (tx, env) => createService(tx, env, actor, req.body));
      return reply.code(201).send(await getServiceForStaff(deps.db, actor, id));
    },
  );

  r.patch(
    '/api/services/:id',
    {
      schema: {
        tags,
        summary: `Edit a service (${CATALOG} at its org)`,
        params: ZIdParams,
        body: ZServicePatch,
        response: { 200: ZService, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      await inTransaction(deps, req, (tx, env) => updateService(tx, env, actor, req.params.id, req.body));
      return getServiceForStaff(deps.db, actor, req.params.id);
    },
  );
}
