// Permissions are `module:entity:action`. Each module lists its own here when it is added; the
// built-in roles below are re-synced at every start so a new permission reaches them at once.
export const PERMISSIONS = {
  'org:org:read': { zh: '查看组织机构', en: 'View orgs' },
  'org:org:create': { zh: '新建下级组织', en: 'Create orgs' },
  'org:org:update': { zh: '编辑、关闭组织', en: 'Edit and close orgs' },
  'org:org:move': { zh: '调整组织隶属', en: 'Move orgs' },
  'org:org:delete': { zh: '删除空组织', en: 'Delete empty orgs' },
  'staff:account:read': { zh: '查看工作人员', en: 'View staff' },
  'staff:account:create': { zh: '新建工作人员', en: 'Create staff' },
  'staff:account:update': { zh: '编辑、停用、解锁工作人员', en: 'Edit, disable and unlock staff' },
  'staff:grant:manage': { zh: '授予和撤销角色', en: 'Grant and revoke roles' },
  'staff:role:manage': { zh: '管理角色设置', en: 'Manage role settings' },
  'member:member:read': { zh: '查看会员', en: 'View members' },
  'member:member:create': { zh: '新增会员', en: 'Add members' },
  'member:member:update': { zh: '编辑会员、变更状态', en: 'Edit members and their status' },
  'member:member:reveal': { zh: '查看完整身份证号和手机号', en: 'Reveal full ID numbers and phones' },
  'member:member:export': { zh: '导出会员', en: 'Export members' },
  'member:member:import': { zh: '批量导入会员', en: 'Import members' },
  'member:join:review': { zh: '审批入会申请和信息更正', en: 'Review join and correction requests' },
  'member:transfer:review': { zh: '审批会员关系转接', en: 'Review transfers' },
  'member:card:verify': { zh: '核验电子会员卡', en: 'Verify member cards' },
  'service:case:read': { zh: '查看服务工单和统计', en: 'View service cases and figures' },
  'service:case:handle': { zh: '登记、受理、办理、转办服务工单', en: 'Register, accept, handle and transfer cases' },
  'service:case:supervise': { zh: '督办、回访、设置 AB 岗', en: 'Supervise cases, call back, set AB posts' },
  'service:catalog:manage': { zh: '管理服务目录', en: 'Manage the service catalog' },
  'qa:entry:read': { zh: '查看政策知识库（含草稿）', en: 'View the knowledge base, drafts included' },
  'qa:entry:edit': { zh: '编辑政策知识库', en: 'Edit the knowledge base' },
  'qa:entry:publish': { zh: '审核发布政策知识库', en: 'Review and publish knowledge-base entries' },
  'voice:item:read': { zh: '查看职工心声', en: 'View worker voice items' },
  'voice:item:handle': { zh: '回复、公开、办结职工心声，转为工单', en: 'Reply to, publish, close voice items and turn them into cases' },
  'voice:alert:read': { zh: '查看舆情预警', en: 'View alerts' },
  'voice:alert:manage': { zh: '确认、关闭舆情预警', en: 'Acknowledge and close alerts' },
  'voice:topic:manage': { zh: '维护敏感词和话题', en: 'Maintain sensitive keywords and topics' },
  'assistance:file:read': { zh: '查看困难职工档案（含收入、健康等敏感信息）', en: 'View hardship files, sensitive data included' },
  'assistance:file:handle': { zh: '建档、核实、审核、退出困难职工档案', en: 'Create, verify, review and exit hardship files' },
  'assistance:line:manage': { zh: '设置当地最低生活保障和低收入标准', en: 'Set the local minimum-living and low-income lines' },
  'assistance:record:read': { zh: '查看帮扶项目、预算和帮扶记录', en: 'View assistance programmes, budgets and records' },
  'assistance:programme:manage': { zh: '设立、调整、关闭帮扶项目和预算', en: 'Create, change and close assistance programmes and budgets' },
  'assistance:record:propose': { zh: '提出帮扶（经办）', en: 'Propose assistance (handling officer)' },
  'assistance:record:approve': { zh: '审批帮扶（工会负责人）', en: 'Approve assistance (head of the org)' },
  'assistance:record:pay': { zh: '登记帮扶发放', en: 'Record assistance as paid' },
  'assistance:record:export': { zh: '导出帮扶台账', en: 'Export the assistance ledger' },
  'assistance:wish:manage': { zh: '审核、认领、登记微心愿', en: 'Review, claim and fulfil small wishes' },
  'assistance:identify:read': { zh: '查看精准识别名单及其依据', en: 'View the identification list and its reasons' },
  'assistance:identify:handle': { zh: '处理精准识别名单（核实建档、排除、安排走访）、登记会员困难情况', en: 'Work the identification list (verify, dismiss, assign visits) and record member situations' },
  'assistance:identify:rules': { zh: '设置精准识别规则', en: 'Tune the identification rules' },
  'audit:log:read': { zh: '查看操作日志', en: 'Read the audit log' },
  'audit:log:verify': { zh: '校验操作日志完整性', en: 'Verify the audit log' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type Permission = keyof typeof PERMISSIONS;

const ALL = Object.keys(PERMISSIONS) as Permission[];

export interface BuiltinRole {
  code: string;
  name: string;
  nameEn: string;
  permissions: Permission[];
}

// The people of PRODUCT.md §1 who use the admin console. Members and merchants are not staff.
export const BUILTIN_ROLES: BuiltinRole[] = [
  { code: 'sysadmin', name: '系统管理员', nameEn: 'Administrator', permissions: ALL },
  {
    code: 'federation_manager',
    name: '上级工会管理者',
    nameEn: 'Federation manager',
    permissions: [
      'org:org:read', 'org:org:create', 'org:org:update', 'org:org:move', 'org:org:delete',
      'staff:account:read', 'staff:account:create', 'staff:account:update', 'staff:grant:manage',
      'member:member:read', 'member:member:create', 'member:member:update', 'member:member:reveal', 'member:member:export',
      'member:member:import', 'member:join:review', 'member:transfer:review', 'member:card:verify',
      'service:case:read', 'service:case:handle', 'service:case:supervise', 'service:catalog:manage',
      'qa:entry:read', 'qa:entry:edit', 'qa:entry:publish', 'voice:item:read', 'voice:item:handle', 'voice:alert:read', 'voice:alert:manage', 'voice:topic:manage',
      'audit:log:read',
      'assistance:file:read', 'assistance:file:handle', 'assistance:line:manage',
      'assistance:record:read', 'assistance:programme:manage', 'assistance:record:propose', 'assistance:record:pay', 'assistance:record:export', 'assistance:wish:manage',
      'assistance:identify:read', 'assistance:identify:handle', 'assistance:identify:rules',
    ],
  },
  {
    code: 'grassroots_officer',
    name: '基层工会干部',
    nameEn: 'Grassroots officer',
    permissions: [
      'org:org:read', 'org:org:update', 'staff:account:read',
      'member:member:read', 'member:member:create', 'member:member:update', 'member:member:reveal', 'member:member:export',
      'member:member:import', 'member:join:review', 'member:transfer:review', 'member:card:verify',
      'service:case:read', 'service:case:handle', 'service:case:supervise', 'service:catalog:manage',
      'qa:entry:read', 'qa:entry:edit', 'voice:item:read', 'voice:item:handle', 'voice:alert:read', 'voice:alert:manage', 'voice:topic:manage',
      'assistance:file:read', 'assistance:file:handle', 'assistance:line:manage',
      'assistance:record:read', 'assistance:programme:manage', 'assistance:record:propose', 'assistance:record:pay', 'assistance:record:export', 'assistance:wish:manage',
      'assistance:identify:read', 'assistance:identify:handle', 'assistance:identify:rules',
    ],
  },
  {
    code: 'service_staff',
    name: '服务中心工作人员',
    nameEn: 'Service-center staff',
    permissions: ['org:org:read', 'member:member:read', 'member:card:verify', 'service:case:read', 'service:case:handle',
      'qa:entry:read', 'qa:entry:edit', 'voice:item:read', 'voice:item:handle', 'voice:alert:read', 'voice:alert:manage'],
  },
  {
    code: 'auditor',
    name: '审计员',
    nameEn: 'Auditor',
    permissions: ['org:org:read', 'staff:account:read', 'member:member:read', 'audit:log:read', 'audit:log:verify', 'service:case:read',
      'qa:entry:read', 'voice:item:read', 'voice:alert:read'],
  },
  // 工会负责人: approves assistance at the org of the grant (and below). Approval is kept apart from
  // proposing, so the handling officer → head chain needs two people (also a CHECK on aid_record).
  {
    code: 'org_head',
    name: '工会负责人',
    nameEn: 'Head of the union',
    permissions: ['org:org:read', 'member:member:read', 'assistance:record:read', 'assistance:record:approve', 'assistance:record:export', 'assistance:wish:manage'],
  },
];

// Permissions that show personal data in full or carry it out of the platform: full ID numbers and
// phones (reveal; the import's error file holds them too), exports, hardship files (income, health)
// and the identification list's reasons. In production whoever holds one must use an authenticator
// (totp.service.ts), so a role made later follows from what it can do, not from its name.
export const PERSONAL_DATA_PERMISSIONS: Permission[] = [
  'member:member:reveal', 'member:member:export', 'member:member:import',
  'assistance:file:read', 'assistance:record:export', 'assistance:identify:read',
];

export function isPermission(code: string): code is Permission {
  return code in PERMISSIONS;
}
