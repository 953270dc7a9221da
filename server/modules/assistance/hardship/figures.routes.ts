import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assertOrgAccess, hasPermission, type Actor } from '../../../kernel/access.js';
import { writeAudit } from '../../../kernel/audit.js';
import { auditSource, requireActor } from '../../../kernel/context.js';
import { AppError, type Label, type Lang } from '../../../kernel/errors.js';
import { checkRange, sendWorkbook, tableWorkbook, xlsxResponse, type TableColumn } from '../../../kernel/figures.js';
import { errorResponses, langOf, ZId } from '../../../kernel/http.js';
import { ZDate } from '../../member/index.js';
import { HARDSHIP_FIGURES, hardshipFigures } from './figures.js';
import { HARDSHIP_CATEGORIES, HARDSHIP_CAUSES } from './hardship.schema.js';
import { CATEGORY_LABELS, CAUSE_LABELS } from './labels.js';

// GET /api/hardship/figures (帮扶统计: households on file by category and cause) and the .xlsx of
// each chart's table.

const query = { orgId: ZId.optional(), from: ZDate.optional(), to: ZDate.optional() };
const TABLES = ['categories', 'causes'] as const;

const ZHardshipFigures = z
  .object({
    total: z.number().int().describe('files in draft, verifying or filed'),
    byCategory: z.array(z.object({ category: z.enum(HARDSHIP_CATEGORIES), count: z.number().int() })),
    byCause: z.array(z.object({ cause: z.enum(HARDSHIP_CAUSES), count: z.number().int() })),
  })
  .meta({ id: 'HardshipFigures' });

const COUNT: TableColumn = { key: 'count', label: { zh: '户数', en: 'Households' } };
const TABLE_DEFS: Record<(typeof TABLES)[number], { title: Label; columns: TableColumn[] }> = {
  categories: {
    title: { zh: '困难类别', en: 'By category' },
    columns: [{ key: 'label', label: { zh: '困难类别', en: 'Category' } }, COUNT],
  },
  causes: {
    title: { zh: '致困原因', en: 'By cause' },
    columns: [{ key: 'label', label: { zh: '致困原因', en: 'Cause' } }, COUNT],
  },
};

type Figures = Awaited<ReturnType<typeof hardshipFigures>>;
function tableRows(table: (typeof TABLES)[number], f: Figures, lang: Lang) {
  return table === 'categories'
    ? f.byCategory.map((c) => ({ label: CATEGORY_LABELS[c.category][lang], count: c.count }))
    : f.byCause.map((c) => ({ label: CAUSE_LABELS[c.cause][lang], count: c.count }));
}

export async function hardshipFigureRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deps } = app;
  const tags = ['hardship'];

  const figuresOf = async (actor: Actor, q: { orgId?: number | undefined; from?: string; to?: string }) => {
    if (!hasPermission(actor, HARDSHIP_FIGURES)) throw new AppError('FORBIDDEN');
    const orgPath = q.orgId
      ? await assertOrgAccess(deps.db, actor, HARDSHIP_FIGURES, q.orgId, HARDSHIP_FIGURES)
      : undefined;
    return hardshipFigures(deps.db, actor, { orgPath, from: q.from, to: q.to });
  };

  r.get(
    '/api/hardship/figures',
    {
      schema: {
        tags,
        summary:
          'Hardship figures in scope: households on file (draft, verifying, filed) by category and by cause; dates count the files opened then',
        querystring: z.strictObject(query).superRefine(checkRange),
        response: { 200: ZHardshipFigures, ...errorResponses },
      },
    },
    async (req) => figuresOf(requireActor(req, 'staff'), req.query),
  );

  r.get(
    '/api/hardship/figures/export',
    {
      schema: {
        tags,
        summary: "One chart's table of the hardship figures as .xlsx (same scope and dates; audited)",
        querystring: z.strictObject({ ...query, table: z.enum(TABLES) }).superRefine(checkRange),
        response: { 200: xlsxResponse, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req, 'staff');
      const { table, ...q } = req.query;
      const lang = langOf(req);
      const rows = tableRows(table, await figuresOf(actor, q), lang);
      const def = TABLE_DEFS[table];
      const file = await tableWorkbook(def.title, def.columns, rows, lang);
      await deps.db.transaction((tx) =>
        writeAudit(tx, deps.crypto, auditSource(req, deps.clock), {
          orgId: actor.orgId,
          action: 'hardship.figures.export',
          targetType: 'figures',
          after: { table, rows: rows.length, orgId: q.orgId ?? null, from: q.from ?? null, to: q.to ?? null },
        }),
      );
      const raw: FastifyReply = reply; // a file, sent as it is
      return sendWorkbook(raw, file, `hardship-figures-${table}`, def.title.zh, deps.clock.now());
    },
  );
}
