import type { Actor } from '../../kernel/access.js';
import type { AuditSource } from '../../kernel/audit.js';
import type { SeedContext } from '../../kernel/module.js';
import { createMemberAccount, staffActor } from '../auth/index.js';
import { submitCorrection, type CorrectionChanges } from './correction.service.js';
import { makeIdNumber } from './id-number.js';
import { submitJoin } from './join.service.js';
import type { NewMember } from './member.fields.js';
import type { MemberRow } from './member.schema.js';
import { insertMember } from './member.service.js';
import { approveTransfer, requestTransfer } from './transfer.service.js';

// Demo member accounts 13800000002 … 13800000030 (13800000001, 周师傅, is seed/demo.ts's), all with the
// demo password: members of several grassroots unions — 江苏恒神 (a carbon-fibre manufacturer in
// 丹阳), the 京口 logistics park's riders, couriers and drivers, 瑞丰科技, the college, the 润州
// drivers, the 丹阳 glasses market — women and men, 一线 workers and 中层以上管理人员. The record has
// no field for post level, so it is written in the post: "…（一线）" or "…（中层以上管理人员）".
// The last three have applied to join and wait for a decision; some members have asked for a
// transfer or a correction. Everything goes through the member services, so the records carry
// their history and audit rows as if made on the screens.

type UnionKey = 'techco' | 'logistics' | 'college' | 'drivers' | 'hengshen' | 'glasses';
export const FRONTLINE = '（一线）';
export const MANAGER = '（中层以上管理人员）';

export interface DemoPerson {
  phone: string;
  name: string;
  union: UnionKey;
  /** Region, birth date and sequence of the 身份证号 (sequence odd: a man, even: a woman). */
  id: [region: string, birth: string, sequence: number];
  employer: string;
  post: string;
  jobType?: NewMember['jobType'];
  household?: 'urban' | 'rural' | 'migrant';
  politicalStatus?: string;
  education: string;
  /** Absent for an applicant. */
  joinedAt?: string;
  /** Not a member yet: a join request to `union` waits for its officer. */
  applicant?: true;
}

