import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTransaction, requireActor } from '../../kernel/context.js';
import { errorResponses, ZId, ZIdParams, zPage } from '../../kernel/http.js';
import { listOrgsInScope, type OrgWithCount } from './org.repo.js';
import { ORG_LEVELS, ORG_STATUSES, ORG_TYPES } from './org.schema.js';
import { createOrg, deleteOrg, getOrg, moveOrg, updateOrg } from './org.service.js';

const ZOrg = z
  .object({
    id: z.number().int(),
    parentId: z.number().int().nullable(),
    path: z.string(),
    depth: z.number().int(),
    code: z.string(),
    name: z.string(),
    type: z.enum(ORG_TYPES),
    level: z.enum(ORG_LEVELS).nullable(),
    status: z.enum(ORG_STATUSES),
    contactPerson: z.string().nullable(),
    contactPhone: z.string().nullable(),
    address: z.string().nullable(),
    settings: z.record(z.string(), z.unknown()),
    childCount: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    closedAt: z.string().nullable(),
  })
  .meta({ id: 'Org' });

const ZSettings = z
  .record(z.string().max(64), z.unknown())
  .refine((s) => JSON.stringify(s).length <= 8192, 'settings.tooLarge');

const orgFields = {
  code: z
    .string()
    .trim()
    .min(1)
    .max(32)
    .regex(/^[A-Za-z0-9_-]+$/, 'code.invalid'),
  name: z.string().trim().min(1).max(100),
  type: z.enum(ORG_TYPES),
  level: z.enum(ORG_LEVELS).nullable().optional(),
  contactPerson: z.string().trim().max(50).nullable().optional(),
  contactPhone: z
    .string()
    .trim()
    .max(20)
    .regex(/^[0-9+\-() ]*$/, 'phone.invalid')
    .nullable()
    .optional(),
  address: z.string().trim().max(200).nullable().optional(),
  settings: ZSettings.optional(),
};

const ZCreateOrg = z.strictObject({ parentId: ZId, ...orgFields });
const ZPatchOrg = z.strictObject({
  ...orgFields,
  code: orgFields.code.optional(),
  name: orgFields.name.optional(),
  type: orgFields.type.optional(),
  status: z.enum(ORG_STATUSES).optional(),
});

const ZListQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  type: z.enum(ORG_TYPES).optional(),
  status: z.enum(ORG_STATUSES).optional(),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(1000).default(500),
});

export function presentOrg(o: OrgWithCount): z.infer<typeof ZOrg> {
  return {
    id: o.id,
    parentId: o.parentId,
    path: o.path,
    depth: o.depth,
    code: o.code,
    name: o.name,
    type: o.type,
    level: o.level,
    status: o.status,
    contactPerson: o.contactPerson,
    contactPhone: o.contactPhone,
    address: o.address,
    settings: o.settings,
    childCount: o.childCount,
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
    closedAt: o.closedAt?.toISOString() ?? null,
  };
}

export async function orgRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deps } = app;
  const tags = ['orgs'];

  r.get(
    '/api/orgs',
    {
      schema: {
        tags,
        summary: "The caller's visible org tree, in tree order",
        querystring: ZListQuery,
        response: { 200: zPage(ZOrg), ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      const { items, total } = await listOrgsInScope(deps.db, actor, req.query);
      return { items: items.map(presentOrg), total, page: req.query.page, pageSize: req.query.pageSize };
    },
  );

  r.get(
    '/api/orgs/:id',
    {
      schema: { tags, summary: 'One org', params: ZIdParams, response: { 200: ZOrg, ...errorResponses } },
    },
    async (req) => presentOrg(await getOrg(deps.db, requireActor(req, 'staff'), req.params.id)),
  );

  r.post(
    '/api/orgs',
    {
      schema: { tags, summary: 'Create a child org', body: ZCreateOrg, response: { 201: ZOrg, ...errorResponses } },
    },
    async (req, reply) => {
      const actor = requireActor(req, 'staff');
      const { parentId, ...input } = req.body;
      const created = await inTransaction(deps, req, (tx, env) => createOrg(tx, env, actor, parentId, input));
      return reply.code(201).send(presentOrg(created));
    },
  );

  r.patch(
    '/api/orgs/:id',
    {
      schema: {
        tags,
        summary: 'Edit, close or reopen an org',
        params: ZIdParams,
        body: ZPatchOrg,
        response: { 200: ZOrg, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      return presentOrg(
        await inTransaction(deps, req, (tx, env) => updateOrg(tx, env, actor, req.params.id, req.body)),
      );
    },
  );

  r.post(
    '/api/orgs/:id/move',
    {
      schema: {
        tags,
        summary: 'Move an org and its subtree under another parent',
        params: ZIdParams,
        body: z.strictObject({ parentId: ZId }),
        response: { 200: ZOrg, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      return presentOrg(
        await inTransaction(deps, req, (tx, env) => moveOrg(tx, env, actor, req.params.id, req.body.parentId)),
      );
    },
  );

  r.delete(
    '/api/orgs/:id',
    {
      schema: {
        tags,
        summary: 'Delete an empty org (others can only be closed)',
        params: ZIdParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req, 'staff');
      await inTransaction(deps, req, (tx, env) => deleteOrg(tx, env, actor, req.params.id));
      return reply.code(204).send(null);
    },
  );
}
