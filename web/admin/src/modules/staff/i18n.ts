// Staff accounts, their grants and the roles.
import type { Messages } from '../../../../lib/i18n';

export default {
  staff: {
    tab: {
      staff: ['工作人员', 'Staff'], roles: ['角色', 'Roles'],
    },
    field: {
      username: ['用户名', 'Username'], displayName: ['姓名', 'Name'], phone: ['手机号', 'Phone'], org: ['所属组织', 'Home org'], status: ['状态', 'Status'],
      totp: ['动态口令', 'Authenticator'], lastLoginAt: ['最近登录', 'Last sign-in'], createdAt: ['创建时间', 'Created'], password: ['初始密码', 'Initial password'],
      newPassword: ['新密码', 'New password'], lockedUntil: ['锁定至', 'Locked until'],
    },
    status: {
      active: ['启用', 'Enabled'], disabled: ['停用', 'Disabled'],
    },
    qPlaceholder: ['用户名、姓名或手机号', 'Username, name or phone'], orgFilter: ['组织（含下级）', 'Org (with subtree)'], statusFilter: ['状态', 'Status'],
    create: ['新建工作人员', 'New staff'], createTitle: ['新建工作人员', 'New staff account'], editTitle: ['编辑工作人员', 'Edit staff account'],
    resetPassword: ['重置密码', 'Reset password'], resetTitle: ['重置“{name}”的密码', 'Reset the password of “{name}”'], unlock: ['解锁', 'Unlock'],
    locked: ['已锁定', 'Locked'], grants: ['授权', 'Grants'], grantCount: ['{n} 项授权', '{n} grants'], addGrant: ['添加授权', 'Add grant'],
    revoke: ['撤销', 'Revoke'], grantRole: ['角色', 'Role'], grantOrg: ['授权组织', 'Org'],
    grantScope: ['可管理该组织及其全部下级', 'Reaches the org and its whole subtree'], grantedAt: ['授权时间', 'Granted'],
    confirmRevoke: ['确定撤销“{org}”的“{role}”授权吗？', 'Revoke “{role} at {org}”?'], created: ['工作人员已创建', 'Staff account created'],
    updated: ['已保存', 'Saved'], passwordReset: ['密码已重置', 'Password reset'], unlocked: ['账号已解锁', 'Account unlocked'],
    grantAdded: ['授权已添加', 'Grant added'], grantRevoked: ['授权已撤销', 'Grant revoked'], noGrants: ['尚无授权', 'No grants yet'],
    phonePlaceholder: ['11 位手机号，可不填', '11-digit mobile, optional'],
    passwordHint: ['至少 8 位，含大写字母、小写字母、数字、符号中的三类，避免常见词和键盘顺序', 'At least 8 characters, three of upper case, lower case, digits and symbols; no common words or keyboard runs'],
    disableHint: ['停用后该账号将立即退出并不能登录', 'A disabled account is signed out at once and cannot sign in'],
  },
  role: {
    code: ['角色代码', 'Code'], name: ['角色名称', 'Role'], permissions: ['权限', 'Permissions'], mfaRequired: ['须启用动态口令', 'Authenticator required'],
    builtin: ['内置', 'Built-in'], custom: ['自定义', 'Custom'], mfaOn: ['已要求“{name}”启用动态口令', '“{name}” now requires an authenticator'],
    mfaOff: ['已取消“{name}”的动态口令要求', '“{name}” no longer requires an authenticator'],
  },
} satisfies Messages;
