import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../kernel/context.js';
import { errorResponses } from '../../kernel/http.js';
import { pendingWork, todayFigures, totalOf } from './workbench.service.js';

const ZTodo = z
  .object({
    key: z.string().describe('module.thing, e.g. service.accept'),
    zh: z.string(),
    en: z.string(),
    count: z.number().int().describe('the total the list at `path` shows (lists that cap their count stop at 10,000)'),
    path: z.string().describe('console path listing exactly these items'),
    overlaps: z
      .boolean()
      .describe('its items are also counted by another counter: left out of `total` and menu badges'),
  })
  .meta({ id: 'WorkbenchTodo' });

const ZFigure = z
  .object({
    key: z.string(),
    zh: z.string(),
    en: z.string(),
    value: z.number(),
    path: z.string().nullable(),
  })
  .meta({ id: 'WorkbenchFigure' });

const ZPending = z.object({
  todo: z.array(ZTodo),
  total: z.number().int().describe('the pending work, each item once (overlapping counters left out)'),
});

export async function workbenchRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deps } = app;
  const tags = ['workbench'];

  r.get(
    '/api/workbench',
    {
      schema: {
        tags,
        summary:
          "The console's workbench: the caller's pending work per kind (counted in scope, only for permissions held) and today's figures",
        querystring: z.strictObject({}),
        response: { 200: ZPending.extend({ today: z.array(ZFigure) }).meta({ id: 'Workbench' }), ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      const now = deps.clock.now();
      const todo = await pendingWork(deps.db, actor, now);
      return { todo, total: totalOf(todo), today: await todayFigures(deps.db, actor, now) };
    },
  );

  r.get(
    '/api/workbench/pending',
    {
      schema: {
        tags,
        summary: 'Only the pending-work counters: what the bell and the menu badges poll (every 20 s while visible)',
        querystring: z.strictObject({}),
        response: { 200: ZPending.meta({ id: 'WorkbenchPending' }), ...errorResponses },
      },
    },
    async (req) => {
      const todo = await pendingWork(deps.db, requireActor(req, 'staff'), deps.clock.now());
      return { todo, total: totalOf(todo) };
    },
  );
}
