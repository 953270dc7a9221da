import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shot, startStage, watchPage, type Stage } from './support.js';

// The administrator's journey: sign in, create an org, create a staff member and grant a role
// there; then that staff member signs in and sees only the new org's subtree.

let s: Stage;
beforeAll(async () => {
  s = await startStage();
});
afterAll(() => s?.close());

const tid = (name: string) => `[data-test="${name}"]`;

async function signIn(page: Page, username: string, password: string) {
  await page.goto(`${s.baseUrl}/admin/`);
  await page.fill(tid('login-username'), username);
  await page.fill(tid('login-password'), password);
  await page.click(tid('login-submit'));
  await page.waitForSelector(tid('menu-orgs'));
}

/** Opens an org tree-select and picks the org by name. */
async function pickOrg(page: Page, selector: string, name: string) {
  await page.locator(tid(selector)).filter({ visible: true }).first().click();
  await page.keyboard.type(name);
  try {
    await page
      .locator('.el-tree-node__content:visible')
      .filter({ hasText: new RegExp(`^\\s*${name}\\s*$`) })
      .first()
      .click({ timeout: 5000 });
  } catch (err) {
    await shot(page, `failed-pick-${selector}`);
    throw err;
  }
}

describe('admin console', () => {
  it('an administrator creates an org and grants a role; the new staff member sees only that subtree', async () => {
    const problems: string[] = [];
    const admin = await s.browser.newPage({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN' });
    watchPage(admin, problems);
    await signIn(admin, 'admin', 'Demo#2026');
    await expect.poll(() => admin.textContent(tid('top-org'))).toContain('江苏省总工会');
    await shot(admin, 'admin-01-signed-in');

    // 组织机构: create a grassroots union under 京口区总工会
    await admin.click(tid('menu-orgs'));
    const cookie = `uh_sid=${(await admin.context().cookies()).find((c) => c.name === 'uh_sid')?.value}`;
    const jk = (await s.t.request('GET', '/api/orgs?q=JS-ZJ-JK', { cookie }))
      .json<{ items: Array<{ id: number; code: string }> }>()
      .items.find((o) => o.code === 'JS-ZJ-JK');
    await admin.click(tid(`org-node-${jk?.id}`));
    await admin.click(tid('org-create'));
    await admin.waitForSelector(tid('org-form-dialog'));
    const parentShown = await admin.locator(tid('org-form-dialog')).textContent();
    if (!parentShown?.includes('京口区总工会')) await pickOrg(admin, 'org-form-parent', '京口区总工会');
    await admin.fill(tid('org-form-code'), 'E2E-NEW-01');
    await admin.fill(tid('org-form-name'), '京口区新业态联合工会');
    await admin.click(`${tid('org-form-type')}`);
    await admin.click(tid('org-type-grassroots'));
    await shot(admin, 'admin-02-create-org');
    await admin.click(tid('org-form-submit'));
    await admin.locator(tid('org-tree'), { hasText: '京口区新业态联合工会' }).waitFor();
    await shot(admin, 'admin-03-org-created');

    // 工作人员与授权: a new staff member at the new union, then a role there
    await admin.click(tid('menu-staff'));
    await admin.click(tid('staff-create'));
    await admin.waitForSelector(tid('staff-form-dialog'));
    await admin.fill(tid('staff-form-username'), 'newofficer');
    await admin.fill(tid('staff-form-display-name'), '新业态工会 赵主席');
    await pickOrg(admin, 'staff-form-org', '京口区新业态联合工会');
    await admin.fill(tid('staff-form-password'), 'Xinye#2026');
    await admin.click(tid('staff-form-submit'));
    await admin.locator(tid('staff-table'), { hasText: 'newofficer' }).waitFor();
    const staff = (await s.t.request('GET', '/api/staff?q=newofficer', { cookie })).json<{
      items: Array<{ id: number }>;
    }>().items[0];
    expect(staff?.id).toBeGreaterThan(0);
    await admin.click(tid(`staff-grants-${staff?.id}`));
    await admin.locator(`${tid(`staff-grants-panel-${staff?.id}`)} ${tid('grant-add')}`).click();
    await admin.waitForSelector(tid('grant-dialog'));
    await admin.click(tid('grant-form-role'));
    await admin.click(tid('grant-role-grassroots_officer'));
    await pickOrg(admin, 'grant-form-org', '京口区新业态联合工会');
    await shot(admin, 'admin-04-grant');
    await admin.click(tid('grant-form-submit'));
    await admin.locator(tid(`staff-grants-panel-${staff?.id}`), { hasText: '基层工会干部' }).waitFor();
    await shot(admin, 'admin-05-granted');

    // The new staff member: signs in, sees only the new union
    const officer = await s.browser.newPage({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN' });
    watchPage(officer, problems);
    await signIn(officer, 'newofficer', 'Xinye#2026');
    await officer.click(tid('menu-orgs'));
    await officer.locator(tid('org-tree'), { hasText: '京口区新业态联合工会' }).waitFor();
    const treeText = (await officer.textContent(tid('org-tree'))) ?? '';
    expect(treeText).not.toContain('江苏省总工会');
    expect(treeText).not.toContain('京口区总工会');
    expect(treeText).not.toContain('丹阳');
    expect(await officer.locator('[data-test^="org-node-"]').count()).toBe(1);
    await expect.poll(() => officer.isVisible(tid('menu-audit'))).toBe(false);
    await shot(officer, 'admin-06-officer-scope');
    expect(problems).toEqual([]);
  });

  it('speaks English when switched', async () => {
    const page = await s.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, 'county', 'Demo#2026');
    await page.click(tid('lang-switch'));
    await page.click(tid('lang-en'));
    await expect.poll(() => page.textContent(tid('menu-orgs'))).toMatch(/Org/i);
    await shot(page, 'admin-07-english');
  });
});

describe('API documentation', () => {
  it('/api/docs lists every tag of the OpenAPI document and opens them to their routes', async () => {
    const page = await s.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    watchPage(page, problems);
    await page.goto(`${s.baseUrl}/api/docs`);
    // Tags start collapsed (server/app.ts): every module's tag is listed, and a tag opens to its operations.
    await page.waitForSelector('.opblock-tag', { timeout: 20_000 });
    await expect.poll(() => page.locator('.opblock-tag').count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(15);
    for (const tag of ['members', 'cases', 'hardship']) await page.locator(`.opblock-tag[data-tag="${tag}"]`).click();
    await expect.poll(() => page.locator('.opblock').count(), { timeout: 20_000 }).toBeGreaterThan(30);
    await shot(page, 'api-docs');
    expect(problems).toEqual([]);
  });
});
