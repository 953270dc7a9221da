import type { Deps } from '../kernel/context.js';
import type { Db } from '../kernel/db.js';
import { createMerchantAccount } from '../modules/auth/index.js';
import { withCheckChar, type MerchantCategory, type MerchantStatus } from '../modules/merchant/index.js';
// The merchant module's own demo data (its seed step calls this file): written through its schema file.
import {
  merchant,
  merchantAccount,
  merchantAgreement,
  merchantAssessment,
  merchantCall,
  merchantEvent,
  merchantInspection,
  merchantLocation,
  merchantReview,
} from '../modules/merchant/merchant.schema.js';
import { demoStaff } from './demo-staff.js';

// 工惠优享家: the 17 partner merchants 镇江市总工会 chose by open call (公开征集、择优遴选), listed with
// agreements; a few inspected, one warned after a complaint about hygiene; this year's open call
// with two applications waiting for review; one merchant account per category (merchant-<category>,
// password Demo#2026) on its first merchant. Contact phones and settlement accounts encrypted as
// the API stores them.

interface DemoMerchant {
  name: string;
  category: MerchantCategory;
  address: string;
  lat: number;
  lng: number;
  terms: string;
  hours: string;
  contact: string;
  status?: MerchantStatus;
}

const MERCHANTS: DemoMerchant[] = [
  {
    name: '镇江八佰伴商厦',
    category: 'shopping',
    address: '镇江市京口区中山东路 288 号',
    lat: 32.2046,
    lng: 119.4531,
    terms: '凭会员电子卡购物满 200 元减 20 元（特价商品除外）',
    hours: '09:30–21:30',
    contact: '孙经理',
  },
  {
    name: '苏果超市（解放路店）',
    category: 'shopping',
    address: '镇江市京口区解放路 126 号',
    lat: 32.2008,
    lng: 119.4472,
    terms: '每周三会员日全场 9.5 折',
    hours: '08:00–22:00',
    contact: '周店长',
  },
  {
    name: '大润发（南徐店）',
    category: 'shopping',
    address: '镇江市润州区南徐大道 60 号',
    lat: 32.1862,
    lng: 119.4196,
    terms: '生鲜以外商品满 100 元减 8 元',
    hours: '07:30–22:00',
    contact: '吴主管',
  },
  {
    name: '宴春酒楼',
    category: 'dining',
    address: '镇江市京口区人民街 17 号',
    lat: 32.2063,
    lng: 119.4449,
    terms: '锅盖面、水晶肴肉套餐 8.8 折；包厢免服务费',
    hours: '06:30–20:30',
    contact: '钱经理',
  },
  {
    name: '西津渡老街面馆',
    category: 'dining',
    address: '镇江市润州区长江路西津渡历史街区 52 号',
    lat: 32.2151,
    lng: 119.4306,
    terms: '锅盖面每碗立减 2 元',
    hours: '06:00–14:00',
    contact: '郑老板',
  },
  {
    name: '京口蟹黄汤包馆',
    category: 'dining',
    address: '镇江市京口区京口路 45 号',
    lat: 32.2092,
    lng: 119.4562,
    terms: '堂食 9 折',
    hours: '06:30–19:00',
    contact: '王老板',
    status: 'warned',
  },
  {
    name: '镇江大剧院',
    category: 'culture',
    address: '镇江市润州区南徐大道 168 号',
    lat: 32.1791,
    lng: 119.4088,
    terms: '自营演出票 8 折，每场每人限 2 张',
    hours: '演出日 09:00–20:00',
    contact: '冯主任',
  },
  {
    name: '新华书店（大市口店）',
    category: 'culture',
    address: '镇江市京口区中山东路 199 号',
    lat: 32.2041,
    lng: 119.4486,
    terms: '图书 9 折，教辅除外',
    hours: '09:00–21:00',
    contact: '陈经理',
  },
  {
    name: '万达影城（镇江万达广场店）',
    category: 'culture',
    address: '镇江市润州区黄山西路 8 号万达广场 4 楼',
    lat: 32.1985,
    lng: 119.4148,
    terms: '工作日 2D 影片 29.9 元',
    hours: '10:00–24:00',
    contact: '褚经理',
  },
  {
    name: '镇江体育会展中心游泳馆',
    category: 'fitness',
    address: '镇江市润州区南徐大道 288 号',
    lat: 32.1762,
    lng: 119.4031,
    terms: '游泳年卡 7.5 折，单次票 20 元',
    hours: '06:30–21:30',
    contact: '卫教练',
  },
  {
    name: '力美健健身（学府路店）',
    category: 'fitness',
    address: '镇江市京口区学府路 301 号',
    lat: 32.1968,
    lng: 119.4925,
    terms: '年卡 6.8 折，赠 2 节私教课',
    hours: '07:00–22:00',
    contact: '蒋店长',
  },
  {
    name: '镇江市第一人民医院健康管理中心',
    category: 'health',
    address: '镇江市京口区电力路 8 号',
    lat: 32.2031,
    lng: 119.4541,
    terms: '职工体检套餐 8.5 折',
    hours: '周一至周六 07:30–11:30',
    contact: '沈主任',
  },
  {
    name: '益丰大药房（正东路店）',
    category: 'health',
    address: '镇江市京口区正东路 88 号',
    lat: 32.2072,
    lng: 119.4601,
    terms: '非处方药 9.2 折，免费测血压血糖',
    hours: '08:00–22:00',
    contact: '韩店长',
  },
  {
    name: '镇江职工学历提升中心',
    category: 'education',
    address: '镇江市润州区檀山路 8 号',
    lat: 32.1893,
    lng: 119.4323,
    terms: '成人学历教育学费减免 10%',
    hours: '周一至周五 08:30–17:30',
    contact: '杨老师',
  },
  {
    name: '金山职业技能培训学校',
    category: 'education',
    address: '镇江市润州区金山路 118 号',
    lat: 32.2178,
    lng: 119.4242,
    terms: '电工、育婴员等技能培训 8 折',
    hours: '08:30–17:30',
    contact: '朱校长',
  },
  {
    name: '金山寺景区',
    category: 'travel',
    address: '镇江市润州区金山路 62 号',
    lat: 32.2196,
    lng: 119.4268,
    terms: '凭会员电子卡门票 8 折',
    hours: '07:30–17:30',
    contact: '秦科长',
  },
  {
    name: '镇江南山风景区',
    category: 'travel',
    address: '镇江市润州区招隐路 1 号',
    lat: 32.1702,
    lng: 119.4343,
    terms: '索道票 8 折',
    hours: '08:00–17:00',
    contact: '尤经理',
  },
];

