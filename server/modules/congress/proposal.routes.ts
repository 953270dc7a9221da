import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { writeAudit } from '../../kernel/audit.js';
import { chinaDate } from '../../kernel/clock.js';
import { auditSource, inTransaction, requireActor } from '../../kernel/context.js';
import { sendWorkbook, xlsxResponse } from '../../kernel/figures.js';
import { errorResponses, langOf, ZId, ZIdParams, zPage, ZPageQuery } from '../../kernel/http.js';
import { bodyForWorkforce, termFor } from './congress.access.js';
import { proposalReport } from './proposal.report.js';
import { PROPOSAL_STATES } from './proposal.schema.js';
import {
  answer,
  assign,
  detailOf,
  listProposals,
  publicProposals,
  READ,
  returnAssignment,
  review,
  staffProposal,
} from './proposal.service.js';
import {
  ZAnswerBody,
  ZDate,
  ZDecision,
  ZDepartment,
  ZProposal,
  ZProposalDetail,
  ZPublicProposal,
  ZReason,
} from './proposal.shapes.js';

// The committee's side of proposals (提案工作委员会): the list, review, assignment, returns,
// answers, the 提案办理情况报告, and the public tracking list of a body.

const ZDeptDeadline = z.strictObject({ department: ZDepartment, deadline: ZDate.optional() });

export async function proposalRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deps } = app;
  const tags = ['congress'];
  const today = () => chinaDate(deps.clock.now());

  r.get(
    '/api/congress/proposals',
    {
      schema: {
        tags,
        summary: 'Proposals in scope, newest first; overdue = assigned and past the lead department’s deadline',
        querystring: z.strictObject({
          bodyId: ZId.optional(),
          termId: ZId.optional(),
          state: z.enum(PROPOSAL_STATES).optional(),
          overdue: z
            .enum(['true', 'false'])
            .transform((v) => v === 'true')
            .optional(),
          q: z.string().trim().max(100).optional(),
          ...ZPageQuery,
        }),
        response: { 200: zPage(ZProposal), ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      const { page, pageSize } = req.query;
      return { ...(await listProposals(deps.db, actor, req.query, today())), page, pageSize };
    },
  );

  r.get(
    '/api/congress/proposals/:id',
    {
      schema: {
        tags,
        summary: 'One proposal with its review, assignments, answers, ratings and history',
        params: ZIdParams,
        response: { 200: ZProposalDetail, ...errorResponses },
      },
    },
    async (req) => {
      await staffProposal(deps.db, requireActor(req, 'staff'), READ, req.params.id);
      return detailOf(deps.db, req.params.id, today());
    },
  );

  r.post(
    '/api/congress/proposals/:id/review',
    {
      schema: {
        tags,
        summary:
          'The committee’s review of a submitted proposal: 立案 (accept), 转意见建议 (convert) or 不立案 (reject), with a written reason',
        params: ZIdParams,
        body: z.strictObject({ decision: ZDecision, reason: ZReason }),
        response: { 200: ZProposalDetail, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      await inTransaction(deps, req, (tx, env) => review(tx, env, actor, req.params.id, req.body));
      return detailOf(deps.db, req.params.id, today());
    },
  );

  r.post(
    '/api/congress/proposals/:id/assign',
    {
      schema: {
        tags,
        summary:
          'Assign an accepted proposal to a lead and assisting departments (deadline: today + answerDays unless given)',
        params: ZIdParams,
        body: z.strictObject({ lead: ZDeptDeadline, assisting: z.array(ZDeptDeadline).max(20).default([]) }).refine(
          (b) => {
            const names = [b.lead.department, ...b.assisting.map((a) => a.department)];
            return new Set(names).size === names.length;
          },
          { message: 'congress.departmentTwice', path: ['assisting'] },
        ),
        response: { 200: ZProposalDetail, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      await inTransaction(deps, req, (tx, env) => assign(tx, env, actor, req.params.id, req.body));
      return detailOf(deps.db, req.params.id, today());
    },
  );

  r.post(
    '/api/congress/proposals/:id/return',
    {
      schema: {
        tags,
        summary:
          'A department returns a mis-assigned proposal within returnWindowDays of the assignment (the lead’s return: back to accepted)',
        params: ZIdParams,
        body: z.strictObject({ assignmentId: ZId, reason: ZReason }),
        response: { 200: ZProposalDetail, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      await inTransaction(deps, req, (tx, env) => returnAssignment(tx, env, actor, req.params.id, req.body));
      return detailOf(deps.db, req.params.id, today());
    },
  );

  r.post(
    '/api/congress/proposals/:id/answers',
    {
      schema: {
        tags,
        summary: 'A department’s written answer in the current round (the lead’s answer makes the proposal answered)',
        params: ZIdParams,
        body: z.strictObject({ department: ZDepartment, body: ZAnswerBody }),
        response: { 200: ZProposalDetail, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      await inTransaction(deps, req, (tx, env) => answer(tx, env, actor, req.params.id, req.body));
      return detailOf(deps.db, req.params.id, today());
    },
  );

  r.get(
    '/api/congress/terms/:id/proposal-report',
    {
      schema: {
        tags,
        summary:
          'The 提案办理情况报告 of a term as .xlsx (totals by state; one row per proposal) (audited); .docx is not offered',
        params: ZIdParams,
        querystring: z.strictObject({ format: z.enum(['xlsx'], 'congress.reportFormat').default('xlsx') }),
        response: { 200: xlsxResponse, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req, 'staff');
      const { term, body } = await termFor(deps.db, actor, READ, req.params.id);
      const file = await proposalReport(deps.db, term, body, today(), langOf(req));
      await deps.db.transaction((tx) =>
        writeAudit(tx, deps.crypto, auditSource(req, deps.clock), {
          orgId: body.orgId,
          action: 'congress_proposal.report',
          targetType: 'congress_term',
          targetId: term.id,
        }),
      );
      const raw: FastifyReply = reply;
      return sendWorkbook(
        raw,
        file,
        `proposal-report-${term.id}`,
        `提案办理情况报告-${body.name}-第${term.number}届`,
        deps.clock.now(),
      );
    },
  );

  r.get(
    '/api/congress/bodies/:id/proposals/public',
    {
      schema: {
        tags,
        summary:
          'Public tracking of a body’s proposals (提案公开): signed-in members of its org subtree, or staff who may read it',
        params: ZIdParams,
        response: { 200: z.object({ items: z.array(ZPublicProposal) }), ...errorResponses },
      },
    },
    async (req) => {
      await bodyForWorkforce(deps.db, requireActor(req), req.params.id);
      return { items: await publicProposals(deps.db, req.params.id, today()) };
    },
  );
}
