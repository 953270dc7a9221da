import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shot, staffPage, startStage, tid, type Stage } from './support.js';

// The charts of the figures pages, as the county officer (京口区总工会) sees them on the demo
// federation: 服务统计, 会员统计 and 帮扶统计 draw on canvas, a chart's 表格 shows its rows, and 导出
// downloads a real .xlsx of them.

let s: Stage;
beforeAll(async () => {
  s = await startStage({ members: 300 });
}, 300_000);
afterAll(() => s?.close());

/** Painted pixels on a chart's canvas (0 while ECharts has drawn nothing). */
async function painted(page: Page, chart: string): Promise<number> {
  return page.evaluate((selector) => {
    const canvas = document.querySelector<HTMLCanvasElement>(`${selector} canvas`);
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx || canvas.width === 0) return 0;
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) n++;
    return n;
  }, tid(chart));
}

async function expectCharts(page: Page, charts: string[]): Promise<void> {
  for (const chart of charts) {
    await page.waitForSelector(`${tid(chart)} canvas`);
    await expect.poll(() => painted(page, chart), { timeout: 10_000 }).toBeGreaterThan(1000);
  }
}

describe('charts', () => {
  it('服务统计 draws its charts for the county officer; a table shows the rows; 导出 downloads them as .xlsx', async () => {
    const problems: string[] = [];
    const page = await staffPage(s, 'county', problems, 'menu-service-group');
    await page.goto(`${s.baseUrl}/admin/service/figures`);
    await page.waitForSelector(tid('figures-cards'));
    await expectCharts(page, ['chart-trend', 'chart-channels', 'chart-satisfaction', 'chart-services']);
    await page.waitForTimeout(600); // let the entry animations finish before the screenshot
    await shot(page, 'charts-01-county-service-figures');

    // 表格: the same twelve months as rows
    await page.click(`${tid('chart-trend')} ${tid('chart-mode-table')}`);
    await page.waitForSelector(`${tid('chart-trend')} ${tid('chart-table')}`);
    const rows = page.locator(`${tid('chart-trend')} .el-table__body tr`);
    await expect.poll(() => rows.count()).toBe(12);
    const firstMonth = ((await rows.first().locator('td').first().textContent()) ?? '').trim();
    expect(firstMonth).toMatch(/^\d{4}-\d{2}$/);
    await shot(page, 'charts-02-county-trend-table');

    // 导出: the table as a real workbook, the same months and counts
    const download = page.waitForEvent('download');
    await page.click(`${tid('chart-trend')} ${tid('chart-export')}`);
    const file = await (await download).path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0];
    expect(ws?.rowCount).toBe(13);
    expect(ws?.getRow(1).getCell(1).value).toBe('期间');
    expect(String(ws?.getRow(2).getCell(1).value)).toBe(`${firstMonth}-01`);
    const total = ((await rows.first().locator('td').nth(1).textContent()) ?? '').trim();
    expect(String(ws?.getRow(2).getCell(2).value)).toBe(total);

    // by day: thirty days
    await page.click(`${tid('figures-granularity')} >> text=按日`);
    await page.click(`${tid('chart-trend')} ${tid('chart-mode-chart')}`);
    await expectCharts(page, ['chart-trend']);

    // 会员统计 and 帮扶统计
    await page.goto(`${s.baseUrl}/admin/members/figures`);
    await page.waitForSelector(tid('member-figures-cards'));
    await expectCharts(page, ['chart-job-types', 'chart-new-employment', 'chart-ages', 'chart-joins']);
    await page.waitForTimeout(600);
    await shot(page, 'charts-03-county-member-figures');
    await page.click(`${tid('chart-ages')} ${tid('chart-mode-table')}`);
    await expect.poll(() => page.locator(`${tid('chart-ages')} .el-table__body tr`).count()).toBe(5);

    await page.goto(`${s.baseUrl}/admin/hardship/figures`);
    await page.waitForSelector(tid('hardship-figures-total'));
    await expectCharts(page, ['chart-categories', 'chart-causes']);
    await page.waitForTimeout(600);
    await shot(page, 'charts-04-county-hardship-figures');
    expect(problems).toEqual([]);
  });
});