const HS = '江苏恒神股份有限公司';
const phone = (n: number) => `138${String(n).padStart(8, '0')}`;
// Region codes none of the 3,000 generated members use (demo-members.ts's REGIONS), so no number collides.
export const DEMO_PEOPLE: DemoPerson[] = [
  {
    phone: phone(2),
    name: '王建国',
    union: 'hengshen',
    id: ['321121', '1975-03-12', 31],
    employer: HS,
    post: `生产部经理${MANAGER}`,
    politicalStatus: '中共党员',
    education: '本科',
    joinedAt: '2009-07-01',
  },
  {
    phone: phone(3),
    name: '李秀英',
    union: 'hengshen',
    id: ['321121', '1988-09-23', 42],
    employer: HS,
    post: `原丝车间纺丝工${FRONTLINE}`,
    household: 'migrant',
    education: '高中',
    joinedAt: '2014-03-15',
  },
  {
    phone: phone(4),
    name: '张丽娟',
    union: 'hengshen',
    id: ['321023', '1991-12-05', 64],
    employer: HS,
    post: `质量部质检员${FRONTLINE}`,
    education: '大专',
    joinedAt: '2016-08-01',
  },
  {
    phone: phone(5),
    name: '陈志强',
    union: 'hengshen',
    id: ['341222', '1986-06-18', 75],
    employer: HS,
    post: `碳化车间设备维修工${FRONTLINE}`,
    household: 'migrant',
    education: '中专',
    joinedAt: '2013-05-20',
  },
  {
    phone: phone(6),
    name: '刘婷',
    union: 'hengshen',
    id: ['321283', '1984-02-29', 86],
    employer: HS,
    post: `人力资源部副部长${MANAGER}`,
    politicalStatus: '中共党员',
    education: '硕士研究生',
    joinedAt: '2011-09-01',
  },
  {
    phone: phone(7),
    name: '赵磊',
    union: 'hengshen',
    id: ['412726', '1995-10-08', 97],
    employer: HS,
    post: `碳化车间操作工${FRONTLINE}`,
    household: 'migrant',
    politicalStatus: '共青团员',
    education: '高中',
    joinedAt: '2019-04-10',
  },
  {
    phone: phone(8),
    name: '孙晓燕',
    union: 'hengshen',
    id: ['321121', '1990-07-14', 108],
    employer: HS,
    post: '技术研发部工程师',
    education: '硕士研究生',
    joinedAt: '2017-07-15',
  },
  {
    phone: phone(9),
    name: '周海波',
    union: 'hengshen',
    id: ['320830', '1979-11-30', 119],
    employer: HS,
    post: `复合材料车间主任${MANAGER}`,
    politicalStatus: '中共党员',
    education: '大专',
    joinedAt: '2010-01-12',
  },
  {
    phone: phone(10),
    name: '吴建军',
    union: 'logistics',
    id: ['342225', '1989-04-02', 131],
    employer: '美团外卖京口站',
    post: `外卖骑手${FRONTLINE}`,
    jobType: 'food_delivery',
    household: 'migrant',
    education: '初中',
    joinedAt: '2021-06-01',
  },
  {
    phone: phone(11),
    name: '郑美玲',
    union: 'logistics',
    id: ['430521', '1993-08-19', 142],
    employer: '饿了么镇江站',
    post: `外卖骑手${FRONTLINE}`,
    jobType: 'food_delivery',
    household: 'migrant',
    education: '高中',
    joinedAt: '2022-03-08',
  },
  {
    phone: phone(12),
    name: '冯涛',
    union: 'logistics',
    id: ['321023', '1987-01-25', 153],
    employer: '顺丰速运镇江分部',
    post: `快递员${FRONTLINE}`,
    jobType: 'courier',
    household: 'rural',
    education: '中专',
    joinedAt: '2020-10-01',
  },
  {
    phone: phone(13),
    name: '何桂英',
    union: 'logistics',
    id: ['510922', '1982-05-09', 164],
    employer: '中通快递京口网点',
    post: `快递员${FRONTLINE}`,
    jobType: 'courier',
    household: 'migrant',
    education: '初中',
    joinedAt: '2019-11-11',
  },
  {
    phone: phone(14),
    name: '马超',
    union: 'logistics',
    id: ['320323', '1980-12-01', 175],
    employer: '京口物流园货运站',
    post: `货车司机${FRONTLINE}`,
    jobType: 'truck_driver',
    household: 'rural',
    education: '初中',
    joinedAt: '2018-05-01',
  },
  {
    phone: phone(15),
    name: '罗勇',
    union: 'logistics',
    id: ['321283', '1985-03-27', 187],
    employer: '滴滴出行镇江',
    post: `网约车司机${FRONTLINE}`,
    jobType: 'ride_hailing',
    household: 'urban',
    education: '大专',
    joinedAt: '2021-09-15',
  },
  {
    phone: phone(16),
    name: '梁芳',
    union: 'logistics',
    id: ['321121', '1983-10-10', 198],
    employer: '顺丰速运镇江分部',
    post: `京口片区站点经理${MANAGER}`,
    politicalStatus: '中共党员',
    education: '本科',
    joinedAt: '2015-04-01',
  },
  {
    phone: phone(17),
    name: '宋鹏',
    union: 'logistics',
    id: ['412726', '1992-02-14', 209],
    employer: '货拉拉镇江',
    post: `货车司机${FRONTLINE}`,
    jobType: 'truck_driver',
    household: 'migrant',
    education: '高中',
    joinedAt: '2023-02-20',
  },
  {
    phone: phone(18),
    name: '韩飞',
    union: 'logistics',
    id: ['342225', '1994-06-06', 211],
    employer: 'e代驾镇江',
    post: `代驾司机${FRONTLINE}`,
    jobType: 'other_new',
    household: 'migrant',
    education: '高中',
    joinedAt: '2023-07-01',
  },
  {
    phone: phone(19),
    name: '许静',
    union: 'techco',
    id: ['321121', '1981-08-08', 222],
    employer: '镇江瑞丰科技有限公司',
    post: `财务部经理${MANAGER}`,
    politicalStatus: '中共党员',
    education: '本科',
    joinedAt: '2012-03-01',
  },
  {
    phone: phone(20),
    name: '曹宇',
    union: 'techco',
    id: ['320830', '1996-04-21', 233],
    employer: '镇江瑞丰科技有限公司',
    post: `装配工${FRONTLINE}`,
    household: 'rural',
    politicalStatus: '共青团员',
    education: '中专',
    joinedAt: '2018-09-01',
  },
  {
    phone: phone(21),
    name: '邓丽',
    union: 'techco',
    id: ['321023', '1993-12-12', 244],
    employer: '镇江瑞丰科技有限公司',
    post: '研发工程师',
    education: '硕士研究生',
    joinedAt: '2019-07-20',
  },
  {
    phone: phone(22),
    name: '彭晨',
    union: 'techco',
    id: ['510922', '1990-09-09', 255],
    employer: '镇江瑞丰科技有限公司',
    post: `数控车工${FRONTLINE}`,
    household: 'migrant',
    education: '中专',
    joinedAt: '2016-02-15',
  },
  {
    phone: phone(23),
    name: '袁雪',
    union: 'college',
    id: ['321121', '1987-05-15', 266],
    employer: '镇江理工学院',
    post: '讲师',
    politicalStatus: '中共党员',
    education: '博士研究生',
    joinedAt: '2015-09-01',
  },
  {
    phone: phone(24),
    name: '蒋文',
    union: 'college',
    id: ['320323', '1972-01-20', 277],
    employer: '镇江理工学院',
    post: `后勤处处长${MANAGER}`,
    politicalStatus: '中共党员',
    education: '本科',
    joinedAt: '2008-09-01',
  },
  {
    phone: phone(25),
    name: '范佳',
    union: 'glasses',
    id: ['321283', '1997-03-03', 288],
    employer: '丹阳眼镜城商户',
    post: `验光师${FRONTLINE}`,
    education: '大专',
    joinedAt: '2020-05-05',
  },
  {
    phone: phone(26),
    name: '田刚',
    union: 'drivers',
    id: ['341222', '1978-07-07', 299],
    employer: '润州货运联盟',
    post: `货车司机${FRONTLINE}`,
    jobType: 'truck_driver',
    household: 'rural',
    education: '初中',
    joinedAt: '2017-03-18',
  },
  {
    phone: phone(27),
    name: '石红梅',
    union: 'drivers',
    id: ['430521', '1986-11-16', 300],
    employer: '滴滴出行镇江',
    post: `网约车司机${FRONTLINE}`,
    jobType: 'ride_hailing',
    household: 'urban',
    education: '高中',
    joinedAt: '2020-08-08',
  },
  {
    phone: phone(28),
    name: '姚欣怡',
    union: 'hengshen',
    id: ['321121', '2001-02-02', 312],
    employer: HS,
    post: `原丝车间操作工${FRONTLINE}`,
    politicalStatus: '共青团员',
    education: '大专',
    applicant: true,
  },
  {
    phone: phone(29),
    name: '谭浩',
    union: 'logistics',
    id: ['412726', '1998-10-30', 323],
    employer: '美团外卖京口站',
    post: `外卖骑手${FRONTLINE}`,
    jobType: 'food_delivery',
    household: 'migrant',
    education: '高中',
    applicant: true,
  },
  {
    phone: phone(30),
    name: '廖云',
    union: 'techco',
    id: ['320830', '1999-06-26', 334],
    employer: '镇江瑞丰科技有限公司',
    post: `测试工程师${FRONTLINE}`,
    education: '本科',
    applicant: true,
  },
];

