import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assertOrgAccess, type Actor } from '../../../kernel/access.js';
import { auditSource, inTransaction, requireActor, type Deps, type TxEnv } from '../../../kernel/context.js';
import type { Db } from '../../../kernel/db.js';
import { AppError } from '../../../kernel/errors.js';
import { errorResponses, zCommaList, ZId, ZIdParams, zPage, ZPageQuery } from '../../../kernel/http.js';
import { memberOfAccount, ZDate } from '../../member/index.js';
import { PROGRAMME_KINDS, PROGRAMME_STATES, RECORD_FORMS, RECORD_STATES } from './aid.schema.js';
import { exportRecords } from './export.js';
import {
  AID_READ,
  createProgramme,
  listProgrammes,
  loadProgramme,
  presentProgramme,
  RECORD_EXPORT,
  setProgrammeState,
  updateProgramme,
} from './programme.service.js';
import {
  approveRecord,
  assistanceHistory,
  cancelRecord,
  getRecord,
  listRecords,
  payRecord,
  proposeRecord,
  rejectRecord,
  type RecordFilter,
} from './record.service.js';

const CATEGORIES = ['deep', 'relative', 'sudden'] as const;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Money in fen: up to 100 million yuan. */
const ZFen = z.number().int().min(1).max(10_000_000_000);

const ZRules = z.strictObject({
  categories: z.array(z.enum(CATEGORIES)).max(3).default([]),
  amountFen: ZFen.nullable().default(null),
  amountByCategory: z
    .strictObject({ deep: ZFen.optional(), relative: ZFen.optional(), sudden: ZFen.optional() })
    .default({}),
  capFen: ZFen.nullable().default(null),
  maxTimes: z.number().int().min(1).max(100).nullable().default(null),
});

