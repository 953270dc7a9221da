// The member module's public surface, and its manifest.
import { count, eq } from 'drizzle-orm';
import { defineModule } from '../../kernel/module.js';
import { MEMBER_AUDIT_ACTIONS, MEMBER_AUDIT_TARGETS } from './member.audit.js';
import { registerOrgUsage } from '../org/index.js';
import { seedDemoMemberRecord, seedDemoMembers } from '../../seed/demo-members.js';
import { homeChain, memberIdOfAccount, memberNameOfAccount, memberOfAccount, memberUnion } from './account.js';
import { cardMemberId } from './card.service.js';
import { seedDemoMemberAccounts } from './demo-accounts.js';
import { idFacts, idNumberProblem, makeIdNumber, normaliseIdNumber } from './id-number.js';
import { IMPORT_JOB } from './import/job.js';
import { sweepImportFiles } from './import/sweep.js';
import { runImportJob } from './import/thread.js';
import { memberFigureRoutes } from './figures.routes.js';
import { memberImportRoutes } from './import.routes.js';
import { FIGURES_FIELD_MESSAGES } from '../../kernel/figures.js';
import { memberSelfRoutes } from './me.routes.js';
import { MEMBER_ERRORS, MEMBER_FIELD_MESSAGES } from './member.errors.js';
import { findMember, lockMember, sealedIdentities } from './member.lookup.js';
import { memberRoutes } from './member.routes.js';
import { member } from './member.schema.js';
import { identityColumns } from './member.service.js';
import { memberWorkflowRoutes } from './workflow.routes.js';
import { memberWorkbench } from './workbench.js';

// An org with members cannot be deleted (it can be closed).
registerOrgUsage(async (tx, orgId) => {
  const [row] = await tx.select({ n: count() }).from(member).where(eq(member.orgId, orgId));
  return (row?.n ?? 0) > 0;
});

export const memberModule = defineModule({
  name: 'member',
  permissions: {
    'member:member:read': { zh: '查看会员', en: 'View members' },
    'member:member:create': { zh: '新增会员', en: 'Add members' },
    'member:member:update': { zh: '编辑会员、变更状态', en: 'Edit members and their status' },
    'member:member:reveal': { zh: '查看完整身份证号和手机号', en: 'Reveal full ID numbers and phones' },
    'member:member:export': { zh: '导出会员', en: 'Export members' },
    'member:member:import': { zh: '批量导入会员', en: 'Import members' },
    'member:join:review': { zh: '审批入会申请和信息更正', en: 'Review join and correction requests' },
    'member:transfer:review': { zh: '审批会员关系转接', en: 'Review transfers' },
    'member:card:verify': { zh: '核验电子会员卡', en: 'Verify member cards' },
    'member:figures:read': { zh: '查看会员统计', en: 'View member figures' },
  },
  errors: MEMBER_ERRORS,
  fieldMessages: { ...MEMBER_FIELD_MESSAGES, ...FIGURES_FIELD_MESSAGES },
  routes: [memberImportRoutes, memberFigureRoutes, memberRoutes, memberWorkflowRoutes, memberSelfRoutes],
  jobs: { [IMPORT_JOB]: (deps) => (ctx) => runImportJob(deps, ctx) },
  // Error files past their retention are deleted hourly, and once at start.
  loops: [
    {
      name: 'import file sweep',
      intervalMs: 3_600_000,
      runAtStart: true,
      run: async (deps) => void (await sweepImportFiles(deps)),
    },
  ],
  seed: async ({ tx, deps, members, demoMember }) => {
    if (members === 0) return;
    await seedDemoMembers(tx, deps, members);
    if (demoMember) await seedDemoMemberRecord(tx, deps, demoMember.accountId, demoMember.phone);
  },
  // The member accounts 13800000002–30 with their records and requests, after every other step.
  seedLast: async (ctx) => {
    if (ctx.members > 0) await seedDemoMemberAccounts(ctx);
  },
  api: {
    memberOfAccount,
    memberUnion,
    homeChain,
    idNumberProblem,
    idFacts,
    makeIdNumber,
    normaliseIdNumber,
    identityColumns,
    cardMemberId,
    findMember,
    sealedIdentities,
    lockMember,
    memberNameOfAccount,
    memberIdOfAccount,
  },
  workbench: memberWorkbench,
  auditActions: MEMBER_AUDIT_ACTIONS,
  auditTargets: MEMBER_AUDIT_TARGETS,
});

export { memberRef, JOB_TYPES, NEW_EMPLOYMENT, MEMBER_STATUSES, type MemberRow } from './member.schema.js';
export { findMember, sealedIdentities, lockMember, type MemberKey, type SealedIdentity } from './member.lookup.js';
export { memberRoutes } from './member.routes.js';
export { memberWorkflowRoutes } from './workflow.routes.js';
export { memberSelfRoutes } from './me.routes.js';
export { memberImportRoutes } from './import.routes.js';
export { idNumberProblem, idFacts, makeIdNumber, normaliseIdNumber } from './id-number.js';
export { identityColumns } from './member.service.js';
export { cardMemberId } from './card.service.js';
export { memberOfAccount, memberUnion, homeChain, memberNameOfAccount, memberIdOfAccount } from './account.js';
export { PHONE, ZDate } from './member.fields.js';
export { DEMO_PEOPLE } from './demo-accounts.js';
