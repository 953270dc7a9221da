import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { Database } from '../../server/kernel/db.js';
import { hashPassword } from '../../server/modules/auth/index.js';
import { service } from '../../server/modules/service/service.schema.js';
// The app's own due-date rule (working days, China time), so due dates are the ones openCase writes.
import { addWorkingDays } from '../../server/modules/service/working-days.js';
import type { BenchEnv } from '../env.js';
import { fmt, table } from '../lib.js';
import { caseRows, type CaseWorld, type Unit, type UnitService } from './gen.js';

// 1,000,000 service cases with their timelines, as three years of a province's service center
// would leave them: loaded once into the bench database by COPY (not through the HTTP API),
// secondary indexes rebuilt afterwards, then VACUUM (ANALYZE).

export const CASE_ROWS = rowsFromEnv();
const CHUNK = 20_000;
const YEARS = 3;

/** BENCH_CASES (10,000–3,000,000) changes the volume for a trial run; RESULTS.md states it. */
function rowsFromEnv(): number {
  const v = Number(process.env.BENCH_CASES ?? 1_000_000);
  return Number.isInteger(v) && v >= 10_000 && v <= 3_000_000 ? v : 1_000_000;
}

/** Street-level unions (volume.ts) that handle cases of their own, per district, besides the demo's grassroots unions. */
const PER_DISTRICT = { 'JS-ZJ-JK': 200, 'JS-ZJ-RZ': 100, 'JS-ZJ-DY': 100 } as const;
/** Bench handlers (service_staff) per level, besides the demo accounts. */
const HANDLERS = { center: 11, federation: 2, district: 3, town: 1, grassroots: 1 };

export interface CaseVolume {
  rows: number;
  world: CaseWorld;
  load: {
    seconds: number;
    copySeconds: number;
    generateSeconds: number;
    fkSeconds: number;
    indexSeconds: { table: string; name: string; seconds: number }[];
    vacuumAnalyzeSeconds: number;
  };
  counts: {
    cases: number;
    events: number;
    access: number;
    open: number;
    overdue: number;
    transferred: number;
    county: number;
    center: number;
    techco: number;
    mineCenter: number;
  };
  sizes: { table: string; heap: number; indexes: number }[];
  markdown: string;
}

let loaded: Promise<CaseVolume> | undefined;

/** Loads the cases on first call; later calls get the same ones. */
export function caseVolume(env: BenchEnv): Promise<CaseVolume> {
  loaded ??= loadCases(env);
  return loaded;
}

interface OrgRow {
  id: number;
  code: string;
  path: string;
  type: string;
  parent_id: number | null;
}

async function orgsByCode(database: Database): Promise<Map<string, OrgRow>> {
  const list = await database.query<OrgRow>('select id, code, path, type, parent_id from org');
  return new Map(list.map((o) => [o.code, o]));
}

function must<T>(v: T | undefined, what: string): T {
  if (v === undefined) throw new Error(`${what} not found; were the demo seed and volume.ts loaded?`);
  return v;
}

interface ServiceDef {
  id: number;
  orgId: number;
  category: string;
  name: string;
  form: unknown;
  deadlineDays: number;
  handlingOrgId: number;
  overridesId: number | null;
}

/**
 * The bench's catalog on top of the demo's: each district overrides the city's 帮扶 service to
 * handle it itself, each street runs a legal-advice service, each chosen grassroots union a
 * mutual-aid fund. Inserted as the catalog editor would store them.
 */
async function addServices(
  env: BenchEnv,
  orgs: Map<string, OrgRow>,
  grassroots: OrgRow[],
  towns: OrgRow[],
): Promise<void> {
  const { database, db } = env.deps;
  const demo = await database.query<ServiceDef>(
    `select id, org_id as "orgId", category, name, form, deadline_days as "deadlineDays", handling_org_id as "handlingOrgId", overrides_id as "overridesId" from service`,
  );
  const city = must(orgs.get('JS-ZJ'), 'city');
  const hardship = must(
    demo.find((s) => s.orgId === city.id && s.category === 'hardship_help' && !s.overridesId),
    'the city hardship service',
  );
  const legal = must(
    demo.find((s) => s.category === 'legal_aid' && !s.overridesId),
    'the legal aid service',
  );
  const now = env.deps.clock.now();
  const row = (orgId: number, base: ServiceDef, name: string, overridesId: number | null) => ({
    orgId,
    overridesId,
    category: base.category as typeof service.$inferInsert.category,
    name,
    description: null,
    form: base.form as typeof service.$inferInsert.form,
    eligibility: { membersOnly: true, jobTypes: null },
    handlingOrgId: orgId,
    deadlineDays: base.deadlineDays,
    sortOrder: 20,
    createdAt: now,
    updatedAt: now,
  });
  const values = [
    ...['JS-ZJ-JK', 'JS-ZJ-RZ', 'JS-ZJ-DY'].map((c) =>
      row(must(orgs.get(c), c).id, hardship, `${hardship.name}（区县办理）`, hardship.id),
    ),
    ...towns.map((t) => row(t.id, legal, '街道法律服务站咨询', null)),
    ...grassroots.map((g) => row(g.id, hardship, '会员互助金申请', null)),
  ];
  for (let i = 0; i < values.length; i += 200) await db.insert(service).values(values.slice(i, i + 200));
}