const idNumberOf = (p: DemoPerson) => makeIdNumber(...p.id);

// Requests waiting on each screen: [who, to which union] transfers, [who, changes, note] corrections.
const TRANSFERS: Array<{ phone: string; to: UnionKey; reason: string; releasedBy?: 'city' }> = [
  { phone: phone(22), to: 'hengshen', reason: '到丹阳恒神公司工作' }, // 瑞丰科技 decides the release
  { phone: phone(14), to: 'drivers', reason: '改为在润州跑长途货运' }, // 京口 (the logistics park) decides the release
  { phone: phone(27), to: 'techco', reason: '入职瑞丰科技', releasedBy: 'city' }, // released; 瑞丰科技 decides the intake
];
const CORRECTIONS: Array<{ phone: string; changes: CorrectionChanges; note: string }> = [
  { phone: phone(20), changes: { post: `装配班组长${FRONTLINE}` }, note: '已任班组长' },
  { phone: phone(3), changes: { education: '大专' }, note: '已取得大专学历（成人教育）' },
  { phone: phone(11), changes: { householdType: 'urban', migrantWorker: false }, note: '户口已迁入镇江' },
];

const householdOf = (h: DemoPerson['household']) =>
  h === 'migrant'
    ? { householdType: 'rural' as const, migrantWorker: true }
    : { householdType: h ?? 'urban', migrantWorker: false };

