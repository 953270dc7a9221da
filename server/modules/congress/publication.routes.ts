import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../kernel/context.js';
import { errorResponses, ZIdParams } from '../../kernel/http.js';
import { ZEvaluation, ZFollowup } from './evaluation.routes.js';
import { ZJointMeeting } from './joint.routes.js';
import { publication } from './publication.js';

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
            result: z
              .object({
                for: z.number().int(),
                against: z.number().int(),
                abstain: z.number().int(),
                invalid: z.number().int(),
                present: z.number().int(),
                total: z.number().int(),
                passed: z.boolean(),
                void: z.boolean(),
              })
              .nullable(),
          }),
        ),
      }),
    ),
    evaluations: z.array(ZEvaluation),
    followups: z.array(ZFollowup),
    jointMeetings: z.array(ZJointMeeting),
    proposals: z.array(
      z.object({
        number: z.number().int(),
        title: z.string(),
        proposerName: z.string(),
        state: z.string(),
        departments: z.array(z.string()),
        answeredAt: z.string().nullable(),
        rating: z.string().nullable(),
      }),
    ),
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
