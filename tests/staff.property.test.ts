import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../server/test/harness.js';

// Staff management as a property (issue 14 item 3): for random org trees, random accounts with
// random grants, and a random officer, every management action is tried in a random sequence.
// None may succeed on an account holding a grant outside the officer's scope or a role with a
// permission the officer lacks there, none on the officer's own account, and at the end no account
// reaches further than before except by grants the officer could give — nor does any account whose
// password the officer set reach further than the officer.

let t: TestApp;
let admin: string;
let rolePerms: Map<string, string[]>;
let rootPath: string;
beforeAll(async () => {
  t = await createTestApp({ env: { LOGIN_RATE_PER_MINUTE: '100000' } });
  admin = await t.login('admin');
  const roles = (await t.request('GET', '/api/roles?pageSize=100', { cookie: admin })).json<{
    items: Array<{ code: string; permissions: string[] }>;
  }>().items;
  rolePerms = new Map(roles.map((r) => [r.code, r.permissions]));
  rootPath = (await t.request('GET', '/api/orgs/1', { cookie: admin })).json<{ path: string }>().path;
});
afterAll(() => t.close());

const PW = 'Str0ng&Unique!';
const ROLES = ['federation_manager', 'grassroots_officer', 'service_staff', 'auditor', 'org_head', 'sysadmin'];
// officers mostly hold a role that manages staff, so the actions are not all refused for want of it
const OFFICER_ROLES = [
  'federation_manager',
  'federation_manager',
  'federation_manager',
  'sysadmin',
  'grassroots_officer',
];
const UPDATE = 'staff:account:update';
const GRANT = 'staff:grant:manage';
const READ = 'staff:account:read';
let run = 0;

interface Grant {
  id: number;
  roleCode: string;
  orgId: number;
}
interface Staff {
  id: number;
  orgId: number;
  status: 'active' | 'disabled';
  grants: Grant[];
  manageable: boolean;
  grantsManageable: boolean;
}

