import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assertOrgAccess } from '../../kernel/access.js';
import { inTransaction, requireActor } from '../../kernel/context.js';
import { errorResponses, ZId, ZIdParams, zPage, ZPageQuery } from '../../kernel/http.js';
import { AppError } from '../../kernel/errors.js';
import { openCase } from '../service/index.js';
import { chinaDate } from '../../kernel/clock.js';
import { memberUnion } from '../member/index.js';
import { QA_CATEGORIES, QA_KINDS, QA_STATUSES } from './qa.schema.js';
import { hotEntries, recordView } from './qa.hot.js';
import { searchEntries } from './qa.search.js';
import { createEntry, getEntry, listEntries, setPublished, updateEntry } from './qa.service.js';

const ZDateOrNull = z.iso.date('date.invalid').nullable();

export const ZQaEntry = z
  .object({
    id: z.number().int(),
    orgId: z.number().int(),
    orgName: z.string(),
    kind: z.enum(QA_KINDS),
    category: z.enum(QA_CATEGORIES),
    question: z.string(),
    answer: z.string(),
    source: z.string().nullable(),
    effectiveFrom: z.string().nullable(),
    effectiveTo: z.string().nullable(),
    status: z.enum(QA_STATUSES),
    editedByName: z.string().nullable(),
    publishedByName: z.string().nullable(),
    publishedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'QaEntry' });

const ZQaHit = z
  .object({
    id: z.number().int(),
    kind: z.enum(QA_KINDS),
    category: z.enum(QA_CATEGORIES),
    question: z.string(),
    answer: z.string(),
    source: z.string().nullable(),
    orgId: z.number().int(),
    orgName: z.string(),
    effectiveFrom: z.string().nullable(),
    effectiveTo: z.string().nullable(),
    score: z.number(),
    highlights: z
      .object({ question: z.string(), answer: z.string() })
      .describe('HTML-escaped text with <em> around matched words'),
  })
  .meta({ id: 'QaHit' });

const ZQaHot = z
  .object({
    id: z.number().int(),
    kind: z.enum(QA_KINDS),
    category: z.enum(QA_CATEGORIES),
    question: z.string(),
    answer: z.string(),
    source: z.string().nullable(),
    orgId: z.number().int(),
    orgName: z.string(),
    effectiveFrom: z.string().nullable(),
    effectiveTo: z.string().nullable(),
    views: z.number().int().describe('How often the answer was opened'),
  })
  .meta({ id: 'QaHot' });

const fields = {
  kind: z.enum(QA_KINDS),
  category: z.enum(QA_CATEGORIES),
  question: z.string().trim().min(2).max(200),
  answer: z.string().trim().min(2).max(5000),
  source: z.string().trim().max(200).nullable().optional(),
  effectiveFrom: ZDateOrNull.optional(),
  effectiveTo: ZDateOrNull.optional(),
};
const ZNewEntry = z.strictObject({ orgId: ZId, ...fields, kind: fields.kind.default('qa') });
const ZEntryPatch = z.strictObject({
  kind: fields.kind.optional(),
  category: fields.category.optional(),
  question: fields.question.optional(),
  answer: fields.answer.optional(),
  source: fields.source,
  effectiveFrom: fields.effectiveFrom,
  effectiveTo: fields.effectiveTo,
});

