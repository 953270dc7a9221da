import { and, count, desc, eq, gte, like, lte, or, sql, type SQL } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hasPermission, orgCondition, scopePaths, type Actor } from '../../kernel/access.js';
import { writeAudit } from '../../kernel/audit.js';
import { inTransaction, requireActor } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors.js';
import { escapeLike } from '../../kernel/db.js';
import { errorResponses, zPage, ZPageQuery } from '../../kernel/http.js';
import { auditLog, job } from '../../kernel/kernel.schema.js';

// Reading and verifying the audit log, and following jobs. The log itself is written by
// kernel/audit.ts inside each change's transaction.

const READ = 'audit:log:read';

const ZEntry = z
  .object({
    id: z.number().int(),
    at: z.iso.datetime(),
    actorId: z.number().int().nullable(),
    actorName: z.string().nullable(),
    orgId: z.number().int().nullable(),
    action: z.string(),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    ip: z.string().nullable(),
    requestId: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });

const ZJob = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    state: z.enum(['queued', 'running', 'succeeded', 'failed']),
    progress: z.number().int(),
    total: z.number().int().nullable(),
    result: z.unknown(),
    error: z.string().nullable(),
    createdAt: z.iso.datetime(),
    finishedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Job' });

const ZQuery = z
  .strictObject({
    actor: z.string().trim().max(64).optional(),
    action: z.string().trim().max(64).optional(),
    targetType: z.string().trim().max(32).optional(),
    targetId: z.string().trim().max(64).optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    ...ZPageQuery,
  })
  .refine((q) => !q.from || !q.to || new Date(q.from) <= new Date(q.to), { message: 'time.range', path: ['from'] });

/** Rows of orgs in scope; rows tied to no org (e.g. a failed sign-in of an unknown name) only for root-level readers. */
function visibleRows(actor: Actor): SQL {
  const root = scopePaths(actor, READ).some((p) => p.split('/').length === 3);
  const inScope = orgCondition(actor, READ, auditLog.orgId);
  return root ? (or(inScope, sql`${auditLog.orgId} is null`) ?? inScope) : inScope;
}

export async function auditRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deps } = app;

  r.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Search the audit log (newest first)',
        querystring: ZQuery,
        response: { 200: zPage(ZEntry), ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      if (!hasPermission(actor, READ)) throw new AppError('FORBIDDEN');
      const q = req.query;
      const conditions: SQL[] = [visibleRows(actor)];
      if (q.actor) {
        const byId = /^\d+$/.test(q.actor) ? eq(auditLog.actorId, Number(q.actor)) : undefined;
        conditions.push(byId ? (or(byId, eq(auditLog.actorName, q.actor)) ?? byId) : eq(auditLog.actorName, q.actor));
      }
      if (q.action) conditions.push(like(auditLog.action, `${escapeLike(q.action)}%`));
      if (q.targetType) conditions.push(eq(auditLog.targetType, q.targetType));
      if (q.targetId) conditions.push(eq(auditLog.targetId, q.targetId));
      if (q.from) conditions.push(gte(auditLog.at, new Date(q.from)));
      if (q.to) conditions.push(lte(auditLog.at, new Date(q.to)));
      const where = and(...conditions);
      const [total] = await deps.db.select({ n: count() }).from(auditLog).where(where);
      const found = await deps.db
        .select()
        .from(auditLog)
        .where(where)
        .orderBy(desc(auditLog.id))
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize);
      return {
        items: found.map(({ prevHash: _p, hash: _h, ...e }) => ({ ...e, at: e.at.toISOString() })),
        total: total?.n ?? 0,
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  );

  r.post(
    '/api/audit/verify',
    {
      schema: {
        tags: ['audit'],
        summary: 'Check the whole hash chain in the background',
        response: { 202: z.object({ jobId: z.uuid() }), ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req, 'staff');
      if (!hasPermission(actor, 'audit:log:verify')) throw new AppError('FORBIDDEN');
      const jobId = await inTransaction(deps, req, async (tx, env) => {
        const id = await deps.jobs.enqueue(tx, {
          kind: 'audit.verify',
          accountId: actor.accountId,
          orgId: actor.orgId,
        });
        await writeAudit(tx, env.crypto, env.source, {
          orgId: actor.orgId,
          action: 'audit.verify',
          targetType: 'job',
          targetId: id,
        });
        return id;
      });
      void deps.jobs.kick();
      return reply.code(202).send({ jobId });
    },
  );

  r.get(
    '/api/jobs/:id',
    {
      schema: {
        tags: ['jobs'],
        summary: 'Follow a background job you started',
        params: z.strictObject({ id: z.uuid() }),
        response: { 200: ZJob, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const [found] = await deps.db
        .select()
        .from(job)
        .where(and(eq(job.id, req.params.id), eq(job.accountId, actor.accountId)));
      if (!found) throw new AppError('NOT_FOUND');
      return {
        id: found.id,
        kind: found.kind,
        state: found.state,
        progress: found.progress,
        total: found.total,
        result: found.result,
        error: found.error,
        createdAt: found.createdAt.toISOString(),
        finishedAt: found.finishedAt?.toISOString() ?? null,
      };
    },
  );
}
