import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Deps } from '../kernel/context.js';
import type { Db } from '../kernel/db.js';
import { demoStaff } from './demo-staff.js';
import { memberRef } from '../modules/member/index.js';
import { orgRef } from '../modules/org/index.js';
import { seedCaseHistory, type HistoricCase } from '../modules/service/index.js';
// The service module's own demo data (its seed step calls this file): read through its schema file.
import { service } from '../modules/service/service.schema.js';
import { rng } from './demo-members.js';

// A year of past cases for the figures: about 700, more each month (online more and more), rated
// better over time, handled by the center and its stations and — after a transfer to the members'
// own union (转属地办理) — by the districts and grassroots unions, so every demo officer's charts
// have something in their own scope. A few are still waiting to be accepted there (pending work).

/** Where cases are handled: org key, weight, services (catalog keys, or an override `at:key`), counter share. */
const HANDLERS: Array<{ at: string; weight: number; services: string[]; counter: number; via?: string }> = [
  { at: 'center', weight: 30, services: ['legal', 'hardship', 'counselling', 'health', 'policy'], counter: 0.25 },
  { at: 'station1', weight: 6, services: ['policy', 'health', 'counselling'], counter: 0.6 },
  { at: 'station2', weight: 5, services: ['policy', 'health'], counter: 0.6 },
  { at: 'station3', weight: 4, services: ['policy', 'counselling'], counter: 0.6 },
  { at: 'city', weight: 4, services: ['recuperation', 'travel'], counter: 0.15 },
  { at: 'province', weight: 3, services: ['education'], counter: 0.1 },
  { at: 'jingkou', weight: 6, services: ['jingkou:health', 'legal'], counter: 0.3, via: 'center' },
  { at: 'xiangshan', weight: 2, services: ['policy'], counter: 0.3, via: 'center' },
  { at: 'techco', weight: 6, services: ['hardship', 'counselling', 'legal'], counter: 0.3, via: 'center' },
  { at: 'logistics', weight: 6, services: ['jingkou:health', 'legal', 'hardship'], counter: 0.2, via: 'center' },
  { at: 'runzhou', weight: 3, services: ['legal', 'policy'], counter: 0.3, via: 'center' },
  { at: 'college', weight: 3, services: ['counselling', 'hardship'], counter: 0.3, via: 'center' },
  { at: 'drivers', weight: 3, services: ['legal', 'health'], counter: 0.2, via: 'center' },
  { at: 'danyang', weight: 4, services: ['danyang:counselling', 'legal'], counter: 0.3 },
  { at: 'hengshen', weight: 4, services: ['hardship', 'legal'], counter: 0.3, via: 'center' },
  { at: 'glasses', weight: 2, services: ['policy', 'legal'], counter: 0.3, via: 'center' },
];
/** Whose name appears on the steps of a case handled at an org. */
const HANDLER_ACCOUNT: Record<string, string> = {
  center: 'center',
  city: 'city',
  jingkou: 'county',
  techco: 'grassroots',
};
/** Cases still waiting to be accepted, as [org key, service], on the day before today. */
const WAITING: Array<[string, string]> = [
  ['jingkou', 'jingkou:health'],
  ['jingkou', 'legal'],
  ['techco', 'hardship'],
  ['logistics', 'jingkou:health'],
  ['station1', 'policy'],
  ['college', 'counselling'],
  ['hengshen', 'legal'],
];
const SAMPLE: Record<string, Record<string, unknown>> = {
  legal: { kind: '拖欠工资', employer: '镇江某劳务公司', summary: '工资未按时足额发放', amount: 8000 },
  hardship: { cause: '大病', income: 1100, summary: '家人患病，医疗支出大' },
  counselling: { topic: '职场人际', mode: '面谈' },
  health: { site: '江滨医院', date: '2026-05-20' },
  recuperation: { batch: '春季（茅山）', honor: '镇江市先进工作者' },
  travel: { route: '扬州瘦西湖一日游', people: 2 },
  policy: { topic: '社会保险', question: '灵活就业人员怎么缴纳社保？' },
  education: { level: '大专', school: '镇江开放大学', tuition: 4200 },
};
const DAY = 86_400_000;