/** Handlers for every handling org, as staff accounts with a grant there (they never sign in). */
async function addHandlers(env: BenchEnv, units: Unit[], password: string): Promise<void> {
  const { database } = env.deps;
  const rows: { username: string; name: string; orgId: number; role: string }[] = [];
  for (const u of units) {
    for (let k = 0; k < u.benchHandlers; k++) {
      rows.push({
        username: `bench-h-${u.orgId}-${k}`,
        name: `${u.label} 压测专员${k + 1}`,
        orgId: u.orgId,
        role: u.level === 'grassroots' ? 'grassroots_officer' : 'service_staff',
      });
    }
  }
  await database.query(
    `with a as (
       insert into account (kind, username, display_name, org_id, password_hash, password_changed_at)
       select 'staff', u, n, o, $5, now() from unnest($1::text[], $2::text[], $3::bigint[]) as x(u, n, o)
       returning id, username, org_id)
     insert into staff_grant (account_id, role_code, org_id)
     select a.id, r.role, a.org_id from a join unnest($1::text[], $4::text[]) as r(u, role) on r.u = a.username`,
    [rows.map((r) => r.username), rows.map((r) => r.name), rows.map((r) => r.orgId), rows.map((r) => r.role), password],
  );
  const found = await database.query<{ id: number; org_id: number; username: string }>(
    `select a.id, a.org_id, a.username from account a where a.kind = 'staff' and a.status = 'active' order by a.id`,
  );
  for (const u of units) {
    u.staff = found.filter((a) => a.org_id === u.orgId).map((a) => ({ id: a.id, name: a.username }));
    if (u.staff.length === 0) throw new Error(`no handler at ${u.label}`);
  }
  const names = await database.query<{ id: number; display_name: string }>(
    `select id, display_name from account where kind = 'staff'`,
  );
  const byId = new Map(names.map((n) => [n.id, n.display_name]));
  for (const u of units) u.staff = u.staff.map((s) => ({ id: s.id, name: byId.get(s.id) ?? s.name }));
}

