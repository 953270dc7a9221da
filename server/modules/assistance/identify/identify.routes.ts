import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assertOrgAccess, hasPermission } from '../../../kernel/access.js';
import { auditSource, inTransaction, requireActor, type Deps } from '../../../kernel/context.js';
import type { JobContext } from '../../../kernel/jobs.js';
import { AppError } from '../../../kernel/errors.js';
import { errorResponses, ZId, zPage, ZPageQuery } from '../../../kernel/http.js';
import { JOB_TYPES, ZDate } from '../../member/index.js';
import { dryRun, recompute } from './compute.js';
import { NEW_EMPLOYMENT_KINDS } from './facts.js';
import { RULE_CODES } from './identify.schema.js';
import {
  assignVisit,
  dismissCandidate,
  getSituation,
  IDENTIFY_HANDLE,
  IDENTIFY_READ,
  IDENTIFY_RULES,
  listCandidates,
  putSituation,
  rulesOf,
  saveRules,
  verifyCandidate,
} from './identify.service.js';
import { RULE_PARAMS } from './rules.js';

export const RECOMPUTE_JOB = 'identify.recompute';

const ZReason = z
  .object({ code: z.enum(RULE_CODES), weight: z.number().int(), detail: z.string() })
  .meta({ id: 'IdentifyReason' });
export const ZCandidate = z
  .object({
    memberId: z.number().int(),
    name: z.string(),
    orgId: z.number().int(),
    orgName: z.string(),
    gender: z.enum(['male', 'female']),
    age: z.number().int(),
    idNumber: z.string().describe('masked'),
    phone: z.string().nullable().describe('masked'),
    jobType: z.enum(JOB_TYPES),
    score: z.number().int(),
    reasons: z.array(ZReason),
    computedAt: z.iso.datetime(),
    visit: z.object({ id: z.number().int(), dueDate: z.string(), assigneeName: z.string() }).nullable(),
  })
  .meta({ id: 'IdentifyCandidate' });

const weight = z.number().int().min(1).max(100);
const ZRuleInput = z.discriminatedUnion('code', [
  z.strictObject({ code: z.literal('aid_cases'), enabled: z.boolean(), weight, params: RULE_PARAMS.aid_cases }),
  z.strictObject({
    code: z.literal('low_income_job'),
    enabled: z.boolean(),
    weight,
    params: RULE_PARAMS.low_income_job,
  }),
  z.strictObject({ code: z.literal('work_injury'), enabled: z.boolean(), weight, params: RULE_PARAMS.work_injury }),
  z.strictObject({ code: z.literal('disability'), enabled: z.boolean(), weight, params: RULE_PARAMS.disability }),
  z.strictObject({
    code: z.literal('single_parent_disaster'),
    enabled: z.boolean(),
    weight,
    params: RULE_PARAMS.single_parent_disaster,
  }),
  z.strictObject({
    code: z.literal('income_below_line'),
    enabled: z.boolean(),
    weight,
    params: RULE_PARAMS.income_below_line,
  }),
  z.strictObject({ code: z.literal('relapse'), enabled: z.boolean(), weight, params: RULE_PARAMS.relapse }),
]);
const ZRuleList = z
  .array(ZRuleInput)
  .max(RULE_CODES.length)
  .refine((l) => new Set(l.map((r) => r.code)).size === l.length, 'identify.ruleDuplicate');

const ZRuleView = z
  .object({
    code: z.enum(RULE_CODES),
    enabled: z.boolean(),
    weight: z.number().int(),
    params: z.record(z.string(), z.unknown()),
    text: z.string(),
    textEn: z.string(),
    own: z.boolean(),
    definedAt: z.object({ orgId: z.number().int(), orgName: z.string() }).nullable(),
    default: z.object({
      code: z.enum(RULE_CODES),
      enabled: z.boolean(),
      weight: z.number().int(),
      params: z.record(z.string(), z.unknown()),
    }),
  })
  .meta({ id: 'IdentifyRule' });
const ZRules = z
  .object({ orgId: z.number().int(), rules: z.array(ZRuleView), jobTypes: z.array(z.enum(NEW_EMPLOYMENT_KINDS)) })
  .meta({ id: 'IdentifyRules' });
const ZCounts = z.object({ total: z.number().int(), byRule: z.record(z.string(), z.number().int()) });

