import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import multipart from '@fastify/multipart';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hasPermission, type Actor, type Permission } from '../../kernel/access.js';
import { auditSource, requireActor } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors.js';
import { assertStorableText, badText } from '../../kernel/input.js';
import { errorResponses, langOf, ZErrorBody } from '../../kernel/http.js';
import { job } from '../../kernel/kernel.schema.js';
import { auditFilters, exportMembers } from './export.js';
import { readSealed } from '../../kernel/files.js';
import { IMPORT_JOB, type ImportParams } from './import/job.js';
import { errorFileCutoff } from './import/sweep.js';
import { errorFilePath, importDir, importLimits, uploadPath } from './import/limits.js';
import { sniffUpload } from './import/sniff.js';
import { buildTemplate } from './import/template.js';
import { FileRejected } from './import/zip.js';
import { memberFilterQuery, resolveMemberFilter } from './member.routes.js';

// HTTP for Excel in and out: the template, the import (upload → job), the file of bad rows, and
// the export. Binary answers are Buffers or streams, which Fastify sends as they are (the
// response schema is documentation only).

const IMPORT = 'member:member:import';
const EXPORT = 'member:member:export';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ZFile = z.string().meta({ description: 'An .xlsx file', format: 'binary' });
const fileResponses = {
  200: { description: 'An .xlsx file', content: { [XLSX]: { schema: ZFile } } },
  ...errorResponses,
};