/** Where cases are handled, and what share of them each place gets. */
async function buildWorld(env: BenchEnv): Promise<CaseWorld> {
  const { database } = env.deps;
  const orgs = await orgsByCode(database);
  const all = [...orgs.values()];
  const towns = all.filter((o) => /^JS-ZJ-(JK|RZ|DY)-B\d\d$/.test(o.code)).sort((a, b) => a.id - b.id);
  const demoGrassroots = all.filter((o) => /^JS-ZJ-(JK|RZ|DY)(-XS)?-\d{3}$/.test(o.code)).sort((a, b) => a.id - b.id);
  const extra = Object.entries(PER_DISTRICT).flatMap(([d, n]) =>
    all
      .filter((o) => o.type === 'grassroots' && o.code.startsWith(`${d}-B`))
      .sort((a, b) => a.id - b.id)
      .slice(0, n),
  );
  if (towns.length !== 24 || demoGrassroots.length !== 6 || extra.length !== 400)
    throw new Error(
      `unexpected tree: ${towns.length} towns, ${demoGrassroots.length} demo unions, ${extra.length} extra unions`,
    );
  const grassroots = [...demoGrassroots, ...extra];
  await addServices(env, orgs, grassroots, towns);

  const services = await database.query<ServiceDef>(
    `select id, org_id as "orgId", category, name, form, deadline_days as "deadlineDays", handling_org_id as "handlingOrgId", overrides_id as "overridesId" from service where not hidden and active`,
  );
  const ofOrg = (orgId: number): UnitService[] =>
    services
      .filter((s) => s.handlingOrgId === orgId)
      .map((s) => ({
        id: s.id,
        name: s.name,
        category: s.category,
        formJson: JSON.stringify(s.form),
        deadlineDays: s.deadlineDays,
      }));
  const district = (o: OrgRow) => (o.code.match(/^JS-ZJ-(JK|RZ|DY)/)?.[1] ?? '') as 'JK' | 'RZ' | 'DY';
  const districtShare = { JK: 0.5, RZ: 0.25, DY: 0.25 };
  const techco = must(orgs.get('JS-ZJ-JK-XS-001'), 'techco');
  const unit = (o: OrgRow, level: Unit['level'], weight: number, label: string): Unit => ({
    orgId: o.id,
    path: o.path,
    level,
    weight,
    label,
    services: ofOrg(o.id),
    staff: [],
    benchHandlers:
      level === 'center'
        ? HANDLERS.center
        : level === 'federation'
          ? HANDLERS.federation
          : level === 'district'
            ? HANDLERS.district
            : level === 'town'
              ? HANDLERS.town
              : o.id === techco.id
                ? 0
                : HANDLERS.grassroots,
  });
  const units: Unit[] = [
    unit(must(orgs.get('JS-ZJ-FW'), 'center'), 'center', 0.35, '服务中心'),
    unit(must(orgs.get('JS-ZJ'), 'city'), 'federation', 0.04, '市总工会'),
    unit(must(orgs.get('JS'), 'province'), 'federation', 0.03, '省总工会'),
    ...(['JK', 'RZ', 'DY'] as const).map((d) =>
      unit(must(orgs.get(`JS-ZJ-${d}`), d), 'district', 0.18 * districtShare[d], `JS-ZJ-${d}`),
    ),
    ...towns.map((t) => unit(t, 'town', (0.12 * districtShare[district(t)]) / 8, t.code)),
    unit(techco, 'grassroots', 0.04, '瑞丰科技'),
    ...grassroots
      .filter((g) => g.id !== techco.id)
      .map((g) => unit(g, 'grassroots', 0.24 / (grassroots.length - 1), g.code)),
  ];
  for (const u of units) if (u.services.length === 0) throw new Error(`no service handled at ${u.label}`);
  await addHandlers(env, units, await hashPassword(`bench-${Date.now()}-${Math.random()}`));

  // Applicants: the demo's members (not the one with an account, whose own case list stays small).
  const members = await database.query<{ id: number; name: string; phone_enc: string | null }>(
    `select id, name, phone_enc from member where account_id is null order by id limit 3000`,
  );
  if (members.length < 100) throw new Error('too few demo members to apply for cases');
  const now = env.deps.clock.now();
  return {
    units,
    members,
    now: now.getTime(),
    start: now.getTime() - YEARS * 365 * 86_400_000,
    fieldsEnc: Array.from({ length: 64 }, (_, k) =>
      env.deps.crypto.encrypt(JSON.stringify({ summary: `压测工单说明 ${k}`, amount: 1000 + k })),
    ),
    dueAt: (from, days) => addWorkingDays(from, days),
  };
}

async function indexesOf(
  database: Database,
  tableName: string,
): Promise<{ table: string; name: string; def: string }[]> {
  return database.query(
    `select i.tablename as table, i.indexname as name, i.indexdef as def
       from pg_indexes i join pg_class c on c.relname = i.indexname join pg_index x on x.indexrelid = c.oid
      where i.tablename = $1 and i.schemaname = current_schema() and not x.indisprimary
      order by i.indexname`,
    [tableName],
  );
}

/** Every single-column foreign key of the loaded tables holds (the load ran with the FK triggers off). */
async function checkForeignKeys(database: Database): Promise<number> {
  const t = performance.now();
  const keys = await database.query<{ child: string; col: string; parent: string; pcol: string }>(
    `select c.conrelid::regclass::text as child, a.attname as col, c.confrelid::regclass::text as parent, af.attname as pcol
       from pg_constraint c
       join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
       join pg_attribute af on af.attrelid = c.confrelid and af.attnum = c.confkey[1]
      where c.contype = 'f' and cardinality(c.conkey) = 1 and c.conrelid::regclass::text = any($1)`,
    [TABLES],
  );
  if (keys.length < 8) throw new Error(`expected the case tables' foreign keys, found ${keys.length}`);
  for (const k of keys) {
    const [bad] = await database.query<{ n: number }>(
      `select count(*)::int as n from ${k.child} x where x.${k.col} is not null and not exists (select 1 from ${k.parent} p where p.${k.pcol} = x.${k.col})`,
    );
    if ((bad?.n ?? 0) > 0) throw new Error(`${bad?.n} rows of ${k.child}.${k.col} point at no ${k.parent}`);
  }
  return (performance.now() - t) / 1000;
}