export async function qaRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deps } = app;
  const tags = ['qa'];

  r.get(
    '/api/qa/search',
    {
      schema: {
        tags,
        summary: "Search the policy knowledge base (published, in force, of the caller's org and its ancestors)",
        querystring: z.strictObject({
          q: z.string().trim().min(1).max(100),
          category: z.enum(QA_CATEGORIES).optional(),
          limit: z.coerce.number().int().min(1).max(50).default(10),
        }),
        response: { 200: z.object({ items: z.array(ZQaHit), tokens: z.array(z.string()) }), ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return searchEntries(deps.db, actor, { ...req.query, today: chinaDate(deps.clock.now()) });
    },
  );

  r.get(
    '/api/qa/hot',
    {
      schema: {
        tags,
        summary:
          'Before typing: the most opened questions the caller may read (of a category, to browse), and the categories that hold entries',
        querystring: z.strictObject({
          category: z.enum(QA_CATEGORIES).optional(),
          limit: z.coerce.number().int().min(1).max(50).default(10),
        }),
        response: {
          200: z.object({
            items: z.array(ZQaHot),
            categories: z.array(z.object({ category: z.enum(QA_CATEGORIES), entries: z.number().int() })),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => hotEntries(deps.db, requireActor(req), { ...req.query, today: chinaDate(deps.clock.now()) }),
  );

  r.post(
    '/api/qa/entries/:id/views',
    {
      schema: {
        tags,
        summary: 'An answer was opened: counts towards the hot questions (only an entry the caller may read)',
        params: ZIdParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      const seen = await recordView(deps.db, requireActor(req), req.params.id, chinaDate(deps.clock.now()));
      if (!seen) throw new AppError('NOT_FOUND');
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/qa/ask',
    {
      schema: {
        tags,
        summary: 'No answer found: ask the union; the question becomes a case of the service 政策咨询',
        body: z.strictObject({
          question: z.string().trim().min(5).max(500),
          topic: z.string().trim().min(1).max(20).default('其他'),
          orgId: ZId.optional(),
        }),
        response: { 201: z.object({ caseId: z.number().int(), caseNo: z.string() }), ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req, 'member');
      const { question, topic, orgId } = req.body;
      const union = await memberUnion(deps.db, actor.accountId);
      const made = await inTransaction(deps, req, (tx, env) =>
        openCase(tx, env, {
          serviceCategory: 'policy',
          channel: 'online',
          fields: { question, topic },
          accountId: actor.accountId,
          ...(union
            ? { memberId: union.memberId }
            : { contact: { name: actor.displayName }, ...(orgId ? { orgId } : {}) }),
        }),
      );
      return reply.code(201).send({ caseId: made.id, caseNo: made.no });
    },
  );

  r.get(
    '/api/qa/entries',
    {
      schema: {
        tags,
        summary: 'Knowledge-base entries of orgs in scope, drafts included',
        querystring: z.strictObject({
          q: z.string().trim().max(50).optional(),
          status: z.enum(QA_STATUSES).optional(),
          category: z.enum(QA_CATEGORIES).optional(),
          kind: z.enum(QA_KINDS).optional(),
          orgId: ZId.optional(),
          ...ZPageQuery,
        }),
        response: { 200: zPage(ZQaEntry), ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      const { orgId, page, pageSize, ...rest } = req.query;
      const orgPath = orgId
        ? await assertOrgAccess(deps.db, actor, 'qa:entry:read', orgId, 'qa:entry:read')
        : undefined;
      const { items, total } = await listEntries(deps.db, actor, { ...rest, orgPath, page, pageSize });
      return { items, total, page, pageSize };
    },
  );

  r.get(
    '/api/qa/entries/:id',
    {
      schema: {
        tags,
        summary: 'One knowledge-base entry',
        params: ZIdParams,
        response: { 200: ZQaEntry, ...errorResponses },
      },
    },
    async (req) => getEntry(deps.db, requireActor(req, 'staff'), req.params.id),
  );

  r.post(
    '/api/qa/entries',
    {
      schema: {
        tags,
        summary: 'Write a new entry (a draft until a reviewer publishes it)',
        body: ZNewEntry,
        response: { 201: ZQaEntry, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req, 'staff');
      const b = req.body;
      const input = {
        ...b,
        source: b.source ?? null,
        effectiveFrom: b.effectiveFrom ?? null,
        effectiveTo: b.effectiveTo ?? null,
      };
      const id = await inTransaction(deps, req, (tx, env) => createEntry(tx, env, actor, input));
      return reply.code(201).send(await getEntry(deps.db, actor, id));
    },
  );

  r.patch(
    '/api/qa/entries/:id',
    {
      schema: {
        tags,
        summary: 'Edit an entry (a published entry goes back to draft)',
        params: ZIdParams,
        body: ZEntryPatch,
        response: { 200: ZQaEntry, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      await inTransaction(deps, req, (tx, env) => updateEntry(tx, env, actor, req.params.id, req.body));
      return getEntry(deps.db, actor, req.params.id);
    },
  );

  for (const [action, publish] of [
    ['publish', true],
    ['withdraw', false],
  ] as const) {
    r.post(
      `/api/qa/entries/:id/${action}`,
      {
        schema: {
          tags,
          summary: publish ? 'Publish an entry (not one the caller edited last)' : 'Withdraw a published entry',
          params: ZIdParams,
          response: { 200: ZQaEntry, ...errorResponses },
        },
      },
      async (req) => {
        const actor = requireActor(req, 'staff');
        await inTransaction(deps, req, (tx, env) => setPublished(tx, env, actor, req.params.id, publish));
        return getEntry(deps.db, actor, req.params.id);
      },
    );
  }
}
