import { count } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { writeAudit } from '../kernel/audit.js';
import type { Deps } from '../kernel/context.js';
import type { Db } from '../kernel/db.js';
import { hashPassword } from '../modules/auth/index.js';
import { DEMO_PEOPLE } from '../modules/member/index.js';
import { nextOrgId, type OrgRow } from '../modules/org/index.js';
// The demo federation and its staff are the org and auth modules' data: written through their schema files.
import { account, staffGrant } from '../modules/auth/auth.schema.js';
import { org } from '../modules/org/org.schema.js';
import type { ModuleDef, SeedContext } from '../kernel/module.js';
import { MODULES } from '../modules.js';

// The demo federation of ARCHITECTURE.md, loaded on first start in demo mode only.
export const DEMO_PASSWORD = 'Demo#2026';
export const DEMO_MEMBER_PHONE = '13800000001';

interface DemoOrg {
  key: string;
  parent?: string;
  code: string;
  name: string;
  type: OrgRow['type'];
  level?: OrgRow['level'];
  address?: string;
}

export const DEMO_ORGS: DemoOrg[] = [
  { key: 'province', code: 'JS', name: '江苏省总工会', type: 'federation', level: 'province', address: '南京市玄武区' },
  {
    key: 'city',
    parent: 'province',
    code: 'JS-ZJ',
    name: '镇江市总工会',
    type: 'federation',
    level: 'city',
    address: '镇江市京口区',
  },
  { key: 'jingkou', parent: 'city', code: 'JS-ZJ-JK', name: '京口区总工会', type: 'federation', level: 'county' },
  { key: 'runzhou', parent: 'city', code: 'JS-ZJ-RZ', name: '润州区总工会', type: 'federation', level: 'county' },
  { key: 'danyang', parent: 'city', code: 'JS-ZJ-DY', name: '丹阳市总工会', type: 'federation', level: 'county' },
  {
    key: 'xiangshan',
    parent: 'jingkou',
    code: 'JS-ZJ-JK-XS',
    name: '象山街道总工会',
    type: 'federation',
    level: 'town',
  },
  { key: 'techco', parent: 'xiangshan', code: 'JS-ZJ-JK-XS-001', name: '镇江瑞丰科技有限公司工会', type: 'grassroots' },
  { key: 'logistics', parent: 'jingkou', code: 'JS-ZJ-JK-002', name: '京口快递物流园联合工会', type: 'grassroots' },
  { key: 'college', parent: 'runzhou', code: 'JS-ZJ-RZ-001', name: '镇江理工学院工会', type: 'grassroots' },
  { key: 'drivers', parent: 'runzhou', code: 'JS-ZJ-RZ-002', name: '润州区货车司机联合工会', type: 'grassroots' },
  { key: 'hengshen', parent: 'danyang', code: 'JS-ZJ-DY-001', name: '江苏恒神股份有限公司工会', type: 'grassroots' },
  { key: 'glasses', parent: 'danyang', code: 'JS-ZJ-DY-002', name: '丹阳眼镜城联合工会', type: 'grassroots' },
  {
    key: 'center',
    parent: 'city',
    code: 'JS-ZJ-FW',
    name: '镇江市职工服务中心',
    type: 'service_center',
    address: '镇江市润州区南徐大道',
  },
  { key: 'station1', parent: 'center', code: 'JS-ZJ-FW-01', name: '大市口户外劳动者服务站', type: 'station' },
  { key: 'station2', parent: 'center', code: 'JS-ZJ-FW-02', name: '南徐新城小蜜蜂驿站', type: 'station' },
  { key: 'station3', parent: 'center', code: 'JS-ZJ-FW-03', name: '丹徒新区职工驿站', type: 'station' },
];

