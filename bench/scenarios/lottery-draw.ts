import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { BenchEnv } from '../env.js';
import { fmt, table } from '../lib.js';
import type { Scenario } from '../scenario.js';
import { drawInto } from '../../server/modules/voucher/lottery.service.js';
import { insertCampaign } from '../../server/modules/voucher/lottery.fixtures.js';

// Lottery draw (issue 17): 1,000,000 registrations for one lottery campaign of 20,000 vouchers,
// drawn by the server's draw statement (drawInto: keys from SHA-256 of seed and pseudonymous id,
// the lowest 20,000 stored as winners), against reading the same registrations once with
// `COPY (select …) TO STDOUT` in the same run. Goal: draw ≤ 2× the COPY read.

const REGISTRATIONS = Number(process.env.BENCH_REGISTRATIONS ?? 1_000_000);
const WINNERS = 20_000;
const ROUNDS = 3;
const LIMIT_RATIO = 2;

async function loadVolume(env: BenchEnv): Promise<{ campaignId: number; seconds: number }> {
  const { database, db, clock } = env.deps;
  const t0 = performance.now();
  const [o] = await database.query<{ id: number; admin: number }>(
    `select o.id, (select id from account where username = 'admin')::int as admin from org o where code = 'JS-ZJ'`,
  );
  if (!o) throw new Error('demo org JS-ZJ missing');
  const c = await insertCampaign(db, clock.now(), {
    orgId: o.id,
    name: '春节抽签消费券（基准）',
    quantity: WINNERS,
    faceValueFen: 5000,
  });
  // Plain member rows (sealed fields are placeholders: the draw never reads them), then one
  // registration each, weights and reasons spread as a city's registrants would be.
  await database.query(
    `insert into member (org_id, name, id_number_enc, id_number_hash, gender, birth_date, joined_at, job_type)
     select $1, '抽签会员' || g, 'placeholder', 'lottery-bench-' || g, 'male', '1990-01-01', '2020-01-01',
            (array['regular','regular','courier','food_delivery','regular','truck_driver'])[1 + g % 6]
     from generate_series(1, $2::int) g`,
    [o.id, REGISTRATIONS],
  );
  await database.query(
    `insert into voucher_registration
       (campaign_id, member_id, account_id, pseudo_id, weight, hardship, new_employment, first_benefit, registered_at)
     select $1::bigint, m.id, $2::bigint, substr(encode(sha256(convert_to('voucher-lottery:' || $1::bigint::text || ':' || m.id::text, 'UTF8')), 'hex'), 1, 12),
            1 + (case when m.id % 50 = 0 then 2 else 0 end) + (case when m.job_type <> 'regular' then 1 else 0 end)
              + (case when m.id % 3 = 0 then 1 else 0 end),
            m.id % 50 = 0, m.job_type <> 'regular', m.id % 3 = 0, now()
     from member m where m.id_number_hash like 'lottery-bench-%'`,
    [c.id, o.admin],
  );
  await database.query('vacuum analyze member');
  await database.query('vacuum analyze voucher_registration');
  return { campaignId: c.id, seconds: (performance.now() - t0) / 1000 };
}

/** Reads the campaign's registrations once through COPY … TO STDOUT; the time and bytes received. */
async function copyOnce(url: string, campaignId: number): Promise<{ ms: number; bytes: number; rows: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const t0 = performance.now();
    const stream = client.query(
      copyTo(
        `COPY (select member_id, pseudo_id, weight from voucher_registration where campaign_id = ${Number(campaignId)}) TO STDOUT`,
      ),
    );
    let bytes = 0;
    let rows = 0;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) rows++;
    }
    return { ms: performance.now() - t0, bytes, rows };
  } finally {
    await client.end();
  }
}

export const lotteryDraw: Scenario = {
  name: 'lottery-draw',
  extraMinutes: 10,
  async run(env) {
    const { database, db } = env.deps;
    const volume = await loadVolume(env);
    const copies: number[] = [];
    const draws: number[] = [];
    let copied = { bytes: 0, rows: 0 };
    let winners = 0;
    let first: string[] = [];
    let same = true;
    for (let round = 0; round < ROUNDS; round++) {
      const c = await copyOnce(env.url, volume.campaignId);
      copies.push(c.ms);
      copied = c;
      const t0 = performance.now();
      const done = await db.transaction((tx) => drawInto(tx, volume.campaignId, 'bench-seed-2027', WINNERS));
      draws.push(performance.now() - t0);
      winners = done.winners;
      const list = await database.query<{ pseudo_id: string }>(
        'select pseudo_id from voucher_draw_winner where campaign_id = $1 order by rank',
        [volume.campaignId],
      );
      const ids = list.map((r) => r.pseudo_id);
      if (round === 0) first = ids;
      else same &&= ids.length === first.length && ids.every((p, i) => p === first[i]);
      await database.query('delete from voucher_draw_winner where campaign_id = $1', [volume.campaignId]);
    }
    const copyMs = Math.min(...copies);
    const drawMs = Math.min(...draws);
    const ratio = drawMs / copyMs;
    const pass = ratio <= LIMIT_RATIO && winners === WINNERS && copied.rows === REGISTRATIONS && same;
    const markdown = [
      `**Volume** (by SQL in ${volume.seconds.toFixed(1)} s): ${fmt.int(REGISTRATIONS)} members and one registration each for a lottery campaign of ${fmt.int(WINNERS)} vouchers (weights 1–5: hardship file for 2%, new-employment job types for half, first benefit for a third).`,
      '',
      `**Run**: ${ROUNDS} rounds, each reading the registrations once with \`COPY (select member_id, pseudo_id, weight from voucher_registration where campaign_id = …) TO STDOUT\` (a fresh connection, every byte received) and then running the draw statement (\`drawInto\`, server/modules/voucher/lottery.service.ts) with one seed in a transaction; the stored winners are compared between rounds and deleted after each. Best of ${ROUNDS}.`,
      '',
      table(
        ['', ''],
        [
          ['COPY read (best / all)', `${fmt.ms(copyMs)} ms / ${copies.map((x) => fmt.ms(x)).join(', ')} ms`],
          ['rows and bytes read', `${fmt.int(copied.rows)} rows, ${fmt.int(copied.bytes / 1024)} KiB`],
          ['draw statement (best / all)', `${fmt.ms(drawMs)} ms / ${draws.map((x) => fmt.ms(x)).join(', ')} ms`],
          ['winners stored', fmt.int(winners)],
          ['same winners in every round', same ? 'yes' : 'NO'],
          ['draw ÷ COPY', fmt.ratio(ratio)],
        ],
      ),
      '',
      `**Goal: draw ≤ ${LIMIT_RATIO}× the COPY read — ${pass ? 'PASS' : 'FAIL'}** (${fmt.ratio(ratio)}×).`,
    ].join('\n');
    return {
      title: `Lottery draw (${fmt.int(REGISTRATIONS)} registrations)`,
      markdown,
      pass,
      summary: `draw ${fmt.ms(drawMs)} ms vs COPY ${fmt.ms(copyMs)} ms (${fmt.ratio(ratio)}×, limit ${LIMIT_RATIO}×)`,
    };
  },
};
