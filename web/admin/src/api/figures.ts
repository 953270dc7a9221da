// The figures behind the console's charts (服务统计, 会员统计, 帮扶统计) and each chart's .xlsx.
import { downloadFile, type Query, type Reply } from '../../../lib/api/client';
import { api, ok } from './client';

export type CaseFigures = Reply<'/api/cases/figures'>;
export type CaseFiguresQuery = Query<'/api/cases/figures'>;
export type CaseFigureTable = Query<'/api/cases/figures/export'>['table'];
export type MemberFigures = Reply<'/api/members/figures'>;
export type MemberFiguresQuery = Query<'/api/members/figures'>;
export type MemberFigureTable = Query<'/api/members/figures/export'>['table'];
export type HardshipFigures = Reply<'/api/hardship/figures'>;
export type HardshipFiguresQuery = Query<'/api/hardship/figures'>;
export type HardshipFigureTable = Query<'/api/hardship/figures/export'>['table'];

export const figuresApi = {
  cases: (query: CaseFiguresQuery) => ok(api.GET('/api/cases/figures', { params: { query } })),
  casesXlsx: (table: CaseFigureTable, query: CaseFiguresQuery, fallbackName: string) =>
    downloadFile('/api/cases/figures/export', fallbackName, { ...query, table }),
  members: (query: MemberFiguresQuery) => ok(api.GET('/api/members/figures', { params: { query } })),
  membersXlsx: (table: MemberFigureTable, query: MemberFiguresQuery, fallbackName: string) =>
    downloadFile('/api/members/figures/export', fallbackName, { ...query, table }),
  hardship: (query: HardshipFiguresQuery) => ok(api.GET('/api/hardship/figures', { params: { query } })),
  hardshipXlsx: (table: HardshipFigureTable, query: HardshipFiguresQuery, fallbackName: string) =>
    downloadFile('/api/hardship/figures/export', fallbackName, { ...query, table }),
};