/** attachment; with an ASCII fallback and the real (Chinese) name per RFC 5987. */
function download(reply: FastifyReply, name: string, ascii: string): FastifyReply {
  return reply
    .type(XLSX)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`);
}

function requirePermission(actor: Actor, permission: Permission): void {
  if (!hasPermission(actor, permission)) throw new AppError('FORBIDDEN');
}

const day = (d: Date) => d.toISOString().slice(0, 10).replaceAll('-', '');

export async function memberImportRoutes(app: FastifyInstance): Promise<void> {
  const { deps } = app;
  // Registered here, not app-wide: only this plugin's routes accept multipart bodies. One file,
  // a few small fields, and the size cap enforced while the upload streams to disk.
  await app.register(multipart, {
    throwFileSizeLimit: true,
    limits: { fileSize: importLimits.maxUploadBytes, files: 1, fields: 5, fieldSize: 1024, parts: 10, headerPairs: 50 },
  });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['members'];

  r.get(
    '/api/members/import-template',
    {
      schema: {
        tags,
        summary: 'The .xlsx template for a member import (columns, drop-downs, 填写说明)',
        response: fileResponses,
      },
    },
    async (req, reply) => {
      requirePermission(requireActor(req, 'staff'), IMPORT);
      return download(reply, '会员导入模板.xlsx', 'member-import-template.xlsx').send(await buildTemplate());
    },
  );

  r.post(
    '/api/members/import',
    {
      schema: {
        tags,
        summary: 'Import members from an .xlsx or CSV (multipart field "file"); answers 202 with the job to follow',
        consumes: ['multipart/form-data'],
        response: { 202: z.object({ jobId: z.uuid() }), 413: ZErrorBody, 415: ZErrorBody, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req, 'staff');
      requirePermission(actor, IMPORT);
      if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      // Per request, so the cap in importLimits is the one in force (tests lower it).
      const part = await req.file({ limits: { fileSize: importLimits.maxUploadBytes } }).catch(() => undefined);
      if (!part || part.fieldname !== 'file') {
        part?.file.resume();
        throw new AppError('IMPORT_FILE_REJECTED', [{ path: 'file', message: 'import.file.missing' }]);
      }
      if (badText(part.filename)) {
        part.file.resume();
        assertStorableText(part.filename, 'file');
      }
      const uploadId = randomUUID();
      const file = uploadPath(deps.config, uploadId);
      fs.mkdirSync(importDir(deps.config), { recursive: true, mode: 0o700 });
      let jobId: string;
      try {
        await pipeline(part.file, fs.createWriteStream(file, { mode: 0o600 })).catch((err: unknown) => {
          const tooLarge = typeof err === 'object' && err !== null && 'statusCode' in err && err.statusCode === 413;
          throw tooLarge ? new AppError('IMPORT_TOO_LARGE') : new AppError('BAD_REQUEST');
        });
        // At the cap busboy stops writing and marks the stream truncated: the rest is never stored.
        if (part.file.truncated) throw new AppError('IMPORT_TOO_LARGE');
        const fileName = (part.filename || 'upload').slice(0, 200);
        const source = sniffUpload(file, fileName);
        const params: ImportParams = {
          upload: uploadId,
          source,
          fileName,
          lang: langOf(req),
          scopeOrgIds: actor.grants.filter((g) => g.permissions.includes(IMPORT)).map((g) => g.orgId),
          homeOrgId: actor.orgId,
          actor: (({ actorId, actorName, ip, requestId }) => ({
            actorId: actorId ?? actor.accountId,
            actorName,
            ip,
            requestId,
          }))(auditSource(req, deps.clock)),
        };
        jobId = await deps.jobs.enqueue(deps.db, {
          kind: IMPORT_JOB,
          params,
          accountId: actor.accountId,
          orgId: actor.orgId,
        });
      } catch (err) {
        fs.rmSync(file, { force: true });
        if (err instanceof FileRejected)
          throw new AppError('IMPORT_FILE_REJECTED', [{ path: 'file', message: `import.file.${err.reason}` }]);
        throw err;
      }
      void deps.jobs.kick();
      return reply.code(202).send({ jobId });
    },
  );

  r.get(
    '/api/members/import/:jobId/errors',
    {
      schema: {
        tags,
        summary: 'The bad rows of an import you started, with the reason beside each bad cell',
        params: z.strictObject({ jobId: z.uuid() }),
        response: { ...fileResponses, 410: ZErrorBody },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req, 'staff');
      requirePermission(actor, IMPORT);
      const [found] = await deps.db
        .select({ result: job.result, finishedAt: job.finishedAt })
        .from(job)
        .where(
          and(
            eq(job.id, req.params.jobId),
            eq(job.kind, IMPORT_JOB),
            eq(job.accountId, actor.accountId),
            eq(job.state, 'succeeded'),
          ),
        );
      const result = found?.result;
      if (!result || typeof result !== 'object' || !('errorFile' in result) || !result.errorFile)
        throw new AppError('NOT_FOUND');
      // Past its retention (or already swept): gone for good, and said so.
      const expired = !found.finishedAt || found.finishedAt < errorFileCutoff(deps);
      const bytes = expired ? null : await readSealed(deps.crypto, errorFilePath(deps.config, req.params.jobId));
      if (!bytes) throw new AppError('IMPORT_ERRORS_EXPIRED');
      return download(reply, '导入错误行.xlsx', 'import-errors.xlsx').send(bytes);
    },
  );

  r.get(
    '/api/members/export',
    {
      schema: {
        tags,
        summary: 'The roster in scope as an .xlsx (same filters as the list; ID numbers and phones masked; audited)',
        querystring: z.strictObject(memberFilterQuery),
        response: fileResponses,
      },
    },
    async (req, reply) => {
      const actor = requireActor(req, 'staff');
      requirePermission(actor, EXPORT);
      const filter = await resolveMemberFilter(deps, actor, req.query);
      const today = deps.clock.now();
      const stream = await exportMembers(
        {
          db: deps.db,
          crypto: deps.crypto,
          actor,
          filter,
          filters: auditFilters(req.query, filter),
          source: auditSource(req, deps.clock),
          today,
        },
        (err) => req.log.error({ err }, 'member export failed'),
      );
      return download(reply, `会员名册-${day(today)}.xlsx`, `members-${day(today)}.xlsx`).send(stream);
    },
  );
}
