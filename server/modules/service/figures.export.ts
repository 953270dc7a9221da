import type { Label, Lang } from '../../kernel/errors.js';
import { tableWorkbook, type TableColumn } from '../../kernel/figures.js';
import type { caseFigures } from './figures.js';
import type { SeriesPoint } from './figures.series.js';

// The tables behind the 服务统计 charts, as the console shows them under 表格, for the .xlsx export.

export const CASE_FIGURE_TABLES = ['trend', 'channels', 'services'] as const;
type Table = (typeof CASE_FIGURE_TABLES)[number];

type Figures = Awaited<ReturnType<typeof caseFigures>> & { series: SeriesPoint[] };

const CHANNEL: Record<string, Label> = {
  online: { zh: '线上', en: 'Online' },
  counter: { zh: '窗口', en: 'Counter' },
  phone: { zh: '电话', en: 'Phone' },
};
const CATEGORY: Record<string, Label> = {
  legal_aid: { zh: '法律援助/维权', en: 'Legal aid' },
  hardship_help: { zh: '帮扶救助', en: 'Hardship help' },
  counselling: { zh: '心理咨询', en: 'Counselling' },
  health_check: { zh: '健康体检', en: 'Health check' },
  recuperation: { zh: '疗休养', en: 'Recuperation' },
  education: { zh: '职工教育/学历提升', en: 'Education' },
  travel: { zh: '职工旅游', en: 'Travel' },
  policy: { zh: '政策咨询', en: 'Policy questions' },
};
const col = (key: string, zh: string, en: string, width?: number): TableColumn => ({
  key,
  label: { zh, en },
  ...(width ? { width } : {}),
});
const TOTAL = col('total', '工单数', 'Cases');
const OPEN = col('open', '在办', 'Open');
const RESOLVED = col('resolved', '已办结', 'Resolved');

const TABLES: Record<Table, { title: Label; columns: TableColumn[] }> = {
  trend: {
    title: { zh: '工单趋势', en: 'Cases over time' },
    columns: [
      col('period', '期间', 'Period', 12),
      TOTAL,
      col('online', '线上', 'Online'),
      col('counter', '窗口', 'Counter'),
      col('phone', '电话', 'Phone'),
      col('rated', '已评价', 'Rated'),
      col('satisfied', '满意（含基本满意）', 'Satisfied', 18),
      col('rate', '满意率', 'Satisfaction'),
    ],
  },
  channels: {
    title: { zh: '渠道分布', en: 'By channel' },
    columns: [col('channel', '渠道', 'Channel'), TOTAL, OPEN, RESOLVED],
  },
  services: {
    title: { zh: '服务事项', en: 'By service' },
    columns: [
      col('service', '服务事项', 'Service', 28),
      col('category', '类别', 'Category', 18),
      TOTAL,
      OPEN,
      col('overdue', '超期', 'Overdue'),
      RESOLVED,
    ],
  },
};

const percent = (r: number | null) => (r === null ? '' : `${(r * 100).toFixed(1)}%`);

function rowsOf(table: Table, f: Figures, lang: Lang): Array<Record<string, string | number | null>> {
  switch (table) {
    case 'trend':
      return f.series.map((p) => ({ ...p, rate: percent(p.satisfactionRate) }));
    case 'channels':
      return f.byChannel.map((c) => ({ ...c, channel: CHANNEL[c.channel]?.[lang] ?? c.channel }));
    case 'services':
      return f.byService.map((s) => ({
        service: s.serviceName,
        category: CATEGORY[s.category]?.[lang] ?? s.category,
        total: s.total,
        open: s.open,
        overdue: s.overdue,
        resolved: s.resolved,
      }));
  }
}

export async function caseFigureWorkbook(table: Table, f: Figures, lang: Lang) {
  const { title, columns } = TABLES[table];
  const rows = rowsOf(table, f, lang);
  return { file: await tableWorkbook(title, columns, rows, lang), rows: rows.length, title };
}
