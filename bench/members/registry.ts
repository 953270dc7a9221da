import pg from 'pg';
import { shrinkIfSparse, type Database } from '../../server/kernel/db.js';
import { BENCH_KEY, type BenchEnv } from '../env.js';
import { fmt, table } from '../lib.js';
import { FIRST_UNION_SHARE, MemberGenerator, type Union } from './gen.js';
import {
  arrayLiteral,
  CHUNK,
  encryptChunk,
  EncryptPool,
  insertMembers,
  secondaryIndexes,
  type InsertFigures,
} from './load.js';

// The 1,000,000-member registry that the search and roster scenarios share: loaded once into
// the bench database (not through the HTTP API), vacuumed and analysed, as a registry that has
// been in use for a while would be.

export const REGISTRY_ROWS = rowsFromEnv();

/** BENCH_MEMBERS (10,000–3,000,000) changes the volume for a trial run; RESULTS.md states it. */
function rowsFromEnv(): number {
  const v = Number(process.env.BENCH_MEMBERS ?? 1_000_000);
  return Number.isInteger(v) && v >= 10_000 && v <= 3_000_000 ? v : 1_000_000;
}

/** Street-level unions (volume.ts) taken per district, besides the demo's own grassroots unions. */
const PER_DISTRICT = { 'JS-ZJ-JK': 200, 'JS-ZJ-RZ': 100, 'JS-ZJ-DY': 100 } as const;
/** The grassroots officer's union comes first: it gets FIRST_UNION_SHARE of the rows. */
const FIRST_UNION = 'JS-ZJ-JK-XS-001';
export const COUNTY_CODE = 'JS-ZJ-JK';

export interface Sample {
  index: number;
  idNumber: string;
  phone: string;
  union: Union;
}

export interface Registry {
  rows: number;
  unions: Union[];
  load: InsertFigures & {
    workers: number;
    indexSeconds: { name: string; seconds: number }[];
    vacuumAnalyzeSeconds: number;
    peakRssMiB: number;
  };
  /** Microseconds per row in one thread, by step. */
  rowCost: { generate: number; encrypt: number; blindIndex: number; serialise: number };
  sizes: { table: number; indexes: number; total: number };
  counts: {
    all: number;
    county: number;
    firstUnion: number;
    active: number;
    newEmployment: number;
    courierActive: number;
  };
  /** Members inside and outside the county's subtree, for searches. */
  inCounty: Sample[];
  outsideCounty: Sample[];
  markdown: string;
}

let loaded: Promise<Registry> | undefined;
let described = false;

/** The registry's description for the first section that uses it; later ones refer back to it. */
export function registryMarkdown(r: Registry): string {
  if (described)
    return `**Registry**: the same ${fmt.int(r.counts.all)} members as in the section above (loaded once per run).`;
  described = true;
  return r.markdown;
}

/** Loads the registry on first call; later calls (other scenarios) get the same one. */
export function memberRegistry(env: BenchEnv): Promise<Registry> {
  loaded ??= loadRegistry(env);
  return loaded;
}

export async function pickUnions(database: Database): Promise<Union[]> {
  const list = await database.query<{ id: number; code: string; name: string }>(
    `select id, code, name from org where type = 'grassroots' and status = 'active' order by id`,
  );
  const toUnion = (o: { id: number; code: string; name: string }): Union => ({
    id: o.id,
    code: o.code,
    employer: o.name.replace(/工会$/, ''),
  });
  const first = list.find((o) => o.code === FIRST_UNION);
  if (!first) throw new Error(`${FIRST_UNION} not found; was the demo seed loaded?`);
  const demo = list.filter((o) => o.code !== FIRST_UNION && /^JS-ZJ-(JK|RZ|DY)-\d{3}$/.test(o.code));
  const extra = Object.entries(PER_DISTRICT).flatMap(([district, n]) =>
    list.filter((o) => o.code.startsWith(`${district}-B`)).slice(0, n),
  );
  if (extra.length < 400) throw new Error(`expected 400 street-level unions from volume.ts, found ${extra.length}`);
  return [first, ...demo, ...extra].map(toUnion);
}

/** Every `stride`-th row, split by whether the county officer's scope holds it. */
function samples(gen: MemberGenerator, rows: number, n: number): { inCounty: Sample[]; outsideCounty: Sample[] } {
  const inCounty: Sample[] = [];
  const outsideCounty: Sample[] = [];
  const stride = Math.floor(rows / n);
  for (let i = 7; i < rows; i += stride) {
    const m = gen.at(i);
    (m.union.code.startsWith(`${COUNTY_CODE}-`) ? inCounty : outsideCounty).push({
      index: i,
      idNumber: m.idNumber,
      phone: m.phone,
      union: m.union,
    });
  }
  return { inCounty, outsideCounty };
}