const CASE_COPY = `copy service_case (id, service_id, service_name, category, form, fields_enc, channel, state, member_id, applicant_name, applicant_phone_enc,
  handling_org_id, assignee_id, cover_for_id, due_at, overdue, flagged, reopen_count, resolution, reject_reason, rating, rating_comment, rated_at, callback,
  created_by, created_at, updated_at, accepted_at, resolved_at) from stdin`;
const EVENT_COPY =
  'copy case_event (case_id, kind, from_state, to_state, actor_id, actor_name, actor_kind, org_id, note, internal, at) from stdin';
const ACCESS_COPY = 'copy case_org_access (case_id, org_id, current, since) from stdin';
const TABLES = ['service_case', 'case_event', 'case_org_access'];

async function loadCases(env: BenchEnv): Promise<CaseVolume> {
  const { database } = env.deps;
  if (!database.connect) throw new Error('the case load needs PostgreSQL (COPY)');
  const world = await buildWorld(env);
  const rows = CASE_ROWS;
  const started = performance.now();
  const ddl = new pg.Client({ connectionString: env.url });
  await ddl.connect();
  const indexes = (await Promise.all(TABLES.map((t) => indexesOf(database, t)))).flat();
  const [first] = await database.query<{ id: number }>('select coalesce(max(id), 0)::int + 1 as id from service_case');
  const firstId = first?.id ?? 1;
  let copyMs = 0;
  let generateMs = 0;
  const conn = await database.connect();
  try {
    // As pg_restore does: secondary indexes built once after the rows are in, then checked to be exactly the migrations' ones.
    await ddl.query(`drop index ${indexes.map((i) => `"${i.name}"`).join(', ')}`);
    console.log(`  loading ${fmt.int(rows)} cases (with timelines) into ${world.units.length} handling orgs…`);
    // Foreign-key triggers off on this connection while the rows stream in (checked below in one
    // pass per key instead of one lookup per row); check constraints still apply.
    await conn.db.execute(sql`set session_replication_role = replica`);
    let lastLog = Date.now();
    // The next chunk is generated in slices while the current one is COPYed, so Node and PostgreSQL overlap.
    const generate = async (from: number, to: number) => {
      const parts = { cases: [] as string[], access: [] as string[], events: [] as string[] };
      for (let s = from; s < to; s += 2_000) {
        const t = performance.now();
        const r = caseRows(world, firstId, rows, s, Math.min(to, s + 2_000));
        generateMs += performance.now() - t;
        parts.cases.push(r.cases);
        parts.access.push(r.access);
        parts.events.push(r.events);
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      return { cases: parts.cases.join(''), access: parts.access.join(''), events: parts.events.join('') };
    };
    let next: ReturnType<typeof generate> | null = generate(0, Math.min(rows, CHUNK));
    for (let from = 0; next; from += CHUNK) {
      const text = await next;
      const after = from + CHUNK;
      next = after < rows ? generate(after, Math.min(rows, after + CHUNK)) : null;
      const t = performance.now();
      await conn.copyIn(CASE_COPY, text.cases);
      await conn.copyIn(ACCESS_COPY, text.access);
      await conn.copyIn(EVENT_COPY, text.events);
      copyMs += performance.now() - t;
      if (Date.now() - lastLog > 10_000) {
        lastLog = Date.now();
        console.log(`  … ${fmt.int(after)} cases`);
      }
    }
    await conn.db.execute(sql`reset session_replication_role`);
    conn.release();
  } catch (err) {
    conn.release(err instanceof Error ? err : new Error(String(err)));
    await ddl.end();
    throw err;
  }
  const indexSeconds: CaseVolume['load']['indexSeconds'] = [];
  let vacuumAnalyzeSeconds = 0;
  let fkSeconds = 0;
  let tallySeconds = 0;
  try {
    await ddl.query(`select setval(pg_get_serial_sequence('service_case', 'id'), (select max(id) from service_case))`);
    await ddl.query(`set maintenance_work_mem = '256MB'`);
    for (const i of indexes) {
      const t = performance.now();
      await ddl.query(i.def);
      indexSeconds.push({ table: i.table, name: i.name, seconds: (performance.now() - t) / 1000 });
    }
    const rebuilt = (await Promise.all(TABLES.map((t) => indexesOf(database, t)))).flat();
    if (JSON.stringify(rebuilt) !== JSON.stringify(indexes))
      throw new Error(`case indexes differ after the load: ${JSON.stringify(rebuilt)}`);
    fkSeconds = await checkForeignKeys(database);
    // session_replication_role = replica kept service_case's own triggers off too, so case_tally
    // (the figures' counts) is filled from the loaded cases with the migration's case_tally_fill().
    const tallyStarted = performance.now();
    await ddl.query('select case_tally_fill($1)', [firstId]);
    tallySeconds = (performance.now() - tallyStarted) / 1000;
    const t = performance.now();
    // Autovacuum would have done this on tables in use: visibility map (index-only scans) and statistics.
    for (const name of TABLES) await ddl.query(`vacuum (analyze) ${name}`);
    vacuumAnalyzeSeconds = (performance.now() - t) / 1000;
  } finally {
    await ddl.end();
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `  cases loaded in ${seconds.toFixed(1)} s (generate ${(generateMs / 1000).toFixed(1)} s, COPY ${(copyMs / 1000).toFixed(1)} s, indexes ${indexSeconds.reduce((n, i) => n + i.seconds, 0).toFixed(1)} s, case_tally ${tallySeconds.toFixed(1)} s, vacuum analyze ${vacuumAnalyzeSeconds.toFixed(1)} s)`,
  );

  const center = world.units[0] as Unit;
  const centerStaff = await database.query<{ id: number }>(`select id from account where username = 'center'`);
  const [counts] = await database.query<CaseVolume['counts']>(
    `select count(*)::int as cases,
            (select count(*)::int from case_event) as events,
            (select count(*)::int from case_org_access) as access,
            (count(*) filter (where state in ('submitted','accepted','in_progress','transferred')))::int as open,
            (count(*) filter (where state in ('submitted','accepted','in_progress','transferred') and overdue))::int as overdue,
            (select count(distinct case_id)::int from case_org_access where not current) as transferred,
            (count(*) filter (where handling_org_id in (select id from org where path like (select path from org where code = 'JS-ZJ-JK') || '%')))::int as county,
            (count(*) filter (where handling_org_id in (select id from org where path like $1 || '%')))::int as center,
            (count(*) filter (where handling_org_id = (select id from org where code = 'JS-ZJ-JK-XS-001')))::int as techco,
            (count(*) filter (where assignee_id = $2 and state in ('submitted','accepted','in_progress','transferred')))::int as "mineCenter"
       from service_case`,
    [center.path, centerStaff[0]?.id ?? -1],
  );
  const sizes = await database.query<{ table: string; heap: number; indexes: number }>(
    `select t as table, pg_table_size(t)::bigint as heap, pg_indexes_size(t)::bigint as indexes from unnest($1::text[]) as t`,
    [TABLES],
  );
  if (!counts) throw new Error('no case figures');
  const volume: CaseVolume = {
    rows,
    world,
    counts,
    sizes,
    load: {
      seconds,
      copySeconds: copyMs / 1000,
      generateSeconds: generateMs / 1000,
      fkSeconds,
      indexSeconds,
      vacuumAnalyzeSeconds,
    },
    markdown: '',
  };
  volume.markdown = describe(volume);
  return volume;
}

const mib = (bytes: number) => `${fmt.int(bytes / 2 ** 20)} MiB`;
const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(1)}%`;

function describe(v: CaseVolume): string {
  const c = v.counts;
  const l = v.load;
  const indexTotal = l.indexSeconds.reduce((n, i) => n + i.seconds, 0);
  const levels = (level: Unit['level']) => v.world.units.filter((u) => u.level === level);
  const share = (level: Unit['level']) =>
    pct(
      levels(level).reduce((n, u) => n + u.weight, 0),
      1,
    );
  return [
    `**Cases**: ${fmt.int(c.cases)} service cases (${fmt.int(v.rows)} generated + the demo's 28) with ${fmt.int(c.events)} timeline entries and ${fmt.int(c.access)} case–org access rows, loaded before the measurements — setup, not a figure under test. Total ${l.seconds.toFixed(1)} s:`,
    '',
    table(
      ['step', 'time', 'notes'],
      [
        [
          'generate rows in Node',
          `${l.generateSeconds.toFixed(1)} s`,
          `COPY text for the three tables, ${fmt.int(CHUNK)} cases a chunk, the next chunk generated (in slices) while the last one is COPYed (bench/service/gen.ts: a function of the row index alone)`,
        ],
        [
          'COPY',
          `${l.copySeconds.toFixed(1)} s (wall time of the COPYs, overlapping generation)`,
          '`COPY service_case / case_org_access / case_event FROM STDIN` on one connection (`deps.database.connect()` → `copyIn`) with `session_replication_role = replica` (foreign-key triggers off, and with them the tally triggers of service_case: `case_tally` is filled from the loaded cases afterwards with `case_tally_fill()` (migration 0020); check constraints on), secondary indexes dropped meanwhile as pg_restore does',
        ],
        [
          'check every foreign key of the three tables',
          `${l.fkSeconds.toFixed(1)} s`,
          'one anti-join per key: no row points at a missing service, member, org, account or case',
        ],
        [
          `rebuild the ${l.indexSeconds.length} secondary indexes`,
          `${indexTotal.toFixed(1)} s`,
          l.indexSeconds.map((i) => `${i.name} ${i.seconds.toFixed(1)} s`).join(', '),
        ],
        [
          'VACUUM (ANALYZE) of the three tables',
          `${l.vacuumAnalyzeSeconds.toFixed(1)} s`,
          'visibility map and statistics, as autovacuum would leave tables in use',
        ],
      ],
    ),
    '',
    `Three years of cases up to now, ids in creation order. Where they are handled (the service's handling org): 镇江市职工服务中心 ${share('center')} (政策咨询, 法律援助, 困难帮扶, 心理咨询, 健康体检 of the demo catalog), the city and the province ${share('federation')} (疗休养, 旅游, 学历提升), the three districts ${share('district')} (京口's 新就业形态体检 and 丹阳's 心理咨询 overrides, plus a 帮扶 override per district added by the bench), the 24 streets of volume.ts ${share('town')} (a 法律服务站 service each) and 406 grassroots unions ${share('grassroots')} (a 互助金 service each; 瑞丰科技 alone 4%), districts weighted 京口 50% / 润州 25% / 丹阳 25%. Channels online 55% / counter 25% / phone 20%. State follows age as a working center's would: most cases of the last two days still submitted or accepted, of the last ten days about half open, older ones closed (≈ 88% resolved, 5% rejected, 4% withdrawn) but for a stale 0.3% still open. Every case has the timeline the app writes (submitted; then accepted, started, transferred, resolved, rejected, withdrawn, rated, reopened, overdue, callback as they happened, with actor and org) and its case_org_access rows; ${pct(c.transferred, c.cases)} were transferred once (the sender keeps a non-current access row). Due dates by the app's working-day rule; open cases past due are marked overdue, as the sweep leaves them. Handlers: each handling org has its own staff accounts (the demo's plus ${v.world.units.reduce((n, u) => n + u.benchHandlers, 0)} bench accounts with a service_staff or grassroots_officer grant), who accept and hold the cases; ~1% of open cases are held by a backup (AB cover). 65% of resolved cases are rated (78% 满意, 17% 基本满意, 5% 不满意 → re-opened); about half the older resolved cases have a call-back. Applicants are the demo's 3,000 members (their masked name and encrypted phone, as openCase copies them); the encrypted form answers are 64 ciphertexts made with the app's crypto and the bench key, reused (lists never decrypt them). Not written: the audit rows and inbox messages of these steps (neither is read by the requests measured).`,
    '',
    table(
      [
        'open',
        'open and overdue',
        'handled in 京口区 subtree (county officer)',
        'handled by the service center (service_staff)',
        'handled by 瑞丰科技 (grassroots officer)',
        'open and assigned to `center`',
        ...v.sizes.map((s) => `${s.table} heap / indexes`),
      ],
      [
        [
          `${fmt.int(c.open)} (${pct(c.open, c.cases)})`,
          fmt.int(c.overdue),
          `${fmt.int(c.county)} (${pct(c.county, c.cases)})`,
          `${fmt.int(c.center)} (${pct(c.center, c.cases)})`,
          `${fmt.int(c.techco)} (${pct(c.techco, c.cases)})`,
          fmt.int(c.mineCenter),
          ...v.sizes.map((s) => `${mib(s.heap)} / ${mib(s.indexes)}`),
        ],
      ],
    ),
  ].join('\n');
}
