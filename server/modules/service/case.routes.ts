import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assertOrgAccess, type Actor } from '../../kernel/access.js';
import { auditSource, inTransaction, requireActor, type Deps, type TxEnv } from '../../kernel/context.js';
import type { Db } from '../../kernel/db.js';
import { AppError } from '../../kernel/errors.js';
import { errorResponses, zCommaList, ZId, ZIdParams, zPage, ZPageQuery } from '../../kernel/http.js';
import { PHONE, ZDate } from '../member/index.js';
import { CASE_READ, CASE_SUPERVISE, loadCase } from './case.access.js';
import { createCase } from './case.create.js';
import { revealApplicantPhone } from './case.reveal.js';
import { callbackList, listCases, presentCase, type CaseFilter } from './case.query.js';
import {
  acceptCase,
  addNote,
  assignCase,
  rateCase,
  recordCallback,
  rejectCase,
  reopenCase,
  resolveCase,
  startCase,
  transferCase,
  unflagCase,
  withdrawCase,
} from './case.transitions.js';
import { auditMissedLookup, counterLookup } from './counter.js';
import { exportCases } from './export.js';
import { CASE_STATES, CATEGORIES, CHANNELS, RATINGS } from './service.schema.js';

export const ZCaseListItem = z
  .object({
    id: z.number().int(),
    no: z.string(),
    serviceId: z.number().int(),
    serviceName: z.string(),
    category: z.enum(CATEGORIES),
    channel: z.enum(CHANNELS),
    state: z.enum(CASE_STATES),
    applicantName: z.string().describe('masked'),
    applicantPhone: z.string().nullable().describe('masked'),
    memberId: z.number().int().nullable(),
    handlingOrgId: z.number().int(),
    handlingOrgName: z.string(),
    assigneeId: z.number().int().nullable(),
    assigneeName: z.string().nullable(),
    coverForId: z.number().int().nullable(),
    coverForName: z.string().nullable(),
    dueAt: z.iso.datetime(),
    overdue: z.boolean(),
    flagged: z.boolean(),
    reopenCount: z.number().int(),
    rating: z.enum(RATINGS).nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    resolvedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'CaseListItem' });

export const ZAttachment = z
  .object({
    id: z.number().int(),
    fileName: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    createdAt: z.iso.datetime(),
    url: z.string(),
  })
  .meta({ id: 'CaseAttachment' });

export const ZCase = ZCaseListItem.extend({
  fields: z.record(z.string(), z.unknown()),
  form: z.array(z.record(z.string(), z.unknown())),
  resolution: z.string().nullable(),
  rejectReason: z.string().nullable(),
  ratingComment: z.string().nullable(),
  source: z.object({ module: z.enum(['voice', 'qa', 'merchant']), id: z.number().int() }).nullable(),
  attachments: z.array(ZAttachment),
  timeline: z.array(
    z.object({
      id: z.number().int(),
      kind: z.string(),
      fromState: z.enum(CASE_STATES).nullable(),
      toState: z.enum(CASE_STATES).nullable(),
      actorName: z.string().nullable(),
      actorKind: z.enum(['staff', 'member', 'system']),
      orgName: z.string().nullable(),
      note: z.string().nullable(),
      at: z.iso.datetime(),
    }),
  ),
  access: z.array(z.object({ orgId: z.number().int(), orgName: z.string(), current: z.boolean() })),
  callback: z.object({ at: z.string(), byName: z.string(), reached: z.boolean(), note: z.string() }).nullable(),
  actions: z.array(z.string()),
}).meta({ id: 'Case' });

