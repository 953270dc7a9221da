import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../kernel/context.js';
import { errorResponses, ZId, ZIdParams, zPage, ZPageQuery } from '../../kernel/http.js';
import { termFor } from './congress.access.js';
import { addDutyRecord, myDutyRecords, termDutyRecords } from './duty.service.js';
import { READ } from './proposal.service.js';
import { ZDate, ZDutyKind, ZDutyRecord, ZSummary } from './proposal.shapes.js';

// 履职记录: representatives record their work between sessions on the H5; staff read a term's.

export async function dutyRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deps } = app;
  const tags = ['congress'];

  r.post(
    '/api/me/congress/duty-records',
    {
      schema: {
        tags,
        summary: 'Record a duty (visit, opinion collected, inspection) as a representative of the term',
        body: z.strictObject({ termId: ZId, kind: ZDutyKind, on: ZDate, summary: ZSummary }),
        response: { 201: ZDutyRecord, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req, 'member');
      const at = deps.clock.now();
      const rec = await deps.db.transaction((tx) => addDutyRecord(tx, actor, at, req.body));
      return reply.code(201).send(rec);
    },
  );

  r.get(
    '/api/me/congress/duty-records',
    {
      schema: {
        tags,
        summary: 'My duty records in every term I serve(d) in, newest first',
        response: { 200: z.object({ items: z.array(ZDutyRecord) }), ...errorResponses },
      },
    },
    async (req) => ({ items: await myDutyRecords(deps.db, requireActor(req, 'member')) }),
  );

  r.get(
    '/api/congress/terms/:id/duty-records',
    {
      schema: {
        tags,
        summary: 'A term’s duty records, newest first',
        params: ZIdParams,
        querystring: z.strictObject({ ...ZPageQuery }),
        response: { 200: zPage(ZDutyRecord), ...errorResponses },
      },
    },
    async (req) => {
      const { term } = await termFor(deps.db, requireActor(req, 'staff'), READ, req.params.id);
      const { page, pageSize } = req.query;
      return { ...(await termDutyRecords(deps.db, term.id, page, pageSize)), page, pageSize };
    },
  );
}
