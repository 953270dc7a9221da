import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTransaction, requireActor } from '../../kernel/context.js';
import { errorResponses, langOf, ZId, ZIdParams, zPage, ZPageQuery } from '../../kernel/http.js';
import { compositionOf } from './composition.js';
import { termFor } from './congress.access.js';
import { ZDay } from './congress.routes.js';
import { rulesAt } from './congress.rules.js';
import { REPRESENTATIVE_CATEGORIES, REPRESENTATIVE_STATES } from './congress.schema.js';
import { ZRepresentative } from './congress.view.js';
import {
  addRepresentative,
  endRepresentative,
  listRepresentatives,
  replaceRepresentative,
} from './representative.service.js';

// Representatives of a term and the term's composition (API contract Part A).

const READ = 'congress:congress:read' as const;
const ZCategory = z.enum(REPRESENTATIVE_CATEGORIES, { message: 'congress.category' });
const ZDelegation = z.string().trim().min(1, 'congress.delegation').max(50, 'congress.delegation');
const ZReason = z.string().trim().min(1, 'congress.reason').max(200, 'congress.reason');
const share = z.number();

const ZComposition = z
  .object({
    total: z.number().int(),
    counts: z.object({
      frontline: z.number().int(),
      technical: z.number().int(),
      manager: z.number().int(),
      other: z.number().int(),
      women: z.number().int(),
      men: z.number().int(),
    }),
    shares: z.object({ frontline: share, technical: share, manager: share, other: share, women: share }),
    workforce: z.object({ members: z.number().int(), women: z.number().int(), womenShare: share }),
    rules: z.array(
      z.object({ code: z.string(), held: z.boolean(), level: z.enum(['error', 'warning']), detail: z.string() }),
    ),
  })
  .meta({ id: 'CongressComposition' });

export async function representativeRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deps } = app;
  const tags = ['congress'];

  r.get(
    '/api/congress/terms/:id/representatives',
    {
      schema: {
        tags,
        summary: "A term's representatives (including replaced and departed ones unless filtered), paged",
        params: ZIdParams,
        querystring: z.strictObject({
          state: z.enum(REPRESENTATIVE_STATES).optional(),
          delegation: z.string().max(50).optional(),
          category: ZCategory.optional(),
          q: z.string().max(50).optional(),
          ...ZPageQuery,
        }),
        response: { 200: zPage(ZRepresentative), ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      const { page, pageSize } = req.query;
      return { ...(await listRepresentatives(deps.db, actor, req.params.id, req.query)), page, pageSize };
    },
  );

  r.post(
    '/api/congress/terms/:id/representatives',
    {
      schema: {
        tags,
        summary: "Adds a representative: a current member of the body's org subtree, once per term",
        params: ZIdParams,
        body: z.strictObject({
          memberId: ZId,
          delegation: ZDelegation,
          category: ZCategory,
          startedOn: ZDay.optional(),
        }),
        response: { 201: ZRepresentative, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req, 'staff');
      const rep = await inTransaction(deps, req, (tx, env) =>
        addRepresentative(tx, env, actor, req.params.id, req.body),
      );
      return reply.code(201).send(rep);
    },
  );

  r.post(
    '/api/congress/representatives/:id/replace',
    {
      schema: {
        tags,
        summary:
          'Replaces a representative during the term: the seat ends (kept, pointing at its successor) and the successor starts',
        params: ZIdParams,
        body: z.strictObject({
          memberId: ZId,
          delegation: ZDelegation.optional(),
          category: ZCategory.optional(),
          reason: ZReason,
          on: ZDay.optional(),
        }),
        response: { 200: z.object({ ended: ZRepresentative, successor: ZRepresentative }), ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      return inTransaction(deps, req, (tx, env) => replaceRepresentative(tx, env, actor, req.params.id, req.body));
    },
  );

  r.post(
    '/api/congress/representatives/:id/end',
    {
      schema: {
        tags,
        summary: "Ends a representative's seat (left), keeping the row",
        params: ZIdParams,
        body: z.strictObject({ reason: ZReason, on: ZDay.optional() }),
        response: { 200: ZRepresentative, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      return inTransaction(deps, req, (tx, env) => endRepresentative(tx, env, actor, req.params.id, req.body));
    },
  );

  r.get(
    '/api/congress/terms/:id/composition',
    {
      schema: {
        tags,
        summary: "The term's composition (categories, women against the workforce) and the composition rules",
        params: ZIdParams,
        response: { 200: ZComposition, ...errorResponses },
      },
    },
    async (req) => {
      const { term, path } = await termFor(deps.db, requireActor(req, 'staff'), READ, req.params.id);
      return compositionOf(deps.db, term.id, path, await rulesAt(deps.db, path), langOf(req));
    },
  );
}
