import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTransaction, requireActor } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors.js';
import { errorResponses, ZId, ZIdParams } from '../../kernel/http.js';
import { listPosts, returnFromAway, savePost } from './posts.service.js';
import { AWAY_REASONS } from './service.schema.js';

// AB post settings (the inbox is inbox.routes.ts).

const ZPost = z
  .object({
    accountId: z.number().int(),
    name: z.string(),
    orgId: z.number().int(),
    orgName: z.string(),
    backupId: z.number().int().nullable(),
    backupName: z.string().nullable(),
    awayFrom: z.iso.datetime().nullable(),
    awayUntil: z.iso.datetime().nullable(),
    awayReason: z.enum(AWAY_REASONS).nullable(),
    awayNote: z.string().nullable(),
    away: z.boolean(),
    coveredById: z.number().int().nullable(),
    coveredByName: z.string().nullable(),
    openCases: z.number().int(),
  })
  .meta({ id: 'ServicePost' });

const ZPostBody = z.strictObject({
  backupId: ZId.nullable(),
  away: z
    .strictObject({
      from: z.iso.datetime({ offset: true }),
      until: z.iso.datetime({ offset: true }),
      reason: z.enum(AWAY_REASONS),
      note: z.string().trim().max(200).optional(),
    })
    .refine((a) => Date.parse(a.from) < Date.parse(a.until), { message: 'time.range', path: ['until'] })
    .nullable(),
});

export async function postRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deps } = app;
  const tags = ['service-posts'];

  r.get(
    '/api/service-posts',
    {
      schema: {
        tags,
        summary: 'Case handlers in scope with their backup (B post) and away periods',
        querystring: z.strictObject({ orgId: ZId.optional() }),
        response: { 200: z.object({ items: z.array(ZPost) }), ...errorResponses },
      },
    },
    async (req) => ({ items: await listPosts(deps.db, requireActor(req, 'staff'), req.query.orgId, deps.clock.now()) }),
  );

  r.get(
    '/api/service-posts/cover',
    {
      schema: {
        tags,
        summary: 'Who covers whom now',
        response: { 200: z.object({ items: z.array(ZPost) }), ...errorResponses },
      },
    },
    async (req) => ({
      items: (await listPosts(deps.db, requireActor(req, 'staff'), undefined, deps.clock.now())).filter((p) => p.away),
    }),
  );

  const one = async (actorReq: Parameters<typeof requireActor>[0], accountId: number) => {
    const found = (await listPosts(deps.db, requireActor(actorReq, 'staff'), undefined, deps.clock.now())).find(
      (p) => p.accountId === accountId,
    );
    if (!found) throw new AppError('NOT_FOUND');
    return found;
  };

  r.put(
    '/api/service-posts/:id',
    {
      schema: {
        tags,
        summary: "Set a handler's backup and away period (applied at once)",
        params: ZIdParams,
        body: ZPostBody,
        response: { 200: ZPost, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      const { backupId, away } = req.body;
      await inTransaction(deps, req, (tx, env) =>
        savePost(tx, env, actor, req.params.id, {
          backupId,
          away: away
            ? { from: new Date(away.from), until: new Date(away.until), reason: away.reason, note: away.note ?? null }
            : null,
        }),
      );
      return one(req, req.params.id);
    },
  );

  r.post(
    '/api/service-posts/:id/return',
    {
      schema: {
        tags,
        summary: 'The handler is back: their cases return from the backup',
        params: ZIdParams,
        response: { 200: ZPost, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      await inTransaction(deps, req, (tx, env) => returnFromAway(tx, env, actor, req.params.id));
      return one(req, req.params.id);
    },
  );
}
