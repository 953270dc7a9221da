// Labels, choices and formatting the member pages share.
import { JOB_TYPES, type JobType, type MemberStatus, type RequestStatus, type TransferStatus } from '../../api/types';
import { currentLocale, i18n } from '../../i18n';
import { EDUCATION, POLITICAL } from '../../../../lib/words';

type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger';

export const NEW_EMPLOYMENT: ReadonlySet<JobType> = new Set(JOB_TYPES.filter((j) => j !== 'regular'));

export const MEMBER_STATUS_TAG: Record<MemberStatus, TagType> = {
  active: 'success',
  transferring: 'warning',
  left: 'info',
  deceased: 'info',
};

export const TRANSFER_STATUS_TAG: Record<TransferStatus, TagType> = {
  pending_out: 'warning',
  pending_in: 'primary',
  completed: 'success',
  rejected: 'danger',
  cancelled: 'info',
};

/** The tag colour of a member status or a transfer status (table rows are loosely typed). */
const memberTags = new Map<string, TagType>(Object.entries(MEMBER_STATUS_TAG));
const transferTags = new Map<string, TagType>(Object.entries(TRANSFER_STATUS_TAG));
export function memberStatusTag(status: string): TagType {
  return memberTags.get(status) ?? 'info';
}
export function transferStatusTag(status: string): TagType {
  return transferTags.get(status) ?? 'info';
}

export const REQUEST_STATUS_TAG: Record<RequestStatus, TagType> = {
  pending: 'warning',
  approved: 'success',
  rejected: 'danger',
  cancelled: 'info',
};

/** The 56 民族 as the registry writes them (shown as written in both languages). */
export const ETHNICITIES: readonly string[] = (
  '汉族 壮族 回族 满族 维吾尔族 苗族 彝族 土家族 藏族 蒙古族 侗族 布依族 瑶族 白族 朝鲜族 哈尼族 黎族 哈萨克族 傣族 畲族 ' +
  '傈僳族 东乡族 仡佬族 拉祜族 佤族 水族 纳西族 羌族 土族 仫佬族 锡伯族 柯尔克孜族 景颇族 达斡尔族 撒拉族 布朗族 毛南族 ' +
  '塔吉克族 普米族 阿昌族 怒族 鄂温克族 京族 基诺族 德昂族 保安族 俄罗斯族 裕固族 乌孜别克族 门巴族 鄂伦春族 独龙族 赫哲族 ' +
  '高山族 珞巴族 塔塔尔族'
).split(' ');

const t = (key: string, named?: Record<string, unknown>): string =>
  named ? i18n.global.t(key, named) : i18n.global.t(key);

/** A stored 政治面貌 / 学历 in the reader's language; free text as written. */
export function politicalLabel(value: string | null | undefined): string {
  const key = POLITICAL.find(([v]) => v === value)?.[1];
  return key ? t(`member.political.${key}`) : value || '—';
}
export function educationLabel(value: string | null | undefined): string {
  const key = EDUCATION.find(([v]) => v === value)?.[1];
  return key ? t(`member.education.${key}`) : value || '—';
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A YYYY-MM-DD date as the reader's locale writes it (zh-CN: 2025/12/22); '—' when absent. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return value;
  const locale = currentLocale.value;
  let f = dateFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' });
    dateFormats.set(locale, f);
  }
  return f.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))));
}

/** Today as YYYY-MM-DD in local time (the latest 入会时间 allowed). */
export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Disables future days in a date picker. */
export function isFutureDay(d: Date): boolean {
  const end = new Date();
  end.setHours(23, 59, 59, 999);
  return d.getTime() > end.getTime();
}

const FIELD_KEYS = new Set([
  'name',
  'orgId',
  'toOrgId',
  'status',
  'idNumber',
  'phone',
  'jobType',
  'employer',
  'post',
  'joinedAt',
  'cardNo',
  'ethnicity',
  'politicalStatus',
  'education',
  'householdType',
  'migrantWorker',
  'gender',
  'birthDate',
]);

/** The label of a record field as history entries and corrections name it. */
export function fieldLabel(key: string): string {
  return FIELD_KEYS.has(key) ? t(`member.field.${key}`) : key;
}

/**
 * A field's value in words: codes become labels, orgs their names (when the caller's tree knows
 * them), empty values a dash.
 */
export function fieldValue(key: string, value: unknown, orgName: (id: number) => string = () => ''): string {
  if (value === null || value === undefined || value === '') return t('member.empty');
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'number' && (key === 'orgId' || key === 'toOrgId'))
    return orgName(value) || t('member.orgNumber', { id: value });
  if (typeof value === 'string') {
    if (key === 'status') return t(`member.status.${value}`);
    if (key === 'jobType') return t(`member.jobType.${value}`);
    if (key === 'householdType') return t(`member.household.${value}`);
    if (key === 'gender') return t(`member.gender.${value}`);
    if (key === 'politicalStatus') return politicalLabel(value);
    if (key === 'education') return educationLabel(value);
    if (key === 'joinedAt' || key === 'birthDate') return formatDate(value);
    return value;
  }
  return JSON.stringify(value);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
