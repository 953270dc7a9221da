import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assertOrgAccess } from '../../../kernel/access.js';
import { inTransaction, requireActor } from '../../../kernel/context.js';
import { errorResponses, ZId, ZIdParams, zPage, ZPageQuery } from '../../../kernel/http.js';
import { DONOR_KINDS, WISH_STATES } from './aid.schema.js';
import {
  board,
  claimAsMember,
  claimForDonor,
  fulfilWish,
  myWishes,
  postWish,
  publishWish,
  rejectWish,
  staffWishes,
  WISH_MANAGE,
  withdrawWish,
} from './wish.service.js';

const ZMyWish = z
  .object({
    id: z.number().int(),
    title: z.string(),
    story: z.string(),
    estimatedFen: z.number().int(),
    state: z.enum(WISH_STATES),
    reviewNote: z.string().nullable(),
    donorKind: z.enum(DONOR_KINDS).nullable(),
    donorName: z.string().nullable(),
    claimedAt: z.iso.datetime().nullable(),
    fulfilNote: z.string().nullable(),
    fulfilledAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'MyWish' });

/** What the board shows: never the worker's name, phone or union (only the area above it). */
export const ZBoardWish = z
  .object({
    id: z.number().int(),
    title: z.string(),
    story: z.string(),
    estimatedFen: z.number().int(),
    state: z.enum(WISH_STATES),
    area: z.string().describe("the org above the worker's union"),
    publishedAt: z.iso.datetime().nullable(),
    donorKind: z.enum(DONOR_KINDS).nullable(),
    donorName: z.string().nullable(),
    claimedAt: z.iso.datetime().nullable(),
    fulfilledAt: z.iso.datetime().nullable(),
    mine: z.boolean(),
  })
  .meta({ id: 'BoardWish' });

const ZStaffWish = z
  .object({
    id: z.number().int(),
    orgId: z.number().int(),
    orgName: z.string(),
    posterName: z.string().nullable().describe('masked'),
    title: z.string(),
    story: z.string(),
    estimatedFen: z.number().int(),
    state: z.enum(WISH_STATES),
    reviewNote: z.string().nullable(),
    donorKind: z.enum(DONOR_KINDS).nullable(),
    donorName: z.string().nullable(),
    claimedAt: z.iso.datetime().nullable(),
    fulfilNote: z.string().nullable(),
    fulfilledAt: z.iso.datetime().nullable(),
    publishedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'StaffWish' });

const title = z.string().trim().min(2).max(40);
const story = z.string().trim().min(10).max(500);
const reason = z.string().trim().min(2, 'reason.required').max(500);
const ok = z.object({ ok: z.literal(true) });

export async function wishRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deps } = app;
  const tags = ['wishes'];

  // --- the worker (H5) ---

  r.post(
    '/api/me/wishes',
    {
      schema: {
        tags,
        summary: 'Post a small wish (微心愿); it is published anonymously after review',
        body: z.strictObject({ title, story, estimatedFen: z.number().int().min(100).max(500_000) }),
        response: { 201: ZMyWish, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req, 'member');
      const id = await inTransaction(deps, req, (tx, env) => postWish(tx, env, actor, req.body));
      const mine = await myWishes(deps.db, actor);
      const posted = mine.find((w) => w.id === id);
      if (!posted) throw new Error("the posted wish is not among the member's wishes");
      return reply.code(201).send(posted);
    },
  );

  r.get(
    '/api/me/wishes',
    {
      schema: {
        tags,
        summary: 'My wishes and who claimed them',
        response: { 200: z.object({ items: z.array(ZMyWish) }), ...errorResponses },
      },
    },
    async (req) => ({ items: await myWishes(deps.db, requireActor(req, 'member')) }),
  );

  r.post(
    '/api/me/wishes/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw my wish before it is claimed',
        params: ZIdParams,
        response: { 200: ok, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'member');
      await inTransaction(deps, req, (tx, env) => withdrawWish(tx, env, actor, req.params.id));
      return { ok: true as const };
    },
  );

  // --- the board (anyone, signed in or not) ---

  r.get(
    '/api/wishes',
    {
      schema: {
        tags,
        summary: 'The 微心愿 board: published, claimed and fulfilled wishes, anonymous',
        querystring: z.strictObject({ state: z.enum(['published', 'claimed', 'fulfilled']).optional(), ...ZPageQuery }),
        response: { 200: zPage(ZBoardWish), ...errorResponses },
      },
    },
    async (req) => {
      const actor = req.session?.actor.sessionState === 'active' ? req.session.actor : null;
      return { ...(await board(deps.db, actor, req.query)), page: req.query.page, pageSize: req.query.pageSize };
    },
  );

  r.post(
    '/api/wishes/:id/claim',
    {
      schema: {
        tags,
        summary: "Claim a published wish as a member donor (not one's own)",
        params: ZIdParams,
        response: { 200: ok, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'member');
      await inTransaction(deps, req, (tx, env) => claimAsMember(tx, env, actor, req.params.id));
      return { ok: true as const };
    },
  );

  // --- staff of the worker's union ---

  r.get(
    '/api/assistance/wishes',
    {
      schema: {
        tags,
        summary:
          'Wishes of the unions in scope, for review, claiming on behalf of a donor and fulfilment (poster masked)',
        querystring: z.strictObject({ state: z.enum(WISH_STATES).optional(), orgId: ZId.optional(), ...ZPageQuery }),
        response: { 200: zPage(ZStaffWish), ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      const { orgId, ...q } = req.query;
      const orgPath = orgId ? await assertOrgAccess(deps.db, actor, WISH_MANAGE, orgId, WISH_MANAGE) : undefined;
      return { ...(await staffWishes(deps.db, actor, { ...q, orgPath })), page: q.page, pageSize: q.pageSize };
    },
  );

  r.post(
    '/api/assistance/wishes/:id/publish',
    {
      schema: {
        tags,
        summary: 'Publish a submitted wish (optionally with its text edited to keep it anonymous)',
        params: ZIdParams,
        body: z.strictObject({ title: title.optional(), story: story.optional() }).optional(),
        response: { 200: ok, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      await inTransaction(deps, req, (tx, env) => publishWish(tx, env, actor, req.params.id, req.body ?? {}));
      return { ok: true as const };
    },
  );

  r.post(
    '/api/assistance/wishes/:id/reject',
    {
      schema: {
        tags,
        summary: 'Decline a submitted wish with a reason the worker sees',
        params: ZIdParams,
        body: z.strictObject({ reason }),
        response: { 200: ok, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      await inTransaction(deps, req, (tx, env) => rejectWish(tx, env, actor, req.params.id, req.body.reason));
      return { ok: true as const };
    },
  );

  r.post(
    '/api/assistance/wishes/:id/claim',
    {
      schema: {
        tags,
        summary: 'Claim a published wish on behalf of an org or a partner',
        params: ZIdParams,
        body: z.strictObject({ donorKind: z.enum(['org', 'partner']), donorName: z.string().trim().min(2).max(60) }),
        response: { 200: ok, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      await inTransaction(deps, req, (tx, env) => claimForDonor(tx, env, actor, req.params.id, req.body));
      return { ok: true as const };
    },
  );

  r.post(
    '/api/assistance/wishes/:id/fulfil',
    {
      schema: {
        tags,
        summary: 'Record that a claimed wish was fulfilled',
        params: ZIdParams,
        body: z.strictObject({ note: z.string().trim().min(2).max(500) }),
        response: { 200: ok, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      await inTransaction(deps, req, (tx, env) => fulfilWish(tx, env, actor, req.params.id, req.body.note));
      return { ok: true as const };
    },
  );
}