const APPLICANTS: DemoMerchant[] = [
  {
    name: '恒顺醋文化博物馆',
    category: 'culture',
    address: '镇江市丹徒区恒顺大道 66 号',
    lat: 32.1543,
    lng: 119.4721,
    terms: '参观门票 5 折，醋品 9 折',
    hours: '09:00–16:30',
    contact: '许经理',
  },
  {
    name: '茂业百货（镇江店）',
    category: 'shopping',
    address: '镇江市京口区解放路 228 号',
    lat: 32.2016,
    lng: 119.4491,
    terms: '化妆品以外商品满 300 减 30',
    hours: '09:30–21:30',
    contact: '何主管',
  },
];

const DAY = 86_400_000;
const ISO_DATE = (d: Date) => d.toISOString().slice(0, 10);

export async function seedDemoMerchants(
  tx: Db,
  deps: Deps,
  cityOrgId: number,
  demoPasswordHash: string,
): Promise<void> {
  const now = deps.clock.now().getTime();
  const at = (days: number) => new Date(now + days * DAY);
  const manager = await demoStaff(tx, 'city');
  const actor = { actorId: manager?.id ?? null, actorName: manager?.name ?? null };

  const [pastCall, openCall] = await tx
    .insert(merchantCall)
    .values([
      {
        orgId: cityOrgId,
        title: '“工惠优享家”首批合作商户公开征集公告',
        body: '镇江市总工会面向全市公开征集购物、餐饮、文化、健身、健康、教育、旅游等领域的合作商户，为会员提供优惠服务。择优遴选，签订合作协议后挂牌。',
        categories: ['shopping', 'dining', 'culture', 'fitness', 'health', 'education', 'travel'],
        opensAt: at(-200),
        closesAt: at(-170),
        state: 'closed' as const,
        createdBy: actor.actorId,
        createdAt: at(-201),
        updatedAt: at(-170),
      },
      {
        orgId: cityOrgId,
        title: '“工惠优享家”第二批合作商户征集公告',
        body: '第二批征集重点为文化、购物类商户，申请单位须具有统一社会信用代码，承诺为会员提供不低于 9 折的优惠，接受工会现场检查和年度考核。',
        categories: ['shopping', 'culture', 'fitness'],
        opensAt: at(-10),
        closesAt: at(50),
        state: 'open' as const,
        createdBy: actor.actorId,
        createdAt: at(-11),
        updatedAt: at(-11),
      },
    ])
    .returning({ id: merchantCall.id });
  if (!pastCall || !openCall) throw new Error('merchant_call insert returned no row');

  const row = (m: DemoMerchant, i: number, callId: number, status: MerchantStatus, created: Date) => ({
    orgId: cityOrgId,
    callId,
    name: m.name,
    licenceNo: withCheckChar(
      `91321100MA1${String(1000 + i).padStart(4, '0')}X${'ABCDEFGHJ'.charAt(i % 9)}`.slice(0, 17),
    ),
    categories: [m.category],
    status,
    address: m.address,
    lat: m.lat,
    lng: m.lng,
    discountTerms: m.terms,
    hours: m.hours,
    contactName: m.contact,
    contactPhoneEnc: deps.crypto.encrypt(`137${String(51100000 + i * 7919).slice(0, 8)}`),
    settlementAccountEnc:
      status === 'applied' ? null : deps.crypto.encrypt(`6222021104${String(100000000 + i * 104729)}`),
    createdAt: created,
    updatedAt: created,
  });
  const listed = await tx
    .insert(merchant)
    .values(MERCHANTS.map((m, i) => row(m, i, pastCall.id, m.status ?? 'listed', at(-185 + i))))
    .returning({ id: merchant.id, status: merchant.status });
  const applied = await tx
    .insert(merchant)
    .values(APPLICANTS.map((m, i) => row(m, 100 + i, openCall.id, 'applied', at(-3 + i))))
    .returning({ id: merchant.id });
  const all = [
    ...MERCHANTS.map((m, i) => ({ m, id: listed[i]?.id ?? 0 })),
    ...APPLICANTS.map((m, i) => ({ m, id: applied[i]?.id ?? 0 })),
  ];
  await tx
    .insert(merchantLocation)
    .values(all.map(({ m, id }) => ({ merchantId: id, position: 0, address: m.address, lat: m.lat, lng: m.lng })));

  const sheet = (base: number) => [
    { item: '资质与信誉', score: 18 + (base % 3), max: 20 },
    { item: '优惠力度', score: 24 + (base % 6), max: 30 },
    { item: '服务网点与便利', score: 17 + (base % 4), max: 20 },
    { item: '服务质量承诺', score: 25 + (base % 5), max: 30 },
  ];
  await tx.insert(merchantReview).values(
    listed.map(({ id }, i) => {
      const scores = sheet(i);
      return {
        merchantId: id,
        scores,
        total: scores.reduce((s, l) => s + l.score, 0),
        max: 100,
        decision: 'approve' as const,
        reason: '符合征集条件，优惠力度较好',
        reviewerId: actor.actorId,
        at: at(-175),
      };
    }),
  );
  await tx.insert(merchantAgreement).values(
    listed.map(({ id }, i) => ({
      merchantId: id,
      startsOn: ISO_DATE(at(-165)),
      endsOn: ISO_DATE(at(200)),
      discountTerms: MERCHANTS[i]?.terms ?? '',
      categories: [MERCHANTS[i]?.category ?? 'shopping'],
      signedBy: actor.actorId,
      signedAt: at(-165),
    })),
  );

  // On-site inspections (加强现场考核): three merchants, the warned one below par.
  const checklist = (a: number, b: number, c: number) => [
    { item: '优惠标识公示', score: a, max: 30 },
    { item: '优惠兑现情况', score: b, max: 40 },
    { item: '环境卫生与安全', score: c, max: 30 },
  ];
  const warnedIdx = MERCHANTS.findIndex((m) => m.status === 'warned');
  const inspected: Array<[number, ReturnType<typeof checklist>, string]> = [
    [0, checklist(28, 38, 27), '优惠标识醒目，收银员熟悉会员优惠'],
    [3, checklist(27, 36, 26), ''],
    [warnedIdx, checklist(20, 30, 12), '后厨卫生不达标，已当场要求整改'],
  ];
  await tx.insert(merchantInspection).values(
    inspected.map(([i, items, note], k) => ({
      merchantId: listed[i]?.id ?? 0,
      inspectedOn: ISO_DATE(at(-40 + k * 5)),
      items,
      score: items.reduce((s, l) => s + l.score, 0),
      max: 100,
      note,
      inspectorId: actor.actorId,
      at: at(-40 + k * 5),
    })),
  );
  await tx.insert(merchantAssessment).values({
    merchantId: listed[0]?.id ?? 0,
    year: new Date(now - 365 * DAY).getUTCFullYear(),
    score: 92,
    grade: '优秀',
    note: '会员满意度高',
    assessorId: actor.actorId,
    at: at(-30),
  });

  const events = [
    ...all.map(({ id }, i) => ({
      merchantId: id,
      at: i < listed.length ? at(-185 + i) : at(-3 + i - listed.length),
      action: 'apply',
      actorId: null,
      actorName: (i < listed.length ? MERCHANTS[i] : APPLICANTS[i - listed.length])?.contact ?? null,
      detail: i < listed.length ? '“工惠优享家”首批合作商户公开征集公告' : '“工惠优享家”第二批合作商户征集公告',
    })),
    ...listed.flatMap(({ id }) => [
      { merchantId: id, at: at(-175), action: 'review', ...actor, detail: 'approved' },
      {
        merchantId: id,
        at: at(-165),
        action: 'agreement',
        ...actor,
        detail: `${ISO_DATE(at(-165))} – ${ISO_DATE(at(200))}`,
      },
    ]),
    ...inspected.map(([i, items], k) => ({
      merchantId: listed[i]?.id ?? 0,
      at: at(-40 + k * 5),
      action: 'inspection',
      ...actor,
      detail: `${ISO_DATE(at(-40 + k * 5))}: ${items.reduce((s, l) => s + l.score, 0)}/100`,
    })),
    {
      merchantId: listed[warnedIdx]?.id ?? 0,
      at: at(-29),
      action: 'warn',
      ...actor,
      detail: '现场检查卫生不达标，限期整改',
    },
  ];
  await tx.insert(merchantEvent).values(events);

  // One merchant account per category, on the category's first merchant.
  const seen = new Set<MerchantCategory>();
  for (const [i, m] of MERCHANTS.entries()) {
    if (seen.has(m.category)) continue;
    seen.add(m.category);
    const merchantId = listed[i]?.id ?? 0;
    const accountId = await createMerchantAccount(tx, {
      username: `merchant-${m.category}`,
      displayName: `${m.name} 收银台`,
      orgId: cityOrgId,
      passwordHash: demoPasswordHash,
      at: at(-160),
    });
    await tx.insert(merchantAccount).values({ accountId, merchantId });
  }
}
