import { asc, eq, inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../kernel/context.js';
import { errorResponses } from '../../kernel/http.js';
import { memberUnion } from '../member/index.js';
import { orgRef, pathIds } from '../org/index.js';
import { congressBody } from './congress.schema.js';

// 厂务公开 for the workforce: the congress bodies whose 厂务公开 a member may read — those at the
// member's union or one of its ancestors (the same rule publication.ts applies per body), so a
// worker who holds no seat still finds their enterprise's congress from the H5 home.

const ZPublicationEntry = z
  .object({ bodyId: z.number().int(), bodyName: z.string(), orgName: z.string() })
  .meta({ id: 'CongressPublicationEntry' });

export async function congressPublicationMeRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deps } = app;

  r.get(
    '/api/me/congress/publications',
    {
      schema: {
        tags: ['congress'],
        summary: "The congress bodies whose 厂务公开 the member may read (at the member's union or an ancestor)",
        response: { 200: z.object({ items: z.array(ZPublicationEntry) }), ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'member');
      const union = await memberUnion(deps.db, actor.accountId);
      const ids = union ? pathIds(union.path) : [];
      if (ids.length === 0) return { items: [] };
      const rows = await deps.db
        .select({ bodyId: congressBody.id, bodyName: congressBody.name, orgName: orgRef.name, path: orgRef.path })
        .from(congressBody)
        .innerJoin(orgRef, eq(orgRef.id, congressBody.orgId))
        .where(inArray(congressBody.orgId, ids))
        .orderBy(asc(congressBody.id));
      // the nearest body first: the member's own enterprise before the higher unions
      rows.sort((a, b) => b.path.length - a.path.length || a.bodyId - b.bodyId);
      return { items: rows.map(({ bodyId, bodyName, orgName }) => ({ bodyId, bodyName, orgName })) };
    },
  );
}
