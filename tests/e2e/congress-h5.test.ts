import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgIds } from '../../server/modules/voucher/claim.fixtures.js';
import { PHONE, shot, startStage, tid, watchPage, type Stage } from './support.js';

// 职代会 on representatives' phones (issue 18). Staff steps go through the API (the console has its
// own journeys); representatives use the H5 only.
// 1. A session from notice to published results: the notice and documents reach the representatives'
//    congress page; the venue's QR link checks each one in (the first signs in on the way); a secret
//    motion opens; each votes on their phone and gets a receipt; after close each finds their receipt
//    in the published ballots with the choice they made, and the result; they rate the evaluation.
// 2. A proposal from submission to the proposer's rating: a representative writes it and picks two
//    co-signers, who accept on their phones; the committee accepts, assigns and answers; the proposer
//    reads the answer and rates 满意, which closes it. A duty record is added on the way.
//
// The representatives are demo members of 恒神 (13800000002 …, password Demo#2026; they also sit in
// the demo congress) seated in a congress the test builds through the API, so the journeys do not
// depend on the demo congress's sessions.

let s: Stage;
let admin: string;
const problems: string[] = [];
const REPS = ['13800000002', '13800000003', '13800000004', '13800000005'];
const year = new Date().getFullYear();
let bodyId = 0;
let termId = 0;
let sessionId = 0;
const repIds: number[] = [];

async function api<T>(method: string, url: string, body?: unknown, status = [200, 201]): Promise<T> {
  const res = await s.t.request(method, url, { cookie: admin, body });
  expect(status, `${method} ${url}: ${res.body}`).toContain(res.statusCode);
  return res.json<T>();
}

async function phonePage(): Promise<Page> {
  const context = await s.browser.newContext(PHONE);
  const page = await context.newPage();
  watchPage(page, problems);
  return page;
}

async function signIn(page: Page, phone: string): Promise<void> {
  await page.fill(`${tid('phone-input')} input`, phone);
  await page.fill(`${tid('password-input')} input`, 'Demo#2026');
  await page.click(tid('login-submit'));
}

/** A representative's phone, signed in, on the home page. */
async function repPhone(phone: string): Promise<Page> {
  const page = await phonePage();
  await page.goto(`${s.baseUrl}/h5/`);
  await signIn(page, phone);
  await page.waitForSelector(tid('home-greeting'));
  return page;
}

beforeAll(async () => {
  s = await startStage({ members: 60 });
  admin = await s.t.login('admin');
  const ids = await orgIds(s.t, admin);
  const body = await api<{ id: number }>('POST', '/api/congress/bodies', {
    orgId: ids['JS-ZJ-DY-001'],
    name: '恒神公司职工代表大会（测试）',
  });
  bodyId = body.id;
  const term = await api<{ id: number }>('POST', `/api/congress/bodies/${bodyId}/terms`, {
    number: 1,
    startsOn: `${year}-01-01`,
    endsOn: `${year + 3}-12-31`,
  });
  termId = term.id;
  for (const [i, phone] of REPS.entries()) {
    const found = await api<{ items: Array<{ id: number }> }>('GET', `/api/members?q=${phone}`);
    const memberId = found.items[0]?.id;
    const rep = await api<{ id: number }>('POST', `/api/congress/terms/${termId}/representatives`, {
      memberId,
      delegation: i < 2 ? '生产一代表团' : '技术代表团',
      category: i < 2 ? 'frontline' : 'technical',
    });
    repIds.push(rep.id);
  }
}, 180_000);
afterAll(() => s?.close());

