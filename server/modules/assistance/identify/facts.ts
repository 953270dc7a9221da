import { z } from 'zod';
import { sql } from 'drizzle-orm';
import type { Crypto } from '../../../kernel/crypto.js';
import { rows, type Db } from '../../../kernel/db.js';
import { identifyRule, type RuleCode } from './identify.schema.js';
import {
  mergeRules,
  NEW_EMPLOYMENT_KINDS,
  type Line,
  type MemberFacts,
  type RuleSetting,
  type Situation,
} from './rules.js';
import { CHINA_OFFSET_MS, chinaTime } from '../../../kernel/clock.js';

// The facts the rules read, for every member of a subtree who has any: one SQL statement does the
// heavy part with set operations (the year's relevant service cases grouped per member, the sparse
// situations and exited files, joined to the registry; members with a current hardship file left
// out), and only the sparse rows are decrypted here in Node: situations, and the answers of the
// year's legal-aid and hardship-help cases (a 工伤 dispute; a 单亲 / 因灾 cause).

/** Start of the calendar year in China time, and today's China date. */
export { NEW_EMPLOYMENT_KINDS };

export function yearWindow(now: Date): { yearStart: Date; today: string } {
  const cn = chinaTime(now);
  return {
    yearStart: new Date(Date.UTC(cn.getUTCFullYear(), 0, 1) - CHINA_OFFSET_MS),
    today: cn.toISOString().slice(0, 10),
  };
}

interface FactRow {
  member_id: string | number;
  org_id: string | number;
  path: string;
  job_type: string;
  aid_n: number | null;
  aid_last: number | null;
  enc: Array<{ c: string; t: number; e: string }> | null;
  data_enc: string | null;
  situation_at: number | null;
  exited_at: number | null;
}

/** Member-level SQL: who has any signal in the subtree `path` (active members without a current file). */
export function factsQuery(path: string, now: Date) {
  const { yearStart, today } = yearWindow(now);
  const inSubtree = sql`(select m2.id from member_ref m2 join org_ref o2 on o2.id = m2.org_id where o2.path like ${path + '%'})`;
  return sql`
    with c as (
      select sc.member_id,
        (count(*) filter (where sc.category = 'hardship_help' or sc.service_name like '%医疗%'))::int as aid_n,
        (extract(epoch from max(sc.created_at) filter (where sc.category = 'hardship_help' or sc.service_name like '%医疗%')) * 1000)::float8 as aid_last,
        json_agg(json_build_object('c', sc.category, 't', (extract(epoch from sc.created_at) * 1000)::float8, 'e', sc.fields_enc))
          filter (where sc.category in ('legal_aid', 'hardship_help')) as enc
      from service_case sc
      where sc.member_id is not null and sc.created_at >= ${yearStart} and sc.created_at <= ${now} and sc.state <> 'withdrawn'
        and (sc.category in ('hardship_help', 'legal_aid') or sc.service_name like '%医疗%')
        and sc.member_id in ${inSubtree}
      group by sc.member_id
    ), ex as (
      select f.member_id, (extract(epoch from max(f.exited_at)) * 1000)::float8 as exited_at
      from hardship_file f
      where f.state = 'exited' and f.watch_until >= ${today}::date and f.member_id in ${inSubtree}
      group by f.member_id
    ), ids as (
      select member_id from c
      union select s.member_id from member_situation s where s.member_id in ${inSubtree}
      union select member_id from ex
    )
    select m.id as member_id, m.org_id, o.path, m.job_type, c.aid_n, c.aid_last, c.enc, s.data_enc,
      (extract(epoch from s.updated_at) * 1000)::float8 as situation_at, ex.exited_at
    from ids
    join member_ref m on m.id = ids.member_id
    join org_ref o on o.id = m.org_id
    left join c on c.member_id = m.id
    left join member_situation s on s.member_id = m.id
    left join ex on ex.member_id = m.id
    where m.status = 'active' and o.path like ${path + '%'}
      and not exists (select 1 from hardship_file cf where cf.member_id = m.id and cf.state in ('draft', 'verifying', 'filed'))`;
}

const mentionsInjury = (v: unknown): boolean =>
  typeof v === 'string' ? v.includes('工伤') : Array.isArray(v) ? v.some(mentionsInjury) : false;