export const DEMO_STAFF = [
  { username: 'admin', displayName: '系统管理员', org: 'province', role: 'sysadmin', phone: '13900000001' },
  {
    username: 'city',
    displayName: '镇江市总工会 王主任',
    org: 'city',
    role: 'federation_manager',
    phone: '13900000002',
  },
  {
    username: 'county',
    displayName: '京口区总工会 李部长',
    org: 'jingkou',
    role: 'federation_manager',
    phone: '13900000003',
  },
  {
    username: 'grassroots',
    displayName: '瑞丰科技工会 张主席',
    org: 'techco',
    role: 'grassroots_officer',
    phone: '13900000004',
  },
  { username: 'center', displayName: '服务中心 陈专员', org: 'center', role: 'service_staff', phone: '13900000005' },
  { username: 'head', displayName: '镇江市总工会 刘主席', org: 'city', role: 'org_head', phone: '13900000006' },
  {
    username: 'hengshen',
    displayName: '恒神工会 王主席',
    org: 'hengshen',
    role: 'grassroots_officer',
    phone: '13900000007',
  },
] as const;

const manifests: readonly ModuleDef[] = MODULES;

/** Loads the demo federation unless the database already holds orgs. */
export async function seedDemo(deps: Deps, log: FastifyBaseLogger, opts: { members?: number } = {}): Promise<void> {
  const members = opts.members ?? 3000;
  const [existing] = await deps.db.select({ n: count() }).from(org);
  if ((existing?.n ?? 0) > 0) return;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await deps.db.transaction(async (tx) => {
    const ids = await insertOrgs(tx);
    const now = deps.clock.now();
    for (const s of DEMO_STAFF) {
      const orgId = ids.get(s.org) ?? 0;
      const [a] = await tx
        .insert(account)
        .values({
          kind: 'staff',
          username: s.username,
          displayName: s.displayName,
          orgId,
          passwordHash,
          passwordChangedAt: now,
          phoneEnc: deps.crypto.encrypt(s.phone),
          phoneHash: deps.crypto.blindIndex('phone', s.phone),
        })
        .returning({ id: account.id });
      if (a) await tx.insert(staffGrant).values({ accountId: a.id, roleCode: s.role, orgId });
    }
    const [demoMember] = await tx
      .insert(account)
      .values({
        kind: 'member',
        displayName: '周师傅',
        passwordHash,
        passwordChangedAt: now,
        phoneEnc: deps.crypto.encrypt(DEMO_MEMBER_PHONE),
        phoneHash: deps.crypto.blindIndex('phone', DEMO_MEMBER_PHONE),
      })
      .returning({ id: account.id });
    // Each module's part, in MODULES order (members before cases, cases before identification).
    const ctx: SeedContext = {
      tx,
      deps,
      orgs: ids,
      members,
      demoMember: demoMember ? { accountId: demoMember.id, phone: DEMO_MEMBER_PHONE } : null,
      demoPasswordHash: passwordHash,
    };
    for (const m of manifests) await m.seed?.(ctx);
    // Then the late steps (the member accounts 13800000002–30): the steps above pick their members without them.
    for (const m of manifests) await m.seedLast?.(ctx);
    await writeAudit(
      tx,
      deps.crypto,
      { actorId: null, actorName: 'system', ip: null, requestId: null, at: now },
      {
        orgId: ids.get('province') ?? null,
        action: 'demo.seed',
        after: { orgs: DEMO_ORGS.length, staff: DEMO_STAFF.length, members },
      },
    );
  });
  const memberAccounts = members > 0 ? `${DEMO_MEMBER_PHONE} … ${DEMO_PEOPLE.at(-1)?.phone ?? ''}` : DEMO_MEMBER_PHONE;
  log.info(
    `demo data loaded: staff ${DEMO_STAFF.map((s) => s.username).join(', ')} and members ${memberAccounts}, password ${DEMO_PASSWORD}`,
  );
}

async function insertOrgs(tx: Db): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const paths = new Map<string, string>();
  for (const o of DEMO_ORGS) {
    const id = await nextOrgId(tx);
    const parentPath = o.parent ? (paths.get(o.parent) ?? '/') : '/';
    const path = `${parentPath}${id}/`;
    await tx.insert(org).values({
      id,
      parentId: o.parent ? (ids.get(o.parent) ?? null) : null,
      path,
      depth: path.split('/').length - 3,
      code: o.code,
      name: o.name,
      type: o.type,
      level: o.level ?? null,
      address: o.address ?? null,
      contactPerson: null,
      contactPhone: '0511-85000000',
    });
    ids.set(o.key, id);
    paths.set(o.key, path);
  }
  return ids;
}
