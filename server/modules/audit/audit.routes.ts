import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hasPermission } from '../../kernel/access.js';
import { auditActionCatalogue } from '../../kernel/audit-labels.js';
import { writeAudit } from '../../kernel/audit.js';
import { inTransaction, requireActor } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors.js';
import { errorResponses, langOf, zCommaList, zPage, ZPageQuery } from '../../kernel/http.js';
import { job } from '../../kernel/kernel.schema.js';
import { READ, searchAudit } from './audit.query.js';

// Reading and verifying the audit log, and following jobs. The log itself is written by
// kernel/audit.ts inside each change's transaction.

const ZEntry = z
  .object({
    id: z.number().int(),
    at: z.iso.datetime(),
    actorId: z.number().int().nullable(),
    /** The operator's display name (the recorded name where no account stands behind the row). */
    actorName: z.string().nullable(),
    /** The name recorded in the row: the login at the time, or 匿名职工. */
    actorUsername: z.string().nullable(),
    orgId: z.number().int().nullable(),
    orgName: z.string().nullable(),
    action: z.string(),
    actionLabel: z.string(),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    /** A case by its 工单号, a member by name, an org by name; else `帮扶记录 #12`. */
    targetLabel: z.string().nullable(),
    /** The console path that shows the target, where there is one. */
    targetLink: z.string().nullable(),
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

function zQuery() {
  const codes = [...auditActionCatalogue().keys()];
  return z
    .strictObject({
      /** Account id, recorded login, or a staff member's login or display name. */
      actor: z.string().trim().max(64).optional(),
      /** A code prefix (`case.`): kept for scripts; the console sends `actions`. */
      action: z.string().trim().max(64).optional(),
      /** Exact action codes, comma-separated. */
      actions: zCommaList(codes, 2000, 'audit.action.unknown').optional(),
      targetType: z.string().trim().max(32).optional(),
      targetId: z.string().trim().max(64).optional(),
      /** What a person calls the target: a 工单号, a member's name or card number, or an id. */
      target: z.string().trim().max(64).optional(),
      from: z.iso.datetime({ offset: true }).optional(),
      to: z.iso.datetime({ offset: true }).optional(),
      ...ZPageQuery,
    })
    .refine((q) => !q.from || !q.to || new Date(q.from) <= new Date(q.to), { message: 'time.range', path: ['from'] });
}

const ZAction = z
  .object({ code: z.string(), module: z.string(), zh: z.string(), en: z.string() })
  .meta({ id: 'AuditAction' });

export async function auditRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deps } = app;

  r.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Search the audit log (newest first)',
        querystring: zQuery(),
        response: { 200: zPage(ZEntry), ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      if (!hasPermission(actor, READ)) throw new AppError('FORBIDDEN');
      return searchAudit(req.query, { db: deps.db, crypto: deps.crypto, reader: actor }, langOf(req));
    },
  );

  r.get(
    '/api/audit/actions',
    {
      schema: {
        tags: ['audit'],
        summary: 'Every audit action with its labels (the filter list)',
        response: { 200: z.object({ items: z.array(ZAction) }), ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      if (!hasPermission(actor, READ)) throw new AppError('FORBIDDEN');
      return {
        items: [...auditActionCatalogue()].map(([code, l]) => ({ code, module: l.module, zh: l.zh, en: l.en })),
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
