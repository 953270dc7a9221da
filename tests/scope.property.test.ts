import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../server/modules/member/index.js';
import { withCheckChar } from '../server/modules/merchant/index.js';
import { createTestApp, type TestApp } from '../server/test/harness.js';

// Data scope as a property: for random org trees, random actors (a role granted at a random
// org) and random target orgs, no org-scoped route ever answers 2xx for a target outside the
// actor's subtree, and no list shows a record from outside it.

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp({ env: { LOGIN_RATE_PER_MINUTE: '100000' } });
  admin = await t.login('admin');
});
afterAll(() => t.close());

const PW = 'Str0ng&Unique!';
const ROLES = ['federation_manager', 'grassroots_officer', 'service_staff', 'auditor', 'sysadmin'];
let run = 0;
let congressSeq = 0;
let merchantSeq = 0;

interface Built {
  ids: number[];
  paths: Map<number, string>;
  staffAt: Map<number, number>;
  memberAt: Map<number, number>;
  caseAt: Map<number, number>;
}

let idSeq = 0;
/** A valid, unique 身份证号 for the n-th test member (unique for the first 1,000). */
function testIdNumber(): string {
  idSeq++;
  return makeIdNumber('321102', `${1960 + (idSeq % 40)}-01-01`, idSeq % 1000);
}

async function post<T>(url: string, body: unknown): Promise<T> {
  const res = await t.request('POST', url, { cookie: admin, body });
  if (res.statusCode >= 300) throw new Error(`${url}: ${res.body}`);
  return res.json<T>();
}

/** A random tree under the root: parents[i] picks one of the nodes made before node i. */
async function buildTree(parents: number[]): Promise<Built> {
  run++;
  const ids: number[] = [];
  const paths = new Map<number, string>();
  const staffAt = new Map<number, number>();
  const memberAt = new Map<number, number>();
  const caseAt = new Map<number, number>();
  for (const [i, p] of parents.entries()) {
    const parentId = i === 0 ? 1 : (ids[p % i] ?? 1);
    // every other org is a grassroots union with a member, so member routes have targets
    const type = i % 2 === 1 ? 'grassroots' : 'federation';
    const o = await post<{ id: number; path: string }>('/api/orgs', {
      parentId,
      code: `P${run}-${i}`,
      name: `随机组织${run}-${i}`,
      type,
    });
    if (type === 'grassroots') {
      const m = await post<{ id: number }>('/api/members', {
        name: '测试会员',
        idNumber: testIdNumber(),
        phone: `137${String(idSeq).padStart(8, '0')}`,
        orgId: o.id,
        joinedAt: '2020-01-01',
      });
      memberAt.set(o.id, m.id);
      // a service handled here and a phone case in it, so case routes have targets
      const svc = await post<{ id: number }>('/api/services', {
        orgId: o.id,
        category: 'policy',
        name: '政策咨询',
        deadlineDays: 3,
        form: [],
        eligibility: { membersOnly: false, jobTypes: null },
      });
      const c = await post<{ id: number }>('/api/cases', {
        serviceId: svc.id,
        channel: 'phone',
        contact: { name: '来电职工' },
        fields: {},
      });
      caseAt.set(o.id, c.id);
    }
    ids.push(o.id);
    paths.set(o.id, o.path);
    const s = await post<{ id: number }>('/api/staff', {
      username: `s${run}x${i}`,
      displayName: `人员${i}`,
      orgId: o.id,
      password: PW,
    });
    staffAt.set(o.id, s.id);
  }
  return { ids, paths, staffAt, memberAt, caseAt };
}

type Check = (ctx: {
  cookie: string;
  target: number;
  staff: number;
  member: number;
  kase: number;
  inScope: (orgId: number) => boolean;
}) => Promise<void>;

const expectNot2xx = (status: number, what: string) =>
  expect(status >= 200 && status < 300, `${what} answered ${status}`).toBe(false);

