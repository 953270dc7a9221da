import { JOB_TYPES, makeIdNumber } from '../../server/modules/member/index.js';

// Fictional members, generated row by row from their index alone: no state, no Set of seen
// numbers, so a million rows take no more memory than one chunk, and row i is the same on
// every run. ID numbers and phones are unique by construction (an affine permutation of the
// number space), and every ID number has a valid GB 11643 check digit.

type JobType = (typeof JOB_TYPES)[number];

export interface Union {
  id: number;
  code: string;
  /** Employer name for members of this union (the union's name without 工会). */
  employer: string;
}

export interface PlainMember {
  union: Union;
  name: string;
  idNumber: string;
  gender: 'male' | 'female';
  birthDate: string;
  phone: string;
  ethnicity: string;
  politicalStatus: string;
  education: string;
  householdType: 'urban' | 'rural';
  migrantWorker: boolean;
  employer: string;
  post: string | null;
  jobType: JobType;
  status: 'active' | 'left' | 'deceased';
  joinedAt: string;
}

const SURNAMES = [
  ...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段',
];
const GIVEN = [
  ...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国文辉鹏飞云红梅兰玲晓东海波宁婷雪琳浩宇志鑫佳晨瑞欣怡',
];
// County codes (Jiangsu mostly, some from elsewhere: migrant workers). None is one the demo seed
// uses, so these ID numbers can never collide with the demo's 3,000 members.
const REGIONS = [
  '320104',
  '320105',
  '320106',
  '320111',
  '320113',
  '320114',
  '320115',
  '320205',
  '320211',
  '320282',
  '320411',
  '320506',
  '320583',
  '320703',
  '320812',
  '321002',
  '321202',
  '341122',
  '411302',
  '430102',
];
const MOBILE_PREFIXES = [
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '158',
  '159',
  '186',
  '187',
  '188',
  '177',
  '199',
  '166',
  '182',
];
const PLATFORMS: Record<Exclude<JobType, 'regular'>, string[]> = {
  courier: ['顺丰速运镇江分部', '中通快递京口网点', '京东物流镇江站'],
  food_delivery: ['美团外卖京口站', '饿了么镇江站'],
  truck_driver: ['满帮货运镇江', '润州货运联盟'],
  ride_hailing: ['滴滴出行镇江', '曹操出行镇江'],
  other_new: ['镇江同城跑腿', '家政服务平台镇江'],
};
const POSTS = ['工程师', '操作工', '技术员', '教师', '行政', '质检员', '销售', '会计'];
const EDUCATION = ['初中', '高中', '中专', '大专', '本科', '本科', '硕士研究生'];
const POLITICAL = ['群众', '群众', '群众', '群众', '中共党员', '共青团员'];
const MINORITIES = ['回族', '满族', '蒙古族', '壮族'];

/** Per-row deterministic random numbers (mulberry32 seeded from the row index). */
export function rowRng(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
/** A multiplier coprime to n, so i → (a·i + b) mod n is a permutation of [0, n). */
function coprimeMultiplier(n: number, start: number): number {
  let a = start;
  while (gcd(a, n) !== 1) a++;
  return a;
}

const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The share of rows in the first union (a large enterprise union: the grassroots officer's). */
export const FIRST_UNION_SHARE = 0.04;

export class MemberGenerator {
  private readonly firstBirth: number;
  private readonly birthDays: number;
  private readonly idSpace: number;
  private readonly idMul: number;
  private readonly phoneSpace = MOBILE_PREFIXES.length * 1e8;
  private readonly phoneMul: number;
  private readonly today: number;
  private readonly earliestJoin = Date.UTC(2008, 0, 1);

  /**
   * @param unions the first union takes FIRST_UNION_SHARE of the rows, the others share the rest evenly
   * @param today ages are 18–65 and join dates at most this day
   */
  constructor(
    readonly unions: Union[],
    today: Date,
  ) {
    if (unions.length < 2) throw new Error('need at least two unions');
    this.today = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
    const t = new Date(this.today);
    // aged 18 to 65: born after today − 66 years, on or before today − 18 years
    const latest = Date.UTC(t.getUTCFullYear() - 18, t.getUTCMonth(), t.getUTCDate());
    this.firstBirth = Date.UTC(t.getUTCFullYear() - 66, t.getUTCMonth(), t.getUTCDate()) + DAY_MS;
    this.birthDays = Math.round((latest - this.firstBirth) / DAY_MS) + 1;
    this.idSpace = REGIONS.length * this.birthDays * 1000;
    // Products stay below 2^53 for indexes up to ~3 million.
    this.idMul = coprimeMultiplier(this.idSpace, 2_654_435_761);
    this.phoneMul = coprimeMultiplier(this.phoneSpace, 2_246_822_519);
  }

  /** Row i; distinct i give distinct ID numbers and distinct phones. */
  at(i: number): PlainMember {
    const rand = rowRng(Math.imul(i + 1, 0x9e3779b1) ^ 0x5bd1e995);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;

    const x = (this.idMul * i + 12_345_677) % this.idSpace;
    const seq = x % 1000;
    const day = Math.floor(x / 1000) % this.birthDays;
    const region = REGIONS[Math.floor(x / 1000 / this.birthDays)] as string;
    const birthMs = this.firstBirth + day * DAY_MS;
    const birthDate = iso(birthMs);
    const idNumber = makeIdNumber(region, birthDate, seq);

    const p = (this.phoneMul * i + 98_765_431) % this.phoneSpace;
    const phone = `${MOBILE_PREFIXES[Math.floor(p / 1e8)]}${String(p % 1e8).padStart(8, '0')}`;

    const union =
      rand() < FIRST_UNION_SHARE
        ? (this.unions[0] as Union)
        : (this.unions[1 + Math.floor(rand() * (this.unions.length - 1))] as Union);

    // ~15% 新就业形态
    const j = rand();
    const jobType: JobType =
      j < 0.85
        ? 'regular'
        : j < 0.9
          ? 'courier'
          : j < 0.95
            ? 'food_delivery'
            : j < 0.97
              ? 'truck_driver'
              : j < 0.99
                ? 'ride_hailing'
                : 'other_new';
    const s = rand();
    const status = s < 0.93 ? 'active' : s < 0.98 ? 'left' : 'deceased';

    // joined at 18 or later, not before 2008, not after today
    const birth = new Date(birthMs);
    const adult = Date.UTC(birth.getUTCFullYear() + 18, birth.getUTCMonth(), birth.getUTCDate());
    const from = Math.max(this.earliestJoin, adult);
    const joinedAt = iso(from + Math.floor(rand() * ((this.today - from) / DAY_MS + 1)) * DAY_MS);

    const newEconomy = jobType !== 'regular';
    return {
      union,
      name: pick(SURNAMES) + pick(GIVEN) + (rand() < 0.6 ? pick(GIVEN) : ''),
      idNumber,
      gender: Number(idNumber[16]) % 2 === 1 ? 'male' : 'female',
      birthDate,
      phone,
      ethnicity: rand() < 0.95 ? '汉族' : pick(MINORITIES),
      politicalStatus: pick(POLITICAL),
      education: pick(EDUCATION),
      householdType: rand() < (newEconomy ? 0.7 : 0.4) ? 'rural' : 'urban',
      migrantWorker: newEconomy && rand() < 0.6,
      employer: newEconomy ? pick(PLATFORMS[jobType]) : union.employer,
      post: newEconomy ? null : pick(POSTS),
      jobType,
      status,
      joinedAt,
    };
  }
}
