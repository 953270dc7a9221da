import multipart from '@fastify/multipart';
import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OutOfScopeError } from '../../kernel/access.js';
import { inTransaction, requireActor } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors.js';
import { errorResponses, ZIdParams } from '../../kernel/http.js';
import { CASE_HANDLE, loadCase } from './case.access.js';
import { recordStep } from './case.events.js';
import { presentFile } from './case.query.js';
import { ALLOWED } from './case.transitions.js';
import { MAX_FILE_BYTES, readCaseFile, storeUpload } from './files.js';
import { ZAttachment } from './case.routes.js';
import { caseFile, serviceCase } from './service.schema.js';

// Attachments: upload (before submitting, for a form's attachment field; or onto a case) and download.

export async function caseFileRoutes(app: FastifyInstance): Promise<void> {
  const { deps } = app;
  await app.register(multipart, {
    throwFileSizeLimit: true,
    limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 0, parts: 2, headerPairs: 50 },
  });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['cases'];
  const upload = { consumes: ['multipart/form-data'], response: { 201: ZAttachment, ...errorResponses } };

  const receive = async (req: FastifyRequest) => {
    if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
    const part = await req.file().catch(() => undefined);
    if (!part || part.fieldname !== 'file')
      throw new AppError('VALIDATION_FAILED', [{ path: 'file', message: 'file.missing' }]);
    return storeUpload(deps.config.dataDir, deps.crypto, part);
  };

  r.post(
    '/api/case-files',
    {
      schema: {
        tags,
        summary: "Upload a file for a form's attachment field (JPG, PNG, WebP, PDF; ≤ 10 MB)",
        ...upload,
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const stored = await receive(req);
      const [row] = await deps.db
        .insert(caseFile)
        .values({ ...stored, uploaderId: actor.accountId, createdAt: deps.clock.now() })
        .returning();
      if (!row) throw new Error('file insert returned no row');
      return reply.code(201).send(presentFile(row));
    },
  );

  r.post(
    '/api/cases/:id/attachments',
    {
      schema: { tags, summary: 'Add a file to an open case (its member, or a handler)', params: ZIdParams, ...upload },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const l = await loadCase(deps.db, actor, req.params.id, actor.kind === 'member' ? undefined : CASE_HANDLE);
      if (!ALLOWED.withdraw.includes(l.c.state))
        throw new AppError('CASE_STATE', [{ path: 'state', message: l.c.state }]);
      const stored = await receive(req);
      const row = await inTransaction(deps, req, async (tx, env) => {
        const [f] = await tx
          .insert(caseFile)
          .values({ ...stored, caseId: l.c.id, uploaderId: actor.accountId, createdAt: env.source.at })
          .returning();
        await tx.update(serviceCase).set({ updatedAt: env.source.at }).where(eq(serviceCase.id, l.c.id));
        await recordStep(tx, env, actor.kind === 'member' ? 'member' : 'staff', l.c, {
          kind: 'attachment',
          note: stored.fileName,
          audit: { fileId: f?.id },
        });
        return f;
      });
      if (!row) throw new Error('file insert returned no row');
      return reply.code(201).send(presentFile(row));
    },
  );

  r.get(
    '/api/case-files/:id',
    {
      schema: {
        tags,
        summary: 'Download a file (only for who may see its case, or its uploader before it is attached)',
        params: ZIdParams,
        response: {
          200: {
            description: 'The file',
            content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } },
          },
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const [f] = await deps.db.select().from(caseFile).where(eq(caseFile.id, req.params.id));
      if (!f) throw new AppError('NOT_FOUND');
      if (f.caseId) await loadCase(deps.db, actor, f.caseId);
      else if (f.uploaderId !== actor.accountId) throw new OutOfScopeError('case_file', String(f.id));
      const bytes = await readCaseFile(deps.config.dataDir, deps.crypto, f.storageKey);
      if (!bytes) throw new AppError('NOT_FOUND');
      const raw: FastifyReply = reply; // bytes, sent as they are
      return raw
        .type(f.contentType)
        .header(
          'content-disposition',
          `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(f.fileName)}`,
        )
        .send(bytes);
    },
  );
}
