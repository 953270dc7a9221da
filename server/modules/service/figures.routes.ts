import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assertOrgAccess, hasPermission } from '../../kernel/access.js';
import { writeAudit } from '../../kernel/audit.js';
import { auditSource, requireActor } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors.js';
import { checkRange, GRANULARITIES, sendWorkbook, seriesWindow, xlsxResponse } from '../../kernel/figures.js';
import { errorResponses, langOf, ZId } from '../../kernel/http.js';
import { ZDate } from '../member/index.js';
import { CASE_READ } from './case.access.js';
import { CASE_FIGURE_TABLES, caseFigureWorkbook } from './figures.export.js';
import { caseFigures } from './figures.js';
import { caseSeries } from './figures.series.js';

// GET /api/cases/figures (the numbers and series the 服务统计 page draws) and its per-chart .xlsx.

const figuresQuery = {
  orgId: ZId.optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
  granularity: z
    .enum(GRANULARITIES)
    .default('month')
    .describe('the period of `series` (China time; weeks from Monday)'),
};

const ZSeriesPoint = z.object({
  period: z.string().describe('the first day of the period, YYYY-MM-DD'),
  total: z.number().int(),
  online: z.number().int(),
  counter: z.number().int(),
  phone: z.number().int(),
  rated: z.number().int(),
  satisfied: z.number().int().describe('rated 满意 or 基本满意'),
  satisfactionRate: z.number().nullable(),
});

const ZCaseFigures = z
  .object({
    total: z.number().int(),
    open: z.number().int(),
    overdue: z.number().int(),
    closedThisMonth: z.number().int(),
    avgHandlingHours: z.number().nullable(),
    rated: z.number().int(),
    satisfactionRate: z.number().nullable(),
    byChannel: z.array(
      z.object({ channel: z.string(), total: z.number().int(), open: z.number().int(), resolved: z.number().int() }),
    ),
    byService: z.array(
      z.object({
        serviceId: z.number().int(),
        serviceName: z.string(),
        category: z.string(),
        total: z.number().int(),
        open: z.number().int(),
        overdue: z.number().int(),
        resolved: z.number().int(),
      }),
    ),
    granularity: z.enum(GRANULARITIES),
    window: z.object({ from: z.string(), to: z.string() }).describe('the China dates `series` covers'),
    series: z.array(ZSeriesPoint),
  })
  .meta({ id: 'CaseFigures' });

export async function caseFigureRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deps } = app;
  const tags = ['cases'];

  const figuresOf = async (
    req: { query: { orgId?: number | undefined; from?: string | undefined; to?: string | undefined } },
    actor: Parameters<typeof caseFigures>[1],
    granularity: (typeof GRANULARITIES)[number],
  ) => {
    if (!hasPermission(actor, CASE_READ)) throw new AppError('FORBIDDEN');
    const { orgId, from, to } = req.query;
    const orgPath = orgId ? await assertOrgAccess(deps.db, actor, CASE_READ, orgId, CASE_READ) : undefined;
    const now = deps.clock.now();
    const window = seriesWindow(granularity, now, { from, to });
    const totals = await caseFigures(deps.db, actor, now, { orgPath, from, to });
    const series = await caseSeries(deps.db, actor, granularity, window, orgPath);
    return { ...totals, granularity, window, series };
  };

  r.get(
    '/api/cases/figures',
    {
      schema: {
        tags,
        summary:
          'Service-center figures in scope: open, overdue, closed this month, handling time, satisfaction; by channel and service; cases per day, week or month by channel with their ratings (without dates: the last 30 days, 26 weeks or 12 months)',
        querystring: z.strictObject(figuresQuery).superRefine(checkRange),
        response: { 200: ZCaseFigures, ...errorResponses },
      },
    },
    async (req) => figuresOf(req, requireActor(req, 'staff'), req.query.granularity),
  );

  r.get(
    '/api/cases/figures/export',
    {
      schema: {
        tags,
        summary: "One chart's table of the figures as .xlsx (same scope, org and dates; audited)",
        querystring: z.strictObject({ ...figuresQuery, table: z.enum(CASE_FIGURE_TABLES) }).superRefine(checkRange),
        response: { 200: xlsxResponse, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req, 'staff');
      const figures = await figuresOf(req, actor, req.query.granularity);
      const lang = langOf(req);
      const { file, rows, title } = await caseFigureWorkbook(req.query.table, figures, lang);
      const { orgId, from, to, granularity, table } = req.query;
      await deps.db.transaction((tx) =>
        writeAudit(tx, deps.crypto, auditSource(req, deps.clock), {
          orgId: actor.orgId,
          action: 'case.figures.export',
          targetType: 'figures',
          after: { table, rows, orgId: orgId ?? null, from: from ?? null, to: to ?? null, granularity },
        }),
      );
      const raw: FastifyReply = reply; // a file, sent as it is
      return sendWorkbook(raw, file, `case-figures-${table}`, title.zh, deps.clock.now());
    },
  );
}
