import type { BenchEnv } from '../env.js';
import { fmt, table } from '../lib.js';
import { searchVector, type QaEntryRow } from '../../server/modules/qa/index.js';
import { qaEntry } from '../../server/modules/qa/qa.schema.js';
import { DEMO_QA_CITY, DEMO_QA_PROVINCE } from '../../server/seed/demo-qa.js';

// 10,000 knowledge-base entries made from the demo entries' vocabulary: a topic (a labour-law
// term), a kind of worker and a question frame give a distinct question; the answer is a demo
// answer of the topic's category made specific to that worker. Inserted with the qa module's own
// searchVector() (jieba + Intl.Segmenter in Node, setweight'ed tsvector('simple') in SQL), so the
// vector is built exactly as the app builds it.
// No topic is a demo question's whole wording (e.g. 困难帮扶申请, not 困难职工帮扶): hundreds of
// generated questions containing a query verbatim would tie with the demo entry it must find.

export const QA_ROWS = 10_000;

type Category = QaEntryRow['category'];
const TOPICS: Record<Exclude<Category, 'other'>, string[]> = {
  work_injury: ['工伤认定', '工伤保险待遇', '停工留薪期', '劳动能力鉴定', '职业病诊断', '工伤医疗费报销', '伤残津贴'],
  labour_contract: ['劳动合同签订', '试用期', '经济补偿', '无固定期限劳动合同', '竞业限制', '辞职手续', '劳动合同续签'],
  wages_hours: ['加班费', '最低工资', '工资拖欠', '带薪年休假', '工作时间', '工资条', '绩效工资'],
  social_insurance: ['养老保险', '医疗保险报销', '失业保险金', '生育津贴', '产假', '社保转移接续'],
  union: ['加入工会', '工会会费', '工会经费', '职工代表大会', '会员服务卡', '工会换届'],
  rights: ['劳动仲裁', '法律援助', '劳动争议调解', '劳动监察投诉', '仲裁时效'],
  assistance: ['困难帮扶申请', '金秋助学', '医疗救助', '送温暖慰问', '大病救助'],
  new_employment: ['职业伤害保障', '平台派单规则', '骑手保险', '户外劳动者驿站', '网约车抽成'],
};
const WORKERS = [
  '快递员',
  '外卖骑手',
  '网约车司机',
  '货车司机',
  '农民工',
  '女职工',
  '劳务派遣工',
  '实习生',
  '退休返聘人员',
  '建筑工人',
  '环卫工人',
  '民办学校教师',
  '护工',
  '保安员',
  '家政服务员',
  '非全日制用工人员',
  '新入职员工',
  '国有企业职工',
  '民营企业职工',
  '外地来镇务工人员',
];
const FRAMES = [
  '{w}的{t}怎么办理？',
  '{w}{t}有哪些规定？',
  '{w}申请{t}需要准备什么？',
  '{t}对{w}适用吗？',
  '{w}的{t}如何计算？',
  '{w}遇到{t}问题可以找谁？',
  '{w}{t}的期限是多久？',
  '{w}办理{t}要去哪里？',
  '{w}关于{t}的常见疑问',
  '{w}的{t}能委托别人办吗？',
  '{w}{t}最新政策是什么？',
];
const TOPIC_LIST = Object.entries(TOPICS).flatMap(([category, ts]) =>
  ts.map((t) => ({ category: category as Category, topic: t })),
);
const DEMO = [...DEMO_QA_PROVINCE, ...DEMO_QA_CITY];

/** Where the entries live, as shares of the 10,000 (the member's chain: province → city → 京口区 → 象山街道 → 瑞丰科技). */
const PLACES: [string, number][] = [
  ['JS', 0.5],
  ['JS-ZJ', 0.2],
  ['JS-ZJ-JK', 0.1],
  ['JS-ZJ-RZ', 0.05],
  ['JS-ZJ-DY', 0.05],
  ['JS-ZJ-JK-XS', 0.05],
  ['JS-ZJ-JK-XS-001', 0.05],
];

/** Entry i: distinct for i < topics × workers × frames (10,560). */
export function entryAt(i: number): {
  category: Category;
  question: string;
  answer: string;
  source: string | null;
  place: string;
  status: QaEntryRow['status'];
  expired: boolean;
} {
  const { category, topic } = TOPIC_LIST[i % TOPIC_LIST.length] as (typeof TOPIC_LIST)[number];
  const worker = WORKERS[Math.floor(i / TOPIC_LIST.length) % WORKERS.length] as string;
  const frame = FRAMES[Math.floor(i / (TOPIC_LIST.length * WORKERS.length)) % FRAMES.length] as string;
  const same = DEMO.filter((d) => d.category === category);
  const base = same[i % same.length] ?? (DEMO[i % DEMO.length] as (typeof DEMO)[number]);
  const u = ((i * 7919) % 1000) / 1000;
  let acc = 0;
  const place = (PLACES.find(([, share]) => (acc += share) > u) ?? PLACES[0])?.[0] as string;
  const s = ((i * 104_729) % 100) / 100;
  return {
    category,
    question: frame.replace('{w}', worker).replace('{t}', topic),
    answer: `针对${worker}的${topic}：${base.answer} 具体办理以当地规定为准，可拨打 12351 职工服务热线或到就近的职工服务中心咨询。`,
    source: base.source ?? `江苏省总工会政策汇编第${(i % 300) + 1}号`,
    place,
    status: s < 0.95 ? 'published' : s < 0.98 ? 'draft' : 'withdrawn',
    expired: i % 20 === 7,
  };
}

