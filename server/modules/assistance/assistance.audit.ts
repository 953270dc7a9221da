import type { AuditTargetKind } from '../../kernel/audit-labels.js';
import type { Label } from '../../kernel/errors.js';

// How the audit log names the assistance module's actions and its records. Hardship records are
// named by number only: the audit log's readers need not hold assistance:file:read, and a name
// beside 困难档案 would tell them who is in hardship.

export const ASSISTANCE_AUDIT_ACTIONS = {
  'hardship.created': { zh: '新建困难职工档案', en: 'Hardship file opened' },
  'hardship.reopened': { zh: '重新打开困难职工档案', en: 'Hardship file reopened' },
  'hardship.updated': { zh: '编辑困难职工档案', en: 'Hardship file edited' },
  'hardship.submitted': { zh: '提交核实', en: 'Hardship file submitted for verification' },
  'hardship.visited': { zh: '登记入户核实', en: 'Home visit recorded' },
  'hardship.figures.export': { zh: '导出帮扶统计', en: 'Hardship figures exported' },
  'hardship.filed': { zh: '审核建档', en: 'Hardship file filed' },
  'hardship.reviewed': { zh: '年度复核', en: 'Hardship file reviewed' },
  'hardship.exited': { zh: '退出困难职工档案', en: 'Hardship file exited' },
  'hardship.reentered': { zh: '返困重新建档', en: 'Hardship file re-entered' },
  'hardship.closed': { zh: '关闭困难职工档案', en: 'Hardship file closed' },
  'hardship.evidence': { zh: '上传证明材料', en: 'Evidence uploaded' },
  'hardship.purged': { zh: '清除档案敏感信息', en: 'Sensitive data purged' },
  'hardship.view': { zh: '查看困难职工档案', en: 'Hardship file viewed' },
  'hardship.export': { zh: '导出困难职工档案', en: 'Hardship files exported' },
  'hardship.evidence.download': { zh: '下载证明材料', en: 'Evidence downloaded' },
  'hardship.consent.give': { zh: '签署授权同意', en: 'Consent given' },
  'hardship.consent.withdraw': { zh: '撤回授权同意', en: 'Consent withdrawn' },
  'hardship.line.set': { zh: '设置当地保障标准', en: 'Local line set' },
  'hardship.line.clear': { zh: '清除当地保障标准', en: 'Local line cleared' },
  'aid.programme.create': { zh: '设立帮扶项目', en: 'Assistance programme created' },
  'aid.programme.update': { zh: '调整帮扶项目', en: 'Assistance programme changed' },
  'aid.programme.close': { zh: '关闭帮扶项目', en: 'Assistance programme closed' },
  'aid.programme.reopen': { zh: '重新开放帮扶项目', en: 'Assistance programme reopened' },
  'aid.record.propose': { zh: '提出帮扶', en: 'Assistance proposed' },
  'aid.record.approve': { zh: '批准帮扶', en: 'Assistance approved' },
  'aid.record.reject': { zh: '驳回帮扶', en: 'Assistance rejected' },
  'aid.record.pay': { zh: '登记帮扶发放', en: 'Assistance paid' },
  'aid.record.cancel': { zh: '撤销帮扶', en: 'Assistance cancelled' },
  'aid.record.export': { zh: '导出帮扶台账', en: 'Assistance ledger exported' },
  'aid.record.export.reveal': { zh: '导出帮扶台账（含完整信息）', en: 'Assistance ledger exported unmasked' },
  'aid.wish.post': { zh: '发布微心愿', en: 'Wish posted' },
  'aid.wish.withdraw': { zh: '撤回微心愿', en: 'Wish withdrawn' },
  'aid.wish.publish': { zh: '审核公开微心愿', en: 'Wish published' },
  'aid.wish.reject': { zh: '驳回微心愿', en: 'Wish rejected' },
  'aid.wish.claim': { zh: '认领微心愿', en: 'Wish claimed' },
  'aid.wish.fulfil': { zh: '微心愿已实现', en: 'Wish fulfilled' },
  'identify.recompute': { zh: '重新计算精准识别名单', en: 'Identification list recomputed' },
  'identify.rules.update': { zh: '修改精准识别规则', en: 'Identification rules changed' },
  'identify.verify': { zh: '精准识别核实建档', en: 'Candidate verified' },
  'identify.dismiss': { zh: '精准识别排除', en: 'Candidate dismissed' },
  'identify.visit.assign': { zh: '安排走访', en: 'Visit assigned' },
  'member_situation.create': { zh: '登记会员困难情况', en: 'Member situation recorded' },
  'member_situation.update': { zh: '更新会员困难情况', en: 'Member situation updated' },
  'member_situation.view': { zh: '查看会员困难情况', en: 'Member situation viewed' },
} as const satisfies Record<string, Label>;

const numbered = (zh: string, en: string, link?: (id: string) => string): AuditTargetKind => ({
  label: { zh, en },
  ...(link ? { link } : {}),
});

export const ASSISTANCE_AUDIT_TARGETS: Readonly<Record<string, AuditTargetKind>> = {
  hardship_file: numbered('困难职工档案', 'Hardship file', (id) => `/hardship/files/${id}`),
  hardship_consent: numbered('授权同意', 'Consent'),
  hardship_evidence: numbered('证明材料', 'Evidence'),
  hardship_line: numbered('保障标准', 'Local line', () => '/hardship/lines'),
  aid_programme: numbered('帮扶项目', 'Assistance programme', () => '/assistance/programmes'),
  aid_record: numbered('帮扶记录', 'Assistance record', () => '/assistance/records'),
  aid_wish: numbered('微心愿', 'Wish', () => '/assistance/wishes'),
};