describe('congress on representatives’ phones', () => {
  it('a session from notice to published results, with representatives voting on phones', async () => {
    // The notice: a session in 8 days with its agenda and documents, sent to the representatives.
    const startsAt = new Date(Date.now() + 8 * 86_400_000).toISOString();
    const session = await api<{ id: number }>('POST', `/api/congress/terms/${termId}/sessions`, {
      title: `${year}年第二次职工代表大会`,
      startsAt,
      topics: ['安全生产工作报告', '集体合同草案'],
      location: '公司三楼会议室',
      agenda: [
        { title: '安全生产工作报告', presenter: '安全环保部', minutes: 30 },
        { title: '审议集体合同草案', minutes: 40 },
      ],
    });
    sessionId = session.id;
    await api('POST', `/api/congress/sessions/${sessionId}/documents`, {
      title: '集体合同（草案）',
      body: '第一条 为维护职工合法权益……',
    });
    await api('POST', `/api/congress/sessions/${sessionId}/send-documents`);

    // A representative finds it from the home: 我的职代会 shows only to those with a seat.
    const first = await repPhone(REPS[0] ?? '');
    await first.click(tid('home-entry-congress'));
    await first.waitForSelector(tid(`congress-session-${sessionId}`));
    expect(await first.getAttribute(tid(`congress-session-${sessionId}`), 'data-state')).toBe('planned');
    await shot(first, 'congress-h5-01-my-congress');
    await first.click(tid(`congress-session-${sessionId}`));
    await first.waitForSelector(tid('session-agenda'));
    expect(await first.textContent(tid('session-agenda'))).toContain('安全生产工作报告');
    await first.click(`${tid('session-documents')} [data-test^="document-"]`);
    await first.waitForSelector(tid('document-body'));
    expect(await first.textContent(tid('document-body'))).toContain('第一条');
    await shot(first, 'congress-h5-02-session-notice');
    await first.context().close();

    // The session opens; the venue shows the check-in QR (its path is what the code holds).
    await api('POST', `/api/congress/sessions/${sessionId}/open`);
    const code = await api<{ path: string }>('GET', `/api/congress/sessions/${sessionId}/check-in-code`);
    expect(code.path).toMatch(/^\/congress\/check-in\?session=\d+&token=/);

    // Each representative scans it; the first is not signed in yet and signs in on the way.
    const phones: Page[] = [];
    for (const [i, phone] of REPS.entries()) {
      const page = await phonePage();
      if (i === 0) {
        await page.goto(`${s.baseUrl}/h5${code.path}`);
        await page.waitForSelector(tid('login-submit'));
        await signIn(page, phone);
      } else {
        await page.goto(`${s.baseUrl}/h5/`);
        await signIn(page, phone);
        await page.waitForSelector(tid('home-greeting'));
        await page.goto(`${s.baseUrl}/h5${code.path}`);
      }
      await page.waitForSelector(tid('check-in-done'));
      expect(await page.textContent(tid('check-in'))).toContain('签到成功');
      if (i === 0) await shot(page, 'congress-h5-03-checked-in');
      phones.push(page);
    }
    const attendance = await api<{ present: number; quorate: boolean }>(
      'GET',
      `/api/congress/sessions/${sessionId}/attendance`,
    );
    expect(attendance).toMatchObject({ present: 4, quorate: true });
    // A stale code says why instead of checking in.
    const stale = phones[0];
    if (!stale) throw new Error('no phone');
    await stale.goto(`${s.baseUrl}/h5/congress/check-in?session=${sessionId}&token=wrong`);
    await stale.waitForSelector(tid('check-in-reason'));
    expect(await stale.getAttribute(tid('check-in'), 'data-state')).toBe('failed');

    // A secret motion opens; each votes on their phone.
    const motion = await api<{ id: number }>('POST', `/api/congress/sessions/${sessionId}/motions`, {
      title: '关于通过《集体合同（草案）》的决议',
      method: 'secret_electronic',
    });
    await api('POST', `/api/congress/motions/${motion.id}/open`);
    const choices = ['for', 'for', 'against', 'for'] as const;
    const receipts: string[] = [];
    for (const [i, page] of phones.entries()) {
      await page.goto(`${s.baseUrl}/h5/congress/sessions/${sessionId}`);
      await page.waitForSelector(`${tid(`motion-${motion.id}`)}[data-state="open"]`);
      await page.click(tid(`motion-${motion.id}`));
      await page.waitForSelector(tid('motion-choices'));
      if (i === 0) await shot(page, 'congress-h5-04-vote');
      await page.click(tid(`vote-${choices[i]}`));
      await page.click('.van-dialog__confirm');
      await page.waitForSelector(tid('motion-receipt'));
      const receipt = ((await page.textContent(tid('motion-receipt'))) ?? '').trim();
      expect(receipt.length).toBeGreaterThan(5);
      expect(await page.textContent(tid('motion-secrecy'))).toContain('无法知道您投了什么');
      expect(await page.locator(tid('motion-choices')).count()).toBe(0);
      if (i === 0) await shot(page, 'congress-h5-05-receipt');
      receipts.push(receipt);
    }
    expect(new Set(receipts).size).toBe(4);
    // The receipt stays on the phone: back on the motion later, it is still there.
    const again = phones[1];
    if (!again) throw new Error('no phone');
    await again.reload();
    await again.waitForSelector(tid('motion-receipt'));
    expect(((await again.textContent(tid('motion-receipt'))) ?? '').trim()).toBe(receipts[1]);

    // Close: 3 of 4 for carries (more than half of all representatives).
    const result = await api<{ passed: boolean; for: number }>('POST', `/api/congress/motions/${motion.id}/close`);
    expect(result).toMatchObject({ passed: true, for: 3 });

    // Each finds their receipt in the published ballots, with the choice they made, and the result.
    for (const [i, page] of phones.entries()) {
      await page.goto(`${s.baseUrl}/h5/congress/sessions/${sessionId}/motions/${motion.id}`);
      await page.waitForSelector(tid('receipt-found'));
      expect(await page.getAttribute(tid('receipt-found'), 'data-choice')).toBe(choices[i]);
      expect(await page.getAttribute(tid('motion-result'), 'data-passed')).toBe('true');
      expect(await page.textContent(tid('receipts-tally'))).toContain('赞成 3，反对 1，弃权 0');
      if (i === 2) await shot(page, 'congress-h5-06-receipt-check');
    }
    // A receipt that is not there is said to be missing.
    const checker = phones[0];
    if (!checker) throw new Error('no phone');
    await checker.fill(`${tid('receipt-input')} input`, 'NOT-A-RECEIPT');
    await checker.click(tid('receipt-check-submit'));
    await checker.waitForSelector(`${tid('receipt-found')}[data-choice=""]`);

    // The evaluation of the safety report, item by item; 不满意 needs a comment.
    const evaluation = await api<{ id: number; items: Array<{ id: number }> }>(
      'POST',
      `/api/congress/sessions/${sessionId}/evaluations`,
      { title: '年度安全生产工作报告评议', items: ['工伤保险缴纳', '职业健康检查', '劳动防护用品'] },
    );
    await api('POST', `/api/congress/evaluations/${evaluation.id}/open`);
    const [a, b, c] = evaluation.items.map((x) => x.id);
    for (const [i, page] of phones.entries()) {
      await page.goto(`${s.baseUrl}/h5/congress/sessions/${sessionId}`);
      await page.click(tid(`evaluation-${evaluation.id}`));
      await page.waitForSelector(tid('evaluation-submit'));
      await page.click(tid(`eval-${a}-satisfied`));
      await page.click(tid(`eval-${b}-${i === 0 ? 'unsatisfied' : 'basic'}`));
      await page.click(tid(`eval-${c}-unknown`));
      if (i === 0) {
        // no comment yet: the page asks for one and sends nothing
        await page.click(tid('evaluation-submit'));
        await page.waitForSelector(`${tid(`eval-${b}-comment`)} .van-field__error-message`);
        await page.fill(`${tid(`eval-${b}-comment`)} textarea`, '体检项目偏少，希望增加听力检查');
        await shot(page, 'congress-h5-07-evaluate');
      }
      await page.click(tid('evaluation-submit'));
      await page.click('.van-dialog__confirm');
      await page.waitForSelector(tid('evaluation-rated'));
    }
    await api('POST', `/api/congress/evaluations/${evaluation.id}/close`);
    const viewer = phones[3];
    if (!viewer) throw new Error('no phone');
    await viewer.reload();
    await viewer.waitForSelector(tid('evaluation-results'));
    expect(await viewer.textContent(tid('evaluation-results'))).toContain('满意 4');

    // The session closes and its results are published to the workforce.
    await api('POST', `/api/congress/sessions/${sessionId}/close`);
    await api('POST', `/api/congress/sessions/${sessionId}/publish`);
    const published = await api<{ sessions: Array<{ id: number; resolutions: Array<{ motionId: number }> }> }>(
      'GET',
      `/api/congress/bodies/${bodyId}/publication`,
    );
    expect(published.sessions.find((x) => x.id === sessionId)?.resolutions.map((r) => r.motionId)).toContain(motion.id);
    await viewer.goto(`${s.baseUrl}/h5/congress`);
    await viewer.waitForSelector(`${tid(`congress-session-${sessionId}`)}[data-state="closed"]`);
    await shot(viewer, 'congress-h5-08-closed');
    for (const page of phones) await page.context().close();
  });

  it('a proposal from submission to the proposer’s rating', async () => {
    // The proposer writes it and picks two co-signers.
    const proposer = await repPhone(REPS[0] ?? '');
    await proposer.goto(`${s.baseUrl}/h5/congress`);
    await proposer.click(tid('congress-proposals'));
    await proposer.click(tid('proposal-new'));
    await proposer.waitForSelector(tid('proposal-title'));
    // The demo members also sit in the demo 恒神 congress: with two seats, the form asks which term.
    if (await proposer.locator(tid('proposal-term')).count()) {
      await proposer.click(tid('proposal-term'));
      await proposer.click(tid(`proposal-term-option-${termId}`));
    }
    await proposer.fill(`${tid('proposal-title')} input`, '关于增设车间饮水点的提案');
    await proposer.fill(
      `${tid('proposal-body')} textarea`,
      '夏季车间温度高，现有饮水点距离远。建议在二号、三号车间各增设一个饮水点。',
    );
    await proposer.click(tid('proposal-cosigners'));
    await proposer.click(tid(`cosigner-${repIds[1]}`));
    await proposer.click(tid(`cosigner-${repIds[2]}`));
    await shot(proposer, 'congress-h5-09-cosigners');
    await proposer.click(tid('cosigner-done'));
    await proposer.click(tid('proposal-submit'));
    await proposer.waitForSelector(`${tid('proposal-state')}[data-state="cosigning"]`);
    const proposalId = Number(/proposals\/(\d+)/.exec(proposer.url())?.[1]);
    expect(proposalId).toBeGreaterThan(0);
    await shot(proposer, 'congress-h5-10-proposal-cosigning');

    // The co-signers accept on their phones.
    for (const phone of [REPS[1], REPS[2]]) {
      const page = await repPhone(phone ?? '');
      await page.goto(`${s.baseUrl}/h5/congress/proposals?tab=invitations`);
      await page.click(tid(`proposal-${proposalId}`));
      await page.waitForSelector(tid('cosign-box'));
      await page.click(tid('cosign-accept'));
      await page.waitForSelector(tid('cosign-box'), { state: 'detached' });
      await page.context().close();
    }
    await proposer.reload();
    await proposer.waitForSelector(`${tid('proposal-state')}[data-state="submitted"]`);

    // The committee accepts it, assigns it and the department answers.
    const deadline = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await api('POST', `/api/congress/proposals/${proposalId}/review`, { decision: 'accept', reason: '符合立案条件' });
    await api('POST', `/api/congress/proposals/${proposalId}/assign`, {
      lead: { department: '行政后勤部', deadline },
      assisting: [],
    });
    await api('POST', `/api/congress/proposals/${proposalId}/answers`, {
      department: '行政后勤部',
      body: '已在二号、三号车间各增设饮水点一处，并每日巡检。',
    });

    // The proposer reads the answer and rates it 满意: the proposal is closed.
    await proposer.reload();
    await proposer.waitForSelector(tid('proposal-rate'));
    expect(await proposer.textContent(tid('proposal-answers'))).toContain('已在二号、三号车间');
    await proposer.click(tid('proposal-rate-satisfied'));
    await proposer.fill(`${tid('proposal-rate-comment')} textarea`, '落实及时');
    await shot(proposer, 'congress-h5-11-rate');
    await proposer.click(tid('proposal-rate-submit'));
    await proposer.waitForSelector(`${tid('proposal-state')}[data-state="closed"]`);
    expect(await proposer.textContent(tid('proposal-ratings'))).toContain('满意');
    expect(await proposer.locator(tid('proposal-rate')).count()).toBe(0);
    await shot(proposer, 'congress-h5-12-closed');

    // Between sessions: a duty record.
    await proposer.goto(`${s.baseUrl}/h5/congress/duties`);
    await proposer.click(tid('duty-add'));
    await proposer.fill(`${tid('duty-summary')} textarea`, '走访二号车间，职工反映夜班食堂供应时间短');
    await proposer.click(tid('duty-save'));
    await proposer.waitForSelector(`${tid('duties-list')} [data-test^="duty-"]`);
    expect(await proposer.textContent(tid('duties-list'))).toContain('夜班食堂');
    await shot(proposer, 'congress-h5-13-duties');
    expect(await proposer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await proposer.context().close();
  });

  it('no page error on the way', () => {
    expect(problems).toEqual([]);
  });
});
