import { and, asc, eq, ilike, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hasPermission } from '../../kernel/access.js';
import { requireActor } from '../../kernel/context.js';
import { escapeLike } from '../../kernel/db.js';
import { AppError } from '../../kernel/errors.js';
import { errorResponses } from '../../kernel/http.js';
import { orgRef } from '../org/index.js';

// Where a case can be transferred: any active org of the federation, also outside the handler's
// own subtree (a case legitimately moves across regions, PRODUCT.md §3.2). Only an org's name,
// code, type and parent are shown — nothing inside it.

const ZTarget = z
  .object({
    id: z.number().int(),
    name: z.string(),
    code: z.string(),
    type: z.string(),
    parentName: z.string().nullable(),
  })
  .meta({ id: 'TransferTarget' });

export async function transferTargetRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deps } = app;
  r.get(
    '/api/cases/transfer-targets',
    {
      schema: {
        tags: ['cases'],
        summary:
          'Active orgs a case may be transferred to, federation-wide, by a part of their name or code (at most 20)',
        querystring: z.strictObject({ q: z.string().trim().min(1).max(50) }),
        response: { 200: z.object({ items: z.array(ZTarget) }), ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      if (!hasPermission(actor, 'service:case:handle')) throw new AppError('FORBIDDEN');
      const parent = alias(orgRef, 'parent');
      const part = `%${escapeLike(req.query.q)}%`;
      const items = await deps.db
        .select({ id: orgRef.id, name: orgRef.name, code: orgRef.code, type: orgRef.type, parentName: parent.name })
        .from(orgRef)
        .leftJoin(parent, eq(parent.id, orgRef.parentId))
        .where(and(eq(orgRef.status, 'active'), or(ilike(orgRef.name, part), ilike(orgRef.code, part))))
        .orderBy(asc(orgRef.path))
        .limit(20);
      return { items };
    },
  );
}