async function asAdmin<T>(method: string, url: string, body?: unknown): Promise<T> {
  const res = await t.request(method, url, { cookie: admin, body });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.body}`);
  return (res.body ? res.json() : undefined) as T;
}

const grantSpec = fc.record({ role: fc.constantFrom(...ROLES), org: fc.nat(40) });
const accountSpec = fc.record({
  home: fc.nat(40),
  grants: fc.array(grantSpec, { maxLength: 2 }),
  disabled: fc.boolean(),
});
const actionSpec = fc.record({
  kind: fc.constantFrom('reset', 'disable', 'enable', 'edit', 'unlock', 'grant', 'revoke'),
  target: fc.nat(40),
  role: fc.constantFrom(...ROLES),
  org: fc.nat(40),
  pick: fc.nat(5),
});

describe('staff management', () => {
  it("random trees × accounts × officers × action sequences: nothing widens anyone's reach", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(20), { minLength: 2, maxLength: 6 }),
        fc.array(accountSpec, { minLength: 2, maxLength: 4 }),
        fc.record({
          home: fc.nat(40),
          grants: fc.array(fc.record({ role: fc.constantFrom(...OFFICER_ROLES), org: fc.nat(40) }), {
            minLength: 1,
            maxLength: 2,
          }),
        }),
        fc.array(actionSpec, { minLength: 3, maxLength: 10 }),
        async (parents, accountSpecs, officerSpec, actions) => {
          run++;
          // the tree: random parents under the root; grants may also sit at the root itself
          const orgIds = [1];
          const paths = new Map<number, string>([[1, rootPath]]);
          for (const [i, p] of parents.entries()) {
            const o = await asAdmin<{ id: number; path: string }>('POST', '/api/orgs', {
              parentId: orgIds[p % orgIds.length],
              code: `SP${run}-${i}`,
              name: `管理测试${run}-${i}`,
              type: 'federation',
            });
            orgIds.push(o.id);
            paths.set(o.id, o.path);
          }
          const orgAt = (n: number) => orgIds[n % orgIds.length] ?? 1;
          const pathOf = (orgId: number) => paths.get(orgId) ?? '/none/';

          const make = async (
            username: string,
            spec: { home: number; grants: Array<{ role: string; org: number }> },
          ) => {
            const { id } = await asAdmin<{ id: number }>('POST', '/api/staff', {
              username,
              displayName: username,
              orgId: orgAt(spec.home),
              password: PW,
            });
            for (const g of spec.grants) {
              const res = await t.request('POST', `/api/staff/${id}/grants`, {
                cookie: admin,
                body: { roleCode: g.role, orgId: orgAt(g.org) },
              });
              if (res.statusCode !== 201) expect(res.json().error.code).toBe('GRANT_EXISTS');
            }
            return id;
          };
          const officerId = await make(`off${run}`, officerSpec);
          const accountIds: number[] = [];
          for (const [i, spec] of accountSpecs.entries()) {
            const id = await make(`acc${run}x${i}`, spec);
            if (spec.disabled) await asAdmin('PATCH', `/api/staff/${id}`, { status: 'disabled' });
            accountIds.push(id);
          }
          const read = (id: number) => asAdmin<Staff>('GET', `/api/staff/${id}`);
          const officer = await read(officerId);
          const cookie = await t.login(`off${run}`, PW);

          // What the officer holds: a permission at an org when a grant of theirs reaches it.
          const holds = (permission: string, orgId: number) =>
            officer.grants.some(
              (g) =>
                pathOf(orgId).startsWith(pathOf(g.orgId)) && (rolePerms.get(g.roleCode) ?? []).includes(permission),
            );
          const roleWithin = (roleCode: string, orgId: number) =>
            (rolePerms.get(roleCode) ?? []).every((p) => holds(p, orgId));
          const manageable = (s: Staff, permission: string, homePermission: string) =>
            s.id !== officerId &&
            holds(homePermission, s.orgId) &&
            s.grants.every((g) => holds(permission, g.orgId) && roleWithin(g.roleCode, g.orgId));

          const before = new Map<number, Grant[]>();
          for (const id of accountIds) before.set(id, (await read(id)).grants);
          const passwordSet = new Set<number>();
          const targets = [officerId, ...accountIds];

          for (const a of actions) {
            const id = targets[a.target % targets.length] ?? officerId;
            const s = await read(id);
            // what the officer's own view of the account says it may do
            const seen = await t.request('GET', `/api/staff/${id}`, { cookie });
            let res;
            if (a.kind === 'reset')
              res = await t.request('POST', `/api/staff/${id}/password`, {
                cookie,
                body: { newPassword: 'Another&Fine1' },
              });
            else if (a.kind === 'disable' || a.kind === 'enable')
              res = await t.request('PATCH', `/api/staff/${id}`, {
                cookie,
                body: { status: a.kind === 'disable' ? 'disabled' : 'active' },
              });
            else if (a.kind === 'edit')
              res = await t.request('PATCH', `/api/staff/${id}`, { cookie, body: { displayName: `改${a.pick}` } });
            else if (a.kind === 'unlock') res = await t.request('POST', `/api/staff/${id}/unlock`, { cookie });
            else if (a.kind === 'grant')
              res = await t.request('POST', `/api/staff/${id}/grants`, {
                cookie,
                body: { roleCode: a.role, orgId: orgAt(a.org) },
              });
            else
              res = await t.request(
                'DELETE',
                `/api/staff/${id}/grants/${s.grants[a.pick % Math.max(1, s.grants.length)]?.id ?? 999999}`,
                { cookie },
              );
            const ok = res.statusCode >= 200 && res.statusCode < 300;
            const what = `${a.kind} on ${id} (officer ${officerId}): ${res.statusCode} ${res.body}`;
            expect(res.statusCode, what).toBeLessThan(500);
            if (id === officerId) expect(ok ? 'succeeded' : res.json().error.code, what).toBe('STAFF_SELF');
            if (a.kind === 'grant' || a.kind === 'revoke') {
              if (ok) expect(manageable(s, GRANT, READ), what).toBe(true);
              if (ok && a.kind === 'grant')
                expect(holds(GRANT, orgAt(a.org)) && roleWithin(a.role, orgAt(a.org)), what).toBe(true);
            } else {
              // account actions succeed exactly when the account is manageable (the rule is not vacuous)
              expect(ok, what).toBe(manageable(s, UPDATE, UPDATE));
            }
            if (ok && a.kind === 'reset') passwordSet.add(id);
            if (seen.statusCode === 200) {
              const flag =
                a.kind === 'grant' || a.kind === 'revoke'
                  ? seen.json<Staff>().grantsManageable
                  : seen.json<Staff>().manageable;
              if (ok) expect(flag, `${what}: succeeded though not shown as manageable`).toBe(true);
              if (a.kind !== 'grant' && a.kind !== 'revoke') expect(flag, what).toBe(ok);
            }
          }

          // The officer's own grants are as they were, and their session still stands.
          expect((await read(officerId)).grants).toEqual(officer.grants);
          expect((await t.request('GET', '/api/auth/me', { cookie })).statusCode).toBe(200);
          for (const id of accountIds) {
            const now = (await read(id)).grants;
            const old = new Set((before.get(id) ?? []).map((g) => g.id));
            // every grant that appeared is one the officer could give
            for (const g of now.filter((x) => !old.has(x.id)))
              expect(
                holds(GRANT, g.orgId) && roleWithin(g.roleCode, g.orgId),
                `new grant ${g.roleCode}@${g.orgId} on ${id}`,
              ).toBe(true);
            // an account whose password the officer set reaches no further than the officer
            if (passwordSet.has(id))
              for (const g of now)
                expect(roleWithin(g.roleCode, g.orgId), `taken-over ${id} holds ${g.roleCode}@${g.orgId}`).toBe(true);
          }
        },
      ),
      { numRuns: 30 },
    );
  }, 300_000);
});