const causeNoted = (v: unknown): boolean =>
  typeof v === 'string' ? v.includes('单亲') || v.includes('灾') : Array.isArray(v) ? v.some(causeNoted) : false;

/** A situation as stored (the situation route's body); unknown keys pass through. */
const ZStoredSituation = z.looseObject({
  disability: z.boolean().optional(),
  dependants: z.number().optional(),
  incomePerHead: z.number().optional(),
  singleParent: z.boolean().optional(),
  disaster: z.boolean().optional(),
  note: z.string().optional(),
});

export function decryptSituation(crypto: Crypto, enc: string): Situation {
  return ZStoredSituation.parse(JSON.parse(crypto.decrypt(enc)));
}

/** Turns a fact row into the rules' input, decrypting what it must. */
export function toFacts(crypto: Crypto, r: FactRow): MemberFacts {
  let injuryCases = 0,
    injuryLast: number | null = null,
    causeNotes = 0,
    causeLast: number | null = null;
  for (const x of r.enc ?? []) {
    const fields: unknown = JSON.parse(crypto.decrypt(x.e));
    const answers = fields && typeof fields === 'object' ? fields : {}; // a case's answers: a JSON object
    if (x.c === 'legal_aid' && Object.values(answers).some(mentionsInjury)) {
      injuryCases++;
      injuryLast = Math.max(injuryLast ?? 0, x.t);
    }
    if (x.c === 'hardship_help' && causeNoted(Reflect.get(answers, 'cause'))) {
      causeNotes++;
      causeLast = Math.max(causeLast ?? 0, x.t);
    }
  }
  return {
    memberId: Number(r.member_id),
    orgId: Number(r.org_id),
    path: r.path,
    jobType: r.job_type,
    aidCases: r.aid_n ?? 0,
    aidLast: r.aid_last,
    injuryCases,
    injuryLast,
    causeNotes,
    causeLast,
    situation: r.data_enc ? decryptSituation(crypto, r.data_enc) : null,
    situationAt: r.situation_at,
    exitedAt: r.exited_at,
  };
}

export async function loadFacts(db: Db, crypto: Crypto, path: string, now: Date): Promise<MemberFacts[]> {
  return (await rows<FactRow>(db, factsQuery(path, now))).map((r) => toFacts(crypto, r));
}

/** Rule rows and local lines along the org tree, resolved per member org path (ancestors first, the deepest wins). */
export interface Resolver {
  rulesFor(path: string): RuleSetting[];
  lineFor(path: string): Line | null;
}

export async function loadResolver(db: Db, override?: { path: string; rules: RuleSetting[] }): Promise<Resolver> {
  const ruleRows = await rows<{
    path: string;
    code: RuleCode;
    enabled: boolean;
    weight: number;
    params: Record<string, unknown>;
  }>(
    db,
    sql`select o.path, r.code, r.enabled, r.weight, r.params from ${identifyRule} r join org_ref o on o.id = r.org_id`,
  );
  const lineRows = await rows<{ path: string; minimum_living: number; low_income: number }>(
    db,
    sql`select o.path, l.minimum_living, l.low_income from hardship_line l join org_ref o on o.id = l.org_id`,
  );
  const layers = new Map<string, RuleSetting[]>();
  for (const r of ruleRows) {
    const list = layers.get(r.path) ?? [];
    list.push({ code: r.code, enabled: r.enabled, weight: r.weight, params: r.params });
    layers.set(r.path, list);
  }
  if (override) layers.set(override.path, override.rules);
  const paths = [...layers.keys()].sort((a, b) => a.length - b.length);
  const lines = lineRows
    .map((l) => ({ path: l.path, line: { minimumLiving: l.minimum_living, lowIncome: l.low_income } }))
    .sort((a, b) => b.path.length - a.path.length);
  const ruleCache = new Map<string, RuleSetting[]>();
  const lineCache = new Map<string, Line | null>();
  return {
    rulesFor(path) {
      let got = ruleCache.get(path);
      if (!got) {
        got = mergeRules(...paths.filter((p) => path.startsWith(p)).map((p) => layers.get(p) ?? []));
        ruleCache.set(path, got);
      }
      return got;
    },
    lineFor(path) {
      let got = lineCache.get(path);
      if (got === undefined) {
        got = lines.find((l) => path.startsWith(l.path))?.line ?? null;
        lineCache.set(path, got);
      }
      return got;
    },
  };
}