/** Where a row's Node time goes: each step timed alone over 20,000 rows in this thread. */
function rowCost(env: BenchEnv, gen: MemberGenerator): Registry['rowCost'] {
  const n = 20_000;
  const { crypto } = env.deps;
  const time = (f: (i: number) => unknown) => {
    for (let i = 0; i < 2_000; i++) f(i); // warm-up
    const t = performance.now();
    for (let i = 0; i < n; i++) f(i);
    return ((performance.now() - t) * 1000) / n;
  };
  const people = Array.from({ length: n }, (_, i) => gen.at(i));
  const person = (i: number) => people[i % n] as (typeof people)[number];
  const generate = time((i) => gen.at(i));
  const encrypt = time((i) => [crypto.encrypt(person(i).idNumber), crypto.encrypt(person(i).phone)]);
  const blindIndex = time((i) => [
    crypto.blindIndex('idNumber', person(i).idNumber),
    crypto.blindIndex('phone', person(i).phone),
  ]);
  const cols = encryptChunk(crypto, gen, 0, CHUNK);
  const t = performance.now();
  cols.map(arrayLiteral);
  const serialise = ((performance.now() - t) * 1000) / CHUNK;
  return { generate, encrypt, blindIndex, serialise };
}

function rssMiB(): number {
  return process.memoryUsage().rss / 2 ** 20;
}

async function loadRegistry(env: BenchEnv): Promise<Registry> {
  let load: Registry['load'];
  const { database } = env.deps;
  const unions = await pickUnions(database);
  const today = env.deps.clock.now();
  const gen = new MemberGenerator(unions, today);
  const rows = REGISTRY_ROWS;
  // As pg_restore does: secondary indexes are built after the rows are in (one sort each instead
  // of a million random inserts), then checked to be exactly the ones the migrations made.
  const ddl = new pg.Client({ connectionString: env.url });
  await ddl.connect();
  const pool = new EncryptPool(unions, today, BENCH_KEY);
  try {
    const indexes = await secondaryIndexes(database);
    await ddl.query(`drop index ${indexes.map((i) => `"${i.name}"`).join(', ')}`);
    console.log(`  loading ${fmt.int(rows)} members into ${unions.length} unions (${pool.size} encryption threads)…`);
    let peak = rssMiB();
    let lastLog = Date.now();
    const figures = await insertMembers(database, pool.source, 0, rows, {
      ahead: pool.size + 1,
      concurrency: 2,
      onChunk: (done) => {
        peak = Math.max(peak, rssMiB());
        if (Date.now() - lastLog > 10_000) {
          lastLog = Date.now();
          console.log(`  … ${fmt.int(done)} rows`);
        }
      },
    });
    await pool.close();
    const indexSeconds: { name: string; seconds: number }[] = [];
    await ddl.query(`set maintenance_work_mem = '256MB'`);
    for (const i of indexes) {
      const t = performance.now();
      await ddl.query(i.def);
      indexSeconds.push({ name: i.name, seconds: (performance.now() - t) / 1000 });
    }
    const rebuilt = await secondaryIndexes(database);
    if (JSON.stringify(rebuilt) !== JSON.stringify(indexes))
      throw new Error(`member indexes differ after the load: ${JSON.stringify(rebuilt)}`);
    const t = performance.now();
    // Autovacuum would have done this on a registry in use: visibility map (index-only scans) and statistics.
    await ddl.query('vacuum (analyze) member');
    // The roster's totals come from member_tally; a running app folds its rows once a minute
    // (the bench's app runs as in tests, without that pump), so fold them as it would have, and
    // rewrite the table the load's appended rows left mostly empty, as its pump does (shrinkIfSparse).
    await ddl.query('select member_tally_compact()');
    if (!(await shrinkIfSparse(database, 'member_tally')))
      throw new Error('member_tally was not rewritten after the load');
    await ddl.query('vacuum (analyze) member_tally');
    const vacuumAnalyzeSeconds = (performance.now() - t) / 1000;
    const indexTotal = indexSeconds.reduce((n, i) => n + i.seconds, 0);
    console.log(
      `  inserted in ${figures.seconds.toFixed(1)} s (encryption ${figures.encryptSeconds.toFixed(1)} thread-s), indexes ${indexTotal.toFixed(1)} s, vacuum analyze ${vacuumAnalyzeSeconds.toFixed(1)} s`,
    );
    load = { ...figures, workers: pool.size, indexSeconds, vacuumAnalyzeSeconds, peakRssMiB: peak };
  } finally {
    await pool.close();
    await ddl.end();
  }
  const [sizes] = await database.query<{ table: number; indexes: number; total: number }>(
    `select pg_table_size('member')::bigint as table, pg_indexes_size('member')::bigint as indexes, pg_total_relation_size('member')::bigint as total`,
  );
  const [counts] = await database.query<Registry['counts']>(
    `select count(*)::int as all,
            (count(*) filter (where o.path like (select path from org where code = $1) || '%'))::int as county,
            (count(*) filter (where o.code = $2))::int as "firstUnion",
            (count(*) filter (where m.status = 'active'))::int as active,
            (count(*) filter (where m.job_type <> 'regular'))::int as "newEmployment",
            (count(*) filter (where m.job_type = 'courier' and m.status = 'active'))::int as "courierActive"
       from member m join org o on o.id = m.org_id`,
    [COUNTY_CODE, FIRST_UNION],
  );
  if (!sizes || !counts) throw new Error('no registry figures');
  const registry: Registry = {
    rows,
    unions,
    load,
    sizes,
    counts,
    rowCost: rowCost(env, gen),
    ...samples(gen, rows, 1000),
    markdown: '',
  };
  registry.markdown = describe(registry);
  return registry;
}

