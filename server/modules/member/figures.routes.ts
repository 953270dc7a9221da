import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assertOrgAccess, hasPermission, type Actor } from '../../kernel/access.js';
import { writeAudit } from '../../kernel/audit.js';
import { auditSource, requireActor } from '../../kernel/context.js';
import { AppError, type Label, type Lang } from '../../kernel/errors.js';
import {
  checkRange,
  seriesWindow,
  sendWorkbook,
  tableWorkbook,
  xlsxResponse,
  type TableColumn,
} from '../../kernel/figures.js';
import { errorResponses, langOf, ZId } from '../../kernel/http.js';
import { AGE_BANDS, MEMBER_FIGURES, memberFigures } from './figures.js';
import { ZDate } from './member.fields.js';
import { JOB_TYPES } from './member.schema.js';

// GET /api/members/figures (会员统计: job type, age band, new employment, joins per month) and the
// .xlsx of each chart's table.

const query = { orgId: ZId.optional(), from: ZDate.optional(), to: ZDate.optional() };
const TABLES = ['jobTypes', 'ages', 'joins'] as const;

const ZMemberFigures = z
  .object({
    total: z.number().int().describe('current members (在会 and 转接中)'),
    newEmployment: z.number().int().describe('of them in a 新就业形态 job type'),
    byJobType: z.array(z.object({ jobType: z.enum(JOB_TYPES), count: z.number().int() })),
    byAge: z.array(z.object({ band: z.enum(AGE_BANDS), count: z.number().int() })),
    window: z.object({ from: z.string(), to: z.string() }).describe('the China dates joinsByMonth covers'),
    joinsByMonth: z.array(z.object({ period: z.string(), joins: z.number().int() })),
  })
  .meta({ id: 'MemberFigures' });

const JOB: Record<(typeof JOB_TYPES)[number], Label> = {
  regular: { zh: '普通职工', en: 'Regular employee' },
  courier: { zh: '快递员', en: 'Courier' },
  food_delivery: { zh: '外卖骑手', en: 'Food delivery rider' },
  truck_driver: { zh: '货车司机', en: 'Truck driver' },
  ride_hailing: { zh: '网约车司机', en: 'Ride-hailing driver' },
  other_new: { zh: '其他新就业形态', en: 'Other new employment' },
};
const AGE: Record<(typeof AGE_BANDS)[number], Label> = {
  under25: { zh: '25 岁以下', en: 'Under 25' },
  '25to34': { zh: '25–34 岁', en: '25–34' },
  '35to44': { zh: '35–44 岁', en: '35–44' },
  '45to54': { zh: '45–54 岁', en: '45–54' },
  '55plus': { zh: '55 岁及以上', en: '55 and over' },
};
const COUNT: TableColumn = { key: 'count', label: { zh: '人数', en: 'Members' } };
const TABLE_DEFS: Record<(typeof TABLES)[number], { title: Label; columns: TableColumn[] }> = {
  jobTypes: {
    title: { zh: '会员就业形态', en: 'Members by job type' },
    columns: [{ key: 'label', label: { zh: '就业形态', en: 'Job type' }, width: 18 }, COUNT],
  },
  ages: {
    title: { zh: '会员年龄结构', en: 'Members by age' },
    columns: [{ key: 'label', label: { zh: '年龄段', en: 'Age band' } }, COUNT],
  },
  joins: {
    title: { zh: '每月入会人数', en: 'Joins per month' },
    columns: [
      { key: 'period', label: { zh: '月份', en: 'Month' } },
      { key: 'joins', label: { zh: '入会人数', en: 'Joins' } },
    ],
  },
};

type Figures = Awaited<ReturnType<typeof memberFigures>>;
function tableRows(table: (typeof TABLES)[number], f: Figures, lang: Lang) {
  switch (table) {
    case 'jobTypes':
      return f.byJobType.map((j) => ({ label: JOB[j.jobType][lang], count: j.count }));
    case 'ages':
      return f.byAge.map((a) => ({ label: AGE[a.band][lang], count: a.count }));
    case 'joins':
      return f.joinsByMonth.map((j) => ({ period: j.period.slice(0, 7), joins: j.joins }));
  }
}

export async function memberFigureRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deps } = app;
  const tags = ['members'];

  const figuresOf = async (actor: Actor, q: { orgId?: number | undefined; from?: string; to?: string }) => {
    if (!hasPermission(actor, MEMBER_FIGURES)) throw new AppError('FORBIDDEN');
    const orgPath = q.orgId
      ? await assertOrgAccess(deps.db, actor, MEMBER_FIGURES, q.orgId, 'member:member:read')
      : undefined;
    const now = deps.clock.now();
    return memberFigures(deps.db, actor, now, { orgPath, window: seriesWindow('month', now, q) });
  };

  r.get(
    '/api/members/figures',
    {
      schema: {
        tags,
        summary:
          'Member figures in scope: current members by job type and age band (from the birth date), joins per month (without dates: the last 12 months)',
        querystring: z.strictObject(query).superRefine(checkRange),
        response: { 200: ZMemberFigures, ...errorResponses },
      },
    },
    async (req) => figuresOf(requireActor(req, 'staff'), req.query),
  );

  r.get(
    '/api/members/figures/export',
    {
      schema: {
        tags,
        summary: "One chart's table of the member figures as .xlsx (same scope and dates; audited)",
        querystring: z.strictObject({ ...query, table: z.enum(TABLES) }).superRefine(checkRange),
        response: { 200: xlsxResponse, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req, 'staff');
      const { table, ...q } = req.query;
      const figures = await figuresOf(actor, q);
      const lang = langOf(req);
      const rows = tableRows(table, figures, lang);
      const def = TABLE_DEFS[table];
      const file = await tableWorkbook(def.title, def.columns, rows, lang);
      await deps.db.transaction((tx) =>
        writeAudit(tx, deps.crypto, auditSource(req, deps.clock), {
          orgId: actor.orgId,
          action: 'member.figures.export',
          targetType: 'figures',
          after: { table, rows: rows.length, orgId: q.orgId ?? null, from: q.from ?? null, to: q.to ?? null },
        }),
      );
      const raw: FastifyReply = reply; // a file, sent as it is
      return sendWorkbook(raw, file, `member-figures-${table}`, def.title.zh, deps.clock.now());
    },
  );
}
