import { inArray } from 'drizzle-orm';
import { numericIds, type AuditTargetKind } from '../../kernel/audit-labels.js';
import type { Label } from '../../kernel/errors.js';
import { caseNo } from './notify.js';
import { service, serviceCase } from './service.schema.js';

// How the audit log names the service module's actions and its records.

export const SERVICE_AUDIT_ACTIONS = {
  'service.create': { zh: '新增服务事项', en: 'Service added' },
  'service.update': { zh: '编辑服务事项', en: 'Service edited' },
  'service.post': { zh: '设置 AB 岗', en: 'AB post set' },
  'service.cover_start': { zh: 'B 岗开始顶岗', en: 'Backup started covering' },
  'service.cover_end': { zh: 'B 岗结束顶岗', en: 'Backup stopped covering' },
  'case.submitted': { zh: '登记工单', en: 'Case registered' },
  'case.accepted': { zh: '受理工单', en: 'Case accepted' },
  'case.started': { zh: '开始办理', en: 'Case work started' },
  'case.resolved': { zh: '办结工单', en: 'Case resolved' },
  'case.rejected': { zh: '不予受理', en: 'Case rejected' },
  'case.transferred': { zh: '转办工单', en: 'Case transferred' },
  'case.assigned': { zh: '指派承办人', en: 'Case assigned' },
  'case.note': { zh: '添加办理记录', en: 'Note added to a case' },
  'case.callback': { zh: '回访申请人', en: 'Applicant called back' },
  'case.unflagged': { zh: '解除督办标记', en: 'Case flag cleared' },
  'case.withdrawn': { zh: '撤回工单', en: 'Case withdrawn' },
  'case.reopened': { zh: '重新办理', en: 'Case reopened' },
  'case.rated': { zh: '评价工单', en: 'Case rated' },
  'case.attachment': { zh: '上传工单附件', en: 'Attachment added to a case' },
  'case.overdue': { zh: '工单超期', en: 'Case overdue' },
  'case.export': { zh: '导出工单', en: 'Cases exported' },
  'case.figures.export': { zh: '导出服务统计', en: 'Service figures exported' },
  'case.counter_lookup': { zh: '窗口查询来访人', en: 'Counter lookup' },
  'case.reveal_phone': { zh: '查看申请人完整手机号', en: "Applicant's full phone revealed" },
} as const satisfies Record<string, Label>;

const CASE_NO = /^FW\d{8}(\d{6,15})$/i;

export const SERVICE_AUDIT_TARGETS: Readonly<Record<string, AuditTargetKind>> = {
  // A case by its 工单号 (FW + China date + id), as the case pages and the member's inbox show it.
  service_case: {
    label: { zh: '服务工单', en: 'Case' },
    async describe(ids, { db }) {
      const wanted = numericIds(ids);
      if (wanted.length === 0) return new Map();
      const found = await db
        .select({ id: serviceCase.id, createdAt: serviceCase.createdAt })
        .from(serviceCase)
        .where(inArray(serviceCase.id, wanted));
      return new Map(found.map((c) => [String(c.id), { label: caseNo(c), link: `/service/cases/${c.id}` }]));
    },
    async find(text, { db }) {
      const m = CASE_NO.exec(text.trim());
      if (!m?.[1]) return [];
      const [c] = await db
        .select({ id: serviceCase.id, createdAt: serviceCase.createdAt })
        .from(serviceCase)
        .where(inArray(serviceCase.id, [Number(m[1])]));
      // The date part must match too: FW20260101000012 is not case 12 when case 12 was opened another day.
      return c && caseNo(c) === text.trim().toUpperCase() ? [String(c.id)] : [];
    },
  },
  service: {
    label: { zh: '服务事项', en: 'Service' },
    async describe(ids, { db }) {
      const wanted = numericIds(ids);
      if (wanted.length === 0) return new Map();
      const found = await db
        .select({ id: service.id, name: service.name })
        .from(service)
        .where(inArray(service.id, wanted));
      return new Map(found.map((s) => [String(s.id), { label: s.name, link: '/service/catalog' }]));
    },
  },
};
