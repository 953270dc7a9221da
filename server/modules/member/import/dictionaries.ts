import type { HOUSEHOLD_TYPES, JOB_TYPES } from '../member.schema.js';

// The roster's dictionary columns: what each accepts and what it stores. A cell may hold the
// label the template offers, the code the API uses, or a spelling union offices commonly write
// (issue 3's file had 就业形态 "其他"). One table per dictionary: the value, then every spelling.
// 就业形态 and 户籍类型 are enums in the registry, so anything else is refused; 政治面貌, 学历 and
// 民族 are stored as the registry's words (the console and H5 offer the same lists), so a known
// spelling is stored as that word and anything else as typed, as the API accepts it.

/** How a cell is compared: no spaces, full-width forms folded (（ → (, Ａ → a), lower case. */
export const fold = (text: string): string => text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

type Table<V> = ReadonlyArray<readonly [value: V, spellings: readonly string[]]>;

/** Every spelling (folded) → its value, in a Map (a cell "__proto__" is just unknown). */
function lookup<V>(name: string, table: Table<V>): (text: string) => V | undefined {
  const map = new Map<string, V>();
  for (const [value, spellings] of table) {
    for (const s of spellings) {
      const key = fold(s);
      // the tables are code: a spelling under two values is a mistake to catch at start, not a coin toss
      if (map.has(key) && map.get(key) !== value) throw new Error(`${name}: "${s}" is listed under two values`);
      map.set(key, value);
    }
  }
  return (text) => map.get(fold(text));
}

// 性别 (checked against the 身份证号, which decides it)
export const GENDER_TEXT = { male: '男', female: '女' } as const;
export const genderOf = lookup<'male' | 'female'>('性别', [
  ['male', ['男', '男性', 'male', 'm']],
  ['female', ['女', '女性', 'female', 'f']],
]);

// 就业形态: the registry's job types. "其他"/"其它" is the list's last entry, 其他新就业形态
// (a person in ordinary employment is 普通职工, the default for an empty cell).
type JobType = (typeof JOB_TYPES)[number];
export const JOB_TYPE_TEXT: Record<JobType, string> = {
  regular: '普通职工',
  courier: '快递员',
  food_delivery: '外卖骑手',
  truck_driver: '货车司机',
  ride_hailing: '网约车司机',
  other_new: '其他新就业形态',
};
export const jobTypeOf = lookup<JobType>('就业形态', [
  ['regular', ['普通职工', 'regular', '普通', '职工', '普通员工', '在岗职工', '企业职工', '传统就业']],
  ['courier', ['快递员', 'courier', '快递小哥', '快递', '快递配送员', '快递收派员', '快件收派员']],
  [
    'food_delivery',
    ['外卖骑手', 'food_delivery', '外卖员', '外卖', '骑手', '外卖小哥', '送餐员', '外卖送餐员', '网约配送员'],
  ],
  ['truck_driver', ['货车司机', 'truck_driver', '货运司机', '卡车司机', '货车驾驶员', '货运驾驶员']],
  ['ride_hailing', ['网约车司机', 'ride_hailing', '网约车', '网约车驾驶员', '专车司机', '快车司机']],
  [
    'other_new',
    ['其他新就业形态', 'other_new', '其他', '其它', '其它新就业形态', '新就业形态', '代驾司机', '网络主播'],
  ],
]);

// 户籍类型: the household type, and whether the person is a 农民工 (a rural household working in town).
type Household = { householdType: (typeof HOUSEHOLD_TYPES)[number]; migrantWorker: boolean };
export const HOUSEHOLD_CHOICES = ['城镇', '农村', '农村（农民工）'] as const;
const URBAN: Household = { householdType: 'urban', migrantWorker: false };
const RURAL: Household = { householdType: 'rural', migrantWorker: false };
const MIGRANT: Household = { householdType: 'rural', migrantWorker: true };
export const householdOf = lookup<Household>('户籍类型', [
  [URBAN, ['城镇', 'urban', '城镇户口', '城镇户籍', '城市', '非农业', '非农业户口', '非农']],
  [RURAL, ['农村', 'rural', '农村户口', '农村户籍', '农业', '农业户口']],
  [MIGRANT, ['农村（农民工）', '农民工', '农村户口（农民工）', '进城务工人员', '外来务工人员']],
]);
export function householdText(type: Household['householdType'] | null, migrant: boolean): string {
  if (!type) return '';
  return type === 'urban' ? '城镇' : migrant ? '农村（农民工）' : '农村';
}

// 政治面貌, with the codes the console and H5 use for their labels.
export const POLITICAL_CHOICES = [
  '中共党员',
  '中共预备党员',
  '共青团员',
  '民主党派成员',
  '无党派人士',
  '群众',
] as const;
export const politicalOf = lookup<string>('政治面貌', [
  ['中共党员', ['中共党员', 'party', '党员', '共产党员', '中国共产党党员', '正式党员']],
  ['中共预备党员', ['中共预备党员', 'probationary', '预备党员']],
  ['共青团员', ['共青团员', 'league', '团员', '中国共产主义青年团团员']],
  [
    '民主党派成员',
    [
      '民主党派成员',
      'democratic',
      '民主党派',
      '民革党员',
      '民盟盟员',
      '民建会员',
      '民进会员',
      '农工党党员',
      '致公党党员',
      '九三学社社员',
      '台盟盟员',
    ],
  ],
  ['无党派人士', ['无党派人士', 'independent', '无党派', '无党派民主人士']],
  ['群众', ['群众', 'masses', '普通群众']],
]);

// 学历, with the console's codes.
export const EDUCATION_CHOICES = [
  '小学及以下',
  '初中',
  '高中',
  '中专',
  '大专',
  '本科',
  '硕士研究生',
  '博士研究生',
] as const;
export const educationOf = lookup<string>('学历', [
  ['小学及以下', ['小学及以下', 'primary', '小学', '文盲']],
  ['初中', ['初中', 'junior', '初级中学']],
  ['高中', ['高中', 'senior', '普通高中']],
  ['中专', ['中专', 'vocational', '中职', '中技', '技校', '职高', '中等专科']],
  ['大专', ['大专', 'college', '专科', '大学专科', '高职', '高职高专']],
  ['本科', ['本科', 'bachelor', '大学本科', '学士']],
  ['硕士研究生', ['硕士研究生', 'master', '硕士', '研究生']],
  ['博士研究生', ['博士研究生', 'doctor', '博士']],
]);

// 民族: the 56 names in the order of GB/T 3304 (so "01" or 1 is 汉族), each also without 族.
export const ETHNICITY_CHOICES = (
  '汉族 蒙古族 回族 藏族 维吾尔族 苗族 彝族 壮族 布依族 朝鲜族 满族 侗族 瑶族 白族 土家族 哈尼族 哈萨克族 傣族 黎族 傈僳族 ' +
  '佤族 畲族 高山族 拉祜族 水族 东乡族 纳西族 景颇族 柯尔克孜族 土族 达斡尔族 仫佬族 羌族 布朗族 撒拉族 毛南族 仡佬族 锡伯族 ' +
  '阿昌族 普米族 塔吉克族 怒族 乌孜别克族 俄罗斯族 鄂温克族 德昂族 保安族 裕固族 京族 塔塔尔族 独龙族 鄂伦春族 赫哲族 门巴族 珞巴族 基诺族'
).split(' ');
export const ethnicityOf = lookup<string>(
  '民族',
  ETHNICITY_CHOICES.map((name, i) => {
    const code = String(i + 1).padStart(2, '0');
    return [name, [name, name.slice(0, -1), code, String(i + 1)]] as const;
  }),
);