const mib = (bytes: number) => `${fmt.int(bytes / 2 ** 20)} MiB`;
const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(1)}%`;

function describe(r: Registry): string {
  const c = r.counts;
  const l = r.load;
  const indexTotal = l.indexSeconds.reduce((n, i) => n + i.seconds, 0);
  const rc = r.rowCost;
  return [
    `**Registry**: ${fmt.int(c.all)} members (${fmt.int(r.rows)} generated + the demo's 3,001), loaded before the measurements — setup, not a figure under test. Total ${(l.seconds + indexTotal + l.vacuumAnalyzeSeconds).toFixed(1)} s:`,
    '',
    table(
      ['step', 'time', 'notes'],
      [
        [
          'generate + encrypt + INSERT',
          `${l.seconds.toFixed(1)} s (${fmt.int(l.rows / l.seconds)} rows/s)`,
          `${l.workers} worker threads generate and encrypt (${l.encryptSeconds.toFixed(1)} thread-s in all) while the main thread sends 10,000-row \`INSERT … SELECT FROM unnest($1::bigint[], …)\`, 2 at a time; secondary indexes dropped meanwhile, as pg_restore does`,
        ],
        [
          'rebuild the 7 secondary indexes',
          `${indexTotal.toFixed(1)} s`,
          l.indexSeconds.map((i) => `${i.name} ${i.seconds.toFixed(1)} s`).join(', '),
        ],
        [
          'VACUUM (ANALYZE) member',
          `${l.vacuumAnalyzeSeconds.toFixed(1)} s`,
          'visibility map and statistics, as autovacuum would leave a registry in use; then member_tally folded (`member_tally_compact()`) and rewritten (`shrinkIfSparse`), as the running app does once a minute, and analysed',
        ],
        [
          'bench process peak RSS during the load',
          `${fmt.int(l.peakRssMiB)} MiB`,
          'chunks stream through; at most a few 10,000-row chunks are alive at once',
        ],
      ],
    ),
    '',
    `Where a row's Node time goes (one thread, each step timed alone over 20,000 rows): generating it ${rc.generate.toFixed(1)} µs, AES-256-GCM encryption of ID number + phone ${rc.encrypt.toFixed(1)} µs (two \`createCipheriv\` + \`randomBytes(12)\`), HMAC blind indexes ${rc.blindIndex.toFixed(1)} µs, array-literal serialisation ${rc.serialise.toFixed(1)} µs — so ${fmt.int(((rc.generate + rc.encrypt + rc.blindIndex + rc.serialise) * r.rows) / 1e6)} CPU-s for the whole registry before PostgreSQL does anything; on 2 cores shared with PostgreSQL the load cannot go much faster than it does.`,
    '',
    `Rows come from bench/members/gen.ts, a function of the row index alone: valid-checksum fictional 身份证号 (\`makeIdNumber\`, unique by construction, none from the demo's region codes), unique mobile numbers, ages 18–65, joined 2008–today (never before 18), 93% active / 5% left / 2% deceased, 15% 新就业形态 (courier 5%, food delivery 5%, truck 2%, ride-hailing 2%, other 1%). ID number and phone are encrypted and blind-indexed with the app's \`identityColumns\` and \`createCrypto\` over the bench data key — the key the app under test is started with, so its blind-index lookups find these rows. ${fmt.int(r.unions.length)} grassroots unions: 瑞丰科技 (the grassroots officer's) holds ${(FIRST_UNION_SHARE * 100).toFixed(0)}%; the rest is spread evenly over the demo's 5 other unions and ${PER_DISTRICT['JS-ZJ-JK']} / ${PER_DISTRICT['JS-ZJ-RZ']} / ${PER_DISTRICT['JS-ZJ-DY']} street-level unions (volume.ts) under 京口区 / 润州区 / 丹阳市. The card-number trigger and the foreign keys stay on during the load.`,
    '',
    table(
      [
        'in 京口区 subtree (county officer)',
        'in 瑞丰科技 (grassroots officer)',
        'active',
        '新就业形态',
        'active couriers',
        'member heap',
        'its indexes',
        'pg_total_relation_size(member)',
      ],
      [
        [
          `${fmt.int(c.county)} (${pct(c.county, c.all)})`,
          `${fmt.int(c.firstUnion)} (${pct(c.firstUnion, c.all)})`,
          pct(c.active, c.all),
          pct(c.newEmployment, c.all),
          fmt.int(c.courierActive),
          mib(r.sizes.table),
          mib(r.sizes.indexes),
          `**${mib(r.sizes.total)}**`,
        ],
      ],
    ),
  ].join('\n');
}
