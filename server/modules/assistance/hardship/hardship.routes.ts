import multipart from '@fastify/multipart';
import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assertOrgAccess, OutOfScopeError, type Actor } from '../../../kernel/access.js';
import { writeAudit } from '../../../kernel/audit.js';
import { auditSource, inTransaction, requireActor, type TxEnv } from '../../../kernel/context.js';
import type { Db } from '../../../kernel/db.js';
import { AppError } from '../../../kernel/errors.js';
import { errorResponses, zCommaList, ZId, ZIdParams, zPage, ZPageQuery } from '../../../kernel/http.js';
import { ZDate } from '../../member/index.js';
import { orgRef } from '../../org/index.js';
import { loadCase, MAX_FILE_BYTES } from '../../service/index.js';
import { readEvidence, storeEvidence } from './evidence.js';
import { FILE_HANDLE, FILE_READ, LINE_MANAGE, loadFile, memberInScope } from './hardship.access.js';
import { exportFiles, listFiles, presentFile, type FileFilter } from './hardship.query.js';
import { CAUSES_ZH_HINT, ZFile, ZFileListItem, ZLineView } from './hardship.zod.js';
import {
  ALLOWED,
  CONSENT_SCOPES,
  CONSENT_VERSION,
  exitFile,
  fileIt,
  openDraftFile,
  recordConsent,
  recordEvent,
  recordVisit,
  reopenFile,
  requireConsent,
  reviewFile,
  submitFile,
  updateFile,
} from './hardship.service.js';
import {
  EXIT_REASONS,
  FILE_STATES,
  HARDSHIP_CATEGORIES,
  hardshipEvidence,
  hardshipFile,
  hardshipView,
  INCOME_BANDS,
} from './hardship.schema.js';
import { effectiveLine, ownLine, setLine } from './lines.js';
import { ZCauses, ZSensitiveInput } from './rules.js';

// Staff routes for hardship files: local lines, consent from a signed form, the list and its
// export, the detail (every view recorded), the draft's data, one route per transition, evidence.

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const note = z.string().trim().max(1000).optional();

export const ZExit = z
  .strictObject({
    reason: z.enum(EXIT_REASONS),
    note: z.string().trim().max(500).optional(),
    monthsAboveLine: z.number().int().min(1).max(120).optional(),
  })
  .refine((e) => e.reason !== 'income_above_line' || e.monthsAboveLine !== undefined, {
    path: ['monthsAboveLine'],
    message: 'hardship.exit.months',
  });

const fileFilterQuery = {
  state: zCommaList(FILE_STATES, 100, 'hardship.state').optional(),
  category: z.enum(HARDSHIP_CATEGORIES).optional(),
  incomeBand: z.enum(INCOME_BANDS).optional(),
  orgId: ZId.optional(),
  reviewOverdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  q: z.string().trim().max(40).optional(),
  sort: z.enum(['updatedAt', 'reviewDue', 'createdAt']).optional(),
};

