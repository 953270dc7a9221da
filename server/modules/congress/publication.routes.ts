import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../kernel/context.js';
import { errorResponses, ZIdParams } from '../../kernel/http.js';
import { ZEvaluation, ZFollowup } from './evaluation.routes.js';
import { ZJointMeeting } from './joint.routes.js';
import { publication } from './publication.js';
import { ZPublicProposal } from './proposal.shapes.js';
import { ZResult } from './vote.routes.js';

// 厂务公开: a body's published congress record, for its workforce (members of the org subtree) and staff.

const ZPublication = z
  .object({
    body: z.object({ id: z.number().int(), name: z.string(), orgName: z.string() }),
    sessions: z.array(
      z.object({
        id: z.number().int(),
        termNumber: z.number().int(),
        number: z.number().int(),
        title: z.string(),
        startsAt: z.iso.datetime(),
        publishedAt: z.iso.datetime(),
        resolutions: z.array(
          z.object({
            motionId: z.number().int(),
            title: z.string(),
            result: ZResult.nullable(),
          }),
        ),
      }),
    ),
    evaluations: z.array(ZEvaluation),
    followups: z.array(ZFollowup),
    jointMeetings: z.array(ZJointMeeting),
    proposals: z.array(ZPublicProposal),
  })
  .meta({ id: 'CongressPublication' });

export async function publicationRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deps } = app;

  r.get(
    '/api/congress/bodies/:id/publication',
    {
      schema: {
        tags: ['congress'],
        summary:
          "厂务公开: a body's published sessions with resolutions, evaluation results, follow-ups, confirmed joint meetings and proposal progress",
        params: ZIdParams,
        response: { 200: ZPublication, ...errorResponses },
      },
    },
    async (req) => publication(deps.db, requireActor(req), req.params.id, deps.clock.now()),
  );
}
