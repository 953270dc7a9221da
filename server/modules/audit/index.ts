// The audit module: reading and verifying the audit log (written by kernel/audit.ts), following jobs.
import { verifyAudit } from '../../kernel/audit.js';
import { defineModule } from '../../kernel/module.js';
import { AUDIT_FIELD_MESSAGES } from './audit.errors.js';
import { auditRoutes } from './audit.routes.js';

export const auditModule = defineModule({
  name: 'audit',
  permissions: {
    'audit:log:read': { zh: '查看操作日志', en: 'Read the audit log' },
    'audit:log:verify': { zh: '校验操作日志完整性', en: 'Verify the audit log' },
  },
  fieldMessages: AUDIT_FIELD_MESSAGES,
  routes: [auditRoutes],
  jobs: { 'audit.verify': (deps) => async (ctx) => verifyAudit(ctx.db, deps.crypto, ctx.progress) },
  auditActions: { 'audit.verify': { zh: '校验操作日志完整性', en: 'Audit log verified' } },
  auditTargets: { job: { label: { zh: '后台任务', en: 'Job' } } },
});