export async function seedDemoCaseHistory(tx: Db, deps: Deps, ids: Map<string, number>): Promise<number> {
  const now = deps.clock.now();
  const rand = rng(20261207);
  const pickFrom = <T>(xs: readonly T[]): T => {
    const x = xs[Math.floor(rand() * xs.length)];
    if (x === undefined) throw new Error('seed: pick from an empty list');
    return x;
  };
  // services by catalog key: the base rows by name, overrides as `<org key>:<key>`
  const rows = await tx
    .select({ id: service.id, name: service.name, orgId: service.orgId, overridesId: service.overridesId })
    .from(service);
  const serviceKeys = new Map<string, number>();
  const keyOfName: Record<string, string> = {
    政策咨询: 'policy',
    职工学历提升补助: 'education',
    法律援助: 'legal',
    困难帮扶救助: 'hardship',
    心理咨询: 'counselling',
    职工健康体检: 'health',
    劳模疗休养: 'recuperation',
    职工旅游: 'travel',
  };
  for (const s of rows.filter((x) => x.overridesId === null)) {
    const key = keyOfName[s.name];
    if (key) serviceKeys.set(key, s.id);
  }
  for (const s of rows.filter((x) => x.overridesId !== null)) {
    const base = [...serviceKeys].find(([, id]) => id === s.overridesId)?.[0];
    const at = [...ids].find(([, id]) => id === s.orgId)?.[0];
    if (base && at) serviceKeys.set(`${at}:${base}`, s.id);
  }
  // members without an account (the demo accounts keep their own short history), by their org's path
  const people = await tx
    .select({ id: memberRef.id, path: orgRef.path })
    .from(memberRef)
    .innerJoin(orgRef, eq(orgRef.id, memberRef.orgId))
    .where(and(eq(memberRef.status, 'active'), isNull(memberRef.accountId)))
    .orderBy(memberRef.id);
  const paths = new Map(
    (
      await tx
        .select({ id: orgRef.id, path: orgRef.path })
        .from(orgRef)
        .where(inArray(orgRef.id, [...ids.values()]))
    ).map((o) => [o.id, o.path]),
  );
  const within = (key: string) => {
    const p = paths.get(ids.get(key) ?? 0) ?? '';
    const inside = people.filter((m) => m.path.startsWith(p));
    return inside.length > 0 ? inside : people;
  };
  const staff = new Map<string, { id: number; name: string }>();
  for (const username of new Set(Object.values(HANDLER_ACCOUNT))) {
    const found = await demoStaff(tx, username);
    if (found) staff.set(username, found);
  }
  if (people.length === 0) return 0;
  const totalWeight = HANDLERS.reduce((n, h) => n + h.weight, 0);
  const handlerAt = () => {
    let x = rand() * totalWeight;
    for (const h of HANDLERS) if ((x -= h.weight) < 0) return h;
    return HANDLERS[0] ?? HANDLERS.at(-1);
  };
  const make = (h: (typeof HANDLERS)[number], key: string, daysAgo: number, waiting: boolean): HistoricCase | null => {
    const serviceId = serviceKeys.get(key);
    const handlingOrgId = ids.get(h.at);
    if (!serviceId || !handlingOrgId) return null;
    const recent = 1 - daysAgo / 365; // 0 a year ago … 1 today
    const x = rand();
    const channel =
      x < h.counter ? 'counter' : x < h.counter + (0.45 + 0.25 * recent) * (1 - h.counter) ? 'online' : 'phone';
    const createdAt = new Date(now.getTime() - daysAgo * DAY - Math.floor(rand() * 9) * 3_600_000);
    const closedAt = new Date(Math.min(createdAt.getTime() + (1 + rand() * 9) * DAY, now.getTime() - 3_600_000));
    const o = rand();
    const outcome = waiting ? 'submitted' : o < 0.9 ? 'resolved' : o < 0.96 ? 'rejected' : 'withdrawn';
    const r = rand();
    const rating =
      outcome !== 'resolved' || r > 0.8
        ? null
        : r < 0.8 * (0.6 + 0.25 * recent)
          ? 'satisfied'
          : r < 0.8 * (0.9 + 0.06 * recent)
            ? 'basically_satisfied'
            : 'dissatisfied';
    const who = pickFrom(within(h.at));
    const viaOrgId = h.via ? (ids.get(h.via) ?? null) : null;
    const account = HANDLER_ACCOUNT[h.at];
    return {
      serviceId,
      memberId: who.id,
      channel,
      createdAt,
      handlingOrgId,
      viaOrgId,
      outcome,
      closedAt,
      rating,
      handler: account ? (staff.get(account) ?? null) : null,
      fields: SAMPLE[key.split(':').at(-1) ?? key] ?? {},
    };
  };
  const cases: HistoricCase[] = [];
  for (let i = 0; i < 700; i++) {
    const h = handlerAt();
    if (!h) continue;
    // more cases lately: days ago skewed towards today, from 3 to 364
    const daysAgo = 3 + Math.floor(361 * Math.pow(rand(), 1.25));
    const c = make(h, pickFrom(h.services), daysAgo, false);
    if (c) cases.push(c);
  }
  for (const [at, key] of WAITING) {
    const h = HANDLERS.find((x) => x.at === at);
    const c = h && make(h, key, 1, true);
    if (c) cases.push(c);
  }
  cases.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  return seedCaseHistory(tx, deps.crypto, cases);
}
