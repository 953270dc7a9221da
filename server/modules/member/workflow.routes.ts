import { and, asc, eq, ilike, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hasPermission } from '../../kernel/access.js';
import { inTransaction, requireActor } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors.js';
import { escapeLike } from '../../kernel/db.js';
import { errorResponses, ZId, ZIdParams, zPage, ZPageQuery } from '../../kernel/http.js';
import QRCode from 'qrcode';
import { getOrg, orgRef } from '../org/index.js';
import { verifyCard } from './card.service.js';
import { approveCorrection, listCorrections, rejectCorrection } from './correction.service.js';
import { approveJoin, listJoins, rejectJoin } from './join.service.js';
import { loadMember } from './member.service.js';
import { REQUEST_STATUSES } from './member.schema.js';
import {
  approveTransfer,
  getTransferView,
  listTransfers,
  rejectTransfer,
  requestTransfer,
} from './transfer.service.js';

// The staff side of the member flows: join approvals, transfers, corrections; the union directory
// and card verification.

export const ZJoinRequest = z
  .object({
    id: z.number().int(),
    orgId: z.number().int(),
    orgName: z.string(),
    name: z.string(),
    idNumber: z.string(),
    phone: z.string().nullable(),
    jobType: z.string(),
    employer: z.string().nullable(),
    channel: z.string(),
    status: z.enum(REQUEST_STATUSES),
    reason: z.string().nullable(),
    createdAt: z.iso.datetime(),
    decidedAt: z.iso.datetime().nullable(),
    memberId: z.number().int().nullable(),
  })
  .meta({ id: 'JoinRequest' });