/** The demo member accounts and their records and requests (after the rest of the demo, which picks its members without them). */
export async function seedDemoMemberAccounts({
  tx,
  deps,
  orgs: ids,
  demoPasswordHash: passwordHash,
}: SeedContext): Promise<void> {
  const at = deps.clock.now();
  const demo: AuditSource = { actorId: null, actorName: 'demo', ip: null, requestId: null, at };
  const records = new Map<string, MemberRow>();
  const accounts = new Map<string, number>();
  for (const [i, p] of DEMO_PEOPLE.entries()) {
    const accountId = await createMemberAccount(tx, deps.crypto, {
      displayName: p.name,
      phone: p.phone,
      passwordHash,
      at,
    });
    accounts.set(p.phone, accountId);
    const details = {
      name: p.name,
      idNumber: idNumberOf(p),
      orgId: ids.get(p.union) ?? 0,
      employer: p.employer,
      post: p.post,
      jobType: p.jobType ?? 'regular',
      ethnicity: '汉族',
      politicalStatus: p.politicalStatus ?? '群众',
      education: p.education,
      ...householdOf(p.household),
    };
    if (p.applicant) {
      const self: Actor = {
        accountId,
        kind: 'member',
        username: null,
        displayName: p.name,
        orgId: null,
        sessionState: 'active',
        grants: [],
      };
      await submitJoin(
        tx,
        { crypto: deps.crypto, source: { ...demo, actorId: accountId, actorName: p.name } },
        self,
        details,
      );
      continue;
    }
    const input: NewMember = {
      ...details,
      phone: p.phone,
      joinedAt: p.joinedAt ?? at.toISOString().slice(0, 10),
      cardNo: `ZJ${String(i + 2).padStart(6, '0')}`,
    };
    records.set(
      p.phone,
      await insertMember(tx, { crypto: deps.crypto, source: demo }, input, {
        kind: 'created',
        accountId,
        note: '演示数据',
      }),
    );
  }

  const asMember = (p: string) => ({
    crypto: deps.crypto,
    source: {
      ...demo,
      actorId: accounts.get(p) ?? null,
      actorName: DEMO_PEOPLE.find((x) => x.phone === p)?.name ?? null,
    },
  });
  const city = await staffActor(tx, 'city');
  for (const t of TRANSFERS) {
    const m = records.get(t.phone);
    if (!m) continue;
    const id = await requestTransfer(tx, asMember(t.phone), m, ids.get(t.to) ?? 0, t.reason);
    if (t.releasedBy && city)
      await approveTransfer(
        tx,
        { crypto: deps.crypto, source: { ...demo, actorId: city.accountId, actorName: city.displayName } },
        city,
        id,
      );
  }
  for (const c of CORRECTIONS) {
    const m = records.get(c.phone);
    if (m) await submitCorrection(tx, asMember(c.phone), m, c.changes, c.note);
  }
}