export const ZProgramme = z
  .object({
    id: z.number().int(),
    orgId: z.number().int(),
    orgName: z.string(),
    year: z.number().int(),
    kind: z.enum(PROGRAMME_KINDS),
    name: z.string(),
    description: z.string().nullable(),
    budgetFen: z.number().int(),
    committedFen: z.number().int().describe('approved + paid'),
    paidFen: z.number().int(),
    leftFen: z.number().int().describe('budget − committed'),
    pendingFen: z.number().int().describe('proposed, not yet approved'),
    rules: z.object({
      categories: z.array(z.enum(CATEGORIES)),
      amountFen: z.number().int().nullable(),
      amountByCategory: z.object({
        deep: z.number().int().optional(),
        relative: z.number().int().optional(),
        sudden: z.number().int().optional(),
      }),
      capFen: z.number().int().nullable(),
      maxTimes: z.number().int().nullable(),
    }),
    state: z.enum(PROGRAMME_STATES),
    canManage: z.boolean(),
    canApprove: z.boolean(),
    canPay: z.boolean(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'AssistanceProgramme' });

export const ZAidRecord = z
  .object({
    id: z.number().int(),
    programmeId: z.number().int(),
    programmeName: z.string(),
    kind: z.enum(PROGRAMME_KINDS),
    programmeOrgId: z.number().int(),
    fileId: z.number().int(),
    memberId: z.number().int(),
    memberName: z.string().describe('masked'),
    orgId: z.number().int(),
    orgName: z.string(),
    form: z.enum(RECORD_FORMS),
    amountFen: z.number().int(),
    goods: z.string().nullable(),
    givenOn: z.string(),
    state: z.enum(RECORD_STATES),
    note: z.string().nullable(),
    proposedByName: z.string(),
    proposedAt: z.iso.datetime(),
    decidedByName: z.string().nullable(),
    decidedAt: z.iso.datetime().nullable(),
    rejectReason: z.string().nullable(),
    paidByName: z.string().nullable(),
    paidAt: z.iso.datetime().nullable(),
    cancelReason: z.string().nullable(),
    actions: z.array(z.string()),
  })
  .meta({ id: 'AssistanceRecord' });

export const ZHistoryItem = z
  .object({
    id: z.number().int(),
    programmeName: z.string(),
    kind: z.string(),
    amountFen: z.number().int().nullable(),
    goods: z.string().nullable(),
    date: z.string(),
    state: z.string(),
  })
  .meta({ id: 'AssistanceReceived' });

const reason = z.string().trim().min(2, 'reason.required').max(500);
const text = (max: number) => z.string().trim().min(1).max(max);

const recordFilterQuery = {
  programmeId: ZId.optional(),
  fileId: ZId.optional(),
  state: zCommaList(RECORD_STATES, 100, 'aid.state').optional(),
  orgId: ZId.optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
  view: z.enum(['pending', 'all']).optional(),
};
type FilterQuery = z.infer<z.ZodObject<typeof recordFilterQuery>>;

async function resolveFilter(deps: Deps, actor: Actor, q: FilterQuery): Promise<RecordFilter> {
  const { orgId, ...rest } = q;
  if (rest.from && rest.to && rest.from > rest.to)
    throw new AppError('VALIDATION_FAILED', [{ path: 'from', message: 'time.range' }]);
  const f: RecordFilter = rest;
  if (orgId) f.orgPath = await assertOrgAccess(deps.db, actor, AID_READ, orgId, AID_READ);
  return f;
}

type Step = (tx: Db, env: TxEnv, actor: Actor, id: number) => Promise<void>;

export async function aidRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deps } = app;
  const tags = ['assistance'];

  const programme = async (actor: Actor, id: number) =>
    presentProgramme(await loadProgramme(deps.db, actor, id), actor);
  const runRecord = async (req: FastifyRequest, id: number, step: Step) => {
    const actor = requireActor(req, 'staff');
    await inTransaction(deps, req, (tx, env) => step(tx, env, actor, id));
    return getRecord(deps.db, actor, id);
  };

  // --- programmes ---

  r.get(
    '/api/assistance/programmes',
    {
      schema: {
        tags,
        summary:
          'Assistance programmes in scope (and those of the orgs above, which serve it) with live committed / paid / left',
        querystring: z.strictObject({
          orgId: ZId.optional(),
          forOrgId: ZId.optional().describe('only programmes serving this org'),
          year: z.coerce.number().int().min(2000).max(2100).optional(),
          kind: z.enum(PROGRAMME_KINDS).optional(),
          state: z.enum(PROGRAMME_STATES).optional(),
          ...ZPageQuery,
        }),
        response: { 200: zPage(ZProgramme), ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      return {
        ...(await listProgrammes(deps.db, actor, req.query)),
        page: req.query.page,
        pageSize: req.query.pageSize,
      };
    },
  );

  r.post(
    '/api/assistance/programmes',
    {
      schema: {
        tags,
        summary: 'Create a programme (per org and year) with its budget and rules',
        body: z.strictObject({
          orgId: ZId,
          year: z.number().int().min(2000).max(2100),
          kind: z.enum(PROGRAMME_KINDS),
          name: text(60),
          description: z.string().trim().max(1000).nullable().optional(),
          budgetFen: ZFen,
          rules: ZRules,
        }),
        response: { 201: ZProgramme, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req, 'staff');
      const id = await inTransaction(deps, req, (tx, env) => createProgramme(tx, env, actor, req.body));
      return reply.code(201).send(await programme(actor, id));
    },
  );

  r.get(
    '/api/assistance/programmes/:id',
    {
      schema: {
        tags,
        summary: 'One programme with its live figures',
        params: ZIdParams,
        response: { 200: ZProgramme, ...errorResponses },
      },
    },
    async (req) => programme(requireActor(req, 'staff'), req.params.id),
  );

  r.patch(
    '/api/assistance/programmes/:id',
    {
      schema: {
        tags,
        summary: 'Change name, description, budget (never below committed) or rules',
        params: ZIdParams,
        body: z.strictObject({
          name: text(60).optional(),
          description: z.string().trim().max(1000).nullable().optional(),
          budgetFen: ZFen.optional(),
          rules: ZRules.optional(),
        }),
        response: { 200: ZProgramme, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      await inTransaction(deps, req, (tx, env) => updateProgramme(tx, env, actor, req.params.id, req.body));
      return programme(actor, req.params.id);
    },
  );

  for (const [action, to] of [
    ['close', 'closed'],
    ['reopen', 'open'],
  ] as const) {
    r.post(
      `/api/assistance/programmes/:id/${action}`,
      {
        schema: {
          tags,
          summary:
            action === 'close' ? 'Close a programme: no more proposals or approvals' : 'Reopen a closed programme',
          params: ZIdParams,
          response: { 200: ZProgramme, ...errorResponses },
        },
      },
      async (req) => {
        const actor = requireActor(req, 'staff');
        await inTransaction(deps, req, (tx, env) => setProgrammeState(tx, env, actor, req.params.id, to));
        return programme(actor, req.params.id);
      },
    );
  }

  // --- records ---

  r.get(
    '/api/assistance/records',
    {
      schema: {
        tags,
        summary:
          'Assistance records in scope (household or programme org); view=pending: proposals waiting for my approval. Names masked.',
        querystring: z.strictObject({ ...recordFilterQuery, ...ZPageQuery }),
        response: { 200: zPage(ZAidRecord), ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      const { page, pageSize, ...q } = req.query;
      return {
        ...(await listRecords(deps.db, actor, { ...(await resolveFilter(deps, actor, q)), page, pageSize })),
        page,
        pageSize,
      };
    },
  );

  r.get(
    '/api/assistance/records/export',
    {
      schema: {
        tags,
        summary:
          'The assistance ledger as .xlsx for the finance office (same filters; masked unless reveal=true with member:member:reveal; audited)',
        querystring: z.strictObject({
          ...recordFilterQuery,
          reveal: z
            .enum(['true', 'false'])
            .transform((v) => v === 'true')
            .optional(),
        }),
        response: {
          200: { description: 'An .xlsx file', content: { [XLSX]: { schema: z.string().meta({ format: 'binary' }) } } },
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req, 'staff');
      if (!actor.grants.some((g) => g.permissions.includes(RECORD_EXPORT))) throw new AppError('FORBIDDEN');
      const { reveal, ...q } = req.query;
      const file = await exportRecords(
        deps.db,
        deps.crypto,
        actor,
        await resolveFilter(deps, actor, q),
        reveal ?? false,
        auditSource(req, deps.clock),
      );
      const raw: FastifyReply = reply;
      const day = deps.clock.now().toISOString().slice(0, 10).replaceAll('-', '');
      return raw
        .type(XLSX)
        .header(
          'content-disposition',
          `attachment; filename="assistance-${day}.xlsx"; filename*=UTF-8''${encodeURIComponent(`帮扶台账-${day}.xlsx`)}`,
        )
        .send(file);
    },
  );

  r.post(
    '/api/assistance/records',
    {
      schema: {
        tags,
        summary: 'Propose assistance for a filed household (handling officer)',
        body: z.strictObject({
          programmeId: ZId,
          fileId: ZId,
          form: z.enum(RECORD_FORMS),
          amountFen: ZFen.optional(),
          goods: text(100).optional(),
          givenOn: ZDate.optional(),
          note: z.string().trim().max(500).optional(),
        }),
        response: { 201: ZAidRecord, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req, 'staff');
      const id = await inTransaction(deps, req, (tx, env) => proposeRecord(tx, env, actor, req.body));
      return reply.code(201).send(await getRecord(deps.db, actor, id));
    },
  );

  r.get(
    '/api/assistance/records/:id',
    {
      schema: {
        tags,
        summary: 'One assistance record',
        params: ZIdParams,
        response: { 200: ZAidRecord, ...errorResponses },
      },
    },
    async (req) => getRecord(deps.db, requireActor(req, 'staff'), req.params.id),
  );

  r.post(
    '/api/assistance/records/:id/approve',
    {
      schema: {
        tags,
        summary:
          "Approve (head of the programme's org, not the proposer): commits the money within budget and the household cap",
        params: ZIdParams,
        body: z.strictObject({ note: z.string().trim().max(500).optional() }).optional(),
        response: { 200: ZAidRecord, ...errorResponses },
      },
    },
    async (req) => runRecord(req, req.params.id, (tx, env, a, id) => approveRecord(tx, env, a, id, req.body?.note)),
  );

  r.post(
    '/api/assistance/records/:id/reject',
    {
      schema: {
        tags,
        summary: "Reject a proposal (head of the programme's org, not the proposer)",
        params: ZIdParams,
        body: z.strictObject({ reason }),
        response: { 200: ZAidRecord, ...errorResponses },
      },
    },
    async (req) => runRecord(req, req.params.id, (tx, env, a, id) => rejectRecord(tx, env, a, id, req.body.reason)),
  );

  r.post(
    '/api/assistance/records/:id/pay',
    {
      schema: {
        tags,
        summary: 'Record an approved assistance as paid or handed over',
        params: ZIdParams,
        response: { 200: ZAidRecord, ...errorResponses },
      },
    },
    async (req) => runRecord(req, req.params.id, payRecord),
  );

  r.post(
    '/api/assistance/records/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel before payment; an approved record gives its money back to the budget and the household',
        params: ZIdParams,
        body: z.strictObject({ reason }),
        response: { 200: ZAidRecord, ...errorResponses },
      },
    },
    async (req) => runRecord(req, req.params.id, (tx, env, a, id) => cancelRecord(tx, env, a, id, req.body.reason)),
  );

  // --- the member ---

  r.get(
    '/api/me/assistance',
    {
      schema: {
        tags,
        summary: 'Assistance my household received (approved and paid)',
        response: { 200: z.object({ items: z.array(ZHistoryItem) }), ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'member');
      const m = await memberOfAccount(deps.db, actor.accountId);
      return { items: m ? await assistanceHistory(deps.db, m.id) : [] };
    },
  );
}