export const ZTransfer = z
  .object({
    id: z.number().int(),
    memberId: z.number().int(),
    memberName: z.string(),
    idNumber: z.string(),
    fromOrgId: z.number().int(),
    fromOrgName: z.string(),
    toOrgId: z.number().int(),
    toOrgName: z.string(),
    status: z.enum(['pending_out', 'pending_in', 'completed', 'rejected', 'cancelled']),
    reason: z.string().nullable(),
    rejectReason: z.string().nullable(),
    createdAt: z.iso.datetime(),
    outDecidedAt: z.iso.datetime().nullable(),
    inDecidedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Transfer' });

export const ZCorrection = z
  .object({
    id: z.number().int(),
    memberId: z.number().int(),
    memberName: z.string(),
    orgId: z.number().int(),
    orgName: z.string(),
    changes: z.record(z.string(), z.unknown()),
    note: z.string().nullable(),
    status: z.enum(REQUEST_STATUSES),
    reason: z.string().nullable(),
    createdAt: z.iso.datetime(),
    decidedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Correction' });

const ZReason = z.strictObject({ reason: z.string().trim().min(2, 'reason.required').max(200) });
const ok204 = { 204: z.null(), ...errorResponses };
const parentOrg = alias(orgRef, 'parent_org');

export async function memberWorkflowRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deps } = app;

  r.get(
    '/api/join-requests',
    {
      schema: {
        tags: ['members'],
        summary: 'Join requests to unions in scope',
        querystring: z.strictObject({ status: z.enum(REQUEST_STATUSES).optional(), ...ZPageQuery }),
        response: { 200: zPage(ZJoinRequest), ...errorResponses },
      },
    },
    async (req) => {
      const { items, total } = await listJoins(deps.db, deps.crypto, requireActor(req, 'staff'), req.query);
      return { items, total, page: req.query.page, pageSize: req.query.pageSize };
    },
  );

  r.post(
    '/api/join-requests/:id/approve',
    {
      schema: {
        tags: ['members'],
        summary: 'Approve a join request: the member record is created',
        params: ZIdParams,
        response: { 200: ZJoinRequest, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      const done = await inTransaction(deps, req, (tx, env) => approveJoin(tx, env, actor, req.params.id));
      void deps.outbox.kick();
      return done;
    },
  );

  r.post(
    '/api/join-requests/:id/reject',
    {
      schema: {
        tags: ['members'],
        summary: 'Reject a join request with a reason',
        params: ZIdParams,
        body: ZReason,
        response: { 200: ZJoinRequest, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      const done = await inTransaction(deps, req, (tx, env) =>
        rejectJoin(tx, env, actor, req.params.id, req.body.reason),
      );
      void deps.outbox.kick();
      return done;
    },
  );

  r.get(
    '/api/transfers',
    {
      schema: {
        tags: ['members'],
        summary: 'Transfers out of (direction=out) or into (direction=in) unions in scope',
        querystring: z.strictObject({
          direction: z.enum(['in', 'out']).optional(),
          status: ZTransfer.shape.status.optional(),
          ...ZPageQuery,
        }),
        response: { 200: zPage(ZTransfer), ...errorResponses },
      },
    },
    async (req) => {
      const { items, total } = await listTransfers(deps.db, deps.crypto, requireActor(req, 'staff'), req.query);
      return { items, total, page: req.query.page, pageSize: req.query.pageSize };
    },
  );

  r.post(
    '/api/transfers',
    {
      schema: {
        tags: ['members'],
        summary: "Start a member's transfer to another union (officer of the member's union)",
        body: z.strictObject({ memberId: ZId, toOrgId: ZId, reason: z.string().trim().max(200).optional() }),
        response: { 201: ZTransfer, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req, 'staff');
      const id = await inTransaction(deps, req, async (tx, env) => {
        const { m } = await loadMember(tx, actor, req.body.memberId, 'member:transfer:review');
        return requestTransfer(tx, env, m, req.body.toOrgId, req.body.reason ?? null);
      });
      return reply.code(201).send(await getTransferView(deps.db, deps.crypto, id));
    },
  );

  r.post(
    '/api/transfers/:id/approve',
    {
      schema: {
        tags: ['members'],
        summary: 'Approve the release (old union) or the intake (new union)',
        params: ZIdParams,
        response: { 200: ZTransfer, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      await inTransaction(deps, req, (tx, env) => approveTransfer(tx, env, actor, req.params.id));
      void deps.outbox.kick();
      return getTransferView(deps.db, deps.crypto, req.params.id);
    },
  );

  r.post(
    '/api/transfers/:id/reject',
    {
      schema: {
        tags: ['members'],
        summary: 'Reject the step that is yours to decide',
        params: ZIdParams,
        body: ZReason,
        response: { 200: ZTransfer, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      await inTransaction(deps, req, (tx, env) => rejectTransfer(tx, env, actor, req.params.id, req.body.reason));
      void deps.outbox.kick();
      return getTransferView(deps.db, deps.crypto, req.params.id);
    },
  );

  r.get(
    '/api/corrections',
    {
      schema: {
        tags: ['members'],
        summary: 'Correction requests of members in scope',
        querystring: z.strictObject({ status: z.enum(REQUEST_STATUSES).optional(), ...ZPageQuery }),
        response: { 200: zPage(ZCorrection), ...errorResponses },
      },
    },
    async (req) => {
      const { items, total } = await listCorrections(deps.db, deps.crypto, requireActor(req, 'staff'), req.query);
      return { items, total, page: req.query.page, pageSize: req.query.pageSize };
    },
  );

  r.post(
    '/api/corrections/:id/approve',
    {
      schema: { tags: ['members'], summary: 'Apply a requested correction', params: ZIdParams, response: ok204 },
    },
    async (req, reply) => {
      const actor = requireActor(req, 'staff');
      await inTransaction(deps, req, (tx, env) => approveCorrection(tx, env, actor, req.params.id));
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/corrections/:id/reject',
    {
      schema: {
        tags: ['members'],
        summary: 'Refuse a requested correction',
        params: ZIdParams,
        body: ZReason,
        response: ok204,
      },
    },
    async (req, reply) => {
      const actor = requireActor(req, 'staff');
      await inTransaction(deps, req, (tx, env) => rejectCorrection(tx, env, actor, req.params.id, req.body.reason));
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/api/unions',
    {
      schema: {
        tags: ['members'],
        summary: 'Grassroots unions federation-wide by name or code (for joining and transfers)',
        querystring: z.strictObject({ q: z.string().trim().min(1).max(50) }),
        response: {
          200: z.object({
            items: z.array(
              z.object({ id: z.number().int(), name: z.string(), code: z.string(), parentName: z.string().nullable() }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      requireActor(req);
      const pattern = `%${escapeLike(req.query.q)}%`;
      const items = await deps.db
        .select({ id: orgRef.id, name: orgRef.name, code: orgRef.code, parentName: parentOrg.name })
        .from(orgRef)
        .leftJoin(parentOrg, eq(parentOrg.id, orgRef.parentId))
        .where(
          and(
            eq(orgRef.type, 'grassroots'),
            eq(orgRef.status, 'active'),
            or(ilike(orgRef.name, pattern), ilike(orgRef.code, pattern)),
          ),
        )
        .orderBy(asc(orgRef.name))
        .limit(20);
      return { items };
    },
  );

  r.get(
    '/api/unions/:id/invite',
    {
      schema: {
        tags: ['members'],
        summary: "A grassroots union's invite link and QR code for joining on the H5",
        params: ZIdParams,
        response: { 200: z.object({ code: z.string(), url: z.string(), qrDataUrl: z.string() }), ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      const o = await getOrg(deps.db, actor, req.params.id);
      if (o.type !== 'grassroots') throw new AppError('ORG_NOT_GRASSROOTS');
      // The link names the union by its public code; joining still needs the officer's approval.
      const origin = deps.config.publicOrigin ?? `${req.protocol}://${req.host}`;
      const url = `${origin}/h5/join?union=${encodeURIComponent(o.code)}`;
      return { code: o.code, url, qrDataUrl: await QRCode.toDataURL(url, { margin: 1, width: 280 }) };
    },
  );

  r.post(
    '/api/cards/verify',
    {
      schema: {
        tags: ['members'],
        summary: 'Check a member-card QR: a current member? (masked name and union only)',
        body: z.strictObject({ token: z.string().max(200) }),
        response: {
          200: z.object({
            valid: z.boolean(),
            name: z.string().optional(),
            orgName: z.string().optional(),
            status: z.string().optional(),
            cardNo: z.string().nullable().optional(),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      if (!hasPermission(actor, 'member:card:verify')) throw new AppError('FORBIDDEN');
      return verifyCard(deps.db, deps.crypto, req.body.token, deps.clock.now());
    },
  );
}
