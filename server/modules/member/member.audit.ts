import { eq, inArray, or, sql } from 'drizzle-orm';
import { orgCondition } from '../../kernel/access.js';
import { numericIds, type AuditTargetKind } from '../../kernel/audit-labels.js';
import { maskName } from '../../kernel/crypto.js';
import type { Label } from '../../kernel/errors.js';
import { member } from './member.schema.js';

// How the audit log names the member module's actions and its records.

export const MEMBER_AUDIT_ACTIONS = {
  'member.create': { zh: '新增会员', en: 'Member added' },
  'member.join': { zh: '入会（申请已批准）', en: 'Member joined (request approved)' },
  'member.update': { zh: '编辑会员信息', en: 'Member edited' },
  'member.status': { zh: '变更会员状态', en: 'Member status changed' },
  'member.correct': { zh: '更正会员信息（已批准）', en: 'Member corrected (request approved)' },
  'member.reveal': { zh: '查看完整身份证号或手机号', en: 'Full ID number or phone revealed' },
  'member.export': { zh: '导出会员', en: 'Members exported' },
  'member.figures.export': { zh: '导出会员统计', en: 'Member figures exported' },
  'member.import': { zh: '批量导入会员', en: 'Members imported' },
  'member.link_account': { zh: '会员账号关联会员档案', en: 'Member account linked to a record' },
  'join.submit': { zh: '提交入会申请', en: 'Join request submitted' },
  'join.reject': { zh: '驳回入会申请', en: 'Join request rejected' },
  'transfer.request': { zh: '申请会员关系转接', en: 'Transfer requested' },
  'transfer.approve_out': { zh: '同意转出', en: 'Transfer approved by the sending union' },
  'transfer.approve_in': { zh: '同意转入', en: 'Transfer approved by the receiving union' },
  'transfer.reject': { zh: '驳回会员关系转接', en: 'Transfer rejected' },
  'correction.submit': { zh: '提交信息更正申请', en: 'Correction requested' },
  'correction.reject': { zh: '驳回信息更正申请', en: 'Correction rejected' },
} as const satisfies Record<string, Label>;

const numbered = (zh: string, en: string, link: string): AuditTargetKind => ({ label: { zh, en }, link: () => link });

export const MEMBER_AUDIT_TARGETS: Readonly<Record<string, AuditTargetKind>> = {
  // By name, as the roster shows it: in full with a link inside the reader's member scope,
  // masked (张*) and without a link outside it.
  member: {
    label: { zh: '会员', en: 'Member' },
    async describe(ids, { db, reader }) {
      const wanted = numericIds(ids);
      if (wanted.length === 0) return new Map();
      const found = await db
        .select({
          id: member.id,
          name: member.name,
          inScope: sql<boolean>`${orgCondition(reader, 'member:member:read', member.orgId)}`,
        })
        .from(member)
        .where(inArray(member.id, wanted));
      return new Map(
        found.map((m) => [
          String(m.id),
          m.inScope ? { label: m.name, link: `/members/${m.id}` } : { label: maskName(m.name), link: null },
        ]),
      );
    },
    // A member's full name or card number (exact), within the reader's member scope.
    async find(text, { db, reader }, limit) {
      const found = await db
        .select({ id: member.id })
        .from(member)
        .where(
          sql`${or(eq(member.name, text), eq(member.cardNo, text))} and ${orgCondition(reader, 'member:member:read', member.orgId)}`,
        )
        .limit(limit);
      return found.map((m) => String(m.id));
    },
  },
  join_request: numbered('入会申请', 'Join request', '/members/join-requests'),
  transfer: numbered('会员关系转接', 'Transfer', '/members/transfers'),
  correction: numbered('信息更正', 'Correction', '/members/corrections'),
};