const ZSituation = z
  .object({
    memberId: z.number().int(),
    disability: z.boolean(),
    dependants: z.number().int().nullable(),
    incomePerHead: z.number().int().nullable(),
    singleParent: z.boolean(),
    disaster: z.boolean(),
    note: z.string().nullable(),
    updatedAt: z.iso.datetime().nullable(),
    updatedBy: z.string().nullable(),
  })
  .meta({ id: 'MemberSituation' });
const ZSituationInput = z.strictObject({
  disability: z.boolean(),
  dependants: z.number().int().min(0).max(20).nullable(),
  incomePerHead: z.number().int().min(0).max(1_000_000).nullable(),
  singleParent: z.boolean(),
  disaster: z.boolean(),
  note: z.string().trim().max(500).nullable().optional(),
});
const ZMemberParams = z.strictObject({ memberId: ZId });

export async function identifyRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deps } = app;
  const tags = ['hardship identification'];

  r.get(
    '/api/hardship/candidates',
    {
      schema: {
        tags,
        summary:
          'The identification list (精准识别): members in scope who may be in hardship and have no current file, ranked by score, each with the reasons that fired; masked like the member list',
        querystring: z.strictObject({
          orgId: ZId.optional(),
          rule: z.enum(RULE_CODES).optional(),
          minScore: z.coerce.number().int().min(0).max(10_000).optional(),
          ...ZPageQuery,
        }),
        response: { 200: zPage(ZCandidate), ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      if (!hasPermission(actor, IDENTIFY_READ)) throw new AppError('FORBIDDEN');
      const { orgId, page, pageSize, ...f } = req.query;
      const orgPath = orgId ? await assertOrgAccess(deps.db, actor, IDENTIFY_READ, orgId, IDENTIFY_READ) : undefined;
      return {
        ...(await listCandidates(deps.db, deps.crypto, actor, { ...f, orgPath, page, pageSize }, deps.clock.now())),
        page,
        pageSize,
      };
    },
  );

  r.post(
    '/api/hardship/candidates/recompute',
    {
      schema: {
        tags,
        summary:
          "Recompute the list for an org's subtree (the root org: a full run) as a background job; follow it at GET /api/jobs/:id",
        body: z.strictObject({ orgId: ZId }),
        response: { 202: z.object({ jobId: z.uuid() }), ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req, 'staff');
      const { orgId } = req.body;
      const path = await assertOrgAccess(deps.db, actor, IDENTIFY_HANDLE, orgId, IDENTIFY_READ);
      const src = auditSource(req, deps.clock);
      const jobId = await deps.jobs.enqueue(deps.db, {
        kind: RECOMPUTE_JOB,
        params: {
          orgId,
          path,
          actorId: actor.accountId,
          actorName: src.actorName,
          ip: src.ip,
          requestId: src.requestId,
        },
        accountId: actor.accountId,
        orgId,
      });
      void deps.jobs.kick();
      return reply.code(202).send({ jobId });
    },
  );

  r.post(
    '/api/hardship/candidates/:memberId/verify',
    {
      schema: {
        tags,
        summary:
          "Verify: open a draft hardship file for the candidate (409 HARDSHIP_NO_CONSENT until the member's consent is recorded)",
        params: ZMemberParams,
        body: z.strictObject({}),
        response: { 201: z.object({ fileId: z.number().int() }), ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req, 'staff');
      return reply
        .code(201)
        .send(await inTransaction(deps, req, (tx, env) => verifyCandidate(tx, env, actor, req.params.memberId)));
    },
  );

  r.post(
    '/api/hardship/candidates/:memberId/dismiss',
    {
      schema: {
        tags,
        summary: 'Dismiss with a reason: hidden for six months unless new evidence fires',
        params: ZMemberParams,
        body: z.strictObject({ reason: z.string().trim().min(2, 'reason.required').max(500) }),
        response: { 200: z.object({ until: z.iso.datetime() }), ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      return inTransaction(deps, req, (tx, env) =>
        dismissCandidate(tx, env, actor, req.params.memberId, req.body.reason),
      );
    },
  );

  r.post(
    '/api/hardship/candidates/:memberId/visit',
    {
      schema: {
        tags,
        summary:
          "Assign a home visit (入户走访) to a staff member whose identification grant reaches the member's union, with a due date",
        params: ZMemberParams,
        body: z.strictObject({ assigneeId: ZId, dueDate: ZDate, note: z.string().trim().max(500).optional() }),
        response: {
          201: z.object({
            id: z.number().int(),
            memberId: z.number().int(),
            assigneeId: z.number().int(),
            assigneeName: z.string(),
            dueDate: z.string(),
            state: z.string(),
          }),
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req, 'staff');
      return reply
        .code(201)
        .send(await inTransaction(deps, req, (tx, env) => assignVisit(tx, env, actor, req.params.memberId, req.body)));
    },
  );

  r.get(
    '/api/hardship/rules',
    {
      schema: {
        tags,
        summary:
          "An org's effective identification rules: defaults overridden by the nearest ancestor's (or its own) rows, code by code",
        querystring: z.strictObject({ orgId: ZId }),
        response: { 200: ZRules, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      await assertOrgAccess(deps.db, actor, IDENTIFY_READ, req.query.orgId, IDENTIFY_READ);
      const { orgId, rules } = await rulesOf(deps.db, req.query.orgId);
      return { orgId, rules, jobTypes: [...NEW_EMPLOYMENT_KINDS] };
    },
  );

  r.put(
    '/api/hardship/rules/:orgId',
    {
      schema: {
        tags,
        summary: "Set the org's own rules (the list replaces the org's rows; codes left out inherit again)",
        params: z.strictObject({ orgId: ZId }),
        body: z.strictObject({ rules: ZRuleList }),
        response: { 200: ZRules, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      await inTransaction(deps, req, async (tx, env) => {
        await assertOrgAccess(tx, actor, IDENTIFY_RULES, req.params.orgId, IDENTIFY_READ);
        await saveRules(tx, env, actor, req.params.orgId, req.body.rules);
      });
      const { orgId, rules } = await rulesOf(deps.db, req.params.orgId);
      return { orgId, rules, jobTypes: [...NEW_EMPLOYMENT_KINDS] };
    },
  );

  r.post(
    '/api/hardship/rules/dry-run',
    {
      schema: {
        tags,
        summary:
          "How many members of the org's subtree the saved rules flag and how many the given rules would (same computation as the recompute)",
        body: z.strictObject({ orgId: ZId, rules: ZRuleList }),
        response: { 200: z.object({ saved: ZCounts, proposed: ZCounts }), ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      const path = await assertOrgAccess(deps.db, actor, IDENTIFY_RULES, req.body.orgId, IDENTIFY_READ);
      // The org's own rows are replaced by the proposal, as the save would.
      return dryRun(deps.db, deps.crypto, path, req.body.rules, deps.clock.now());
    },
  );

  r.get(
    '/api/hardship/situations/:memberId',
    {
      schema: {
        tags,
        summary: "A member's situation facts for identification (sensitive; the view is audited)",
        params: ZMemberParams,
        response: { 200: ZSituation, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      return inTransaction(deps, req, (tx, env) => getSituation(tx, env, actor, req.params.memberId));
    },
  );

  r.put(
    '/api/hardship/situations/:memberId',
    {
      schema: {
        tags,
        summary: "Record a member's situation facts (encrypted at rest)",
        params: ZMemberParams,
        body: ZSituationInput,
        response: { 200: ZSituation, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      const b = req.body;
      return inTransaction(deps, req, (tx, env) =>
        putSituation(tx, env, actor, req.params.memberId, {
          disability: b.disability,
          singleParent: b.singleParent,
          disaster: b.disaster,
          ...(b.dependants !== null ? { dependants: b.dependants } : {}),
          ...(b.incomePerHead !== null ? { incomePerHead: b.incomePerHead } : {}),
          ...(b.note ? { note: b.note } : {}),
        }),
      );
    },
  );
}

const ZRecomputeParams = z.object({
  orgId: z.number(),
  path: z.string(),
  actorId: z.number(),
  actorName: z.string().nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
});

export async function runRecompute(deps: Deps, ctx: JobContext) {
  const p = ZRecomputeParams.parse(ctx.job.params);
  const source = { actorId: p.actorId, actorName: p.actorName, ip: p.ip, requestId: p.requestId, at: deps.clock.now() };
  return recompute(ctx.db, deps.crypto, { path: p.path, orgId: p.orgId, now: deps.clock.now(), source }, ctx.progress);
}
