import { expect } from 'vitest';
import { DEMO_MEMBER_PHONE, DEMO_PASSWORD } from '../../seed/demo.js';
import type { TestApp } from '../../test/harness.js';
import { createMemberAccount, hashPassword } from '../auth/index.js';
import { makeIdNumber } from '../member/index.js';

// Test helpers of the voucher module: orgs by code, members with accounts, campaigns.

export async function orgIds(t: TestApp, cookie: string): Promise<Record<string, number>> {
  const ids: Record<string, number> = {};
  const res = await t.request('GET', '/api/orgs', { cookie });
  for (const o of res.json<{ items: Array<{ id: number; code: string }> }>().items) ids[o.code] = o.id;
  return ids;
}

let seq = 300;
let passwordHash: string | undefined;
/** A member record at `orgId` with a member account (password Demo#2026); returns the account id and phone. */
export async function makeMember(
  t: TestApp,
  admin: string,
  orgId: number,
  over: Record<string, unknown> = {},
): Promise<{ accountId: number; phone: string }> {
  const n = seq++;
  const phone = (over.phone as string | undefined) ?? `137${String(n).padStart(8, '0')}`;
  const res = await t.request('POST', '/api/members', {
    cookie: admin,
    body: {
      name: '王小明',
      idNumber: makeIdNumber('321102', '1990-05-06', n),
      phone,
      orgId,
      joinedAt: '2020-03-01',
      ...over,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  if (over.phone === DEMO_MEMBER_PHONE) return { accountId: 0, phone }; // the demo member has its account
  passwordHash ??= await hashPassword(DEMO_PASSWORD);
  const accountId = await createMemberAccount(t.deps.db, t.deps.crypto, {
    displayName: '王小明',
    phone,
    passwordHash,
    at: t.clock.now(),
  });
  return { accountId, phone };
}

/** A campaign body: open from an hour ago for a day, valid for a month. */
export function campaignBody(orgId: number, now: Date, over: Record<string, unknown> = {}) {
  const at = (h: number) => new Date(now.getTime() + h * 3600_000).toISOString();
  return {
    orgId,
    name: '测试消费券',
    kind: 'general',
    mode: 'first_come',
    faceValueFen: 5000,
    minSpendFen: 10000,
    quantity: 10,
    budgetFen: 50000,
    perMemberLimit: 1,
    claimStartsAt: at(-1),
    claimEndsAt: at(24),
    validFrom: at(-1),
    validUntil: at(24 * 30),
    ...over,
  };
}

/** Creates and publishes a campaign; returns its id. */
export async function publishedCampaign(t: TestApp, cookie: string, body: Record<string, unknown>): Promise<number> {
  const c = await t.request('POST', '/api/voucher-campaigns', { cookie, body });
  expect(c.statusCode, c.body).toBe(201);
  const id = c.json<{ id: number }>().id;
  const p = await t.request('POST', `/api/voucher-campaigns/${id}/publish`, { cookie });
  expect(p.statusCode, p.body).toBe(200);
  return id;
}