/** The counter lookup: the registry's answer inside the caller's member scope, the intake answer outside it. */
export const ZCounterLookup = z
  .discriminatedUnion('scope', [
    z.object({
      scope: z.literal('member'),
      member: z.object({
        id: z.number().int(),
        name: z.string(),
        phone: z.string().nullable(),
        idNumber: z.string(),
        orgId: z.number().int(),
        orgName: z.string(),
        jobType: z.string(),
        status: z.string(),
        employer: z.string().nullable(),
      }),
      prefill: z.record(z.string(), z.unknown()),
      eligible: z.boolean().nullable(),
      openCases: z.number().int(),
    }),
    z.object({
      scope: z
        .literal('intake')
        .describe("outside the caller's member scope: no union, employer, phone, ID number, status or cases"),
      member: z.object({
        id: z.number().int(),
        name: z.string().describe('masked'),
        current: z.boolean().describe('a current member'),
        jobType: z.string().optional().describe('only when the chosen service limits job types'),
      }),
      eligible: z.boolean().nullable().describe('for the chosen service; null without one'),
      intakeToken: z
        .string()
        .nullable()
        .describe(
          'service-center staff, current members: pass to POST /api/cases with memberId (valid 10 minutes, for this account only)',
        ),
    }),
  ])
  .meta({ id: 'CounterLookup' });

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const note = z.string().trim().max(1000).optional();
const reason = z.string().trim().min(2, 'reason.required').max(500);

const ZNewCase = z.strictObject({
  serviceId: ZId,
  fields: z.record(z.string().max(40), z.unknown()).refine((o) => Object.keys(o).length <= 40, 'form.tooMany'),
  note,
  channel: z.enum(CHANNELS).optional(),
  memberId: ZId.optional(),
  intakeToken: z
    .string()
    .max(200)
    .optional()
    .describe("from POST /api/cases/counter/lookup: names a member outside the caller's member scope"),
  contact: z
    .strictObject({
      name: z.string().trim().min(1).max(30),
      phone: z.string().trim().regex(PHONE, 'phone.invalid').optional(),
    })
    .optional(),
});

export const caseFilterQuery = {
  view: z.enum(['mine', 'team', 'queue', 'overdue', 'all']).optional(),
  state: zCommaList(CASE_STATES, 200, 'case.state').optional(),
  channel: z.enum(CHANNELS).optional(),
  serviceId: ZId.optional(),
  category: z.enum(CATEGORIES).optional(),
  orgId: ZId.optional(),
  assigneeId: ZId.optional(),
  flagged: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  q: z.string().trim().max(40).optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
  sort: z.enum(['createdAt', '-createdAt', 'dueAt', '-updatedAt']).optional(),
};
type FilterQuery = z.infer<z.ZodObject<typeof caseFilterQuery>>;

export async function resolveCaseFilter(deps: Deps, actor: Actor, q: FilterQuery): Promise<CaseFilter> {
  const { orgId, ...rest } = q;
  const f: CaseFilter = rest;
  if (orgId && actor.kind === 'staff') f.orgPath = await assertOrgAccess(deps.db, actor, CASE_READ, orgId, CASE_READ);
  return f;
}

type Step = (tx: Db, env: TxEnv, actor: Actor, id: number) => Promise<void>;