export async function hardshipRoutes(app: FastifyInstance): Promise<void> {
  const { deps } = app;
  await app.register(multipart, {
    throwFileSizeLimit: true,
    limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 0, parts: 2, headerPairs: 50 },
  });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['hardship'];
  const staff = (req: FastifyRequest) => requireActor(req, 'staff');

  const filter = async (actor: Actor, q: { orgId?: number } & Omit<FileFilter, 'orgPath'>): Promise<FileFilter> => {
    const { orgId, ...rest } = q;
    return {
      ...rest,
      ...(orgId ? { orgPath: await assertOrgAccess(deps.db, actor, FILE_READ, orgId, FILE_READ) } : {}),
    };
  };

  /** The detail; a view by staff records a hardship_view row and an audit row first. */
  const detail = async (req: FastifyRequest, actor: Actor, id: number) => {
    const l = await loadFile(deps.db, actor, id);
    await inTransaction(deps, req, async (tx, env) => {
      const [o] = actor.orgId
        ? await tx.select({ name: orgRef.name }).from(orgRef).where(eq(orgRef.id, actor.orgId))
        : [];
      await tx.insert(hardshipView).values({
        fileId: id,
        accountId: actor.accountId,
        viewerName: actor.displayName,
        viewerOrg: o?.name ?? '',
        at: env.source.at,
      });
      await writeAudit(tx, env.crypto, env.source, {
        orgId: l.f.orgId,
        action: 'hardship.view',
        targetType: 'hardship_file',
        targetId: id,
      });
    });
    return presentFile(deps.db, deps.crypto, await loadFile(deps.db, actor, id), deps.clock.now());
  };

  // --- local lines ---

  const lineView = async (orgId: number) => {
    const own = await ownLine(deps.db, orgId);
    return {
      orgId,
      own: own
        ? { minimumLiving: own.minimumLiving, lowIncome: own.lowIncome, updatedAt: own.updatedAt.toISOString() }
        : null,
      effective: await effectiveLine(deps.db, orgId),
    };
  };

  r.get(
    '/api/hardship/lines/:orgId',
    {
      schema: {
        tags,
        summary: "The org's local lines: its own row, and the effective one (nearest ancestor's when it has none)",
        params: z.strictObject({ orgId: ZId }),
        response: { 200: ZLineView, ...errorResponses },
      },
    },
    async (req) => {
      const actor = staff(req);
      await assertOrgAccess(deps.db, actor, FILE_READ, req.params.orgId, FILE_READ);
      return lineView(req.params.orgId);
    },
  );

  r.put(
    '/api/hardship/lines/:orgId',
    {
      schema: {
        tags,
        summary: "Set the org's own lines (yuan per person per month); null clears them so the ancestor's apply again",
        params: z.strictObject({ orgId: ZId }),
        body: z.strictObject({
          lines: z
            .strictObject({
              minimumLiving: z.number().int().min(1).max(100_000),
              lowIncome: z.number().int().min(1).max(100_000),
            })
            .refine((l) => l.lowIncome >= l.minimumLiving, { path: ['lowIncome'], message: 'hardship.line.order' })
            .nullable(),
        }),
        response: { 200: ZLineView, ...errorResponses },
      },
    },
    async (req) => {
      const actor = staff(req);
      await assertOrgAccess(deps.db, actor, LINE_MANAGE, req.params.orgId, FILE_READ);
      await inTransaction(deps, req, (tx, env) => setLine(tx, env, req.params.orgId, req.body.lines));
      return lineView(req.params.orgId);
    },
  );

  // --- consent recorded by staff from a signed paper form ---

  r.post(
    '/api/hardship/consents',
    {
      schema: {
        tags,
        summary: `Record a member's consent from a signed paper form (version ${CONSENT_VERSION})`,
        body: z.strictObject({
          memberId: ZId,
          version: z.string().max(20),
          scope: z.array(z.enum(CONSENT_SCOPES)).min(1).max(CONSENT_SCOPES.length),
        }),
        response: { 201: z.object({ id: z.number().int() }), ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = staff(req);
      const m = await memberInScope(deps.db, actor, req.body.memberId);
      const id = await inTransaction(deps, req, (tx, env) => recordConsent(tx, env, m, req.body, 'staff'));
      return reply.code(201).send({ id });
    },
  );

  // --- files ---

  r.get(
    '/api/hardship/files',
    {
      schema: {
        tags,
        summary:
          'Hardship files in scope (names masked, no figures); filters: state, category, income band, org subtree, review overdue, name',
        querystring: z.strictObject({ ...fileFilterQuery, ...ZPageQuery }),
        response: { 200: zPage(ZFileListItem), ...errorResponses },
      },
    },
    async (req) => {
      const actor = staff(req);
      const { page, pageSize, ...q } = req.query;
      return {
        ...(await listFiles(deps.db, actor, { ...(await filter(actor, q)), page, pageSize }, deps.clock.now())),
        page,
        pageSize,
      };
    },
  );

  r.get(
    '/api/hardship/files/export',
    {
      schema: {
        tags,
        summary: 'The file list as .xlsx (same filters and scope; names masked, no figures; ≤ 50,000 rows; audited)',
        querystring: z.strictObject(fileFilterQuery),
        response: {
          200: { description: 'An .xlsx file', content: { [XLSX]: { schema: z.string().meta({ format: 'binary' }) } } },
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const actor = staff(req);
      const file = await exportFiles(
        deps.db,
        deps.crypto,
        actor,
        await filter(actor, req.query),
        auditSource(req, deps.clock),
      );
      const raw: FastifyReply = reply;
      const day = deps.clock.now().toISOString().slice(0, 10).replaceAll('-', '');
      return raw
        .type(XLSX)
        .header(
          'content-disposition',
          `attachment; filename="hardship-files-${day}.xlsx"; filename*=UTF-8''${encodeURIComponent(`困难职工档案-${day}.xlsx`)}`,
        )
        .send(file);
    },
  );

  r.get(
    '/api/hardship/reviews/due',
    {
      schema: {
        tags,
        summary:
          'Filed files whose yearly review is overdue or falls due within `withinDays` (default 30), soonest first',
        querystring: z.strictObject({
          withinDays: z.coerce.number().int().min(0).max(366).default(30),
          orgId: ZId.optional(),
          ...ZPageQuery,
        }),
        response: { 200: zPage(ZFileListItem), ...errorResponses },
      },
    },
    async (req) => {
      const actor = staff(req);
      const { page, pageSize, withinDays, orgId } = req.query;
      const f = await filter(actor, { orgId, reviewWithinDays: withinDays, sort: 'reviewDue' });
      return { ...(await listFiles(deps.db, actor, { ...f, page, pageSize }, deps.clock.now())), page, pageSize };
    },
  );

  r.post(
    '/api/hardship/files',
    {
      schema: {
        tags,
        summary: "Open a draft file for a member (needs the member's consent; one current file per member)",
        body: z.strictObject({ memberId: ZId }),
        response: { 201: ZFile, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = staff(req);
      await memberInScope(deps.db, actor, req.body.memberId);
      const { id } = await inTransaction(deps, req, (tx, env) =>
        openDraftFile(tx, env, { memberId: req.body.memberId, source: 'staff', actor }),
      );
      return reply.code(201).send(await detail(req, actor, id));
    },
  );

  r.post(
    '/api/hardship/files/from-case/:caseId',
    {
      schema: {
        tags,
        summary: "Open a draft file from a member's 帮扶救助 (hardship_help) case",
        params: z.strictObject({ caseId: ZId }),
        response: { 201: ZFile, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = staff(req);
      // a case the caller may not read does not exist for them: 404 (audited) before any other check
      const { c } = await loadCase(deps.db, actor, req.params.caseId);
      if (!c.memberId) throw new AppError('HARDSHIP_NOT_HELP_CASE');
      await memberInScope(deps.db, actor, c.memberId);
      if (c.category !== 'hardship_help') throw new AppError('HARDSHIP_NOT_HELP_CASE');
      const memberId = c.memberId;
      const { id } = await inTransaction(deps, req, (tx, env) =>
        openDraftFile(tx, env, { memberId, source: 'case', caseId: c.id, actor }),
      );
      return reply.code(201).send(await detail(req, actor, id));
    },
  );

  r.get(
    '/api/hardship/files/:id',
    {
      schema: {
        tags,
        summary:
          'One file with household, incomes, visit, evidence, timeline, reviews, assistance and viewers (the view is recorded)',
        params: ZIdParams,
        response: { 200: ZFile, ...errorResponses },
      },
    },
    async (req) => detail(req, staff(req), req.params.id),
  );

  r.patch(
    '/api/hardship/files/:id',
    {
      schema: {
        tags,
        summary: `Edit a draft or verifying file: category, causes (${CAUSES_ZH_HINT}), household (incomes in yuan per month), situation`,
        params: ZIdParams,
        body: z.strictObject({
          category: z.enum(HARDSHIP_CATEGORIES).nullable().optional(),
          causes: ZCauses.optional(),
          ...ZSensitiveInput,
        }),
        response: { 200: ZFile, ...errorResponses },
      },
    },
    async (req) => {
      const actor = staff(req);
      await inTransaction(deps, req, (tx, env) => updateFile(tx, env, actor, req.params.id, req.body));
      return detail(req, actor, req.params.id);
    },
  );

  type Step = (tx: Db, env: TxEnv, a: Actor, id: number) => Promise<unknown>;
  // A step's route options; each handler is written at its call, so its body type is inferred from the schema.
  const step = <B extends z.ZodType>(summary: string, body: B) => ({
    schema: { tags, summary, params: ZIdParams, body, response: { 200: ZFile, ...errorResponses } },
  });
  const run = async (req: FastifyRequest, id: number, fn: Step) => {
    const actor = staff(req);
    await inTransaction(deps, req, (tx, env) => fn(tx, env, actor, id));
    return detail(req, actor, id);
  };

  r.post(
    '/api/hardship/files/:id/submit',
    step(
      'Submit the draft for verification (draft → verifying); the category must hold against the local lines',
      z.strictObject({ note }),
    ),
    async (req) => run(req, req.params.id, (tx, env, a, id) => submitFile(tx, env, a, id, req.body.note)),
  );
  r.post(
    '/api/hardship/files/:id/visit',
    step(
      'Record the home visit: date, notes (verifying; the caller is the verifying officer)',
      z.strictObject({
        visitedOn: ZDate,
        notes: z.string().trim().min(2, 'reason.required').max(2000),
        companions: z.string().trim().max(100).optional(),
      }),
    ),
    async (req) => run(req, req.params.id, (tx, env, a, id) => recordVisit(tx, env, a, id, req.body)),
  );
  r.post(
    '/api/hardship/files/:id/file',
    step(
      'File it after the visit (verifying → filed); the yearly review falls due in 12 months',
      z.strictObject({ note }),
    ),
    async (req) => run(req, req.params.id, (tx, env, a, id) => fileIt(tx, env, a, id, req.body.note)),
  );
  r.post(
    '/api/hardship/files/:id/review',
    step(
      'Yearly review (filed): keep, change the category, or exit',
      z.strictObject({
        outcome: z.enum(['keep', 'change_category', 'exit']),
        category: z.enum(HARDSHIP_CATEGORIES).optional(),
        exit: ZExit.optional(),
        note,
      }),
    ),
    async (req) => run(req, req.params.id, (tx, env, a, id) => reviewFile(tx, env, a, id, req.body)),
  );
  r.post(
    '/api/hardship/files/:id/exit',
    step('Exit the file with a reason (filed → exited); the household is watched for 12 months (防止返困)', ZExit),
    async (req) => run(req, req.params.id, (tx, env, a, id) => exitFile(tx, env, a, id, req.body)),
  );

  r.post(
    '/api/hardship/files/:id/reopen',
    {
      schema: {
        tags,
        summary: 'Re-entry: a new draft file for the member of an exited or closed file (needs a valid consent)',
        params: ZIdParams,
        body: z.strictObject({}),
        response: { 201: ZFile, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = staff(req);
      const { id } = await inTransaction(deps, req, (tx, env) => reopenFile(tx, env, actor, req.params.id));
      return reply.code(201).send(await detail(req, actor, id));
    },
  );

  // --- evidence ---

  r.post(
    '/api/hardship/files/:id/evidence',
    {
      schema: {
        tags,
        summary: 'Add an evidence file (JPG, PNG, WebP, PDF; ≤ 10 MB; encrypted at rest)',
        params: ZIdParams,
        consumes: ['multipart/form-data'],
        response: {
          201: z.object({
            id: z.number().int(),
            fileName: z.string(),
            contentType: z.string(),
            size: z.number().int(),
            createdAt: z.iso.datetime(),
            url: z.string(),
          }),
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const actor = staff(req);
      const l = await loadFile(deps.db, actor, req.params.id, FILE_HANDLE);
      if (!ALLOWED.evidence.includes(l.f.state))
        throw new AppError('HARDSHIP_STATE', [{ path: 'state', message: l.f.state }]);
      await requireConsent(deps.db, l.f.memberId, 'collect'); // before the bytes are stored
      if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      const part = await req.file().catch(() => undefined);
      if (!part || part.fieldname !== 'file')
        throw new AppError('VALIDATION_FAILED', [{ path: 'file', message: 'file.missing' }]);
      const stored = await storeEvidence(deps.config.dataDir, deps.crypto, part);
      const row = await inTransaction(deps, req, async (tx, env) => {
        await requireConsent(tx, l.f.memberId, 'collect');
        const [e] = await tx
          .insert(hardshipEvidence)
          .values({ ...stored, fileId: l.f.id, uploadedBy: actor.accountId, createdAt: env.source.at })
          .returning();
        await tx.update(hardshipFile).set({ updatedAt: env.source.at }).where(eq(hardshipFile.id, l.f.id));
        await recordEvent(tx, env, l.f, 'evidence', {
          note: stored.fileName,
          audit: { evidenceId: e?.id, size: stored.size },
        });
        return e;
      });
      if (!row) throw new Error('evidence insert returned no row');
      return reply.code(201).send({
        id: row.id,
        fileName: row.fileName,
        contentType: row.contentType,
        size: row.size,
        createdAt: row.createdAt.toISOString(),
        url: `/api/hardship/evidence/${row.id}`,
      });
    },
  );

  r.get(
    '/api/hardship/evidence/:id',
    {
      schema: {
        tags,
        summary: 'Download an evidence file (staff who may read its file; audited)',
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
      const actor = staff(req);
      const [e] = await deps.db.select().from(hardshipEvidence).where(eq(hardshipEvidence.id, req.params.id));
      if (!e) throw new AppError('NOT_FOUND');
      const l = await loadFile(deps.db, actor, e.fileId).catch((err: unknown) => {
        throw err instanceof OutOfScopeError ? new OutOfScopeError('hardship_evidence', String(e.id)) : err;
      });
      const bytes = await readEvidence(deps.config.dataDir, deps.crypto, e.storageKey);
      if (!bytes) throw new AppError('NOT_FOUND');
      await inTransaction(deps, req, (tx, env) =>
        writeAudit(tx, env.crypto, env.source, {
          orgId: l.f.orgId,
          action: 'hardship.evidence.download',
          targetType: 'hardship_evidence',
          targetId: e.id,
        }),
      );
      const raw: FastifyReply = reply;
      return raw
        .type(e.contentType)
        .header(
          'content-disposition',
          `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(e.fileName)}`,
        )
        .send(bytes);
    },
  );
}
