// Words both apps show (member fields and dictionaries, policy categories, hardship categories), in
// one wording for the console and the portal; each app's module messages spread them in.
import type { Messages } from './i18n';

export const MEMBER_FIELD_WORDS = {
  name: ['姓名', 'Name'],
  idNumber: ['身份证号', 'ID number'],
  gender: ['性别', 'Gender'],
  birthDate: ['出生日期', 'Date of birth'],
  phone: ['手机号', 'Phone'],
  orgName: ['所属工会', 'Union'],
  jobType: ['就业形态', 'Employment'],
  employer: ['工作单位', 'Employer'],
  post: ['岗位', 'Post'],
  cardNo: ['会员卡号', 'Card no.'],
  ethnicity: ['民族', 'Ethnicity'],
  politicalStatus: ['政治面貌', 'Political status'],
  education: ['学历', 'Education'],
  householdType: ['户籍类型', 'Household'],
  migrantWorker: ['农民工', 'Migrant worker'],
} satisfies Messages;

export const MEMBER_WORDS = {
  status: {
    active: ['在会', 'Member'],
    transferring: ['转出中', 'Transferring'],
    left: ['退会', 'Left'],
    deceased: ['已故', 'Deceased'],
  },
  gender: {
    male: ['男', 'Male'],
    female: ['女', 'Female'],
  },
  household: {
    urban: ['城镇', 'Urban'],
    rural: ['农村', 'Rural'],
  },
  jobType: {
    regular: ['普通职工', 'Regular employee'],
    courier: ['快递员', 'Courier'],
    food_delivery: ['外卖骑手', 'Food delivery rider'],
    truck_driver: ['货车司机', 'Truck driver'],
    ride_hailing: ['网约车司机', 'Ride-hailing driver'],
    other_new: ['其他新就业形态', 'Other new employment'],
  },
  political: {
    party: ['中共党员', 'CPC member'],
    probationary: ['中共预备党员', 'CPC probationary member'],
    league: ['共青团员', 'CYL member'],
    democratic: ['民主党派成员', 'Democratic party member'],
    independent: ['无党派人士', 'Independent'],
    masses: ['群众', 'General public'],
  },
  education: {
    primary: ['小学及以下', 'Primary or below'],
    junior: ['初中', 'Junior high'],
    senior: ['高中', 'Senior high'],
    vocational: ['中专', 'Vocational school'],
    college: ['大专', 'Junior college'],
    bachelor: ['本科', "Bachelor's"],
    master: ['硕士研究生', "Master's"],
    doctor: ['博士研究生', 'Doctorate'],
  },
} satisfies Messages;

export const QA_CATEGORY_WORDS = {
  labour_contract: ['劳动合同', 'Labour contracts'],
  wages_hours: ['工资工时', 'Wages and hours'],
  social_insurance: ['社会保险', 'Social insurance'],
  work_injury: ['工伤', 'Work injury'],
  union: ['工会组织与会员', 'Unions and membership'],
  rights: ['维权与法律援助', 'Rights and legal aid'],
  assistance: ['帮扶救助', 'Assistance'],
  new_employment: ['新就业形态', 'New forms of employment'],
  other: ['其他', 'Other'],
} satisfies Messages;

export const HARDSHIP_CATEGORY_WORDS = {
  deep: ['深度困难', 'Deep hardship'],
  relative: ['相对困难', 'Relative hardship'],
  sudden: ['意外致困', 'Sudden hardship'],
} satisfies Messages;

// 政治面貌 and 学历 are stored as the registry's Chinese words whatever the interface language (as
// in the roster import and the demo data); each is paired with its message key under member.political
// or member.education, so only the label is translated.
export const POLITICAL: readonly (readonly [string, string])[] = [
  ['中共党员', 'party'],
  ['中共预备党员', 'probationary'],
  ['共青团员', 'league'],
  ['民主党派成员', 'democratic'],
  ['无党派人士', 'independent'],
  ['群众', 'masses'],
];
export const EDUCATION: readonly (readonly [string, string])[] = [
  ['小学及以下', 'primary'],
  ['初中', 'junior'],
  ['高中', 'senior'],
  ['中专', 'vocational'],
  ['大专', 'college'],
  ['本科', 'bachelor'],
  ['硕士研究生', 'master'],
  ['博士研究生', 'doctor'],
];