export async function caseRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deps } = app;
  const tags = ['cases'];

  const detail = async (actor: Actor, id: number) =>
    presentCase(deps.db, deps.crypto, actor, await loadCase(deps.db, actor, id), deps.clock.now());
  /** Runs a step in a transaction, sends what it queued (SMS), and answers the case as it is now. */
  const run = async (req: FastifyRequest, id: number, step: Step, kind?: 'staff' | 'member') => {
    const actor = requireActor(req, kind);
    await inTransaction(deps, req, (tx, env) => step(tx, env, actor, id));
    void deps.outbox.kick();
    return detail(actor, id);
  };

  r.post(
    '/api/cases',
    {
      schema: {
        tags,
        summary: 'Apply for a service (member, online) or register a walk-in or call (staff, counter/phone)',
        body: ZNewCase,
        response: { 201: ZCase, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const id = await inTransaction(deps, req, (tx, env) => createCase(tx, env, actor, req.body));
      return reply.code(201).send(await detail(actor, id));
    },
  );

  r.get(
    '/api/cases',
    {
      schema: {
        tags,
        summary: "Cases: a member's own; staff the queue and lists in scope",
        querystring: z.strictObject({ ...caseFilterQuery, ...ZPageQuery }),
        response: { 200: zPage(ZCaseListItem), ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const { page, pageSize, ...q } = req.query;
      return {
        ...(await listCases(deps.db, deps.crypto, actor, {
          ...(await resolveCaseFilter(deps, actor, q)),
          page,
          pageSize,
        })),
        page,
        pageSize,
      };
    },
  );

  r.get(
    '/api/cases/export',
    {
      schema: {
        tags,
        summary: 'The case list as .xlsx (same filters and scope; names and phones masked; ≤ 50,000 rows; audited)',
        querystring: z.strictObject(caseFilterQuery),
        response: {
          200: { description: 'An .xlsx file', content: { [XLSX]: { schema: z.string().meta({ format: 'binary' }) } } },
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req, 'staff');
      const file = await exportCases(
        deps.db,
        deps.crypto,
        actor,
        await resolveCaseFilter(deps, actor, req.query),
        auditSource(req, deps.clock),
      );
      const raw: FastifyReply = reply; // a file, sent as it is
      const day = deps.clock.now().toISOString().slice(0, 10).replaceAll('-', '');
      return raw
        .type(XLSX)
        .header(
          'content-disposition',
          `attachment; filename="cases-${day}.xlsx"; filename*=UTF-8''${encodeURIComponent(`服务工单-${day}.xlsx`)}`,
        )
        .send(file);
    },
  );

  r.get(
    '/api/cases/callbacks',
    {
      schema: {
        tags,
        summary: 'The call-back list: resolved cases not yet called back (不满意 and flagged first)',
        querystring: z.strictObject(ZPageQuery),
        response: { 200: zPage(ZCaseListItem), ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      if (!actor.grants.some((g) => g.permissions.includes(CASE_SUPERVISE))) throw new AppError('FORBIDDEN');
      const { page, pageSize } = req.query;
      return { ...(await callbackList(deps.db, deps.crypto, actor, page, pageSize)), page, pageSize };
    },
  );

  r.post(
    '/api/cases/counter/lookup',
    {
      schema: {
        tags,
        summary:
          'Counter mode: find a member by phone, 身份证号 or card QR; in member scope masked with the form prefill, outside it only what intake needs (audited)',
        body: z.strictObject({
          phone: z.string().trim().regex(PHONE, 'phone.invalid').optional(),
          idNumber: z.string().trim().min(15).max(20).optional(),
          cardToken: z.string().max(200).optional(),
          serviceId: ZId.optional(),
        }),
        response: { 200: ZCounterLookup, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      if (!actor.grants.some((g) => g.permissions.includes('service:case:handle'))) throw new AppError('FORBIDDEN');
      try {
        return await inTransaction(deps, req, (tx, env) => counterLookup(tx, env, actor, req.body));
      } catch (err) {
        if (err instanceof AppError && err.code === 'NOT_FOUND')
          await inTransaction(deps, req, (tx, env) => auditMissedLookup(tx, env, actor, req.body));
        throw err;
      }
    },
  );

  r.get(
    '/api/cases/:id',
    {
      schema: {
        tags,
        summary: 'One case with its answers, files and timeline',
        params: ZIdParams,
        response: { 200: ZCase, ...errorResponses },
      },
    },
    async (req) => detail(requireActor(req), req.params.id),
  );

  // A step's route options; each handler is written at its call, so its body type is inferred from the schema.
  const step = <B extends z.ZodObject>(summary: string, body: B) => ({
    schema: { tags, summary, params: ZIdParams, body, response: { 200: ZCase, ...errorResponses } },
  });

  r.post(
    '/api/cases/:id/accept',
    step(
      'Accept (submitted / transferred → accepted); the caller becomes the handler unless one is assigned',
      z.strictObject({ note }),
    ),
    async (req) => run(req, req.params.id, (tx, env, a, id) => acceptCase(tx, env, a, id, req.body.note), 'staff'),
  );
  r.post(
    '/api/cases/:id/start',
    step('Start handling (accepted → in_progress)', z.strictObject({ note })),
    async (req) => run(req, req.params.id, (tx, env, a, id) => startCase(tx, env, a, id, req.body.note), 'staff'),
  );
  r.post(
    '/api/cases/:id/resolve',
    step(
      'Resolve with the result (accepted / in_progress → resolved)',
      z.strictObject({ resolution: z.string().trim().min(2, 'reason.required').max(2000), note }),
    ),
    async (req) =>
      run(
        req,
        req.params.id,
        (tx, env, a, id) => resolveCase(tx, env, a, id, req.body.resolution, req.body.note),
        'staff',
      ),
  );
  r.post(
    '/api/cases/:id/reject',
    step('Refuse with a reason (submitted / transferred / accepted → rejected)', z.strictObject({ reason })),
    async (req) => run(req, req.params.id, (tx, env, a, id) => rejectCase(tx, env, a, id, req.body.reason), 'staff'),
  );
  r.post(
    '/api/cases/:id/transfer',
    step('Transfer to another org or center (the sender keeps read access)', z.strictObject({ toOrgId: ZId, reason })),
    async (req) =>
      run(
        req,
        req.params.id,
        (tx, env, a, id) => transferCase(tx, env, a, id, req.body.toOrgId, req.body.reason),
        'staff',
      ),
  );
  r.post(
    '/api/cases/:id/assign',
    step(
      "Assign to a handler, or (null) back to the org's queue; an away handler's backup receives it",
      z.strictObject({ assigneeId: ZId.nullable(), note }),
    ),
    async (req) =>
      run(
        req,
        req.params.id,
        (tx, env, a, id) => assignCase(tx, env, a, id, req.body.assigneeId, req.body.note),
        'staff',
      ),
  );
  r.post(
    '/api/cases/:id/notes',
    step(
      'Add a note (internal, or visible to the member)',
      z.strictObject({ note: z.string().trim().min(1).max(2000), visibleToMember: z.boolean() }),
    ),
    async (req) =>
      run(
        req,
        req.params.id,
        (tx, env, a, id) => addNote(tx, env, a, id, req.body.note, req.body.visibleToMember),
        'staff',
      ),
  );
  r.post(
    '/api/cases/:id/callback',
    step(
      "Record the supervisor's call-back to the member (resolved cases)",
      z.strictObject({ reached: z.boolean(), note: z.string().trim().min(1).max(1000) }),
    ),
    async (req) =>
      run(
        req,
        req.params.id,
        (tx, env, a, id) => recordCallback(tx, env, a, id, req.body.reached, req.body.note),
        'staff',
      ),
  );
  r.post('/api/cases/:id/unflag', step('Clear the supervisor flag', z.strictObject({ note })), async (req) =>
    run(req, req.params.id, (tx, env, a, id) => unflagCase(tx, env, a, id, req.body.note), 'staff'),
  );
  r.post(
    '/api/cases/:id/withdraw',
    step('The member withdraws an open case', z.strictObject({ reason: z.string().trim().max(500).optional() })),
    async (req) => run(req, req.params.id, (tx, env, a, id) => withdrawCase(tx, env, a, id, req.body.reason), 'member'),
  );
  r.post(
    '/api/cases/:id/reopen',
    step('The member reopens a case within 7 days of its resolution', z.strictObject({ reason })),
    async (req) => run(req, req.params.id, (tx, env, a, id) => reopenCase(tx, env, a, id, req.body.reason), 'member'),
  );
  r.post(
    '/api/cases/:id/rate',
    step(
      'The member rates the result; 不满意 reopens it for a second handling',
      z.strictObject({ rating: z.enum(RATINGS), comment: z.string().trim().max(500).optional() }),
    ),
    async (req) =>
      run(
        req,
        req.params.id,
        (tx, env, a, id) => rateCase(tx, env, a, id, req.body.rating, req.body.comment),
        'member',
      ),
  );

  r.post(
    '/api/cases/:id/reveal-phone',
    {
      schema: {
        tags,
        summary: "Show the applicant's full phone to a handler of the case, with a reason (audited)",
        params: ZIdParams,
        body: z.strictObject({ reason: z.string().trim().min(2, 'reason.required').max(200) }),
        response: { 200: z.object({ phone: z.string().nullable() }), ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      return inTransaction(deps, req, (tx, env) =>
        revealApplicantPhone(tx, env, actor, req.params.id, req.body.reason),
      );
    },
  );
}