export interface QaVolume {
  rows: number;
  seconds: number;
  segmentSeconds: number;
  counts: { all: number; published: number; visibleToMember: number };
  sizes: { heap: number; indexes: number };
  markdown: string;
}

export async function loadEntries(env: BenchEnv): Promise<QaVolume> {
  const { database, db } = env.deps;
  const orgs = new Map(
    (
      await database.query<{ id: number; code: string }>(`select id, code from org where code = any($1)`, [
        PLACES.map(([c]) => c),
      ])
    ).map((o) => [o.code, o.id]),
  );
  const now = env.deps.clock.now();
  const started = performance.now();
  let segmentMs = 0;
  for (let from = 0; from < QA_ROWS; from += 250) {
    const t = performance.now();
    const values = [];
    for (let i = from; i < Math.min(QA_ROWS, from + 250); i++) {
      const e = entryAt(i);
      const orgId = orgs.get(e.place);
      if (!orgId) throw new Error(`org ${e.place} not found`);
      values.push({
        orgId,
        kind: 'qa' as const,
        category: e.category,
        question: e.question,
        answer: e.answer,
        source: e.source,
        effectiveFrom: e.expired ? '2023-01-01' : '2024-01-01',
        effectiveTo: e.expired ? '2024-12-31' : null,
        status: e.status,
        searchVector: searchVector(e),
        editedByName: '压测数据',
        publishedByName: e.status === 'draft' ? null : '压测审核',
        publishedAt: e.status === 'draft' ? null : now,
        createdAt: now,
        updatedAt: now,
      });
    }
    segmentMs += performance.now() - t;
    await db.insert(qaEntry).values(values);
  }
  await database.query('vacuum (analyze) qa_entry');
  const seconds = (performance.now() - started) / 1000;
  const [counts] = await database.query<QaVolume['counts']>(
    `select count(*)::int as all, (count(*) filter (where status = 'published'))::int as published,
            (count(*) filter (where status = 'published' and (effective_to is null or effective_to >= current_date)
                              and org_id in (select id from org where (select path from org where code = 'JS-ZJ-JK-XS-001') like path || '%')))::int as "visibleToMember"
       from qa_entry`,
  );
  const [sizes] = await database.query<QaVolume['sizes']>(
    `select pg_table_size('qa_entry')::bigint as heap, pg_indexes_size('qa_entry')::bigint as indexes`,
  );
  if (!counts || !sizes) throw new Error('no qa figures');
  const v: QaVolume = { rows: QA_ROWS, seconds, segmentSeconds: segmentMs / 1000, counts, sizes, markdown: '' };
  v.markdown = [
    `**Knowledge base**: ${fmt.int(counts.all)} entries (${fmt.int(QA_ROWS)} generated + the demo's ${DEMO.length}), loaded in ${seconds.toFixed(1)} s (of which ${v.segmentSeconds.toFixed(1)} s cutting words in Node) before the measurements. Each generated entry pairs one of ${TOPIC_LIST.length} labour-law topics (工伤认定, 试用期, 加班费, 失业保险金, 加入工会, 劳动仲裁 …, by category) with one of ${WORKERS.length} kinds of worker and one of ${FRAMES.length} question frames (e.g. "外卖骑手申请工伤认定需要准备什么？"), so every question is distinct but shares the demo entries' words; its answer is a demo answer of the same category made specific to that worker. Inserted 250 rows per INSERT with the qa module's own \`searchVector()\` (jieba + the labour-law dictionary + Intl.Segmenter in Node; \`setweight(to_tsvector('simple', …))\` question A / answer B / source C), the GIN and trigram indexes in place, then \`VACUUM (ANALYZE)\`. Placed along the demo member's chain and beside it: province 50%, city 20%, 京口区 10%, 润州区 5%, 丹阳市 5%, 象山街道 5%, 瑞丰科技 5%; 95% published, 3% drafts, 2% withdrawn; 5% past their effective date.`,
    '',
    table(
      [
        'entries',
        'published',
        'in search for the demo member (published, in force, on their chain)',
        'qa_entry heap',
        'its indexes',
      ],
      [
        [
          fmt.int(counts.all),
          fmt.int(counts.published),
          fmt.int(counts.visibleToMember),
          `${fmt.int(sizes.heap / 2 ** 20)} MiB`,
          `${fmt.int(sizes.indexes / 2 ** 20)} MiB`,
        ],
      ],
    ),
  ].join('\n');
  return v;
}