// Every org-scoped route, aimed at the target org (or at the staff member whose home it is).
const TARGETED: Array<[string, Check]> = [
  [
    'GET /api/orgs/:id',
    async ({ cookie, target }) =>
      expectNot2xx((await t.request('GET', `/api/orgs/${target}`, { cookie })).statusCode, 'read'),
  ],
  [
    'PATCH /api/orgs/:id',
    async ({ cookie, target }) =>
      expectNot2xx(
        (await t.request('PATCH', `/api/orgs/${target}`, { cookie, body: { name: '越权' } })).statusCode,
        'patch',
      ),
  ],
  [
    'POST /api/orgs',
    async ({ cookie, target }) =>
      expectNot2xx(
        (
          await t.request('POST', '/api/orgs', {
            cookie,
            body: {
              parentId: target,
              code: `X${Math.random()}`.slice(0, 20).replace('.', ''),
              name: 'x',
              type: 'grassroots',
            },
          })
        ).statusCode,
        'create',
      ),
  ],
  [
    'POST /api/orgs/:id/move',
    async ({ cookie, target }) =>
      expectNot2xx(
        (await t.request('POST', `/api/orgs/${target}/move`, { cookie, body: { parentId: 1 } })).statusCode,
        'move',
      ),
  ],
  [
    'GET /api/staff?orgId',
    async ({ cookie, target }) =>
      expectNot2xx((await t.request('GET', `/api/staff?orgId=${target}`, { cookie })).statusCode, 'staff by org'),
  ],
  [
    'GET /api/staff/:id',
    async ({ cookie, staff }) =>
      expectNot2xx((await t.request('GET', `/api/staff/${staff}`, { cookie })).statusCode, 'staff read'),
  ],
  [
    'PATCH /api/staff/:id',
    async ({ cookie, staff }) =>
      expectNot2xx(
        (await t.request('PATCH', `/api/staff/${staff}`, { cookie, body: { displayName: '越权' } })).statusCode,
        'staff patch',
      ),
  ],
  [
    'POST /api/staff',
    async ({ cookie, target }) =>
      expectNot2xx(
        (
          await t.request('POST', '/api/staff', {
            cookie,
            body: {
              username: `u${Date.now()}${Math.floor(Math.random() * 1e6)}`,
              displayName: 'x',
              orgId: target,
              password: PW,
            },
          })
        ).statusCode,
        'staff create',
      ),
  ],
  [
    'POST /api/staff/:id/password',
    async ({ cookie, staff }) =>
      expectNot2xx(
        (await t.request('POST', `/api/staff/${staff}/password`, { cookie, body: { newPassword: 'Another&Fine1' } }))
          .statusCode,
        'reset',
      ),
  ],
  [
    'POST /api/staff/:id/unlock',
    async ({ cookie, staff }) =>
      expectNot2xx((await t.request('POST', `/api/staff/${staff}/unlock`, { cookie })).statusCode, 'unlock'),
  ],
  [
    'POST /api/staff/:id/grants',
    async ({ cookie, staff, target }) =>
      expectNot2xx(
        (
          await t.request('POST', `/api/staff/${staff}/grants`, {
            cookie,
            body: { roleCode: 'service_staff', orgId: target },
          })
        ).statusCode,
        'grant',
      ),
  ],
  [
    'GET /api/members/:id',
    async ({ cookie, member }) =>
      expectNot2xx((await t.request('GET', `/api/members/${member}`, { cookie })).statusCode, 'member read'),
  ],
  [
    'PATCH /api/members/:id',
    async ({ cookie, member }) =>
      expectNot2xx(
        (await t.request('PATCH', `/api/members/${member}`, { cookie, body: { employer: '越权' } })).statusCode,
        'member patch',
      ),
  ],
  [
    'POST /api/members/:id/reveal',
    async ({ cookie, member }) =>
      expectNot2xx(
        (await t.request('POST', `/api/members/${member}/reveal`, { cookie, body: { reason: '越权查看' } })).statusCode,
        'reveal',
      ),
  ],
  [
    'GET /api/members?orgId',
    async ({ cookie, target }) =>
      expectNot2xx((await t.request('GET', `/api/members?orgId=${target}`, { cookie })).statusCode, 'members by org'),
  ],
  [
    'POST /api/members',
    async ({ cookie, target }) =>
      expectNot2xx(
        (
          await t.request('POST', '/api/members', {
            cookie,
            body: {
              name: '越权会员',
              idNumber: testIdNumber(),
              phone: '13600000000',
              orgId: target,
              joinedAt: '2020-01-01',
            },
          })
        ).statusCode,
        'member create',
      ),
  ],
  [
    'POST /api/transfers',
    async ({ cookie, member }) =>
      expectNot2xx(
        (await t.request('POST', '/api/transfers', { cookie, body: { memberId: member, toOrgId: 7 } })).statusCode,
        'transfer start',
      ),
  ],
  [
    'GET /api/unions/:id/invite',
    async ({ cookie, target }) =>
      expectNot2xx((await t.request('GET', `/api/unions/${target}/invite`, { cookie })).statusCode, 'invite'),
  ],
  [
    'GET /api/services?orgId',
    async ({ cookie, target }) =>
      expectNot2xx((await t.request('GET', `/api/services?orgId=${target}`, { cookie })).statusCode, 'catalog at org'),
  ],
  [
    'GET /api/services/definitions',
    async ({ cookie, target }) =>
      expectNot2xx(
        (await t.request('GET', `/api/services/definitions?orgId=${target}`, { cookie })).statusCode,
        'definitions',
      ),
  ],
  [
    'POST /api/services',
    async ({ cookie, target }) =>
      expectNot2xx(
        (
          await t.request('POST', '/api/services', {
            cookie,
            body: { orgId: target, category: 'travel', name: '越权服务', deadlineDays: 3, form: [] },
          })
        ).statusCode,
        'service create',
      ),
  ],
  [
    'GET /api/cases?orgId',
    async ({ cookie, target }) =>
      expectNot2xx((await t.request('GET', `/api/cases?orgId=${target}`, { cookie })).statusCode, 'cases by org'),
  ],
  [
    'GET /api/cases/figures?orgId',
    async ({ cookie, target }) =>
      expectNot2xx(
        (await t.request('GET', `/api/cases/figures?orgId=${target}`, { cookie })).statusCode,
        'figures by org',
      ),
  ],
  [
    'GET /api/{cases,members,hardship}/figures[/export]?orgId (charts)',
    async ({ cookie, target }) => {
      for (const url of [
        `/api/cases/figures?orgId=${target}&granularity=week`,
        `/api/cases/figures/export?orgId=${target}&table=trend`,
        `/api/members/figures?orgId=${target}`,
        `/api/members/figures/export?orgId=${target}&table=ages`,
        `/api/hardship/figures?orgId=${target}`,
        `/api/hardship/figures/export?orgId=${target}&table=causes`,
      ])
        expectNot2xx((await t.request('GET', url, { cookie })).statusCode, url);
    },
  ],
  [
    'GET /api/service-posts?orgId',
    async ({ cookie, target }) =>
      expectNot2xx(
        (await t.request('GET', `/api/service-posts?orgId=${target}`, { cookie })).statusCode,
        'posts by org',
      ),
  ],
  [
    'PUT /api/service-posts/:id',
    async ({ cookie, staff }) =>
      expectNot2xx(
        (await t.request('PUT', `/api/service-posts/${staff}`, { cookie, body: { backupId: null, away: null } }))
          .statusCode,
        'post',
      ),
  ],
  [
    'GET /api/cases/:id',
    async ({ cookie, kase }) =>
      expectNot2xx((await t.request('GET', `/api/cases/${kase}`, { cookie })).statusCode, 'case read'),
  ],
  [
    'POST /api/cases/:id/<transitions>',
    async ({ cookie, kase }) => {
      for (const [action, body] of [
        ['accept', {}],
        ['reject', { reason: '越权驳回' }],
        ['transfer', { toOrgId: 1, reason: '越权转办' }],
        ['assign', { assigneeId: null }],
        ['notes', { note: '越权', visibleToMember: false }],
      ] as const) {
        expectNot2xx(
          (await t.request('POST', `/api/cases/${kase}/${action}`, { cookie, body })).statusCode,
          `case ${action}`,
        );
      }
    },
  ],
  [
    'GET /api/qa/entries?orgId',
    async ({ cookie, target }) =>
      expectNot2xx((await t.request('GET', `/api/qa/entries?orgId=${target}`, { cookie })).statusCode, 'qa by org'),
  ],
  [
    'POST /api/qa/entries',
    async ({ cookie, target }) =>
      expectNot2xx(
        (
          await t.request('POST', '/api/qa/entries', {
            cookie,
            body: { orgId: target, category: 'other', question: '越权新增', answer: '越权新增' },
          })
        ).statusCode,
        'qa create',
      ),
  ],
  [
    'GET|PATCH /api/qa/entries/:id, publish, views',
    async ({ cookie, target }) => {
      const e = await post<{ id: number }>('/api/qa/entries', {
        orgId: target,
        category: 'other',
        question: '范围测试条目',
        answer: '范围测试',
      });
      expectNot2xx((await t.request('GET', `/api/qa/entries/${e.id}`, { cookie })).statusCode, 'qa read');
      expectNot2xx(
        (await t.request('PATCH', `/api/qa/entries/${e.id}`, { cookie, body: { answer: '越权修改' } })).statusCode,
        'qa patch',
      );
      expectNot2xx((await t.request('POST', `/api/qa/entries/${e.id}/publish`, { cookie })).statusCode, 'qa publish');
      expectNot2xx((await t.request('POST', `/api/qa/entries/${e.id}/views`, { cookie })).statusCode, 'qa view');
    },
  ],
  [
    'GET /api/voice|alerts|alert-topics?orgId',
    async ({ cookie, target }) => {
      for (const url of ['/api/voice', '/api/alerts', '/api/alert-topics'])
        expectNot2xx((await t.request('GET', `${url}?orgId=${target}`, { cookie })).statusCode, `${url} by org`);
    },
  ],
  [
    'POST|PATCH /api/alert-topics',
    async ({ cookie, target }) => {
      expectNot2xx(
        (
          await t.request('POST', '/api/alert-topics', {
            cookie,
            body: { orgId: target, name: `越权${Math.random()}`.slice(0, 20), keywords: ['x'] },
          })
        ).statusCode,
        'topic create',
      );
      const topic = await post<{ id: number }>('/api/alert-topics', {
        orgId: target,
        name: `范围${Math.random()}`.slice(0, 20),
        keywords: ['范围'],
      });
      expectNot2xx(
        (await t.request('PATCH', `/api/alert-topics/${topic.id}`, { cookie, body: { active: false } })).statusCode,
        'topic patch',
      );
    },
  ],
  [
    'assistance programmes, records and wishes at the org',
    async ({ cookie, target }) => {
      for (const url of ['/api/assistance/records', '/api/assistance/wishes'])
        expectNot2xx((await t.request('GET', `${url}?orgId=${target}`, { cookie })).statusCode, `${url} by org`);
      expectNot2xx(
        (
          await t.request('POST', '/api/assistance/programmes', {
            cookie,
            body: { orgId: target, year: 2026, kind: 'other', name: '越权项目', budgetFen: 100, rules: {} },
          })
        ).statusCode,
        'programme create',
      );
      // A programme is visible below its org (it serves that subtree), but changed only within scope.
      const p = await post<{ id: number }>('/api/assistance/programmes', {
        orgId: target,
        year: 2026,
        kind: 'other',
        name: '范围项目',
        budgetFen: 100,
        rules: {},
      });
      expectNot2xx(
        (await t.request('PATCH', `/api/assistance/programmes/${p.id}`, { cookie, body: { name: '越权修改' } }))
          .statusCode,
        'programme patch',
      );
      expectNot2xx(
        (await t.request('POST', `/api/assistance/programmes/${p.id}/close`, { cookie })).statusCode,
        'programme close',
      );
    },
  ],
  [
    'identification (精准识别) at the org and for its members',
    async ({ cookie, target, member }) => {
      for (const url of [
        `/api/hardship/candidates?orgId=${target}`,
        `/api/hardship/rules?orgId=${target}`,
        `/api/hardship/situations/${member}`,
      ]) {
        expectNot2xx((await t.request('GET', url, { cookie })).statusCode, url);
      }
      const writes: Array<[string, string, unknown]> = [
        ['PUT', `/api/hardship/rules/${target}`, { rules: [] }],
        ['POST', '/api/hardship/rules/dry-run', { orgId: target, rules: [] }],
        ['POST', '/api/hardship/candidates/recompute', { orgId: target }],
        [
          'PUT',
          `/api/hardship/situations/${member}`,
          { disability: true, dependants: null, incomePerHead: null, singleParent: false, disaster: false },
        ],
        ['POST', `/api/hardship/candidates/${member}/dismiss`, { reason: '越权排除' }],
        ['POST', `/api/hardship/candidates/${member}/verify`, {}],
        ['POST', `/api/hardship/candidates/${member}/visit`, { assigneeId: 1, dueDate: '2099-01-01' }],
      ];
      for (const [method, url, body] of writes)
        expectNot2xx((await t.request(method, url, { cookie, body })).statusCode, `${method} ${url}`);
    },
  ],
  [
    'hardship files (困难职工档案) at the org and of its members',
    async ({ cookie, target, member }) => {
      // a file of the outside member, opened by the administrator (consent first; the member may already have both)
      await t.request('POST', '/api/hardship/consents', {
        cookie: admin,
        body: { memberId: member, version: '2025-1', scope: ['collect'] },
      });
      const opened = await t.request('POST', '/api/hardship/files', { cookie: admin, body: { memberId: member } });
      const fileId =
        opened.statusCode === 201
          ? opened.json<{ id: number }>().id
          : Number(
              opened.json<{ error: { details: Array<{ message: string }> } }>().error.details[0]?.message ?? 999999,
            );
      for (const url of [
        `/api/hardship/files?orgId=${target}`,
        `/api/hardship/files/export?orgId=${target}`,
        `/api/hardship/reviews/due?orgId=${target}`,
        `/api/hardship/lines/${target}`,
        `/api/hardship/files/${fileId}`,
      ]) {
        expectNot2xx((await t.request('GET', url, { cookie })).statusCode, url);
      }
      const writes: Array<[string, string, unknown]> = [
        ['PUT', `/api/hardship/lines/${target}`, { lines: { minimumLiving: 1, lowIncome: 2 } }],
        ['POST', '/api/hardship/consents', { memberId: member, version: '2025-1', scope: ['collect'] }],
        ['POST', '/api/hardship/files', { memberId: member }],
        ['PATCH', `/api/hardship/files/${fileId}`, { situation: '越权' }],
        ['POST', `/api/hardship/files/${fileId}/submit`, {}],
        ['POST', `/api/hardship/files/${fileId}/visit`, { visitedOn: '2020-01-01', notes: '越权核实' }],
        ['POST', `/api/hardship/files/${fileId}/file`, {}],
        ['POST', `/api/hardship/files/${fileId}/review`, { outcome: 'keep' }],
        ['POST', `/api/hardship/files/${fileId}/exit`, { reason: 'death' }],
        ['POST', `/api/hardship/files/${fileId}/reopen`, {}],
      ];
      for (const [method, url, body] of writes)
        expectNot2xx((await t.request(method, url, { cookie, body })).statusCode, `${method} ${url}`);
    },
  ],
  [
    'merchant calls and merchants at the target org (GET|PATCH|POST …)',
    async ({ cookie, target }) => {
      const call = await post<{ id: number }>('/api/merchant-calls', {
        orgId: target,
        title: '范围测试征集',
        body: '范围测试',
        categories: ['shopping'],
        opensAt: new Date(t.clock.now().getTime() - 60_000).toISOString(),
        closesAt: new Date(t.clock.now().getTime() + 86_400_000).toISOString(),
      });
      merchantSeq++;
      const applied = await t.app.inject({
        method: 'POST',
        url: `/api/merchant-calls/${call.id}/applications`,
        remoteAddress: `10.77.${Math.floor(merchantSeq / 250)}.${merchantSeq % 250}`,
        payload: {
          name: '范围测试商户',
          licenceNo: withCheckChar(`91321100MA${String(merchantSeq).padStart(7, '0')}`),
          categories: ['shopping'],
          discountTerms: '九折',
          hours: '全天',
          contactName: '测试',
          contactPhone: '13705119999',
          locations: [{ address: '镇江市测试路 1 号' }],
        },
      });
      expect(applied.statusCode, applied.body).toBe(201);
      const m = applied.json<{ id: number }>().id;
      const calls: Array<['GET' | 'POST' | 'PATCH', string, unknown]> = [
        [
          'POST',
          '/api/merchant-calls',
          {
            orgId: target,
            title: '越权征集',
            body: '越权',
            categories: ['shopping'],
            opensAt: '2020-01-01T00:00:00Z',
            closesAt: '2030-01-01T00:00:00Z',
          },
        ],
        ['GET', `/api/merchant-calls/${call.id}`, undefined],
        ['PATCH', `/api/merchant-calls/${call.id}`, { title: '越权修改' }],
        ['POST', `/api/merchant-calls/${call.id}/close`, {}],
        ['GET', `/api/merchant-applications?orgId=${target}`, undefined],
        ['GET', `/api/merchants/manage?orgId=${target}`, undefined],
        ['GET', `/api/merchants/${m}/record`, undefined],
        ['GET', `/api/merchants/${m}/history`, undefined],
        [
          'POST',
          `/api/merchant-applications/${m}/review`,
          { scores: [{ item: '越权', score: 1, max: 1 }], decision: 'approve' },
        ],
        [
          'POST',
          `/api/merchants/${m}/agreement`,
          {
            startsOn: '2026-01-01',
            endsOn: '2026-12-31',
            discountTerms: '越权',
            categories: ['shopping'],
            settlementAccount: '123456789',
          },
        ],
        [
          'POST',
          `/api/merchants/${m}/inspections`,
          { inspectedOn: '2026-01-01', items: [{ item: '越权', score: 1, max: 1 }] },
        ],
        ['POST', `/api/merchants/${m}/assessments`, { year: 2026, score: 1, grade: '差' }],
        ['POST', `/api/merchants/${m}/warn`, { reason: '越权' }],
        ['POST', `/api/merchants/${m}/suspend`, { reason: '越权' }],
        ['POST', `/api/merchants/${m}/reinstate`, { reason: '越权' }],
        ['POST', `/api/merchants/${m}/exit`, { reason: '越权' }],
        ['POST', `/api/merchants/${m}/accounts`, { username: `mx${merchantSeq}`, displayName: '越权', password: PW }],
      ];
      for (const [method, url, body] of calls)
        expectNot2xx(
          (await t.request(method, url, { cookie, ...(body === undefined ? {} : { body }) })).statusCode,
          `${method} ${url}`,
        );
    },
  ],
  [
    "a workers' congress at the target org: bodies, terms, representatives, sessions, motions, evaluations, proposals (GET|PATCH|POST …)",
    async ({ cookie, target, member }) => {
      congressSeq++;
      const body = await post<{ id: number }>('/api/congress/bodies', {
        orgId: target,
        name: `范围测试职代会${congressSeq}`,
      });
      const term = await post<{ id: number }>(`/api/congress/bodies/${body.id}/terms`, {
        number: 1,
        startsOn: '2024-01-01',
        endsOn: '2027-12-31',
      });
      const startsAt = new Date(t.clock.now().getTime() + 10 * 86_400_000).toISOString();
      const session = await post<{ id: number }>(`/api/congress/terms/${term.id}/sessions`, {
        title: '范围测试会议',
        startsAt,
        topics: ['范围'],
      });
      const motion = await post<{ id: number }>(`/api/congress/sessions/${session.id}/motions`, {
        title: '范围测试表决',
        method: 'open',
      });
      const evaluation = await post<{ id: number }>(`/api/congress/sessions/${session.id}/evaluations`, {
        title: '范围测试评议',
        items: ['一项'],
      });
      const joint = await post<{ id: number }>(`/api/congress/terms/${term.id}/joint-meetings`, {
        heldOn: '2025-03-01',
        topic: '范围',
        decisions: '范围',
      });
      const calls: Array<['GET' | 'POST' | 'PATCH' | 'PUT', string, unknown]> = [
        ['GET', `/api/congress/rules?orgId=${target}`, undefined],
        ['PUT', `/api/congress/rules/${target}`, { rules: { noticeDays: 1 } }],
        ['POST', '/api/congress/bodies', { orgId: target, name: '越权职代会' }],
        ['GET', `/api/congress/bodies/${body.id}`, undefined],
        ['POST', `/api/congress/bodies/${body.id}/terms`, { number: 2, startsOn: '2028-01-01', endsOn: '2031-12-31' }],
        ['GET', `/api/congress/terms/${term.id}`, undefined],
        ['GET', `/api/congress/terms/${term.id}/representatives`, undefined],
        [
          'POST',
          `/api/congress/terms/${term.id}/representatives`,
          { memberId: member, delegation: '越权', category: 'other' },
        ],
        ['GET', `/api/congress/terms/${term.id}/composition`, undefined],
        ['GET', `/api/congress/terms/${term.id}/sessions`, undefined],
        ['POST', `/api/congress/terms/${term.id}/sessions`, { title: '越权会议', startsAt, topics: [] }],
        ['GET', `/api/congress/sessions/${session.id}`, undefined],
        ['PATCH', `/api/congress/sessions/${session.id}`, { title: '越权修改' }],
        ['POST', `/api/congress/sessions/${session.id}/documents`, { title: '越权', body: '越权' }],
        ['POST', `/api/congress/sessions/${session.id}/open`, {}],
        ['GET', `/api/congress/sessions/${session.id}/attendance`, undefined],
        ['GET', `/api/congress/sessions/${session.id}/check-in-code`, undefined],
        ['GET', `/api/congress/sessions/${session.id}/compliance`, undefined],
        ['GET', `/api/congress/sessions/${session.id}/board`, undefined],
        ['GET', `/api/congress/sessions/${session.id}/motions`, undefined],
        ['GET', `/api/congress/motions/${motion.id}`, undefined],
        ['POST', `/api/congress/motions/${motion.id}/open`, {}],
        ['GET', `/api/congress/motions/${motion.id}/receipts`, undefined],
        ['GET', `/api/congress/sessions/${session.id}/evaluations`, undefined],
        ['GET', `/api/congress/evaluations/${evaluation.id}`, undefined],
        ['POST', `/api/congress/evaluations/${evaluation.id}/close`, {}],
        ['GET', `/api/congress/terms/${term.id}/joint-meetings`, undefined],
        ['POST', `/api/congress/joint-meetings/${joint.id}/confirm`, { sessionId: session.id }],
        ['GET', `/api/congress/terms/${term.id}/followups`, undefined],
        ['GET', `/api/congress/terms/${term.id}/duty-records`, undefined],
        ['GET', `/api/congress/terms/${term.id}/proposal-report?format=xlsx`, undefined],
        ['GET', `/api/congress/bodies/${body.id}/proposals/public`, undefined],
        ['GET', `/api/congress/bodies/${body.id}/publication`, undefined],
      ];
      for (const [method, url, payload] of calls)
        expectNot2xx(
          (await t.request(method, url, { cookie, ...(payload === undefined ? {} : { body: payload }) })).statusCode,
          `${method} ${url}`,
        );
    },
  ],
  [
    'DELETE /api/orgs/:id',
    async ({ cookie, target }) =>
      expectNot2xx((await t.request('DELETE', `/api/orgs/${target}`, { cookie })).statusCode, 'delete'),
  ],
];

