import { isPermission, permissionCatalogue } from '../../kernel/access.js';
import type { Permission } from '../../kernel/access.js';

// Permissions are `module:entity:action`, declared by each module in its manifest (the catalogue
// is kernel/access.ts's, filled from MODULES); the built-in roles below are re-synced at every
// start so a new permission reaches them at once.
export type { Permission };
export { permissionCatalogue };

export interface BuiltinRole {
  code: string;
  name: string;
  nameEn: string;
  permissions: Permission[];
}

// The people of PRODUCT.md §1 who use the admin console. Members and merchants are not staff.
export const BUILTIN_ROLES: BuiltinRole[] = [
  {
    code: 'sysadmin',
    name: '系统管理员',
    nameEn: 'Administrator',
    get permissions() {
      return [...permissionCatalogue().keys()].filter(isPermission);
    },
  },
  {
    code: 'federation_manager',
    name: '上级工会管理者',
    nameEn: 'Federation manager',
    permissions: [
      'org:org:read',
      'org:org:create',
      'org:org:update',
      'org:org:move',
      'org:org:delete',
      'staff:account:read',
      'staff:account:create',
      'staff:account:update',
      'staff:grant:manage',
      'member:member:read',
      'member:member:create',
      'member:member:update',
      'member:member:reveal',
      'member:member:export',
      'member:member:import',
      'member:join:review',
      'member:transfer:review',
      'member:card:verify',
      'service:case:read',
      'service:case:handle',
      'service:case:supervise',
      'service:catalog:manage',
      'qa:entry:read',
      'qa:entry:edit',
      'qa:entry:publish',
      'voice:item:read',
      'voice:item:handle',
      'voice:alert:read',
      'voice:alert:manage',
      'voice:topic:manage',
      'audit:log:read',
      'assistance:file:read',
      'assistance:file:handle',
      'assistance:line:manage',
      'assistance:record:read',
      'assistance:programme:manage',
      'assistance:record:propose',
      'assistance:record:pay',
      'assistance:record:export',
      'assistance:wish:manage',
      'assistance:identify:read',
      'assistance:identify:handle',
      'assistance:identify:rules',
      'member:figures:read',
      'assistance:figures:read',
      'merchant:merchant:read',
      'merchant:merchant:manage',
      'merchant:merchant:supervise',
      'voucher:campaign:read',
      'voucher:campaign:manage',
      'voucher:settlement:read',
      'voucher:settlement:approve',
      'congress:congress:read',
      'congress:congress:manage',
      'congress:proposal:handle',
    ],
  },
  {
    code: 'grassroots_officer',
    name: '基层工会干部',
    nameEn: 'Grassroots officer',
    permissions: [
      'org:org:read',
      'org:org:update',
      'staff:account:read',
      'member:member:read',
      'member:member:create',
      'member:member:update',
      'member:member:reveal',
      'member:member:export',
      'member:member:import',
      'member:join:review',
      'member:transfer:review',
      'member:card:verify',
      'service:case:read',
      'service:case:handle',
      'service:case:supervise',
      'service:catalog:manage',
      'qa:entry:read',
      'qa:entry:edit',
      'voice:item:read',
      'voice:item:handle',
      'voice:alert:read',
      'voice:alert:manage',
      'voice:topic:manage',
      'assistance:file:read',
      'assistance:file:handle',
      'assistance:line:manage',
      'assistance:record:read',
      'assistance:programme:manage',
      'assistance:record:propose',
      'assistance:record:pay',
      'assistance:record:export',
      'assistance:wish:manage',
      'assistance:identify:read',
      'assistance:identify:handle',
      'assistance:identify:rules',
      'member:figures:read',
      'assistance:figures:read',
      'merchant:merchant:read',
      'congress:congress:read',
      'congress:congress:manage',
      'congress:proposal:handle',
    ],
  },
  {
    code: 'service_staff',
    name: '服务中心工作人员',
    nameEn: 'Service-center staff',
    permissions: [
      'org:org:read',
      'member:member:read',
      'member:card:verify',
      'service:case:read',
      'service:case:handle',
      'qa:entry:read',
      'qa:entry:edit',
      'voice:item:read',
      'voice:item:handle',
      'voice:alert:read',
      'voice:alert:manage',
    ],
  },
  {
    code: 'auditor',
    name: '审计员',
    nameEn: 'Auditor',
    permissions: [
      'org:org:read',
      'staff:account:read',
      'member:member:read',
      'audit:log:read',
      'audit:log:verify',
      'service:case:read',
      'qa:entry:read',
      'voice:item:read',
      'voice:alert:read',
      'congress:congress:read',
    ],
  },
  // 工会负责人: approves assistance at the org of the grant (and below). Approval is kept apart from
  // proposing, so the handling officer → head chain needs two people (also a CHECK on aid_record).
  {
    code: 'org_head',
    name: '工会负责人',
    nameEn: 'Head of the union',
    permissions: [
      'org:org:read',
      'member:member:read',
      'assistance:record:read',
      'assistance:record:approve',
      'assistance:record:export',
      'assistance:wish:manage',
      'member:figures:read',
      'assistance:figures:read',
      'congress:congress:read',
    ],
  },
];

// Permissions that show personal data in full or carry it out of the platform: full ID numbers and
// phones (reveal; the import's error file holds them too), exports, hardship files (income, health)
// and the identification list's reasons. In production whoever holds one must use an authenticator
// (totp.service.ts), so a role made later follows from what it can do, not from its name.
export const PERSONAL_DATA_PERMISSIONS: Permission[] = [
  'member:member:reveal',
  'member:member:export',
  'member:member:import',
  'assistance:file:read',
  'assistance:record:export',
  'assistance:identify:read',
];
