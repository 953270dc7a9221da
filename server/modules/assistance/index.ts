// The assistance module's public surface (困难帮扶): hardship files (hardship/), assistance
// programmes and records (aid/), precise identification (identify/), and its manifest. Other
// modules import it only through this file; the sub-folders call each other through the
// functions exported here.
import { defineModule } from '../../kernel/module.js';
import { seedDemoAid } from '../../seed/demo-aid.js';
import { seedDemoHardship } from '../../seed/demo-hardship.js';
import { seedDemoIdentify } from '../../seed/demo-identify.js';
import { ASSISTANCE_ERRORS, ASSISTANCE_FIELD_MESSAGES } from './assistance.errors.js';
import { aidAllRoutes, aidTodo, assistanceForFile, assistanceHistory } from './aid/index.js';
import {
  currentFiledFile,
  effectiveLine,
  fileSummary,
  hardshipRoutes,
  hardshipTodo,
  openDraftFile,
  purgeHardship,
} from './hardship/index.js';
import { identifyRoutes, identifyTodo, recompute, RECOMPUTE_JOB, runRecompute } from './identify/index.js';

export const assistanceModule = defineModule({
  name: 'assistance',
  permissions: {
    'assistance:file:read': {
      zh: '查看困难职工档案（含收入、健康等敏感信息）',
      en: 'View hardship files, sensitive data included',
    },
    'assistance:file:handle': {
      zh: '建档、核实、审核、退出困难职工档案',
      en: 'Create, verify, review and exit hardship files',
    },
    'assistance:line:manage': {
      zh: '设置当地最低生活保障和低收入标准',
      en: 'Set the local minimum-living and low-income lines',
    },
    'assistance:record:read': {
      zh: '查看帮扶项目、预算和帮扶记录',
      en: 'View assistance programmes, budgets and records',
    },
    'assistance:programme:manage': {
      zh: '设立、调整、关闭帮扶项目和预算',
      en: 'Create, change and close assistance programmes and budgets',
    },
    'assistance:record:propose': { zh: '提出帮扶（经办）', en: 'Propose assistance (handling officer)' },
    'assistance:record:approve': { zh: '审批帮扶（工会负责人）', en: 'Approve assistance (head of the org)' },
    'assistance:record:pay': { zh: '登记帮扶发放', en: 'Record assistance as paid' },
    'assistance:record:export': { zh: '导出帮扶台账', en: 'Export the assistance ledger' },
    'assistance:wish:manage': { zh: '审核、认领、登记微心愿', en: 'Review, claim and fulfil small wishes' },
    'assistance:identify:read': { zh: '查看精准识别名单及其依据', en: 'View the identification list and its reasons' },
    'assistance:identify:handle': {
      zh: '处理精准识别名单（核实建档、排除、安排走访）、登记会员困难情况',
      en: 'Work the identification list (verify, dismiss, assign visits) and record member situations',
    },
    'assistance:identify:rules': { zh: '设置精准识别规则', en: 'Tune the identification rules' },
  },
  errors: ASSISTANCE_ERRORS,
  fieldMessages: ASSISTANCE_FIELD_MESSAGES,
  routes: [hardshipRoutes, aidAllRoutes, identifyRoutes],
  jobs: { [RECOMPUTE_JOB]: (deps) => (ctx) => runRecompute(deps, ctx) },
  // Hourly: the sensitive data of files whose consent was withdrawn, once their purge date has come.
  loops: [{ name: 'hardship purge', intervalMs: 3600_000, run: async (deps) => void (await purgeHardship(deps)) }],
  seed: async ({ tx, deps, orgs, members, demoMember }) => {
    if (members === 0) return;
    await seedDemoHardship(tx, deps, orgs);
    await seedDemoAid(tx, deps, orgs, demoMember?.accountId ?? null);
    await seedDemoIdentify(tx, deps, orgs);
  },
  api: {
    openDraftFile,
    currentFiledFile,
    fileSummary,
    purgeHardship,
    effectiveLine,
    recomputeCandidates: recompute,
    assistanceHistory,
    assistanceForFile,
  },
  workbench: { todo: [...hardshipTodo, ...identifyTodo, ...aidTodo] },
});

export {
  openDraftFile,
  currentFiledFile,
  fileSummary,
  purgeHardship,
  effectiveLine,
  CONSENT_VERSION,
  CONSENT_SCOPES,
  type OpenDraftFileInput,
  type FileSummary,
} from './hardship/index.js';
export {
  hardshipFile,
  hardshipLine,
  hardshipConsent,
  HARDSHIP_CATEGORIES,
  HARDSHIP_CAUSES,
  FILE_STATES,
  EXIT_REASONS,
  type HardshipCause,
} from './hardship/hardship.schema.js';
export {
  recompute as recomputeCandidates,
  RECOMPUTE_JOB,
  IDENTIFY_READ,
  IDENTIFY_HANDLE,
  IDENTIFY_RULES,
} from './identify/index.js';
export {
  assistanceHistory,
  assistanceForFile,
  type AssistanceHistoryItem,
  aidProgramme,
  aidRecord,
  aidWish,
  aidHouseholdTotal,
  PROGRAMME_KINDS,
} from './aid/index.js';