// Lists: whatever they return must lie inside the actor's subtree.
const LISTS: Array<[string, Check]> = [
  [
    'GET /api/orgs',
    async ({ cookie, inScope }) => {
      const items =
        (await t.request('GET', '/api/orgs?pageSize=1000', { cookie })).json<{ items?: Array<{ id: number }> }>()
          .items ?? [];
      for (const o of items) expect(inScope(o.id), `org ${o.id} listed`).toBe(true);
    },
  ],
  [
    'GET /api/staff',
    async ({ cookie, inScope }) => {
      const items =
        (await t.request('GET', '/api/staff?pageSize=100', { cookie })).json<{ items?: Array<{ orgId: number }> }>()
          .items ?? [];
      for (const s of items) expect(inScope(s.orgId), `staff of org ${s.orgId} listed`).toBe(true);
    },
  ],
  [
    'GET /api/members',
    async ({ cookie, inScope }) => {
      const items =
        (await t.request('GET', '/api/members?pageSize=100', { cookie })).json<{ items?: Array<{ orgId: number }> }>()
          .items ?? [];
      for (const m of items) expect(inScope(m.orgId), `member of org ${m.orgId} listed`).toBe(true);
    },
  ],
  [
    'GET /api/join-requests, /api/corrections',
    async ({ cookie, inScope }) => {
      for (const url of ['/api/join-requests?pageSize=100', '/api/corrections?pageSize=100']) {
        const items =
          (await t.request('GET', url, { cookie })).json<{ items?: Array<{ orgId: number }> }>().items ?? [];
        for (const r of items) expect(inScope(r.orgId), `${url}: row of org ${r.orgId}`).toBe(true);
      }
    },
  ],
  [
    'GET /api/transfers',
    async ({ cookie, inScope }) => {
      const items =
        (await t.request('GET', '/api/transfers?pageSize=100', { cookie })).json<{
          items?: Array<{ fromOrgId: number; toOrgId: number }>;
        }>().items ?? [];
      for (const r of items)
        expect(inScope(r.fromOrgId) || inScope(r.toOrgId), `transfer ${r.fromOrgId}→${r.toOrgId} listed`).toBe(true);
    },
  ],
  [
    'GET /api/cases, figures',
    async ({ cookie, inScope }) => {
      const items =
        (await t.request('GET', '/api/cases?pageSize=100', { cookie })).json<{
          items?: Array<{ handlingOrgId: number }>;
        }>().items ?? [];
      for (const c of items) expect(inScope(c.handlingOrgId), `case of org ${c.handlingOrgId} listed`).toBe(true);
      const posts =
        (await t.request('GET', '/api/service-posts', { cookie })).json<{ items?: Array<{ orgId: number }> }>().items ??
        [];
      for (const p of posts) expect(inScope(p.orgId), `post of org ${p.orgId} listed`).toBe(true);
    },
  ],
  [
    'GET /api/qa/entries, /api/voice, /api/alerts',
    async ({ cookie, inScope }) => {
      for (const url of ['/api/qa/entries?pageSize=100', '/api/voice?pageSize=100', '/api/alerts?pageSize=100']) {
        const items =
          (await t.request('GET', url, { cookie })).json<{ items?: Array<{ orgId: number }> }>().items ?? [];
        for (const r of items) expect(inScope(r.orgId), `${url}: row of org ${r.orgId}`).toBe(true);
      }
      // topics: the caller's own are in scope; the others are inherited from above
      const topics =
        (await t.request('GET', '/api/alert-topics?pageSize=100', { cookie })).json<{
          items?: Array<{ orgId: number; inherited: boolean }>;
        }>().items ?? [];
      for (const r of topics)
        expect(r.inherited || inScope(r.orgId), `topic of org ${r.orgId} listed as own`).toBe(true);
    },
  ],
  [
    'GET /api/assistance/records, /api/assistance/wishes',
    async ({ cookie, inScope }) => {
      const records =
        (await t.request('GET', '/api/assistance/records?pageSize=100', { cookie })).json<{
          items?: Array<{ orgId: number; programmeOrgId: number }>;
        }>().items ?? [];
      for (const r of records)
        expect(inScope(r.orgId) || inScope(r.programmeOrgId), `assistance record of org ${r.orgId} listed`).toBe(true);
      const wishes =
        (await t.request('GET', '/api/assistance/wishes?pageSize=100', { cookie })).json<{
          items?: Array<{ orgId: number }>;
        }>().items ?? [];
      for (const r of wishes) expect(inScope(r.orgId), `wish of org ${r.orgId} listed`).toBe(true);
    },
  ],
  [
    'GET /api/hardship/candidates',
    async ({ cookie, inScope }) => {
      const items =
        (await t.request('GET', '/api/hardship/candidates?pageSize=100', { cookie })).json<{
          items?: Array<{ orgId: number }>;
        }>().items ?? [];
      for (const c of items) expect(inScope(c.orgId), `candidate of org ${c.orgId} listed`).toBe(true);
    },
  ],
  [
    'GET /api/hardship/files, reviews/due',
    async ({ cookie, inScope }) => {
      for (const url of ['/api/hardship/files?pageSize=100', '/api/hardship/reviews/due?pageSize=100&withinDays=366']) {
        const items =
          (await t.request('GET', url, { cookie })).json<{ items?: Array<{ orgId: number }> }>().items ?? [];
        for (const f of items) expect(inScope(f.orgId), `${url}: file of org ${f.orgId}`).toBe(true);
      }
    },
  ],
  [
    'GET /api/audit',
    async ({ cookie, inScope }) => {
      const items =
        (await t.request('GET', '/api/audit?pageSize=100', { cookie })).json<{
          items?: Array<{ orgId: number | null }>;
        }>().items ?? [];
      for (const e of items)
        expect(e.orgId !== null && inScope(e.orgId), `audit row of org ${e.orgId} listed`).toBe(true);
    },
  ],
  [
    'GET /api/merchants/manage, /api/merchant-applications, /api/merchant-calls',
    async ({ cookie, inScope }) => {
      for (const url of [
        '/api/merchants/manage?pageSize=100',
        '/api/merchant-applications?pageSize=100',
        '/api/merchant-calls?pageSize=100',
      ]) {
        const items =
          (await t.request('GET', url, { cookie })).json<{ items?: Array<{ orgId: number }> }>().items ?? [];
        for (const r of items) expect(inScope(r.orgId), `${url}: row of org ${r.orgId}`).toBe(true);
      }
    },
  ],
  [
    'GET /api/congress/bodies, /api/congress/proposals',
    async ({ cookie, inScope }) => {
      const bodies =
        (await t.request('GET', '/api/congress/bodies?pageSize=100', { cookie })).json<{
          items?: Array<{ orgId: number }>;
        }>().items ?? [];
      for (const b of bodies) expect(inScope(b.orgId), `congress body of org ${b.orgId} listed`).toBe(true);
      const proposals =
        (await t.request('GET', '/api/congress/proposals?pageSize=100', { cookie })).json<{
          items?: Array<{ bodyId: number }>;
        }>().items ?? [];
      for (const p of proposals) {
        const b = (await t.request('GET', `/api/congress/bodies/${p.bodyId}`, { cookie: admin })).json<{
          orgId: number;
        }>();
        expect(inScope(b.orgId), `proposal of a body of org ${b.orgId} listed`).toBe(true);
      }
    },
  ],
];

