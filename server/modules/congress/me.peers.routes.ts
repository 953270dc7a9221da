import { and, asc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../kernel/context.js';
import { errorResponses, ZIdParams } from '../../kernel/http.js';
import { memberRef } from '../member/index.js';
import { orgRef } from '../org/index.js';
import { requireRepresentative } from './congress.access.js';
import { rulesAt } from './congress.rules.js';
import { congressBody, congressRepresentative, congressTerm } from './congress.schema.js';

// The fellow representatives of a term, as a representative sees them when picking co-signers for
// a proposal (附议): name and delegation only — no phone, no member record. Only a serving
// representative of that term may ask; the list holds the term's serving representatives, and
// `cosignMin` says how many of them must accept before the proposal reaches the committee.

const ZPeer = z
  .object({ id: z.number().int().describe('representative id'), name: z.string(), delegation: z.string() })
  .meta({ id: 'CongressPeer' });

export async function congressPeerRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deps } = app;

  r.get(
    '/api/me/congress/terms/:id/representatives',
    {
      schema: {
        tags: ['congress'],
        summary: "A term's serving representatives, for a representative of it choosing co-signers",
        params: ZIdParams,
        response: {
          200: z.object({ items: z.array(ZPeer), cosignMin: z.number().int() }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'member');
      await requireRepresentative(deps.db, actor, req.params.id);
      const [org] = await deps.db
        .select({ path: orgRef.path })
        .from(congressTerm)
        .innerJoin(congressBody, eq(congressBody.id, congressTerm.bodyId))
        .innerJoin(orgRef, eq(orgRef.id, congressBody.orgId))
        .where(eq(congressTerm.id, req.params.id));
      const rules = org ? await rulesAt(deps.db, org.path) : null;
      const items = await deps.db
        .select({ id: congressRepresentative.id, name: memberRef.name, delegation: congressRepresentative.delegation })
        .from(congressRepresentative)
        .innerJoin(memberRef, eq(memberRef.id, congressRepresentative.memberId))
        .where(and(eq(congressRepresentative.termId, req.params.id), eq(congressRepresentative.state, 'active')))
        .orderBy(asc(congressRepresentative.delegation), asc(congressRepresentative.id));
      return { items, cosignMin: rules?.cosignMin ?? 0 };
    },
  );
}
