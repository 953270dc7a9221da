import { and, eq, inArray, or } from 'drizzle-orm';
import { numericIds, type AuditTargetKind } from '../../kernel/audit-labels.js';
import type { Label } from '../../kernel/errors.js';
import { account, role } from './auth.schema.js';

// How the audit log names the auth module's actions and its records.

export const AUTH_AUDIT_ACTIONS = {
  'auth.login': { zh: '登录', en: 'Signed in' },
  'auth.login_failed': { zh: '登录失败', en: 'Sign-in failed' },
  'auth.login_refused_locked': { zh: '登录被拒（账号已锁定）', en: 'Sign-in refused: account locked' },
  'auth.login_refused_disabled': { zh: '登录被拒（账号已停用）', en: 'Sign-in refused: account disabled' },
  'auth.lockout': { zh: '账号因多次失败被锁定', en: 'Account locked after failures' },
  'auth.logout': { zh: '退出登录', en: 'Signed out' },
  'auth.otp_sent': { zh: '发送登录验证码', en: 'Sign-in code sent' },
  'auth.password_change': { zh: '修改本人密码', en: 'Own password changed' },
  'auth.totp_setup': { zh: '开始绑定身份验证器', en: 'Authenticator set-up started' },
  'auth.totp_enable': { zh: '启用身份验证器', en: 'Authenticator enabled' },
  'auth.totp_disable': { zh: '停用身份验证器', en: 'Authenticator disabled' },
  'auth.totp_ok': { zh: '身份验证器校验通过', en: 'Authenticator code accepted' },
  'auth.totp_failed': { zh: '身份验证器校验失败', en: 'Authenticator code refused' },
  'account.create': { zh: '创建会员账号', en: 'Member account created' },
  'staff.create': { zh: '新建工作人员', en: 'Staff account created' },
  'staff.update': { zh: '编辑工作人员', en: 'Staff account edited' },
  'staff.disable': { zh: '停用工作人员', en: 'Staff account disabled' },
  'staff.enable': { zh: '启用工作人员', en: 'Staff account enabled' },
  'staff.password_reset': { zh: '重置工作人员密码', en: 'Staff password reset' },
  'staff.unlock': { zh: '解锁工作人员', en: 'Staff account unlocked' },
  'grant.create': { zh: '授予角色', en: 'Role granted' },
  'grant.delete': { zh: '撤销角色', en: 'Role revoked' },
  'role.update': { zh: '修改角色设置', en: 'Role settings changed' },
} as const satisfies Record<string, Label>;

export const AUTH_AUDIT_TARGETS: Readonly<Record<string, AuditTargetKind>> = {
  // Staff by display name (the audit log's operator column is named through this too); a member
  // account by its display name as well (set from the member's name or the phone's last digits).
  account: {
    label: { zh: '账号', en: 'Account' },
    async describe(ids, { db }) {
      const wanted = numericIds(ids);
      if (wanted.length === 0) return new Map();
      const found = await db
        .select({ id: account.id, kind: account.kind, name: account.displayName })
        .from(account)
        .where(inArray(account.id, wanted));
      return new Map(found.map((a) => [String(a.id), { label: a.name, link: a.kind === 'staff' ? '/staff' : null }]));
    },
    // A staff member by login or display name (exact): the audit log's operator filter.
    async find(text, { db }, limit) {
      const found = await db
        .select({ id: account.id })
        .from(account)
        .where(and(eq(account.kind, 'staff'), or(eq(account.username, text), eq(account.displayName, text))))
        .limit(limit);
      return found.map((a) => String(a.id));
    },
  },
  role: {
    label: { zh: '角色', en: 'Role' },
    async describe(ids, { db }) {
      if (ids.length === 0) return new Map();
      const found = await db
        .select({ code: role.code, name: role.name })
        .from(role)
        .where(inArray(role.code, [...ids]));
      return new Map(found.map((r) => [r.code, { label: r.name, link: '/staff' }]));
    },
  },
};