describe('data scope', () => {
  it('random trees × actors × targets: zero cross-subtree 2xx on every org-scoped route', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(50), { minLength: 3, maxLength: 9 }),
        fc.nat(50),
        fc.nat(50),
        fc.constantFrom(...ROLES),
        async (parents, actorPick, targetPick, roleCode) => {
          const tree = await buildTree(parents);
          const actorOrg = tree.ids[actorPick % tree.ids.length] ?? 1;
          const actorPath = tree.paths.get(actorOrg) ?? '';
          const inScope = (orgId: number) => (tree.paths.get(orgId) ?? '/x/').startsWith(actorPath);
          // The actor: a new staff member at the actor org with the role granted there.
          const username = `actor${run}`;
          const a = await post<{ id: number }>('/api/staff', {
            username,
            displayName: '被测人员',
            orgId: actorOrg,
            password: PW,
          });
          await post(`/api/staff/${a.id}/grants`, { roleCode, orgId: actorOrg });
          const cookie = await t.login(username, PW);
          const outside = tree.ids.filter((id) => !inScope(id));
          // Targets outside the subtree: the random tree's own, plus the demo federation's.
          const targets = [...outside, 2, 3].filter((id) => !inScope(id));
          const target = targets[targetPick % targets.length] ?? 2;
          const staff = tree.staffAt.get(target) ?? 2;
          // a member outside scope: the target's own, or any of the tree's outside the subtree
          const member = tree.memberAt.get(target) ?? [...tree.memberAt].find(([o]) => !inScope(o))?.[1] ?? 999999;
          const kase = tree.caseAt.get(target) ?? [...tree.caseAt].find(([o]) => !inScope(o))?.[1] ?? 999999;
          for (const [, check] of LISTS) await check({ cookie, target, staff, member, kase, inScope });
          for (const [, check] of TARGETED) await check({ cookie, target, staff, member, kase, inScope });
        },
      ),
      { numRuns: 25 },
    );
  }, 240_000); // 25 random trees × every org-scoped route of every module

  it('inside the subtree the same routes do work (the property is not vacuous)', async () => {
    const tree = await buildTree([0, 0, 1]);
    const top = tree.ids[0] ?? 1;
    const a = await post<{ id: number }>('/api/staff', {
      username: `inside${run}`,
      displayName: 'x',
      orgId: top,
      password: PW,
    });
    await post(`/api/staff/${a.id}/grants`, { roleCode: 'federation_manager', orgId: top });
    const cookie = await t.login(`inside${run}`, PW);
    const child = tree.ids[2] ?? 0;
    expect((await t.request('GET', `/api/orgs/${child}`, { cookie })).statusCode).toBe(200);
    expect((await t.request('PATCH', `/api/orgs/${child}`, { cookie, body: { name: '本级可改' } })).statusCode).toBe(
      200,
    );
    expect((await t.request('GET', `/api/staff/${tree.staffAt.get(child)}`, { cookie })).statusCode).toBe(200);
    expect((await t.request('GET', '/api/orgs', { cookie })).json().total).toBe(3);
    expect(
      (
        await t.request('POST', '/api/qa/entries', {
          cookie,
          body: { orgId: child, category: 'other', question: '本级可建', answer: '本级可建' },
        })
      ).statusCode,
    ).toBe(201);
    expect((await t.request('GET', `/api/alerts?orgId=${child}`, { cookie })).statusCode).toBe(200);
    const kase = tree.caseAt.get(tree.ids[1] ?? 0) ?? 0;
    expect((await t.request('GET', `/api/cases/${kase}`, { cookie })).statusCode).toBe(200);
    expect((await t.request('POST', `/api/cases/${kase}/accept`, { cookie, body: {} })).statusCode).toBe(200);
  });
});
