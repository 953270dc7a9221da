import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assertOrgAccess } from '../../kernel/access.js';
import { inTransaction, requireActor } from '../../kernel/context.js';
import { errorResponses, ZId, ZIdParams, zPage, ZPageQuery } from '../../kernel/http.js';
import { termFor } from './congress.access.js';
import { rulesAt, setRules, ZCongressRules } from './congress.rules.js';
import { bodyDetail, createBody, createTerm, listBodies } from './congress.service.js';
import { ZBody, ZTerm, termView } from './congress.view.js';

// Rules, bodies and terms (API contract Part A).

const READ = 'congress:congress:read' as const;
const MANAGE = 'congress:congress:manage' as const;

// A calendar date; the refinement runs even when the pattern failed, so it must not throw on junk.
export const ZDay = z
  .string()
  .max(10, 'congress.date')
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'congress.date')
  .refine((d) => {
    const at = Date.parse(`${d}T00:00:00Z`);
    return !Number.isNaN(at) && new Date(at).toISOString().startsWith(d);
  }, 'congress.date');

const ZRulesOut = z.object({ orgId: z.number().int(), rules: ZCongressRules }).meta({ id: 'CongressRulesAt' });

export async function congressRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deps } = app;
  const tags = ['congress'];

  r.get(
    '/api/congress/rules',
    {
      schema: {
        tags,
        summary:
          "The congress rules in force at an org (its own setting, else the nearest ancestor's, else the defaults)",
        querystring: z.strictObject({ orgId: ZId }),
        response: { 200: ZRulesOut, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      const path = await assertOrgAccess(deps.db, actor, READ, req.query.orgId, READ);
      return { orgId: req.query.orgId, rules: await rulesAt(deps.db, path) };
    },
  );

  r.put(
    '/api/congress/rules/:orgId',
    {
      schema: {
        tags,
        summary: "Sets an org's congress rules for its subtree (the keys given; the rest inherit)",
        params: z.strictObject({ orgId: ZId }),
        body: z.strictObject({ rules: ZCongressRules.partial() }),
        response: { 200: ZRulesOut, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      const { orgId } = req.params;
      return inTransaction(deps, req, async (tx, env) => {
        const path = await assertOrgAccess(tx, actor, MANAGE, orgId, READ);
        await setRules(tx, env, orgId, req.body.rules);
        return { orgId, rules: await rulesAt(tx, path) };
      });
    },
  );

  r.get(
    '/api/congress/bodies',
    {
      schema: {
        tags,
        summary: 'Congress bodies in scope (optionally under an org, or by part of the name), paged',
        querystring: z.strictObject({ orgId: ZId.optional(), q: z.string().max(100).optional(), ...ZPageQuery }),
        response: { 200: zPage(ZBody), ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      const { page, pageSize } = req.query;
      return { ...(await listBodies(deps.db, actor, req.query, deps.clock.now())), page, pageSize };
    },
  );

  r.post(
    '/api/congress/bodies',
    {
      schema: {
        tags,
        summary: 'Creates the congress of an enterprise union (one name per org)',
        body: z.strictObject({ orgId: ZId, name: z.string().trim().min(1, 'congress.name').max(100, 'congress.name') }),
        response: { 201: ZBody, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req, 'staff');
      const body = await inTransaction(deps, req, (tx, env) => createBody(tx, env, actor, req.body));
      return reply.code(201).send(body);
    },
  );

  r.get(
    '/api/congress/bodies/:id',
    {
      schema: {
        tags,
        summary: 'A congress body with its terms',
        params: ZIdParams,
        response: {
          200: ZBody.extend({
            terms: z.array(
              z.object({
                id: z.number().int(),
                number: z.number().int(),
                startsOn: z.string(),
                endsOn: z.string(),
                representatives: z.number().int(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => bodyDetail(deps.db, requireActor(req, 'staff'), req.params.id, deps.clock.now()),
  );

  r.post(
    '/api/congress/bodies/:id/terms',
    {
      schema: {
        tags,
        summary: 'Opens a term (届) of the body; its length must lie within the rules (3–5 years by default)',
        params: ZIdParams,
        body: z
          .strictObject({ number: z.number().int().min(1).max(99), startsOn: ZDay, endsOn: ZDay })
          .refine((b) => b.endsOn > b.startsOn, { message: 'congress.period', path: ['endsOn'] }),
        response: { 201: ZTerm, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req, 'staff');
      const term = await inTransaction(deps, req, (tx, env) => createTerm(tx, env, actor, req.params.id, req.body));
      return reply.code(201).send(term);
    },
  );

  r.get(
    '/api/congress/terms/:id',
    {
      schema: {
        tags,
        summary: 'A term with its counts',
        params: ZIdParams,
        response: { 200: ZTerm, ...errorResponses },
      },
    },
    async (req) => {
      const { term, body } = await termFor(deps.db, requireActor(req, 'staff'), READ, req.params.id);
      return termView(deps.db, term, body);
    },
  );
}
