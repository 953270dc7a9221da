import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTransaction, requireActor } from '../../kernel/context.js';
import { errorResponses, ZId, ZIdParams, zPage, ZPageQuery } from '../../kernel/http.js';
import { ZGrant, ZPassword, ZPhone } from './auth.routes.js';
import { permissionCatalogue } from './permissions.js';
import { listRoles, setRoleMfa, type RoleRow } from './role.service.js';
import {
  addGrant,
  createStaff,
  getStaff,
  listStaff,
  removeGrant,
  resetStaffPassword,
  unlockStaff,
  updateStaff,
  type GrantView,
  type StaffView,
} from './staff.service.js';

const ZStaff = z
  .object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    phone: z.string().nullable().describe('masked'),
    orgId: z.number().int(),
    orgName: z.string(),
    status: z.enum(['active', 'disabled']),
    totpEnabled: z.boolean(),
    lockedUntil: z.iso.datetime().nullable(),
    lastLoginAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    grants: z.array(ZGrant),
    manageable: z
      .boolean()
      .describe(
        'the caller may edit, disable, enable, reset and unlock this account (not their own; every grant of it within their reach)',
      ),
    grantsManageable: z.boolean().describe("the caller may change this account's grants"),
  })
  .meta({ id: 'Staff' });

const ZRole = z
  .object({
    code: z.string(),
    name: z.string(),
    nameEn: z.string(),
    permissions: z.array(z.string()),
    mfaRequired: z.boolean(),
    builtin: z.boolean(),
  })
  .meta({ id: 'Role' });

const ZUsername = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._-]{3,32}$/, 'username.invalid');
const ZDisplayName = z.string().trim().min(1).max(50);

const iso = (d: Date | null) => d?.toISOString() ?? null;
const presentGrant = (g: GrantView) => ({ ...g, createdAt: g.createdAt.toISOString() });
const presentStaff = (s: StaffView) => ({
  ...s,
  lockedUntil: iso(s.lockedUntil),
  lastLoginAt: iso(s.lastLoginAt),
  createdAt: s.createdAt.toISOString(),
  grants: s.grants.map(presentGrant),
});
const presentRole = (r: RoleRow) => r;

export async function staffRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deps } = app;
  const tags = ['staff'];
  const ok204 = { 204: z.null(), ...errorResponses };

  r.get(
    '/api/staff',
    {
      schema: {
        tags,
        summary: 'Staff whose home org is in scope',
        querystring: z.strictObject({
          q: z.string().trim().max(64).optional(),
          orgId: ZId.optional(),
          status: z.enum(['active', 'disabled']).optional(),
          ...ZPageQuery,
        }),
        response: { 200: zPage(ZStaff), ...errorResponses },
      },
    },
    async (req) => {
      const { items, total } = await listStaff(deps.db, deps.crypto, requireActor(req, 'staff'), req.query);
      return { items: items.map(presentStaff), total, page: req.query.page, pageSize: req.query.pageSize };
    },
  );

  r.get(
    '/api/staff/:id',
    {
      schema: { tags, summary: 'One staff account', params: ZIdParams, response: { 200: ZStaff, ...errorResponses } },
    },
    async (req) => presentStaff(await getStaff(deps.db, deps.crypto, requireActor(req, 'staff'), req.params.id)),
  );

  r.post(
    '/api/staff',
    {
      schema: {
        tags,
        summary: 'Create a staff account',
        body: z.strictObject({
          username: ZUsername,
          displayName: ZDisplayName,
          orgId: ZId,
          password: ZPassword,
          phone: ZPhone.nullable().optional(),
        }),
        response: { 201: ZStaff, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req, 'staff');
      const id = await inTransaction(deps, req, (tx, env) => createStaff(tx, env, actor, req.body));
      return reply.code(201).send(presentStaff(await getStaff(deps.db, deps.crypto, actor, id)));
    },
  );

  r.patch(
    '/api/staff/:id',
    {
      schema: {
        tags,
        summary: 'Edit, disable or enable a staff account',
        params: ZIdParams,
        body: z.strictObject({
          displayName: ZDisplayName.optional(),
          phone: ZPhone.nullable().optional(),
          status: z.enum(['active', 'disabled']).optional(),
        }),
        response: { 200: ZStaff, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      await inTransaction(deps, req, (tx, env) => updateStaff(tx, env, deps.clock, actor, req.params.id, req.body));
      return presentStaff(await getStaff(deps.db, deps.crypto, actor, req.params.id));
    },
  );

  r.post(
    '/api/staff/:id/password',
    {
      schema: {
        tags,
        summary: "Reset a staff member's password (ends their sessions)",
        params: ZIdParams,
        body: z.strictObject({ newPassword: ZPassword }),
        response: ok204,
      },
    },
    async (req, reply) => {
      const actor = requireActor(req, 'staff');
      await inTransaction(deps, req, (tx, env) =>
        resetStaffPassword(tx, env, deps.clock, actor, req.params.id, req.body.newPassword),
      );
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/staff/:id/unlock',
    {
      schema: { tags, summary: 'Lift a sign-in lockout', params: ZIdParams, response: ok204 },
    },
    async (req, reply) => {
      const actor = requireActor(req, 'staff');
      await inTransaction(deps, req, (tx, env) => unlockStaff(tx, env, actor, req.params.id));
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/staff/:id/grants',
    {
      schema: {
        tags,
        summary: 'Grant a role at an org (reaches its subtree)',
        params: ZIdParams,
        body: z.strictObject({ roleCode: z.string().trim().min(1).max(64), orgId: ZId }),
        response: { 201: ZGrant, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req, 'staff');
      const grant = await inTransaction(deps, req, (tx, env) =>
        addGrant(tx, env, deps.clock, actor, req.params.id, req.body),
      );
      return reply.code(201).send(presentGrant(grant));
    },
  );

  r.delete(
    '/api/staff/:id/grants/:grantId',
    {
      schema: { tags, summary: 'Revoke a grant', params: z.strictObject({ id: ZId, grantId: ZId }), response: ok204 },
    },
    async (req, reply) => {
      const actor = requireActor(req, 'staff');
      await inTransaction(deps, req, (tx, env) =>
        removeGrant(tx, env, deps.clock, actor, req.params.id, req.params.grantId),
      );
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/api/roles',
    {
      schema: {
        tags,
        summary: 'Roles and their permissions',
        querystring: z.strictObject(ZPageQuery),
        response: { 200: zPage(ZRole), ...errorResponses },
      },
    },
    async (req) => {
      requireActor(req, 'staff');
      const all = await listRoles(deps.db);
      const { page, pageSize } = req.query;
      return {
        items: all.slice((page - 1) * pageSize, page * pageSize).map(presentRole),
        total: all.length,
        page,
        pageSize,
      };
    },
  );

  r.patch(
    '/api/roles/:code',
    {
      schema: {
        tags,
        summary: 'Require (or not) an authenticator for everyone holding a role',
        params: z.strictObject({ code: z.string().max(64) }),
        body: z.strictObject({ mfaRequired: z.boolean() }),
        response: { 200: ZRole, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      return presentRole(
        await inTransaction(deps, req, (tx, env) => setRoleMfa(tx, env, actor, req.params.code, req.body.mfaRequired)),
      );
    },
  );

  r.get(
    '/api/permissions',
    {
      schema: {
        tags,
        summary: 'Every permission with its labels',
        response: {
          200: z.object({ items: z.array(z.object({ code: z.string(), zh: z.string(), en: z.string() })) }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      requireActor(req, 'staff');
      return { items: [...permissionCatalogue()].map(([code, label]) => ({ code, ...label })) };
    },
  );
}
