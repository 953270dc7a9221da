// 精准识别 (assistance/identify) — console copy.
export const identifyZhCN = {
  menu: { candidates: '精准识别', rules: '识别规则' },
  rule: {
    aid_cases: '多次医疗/帮扶求助', low_income_job: '低收入新就业形态且有赡养负担', work_injury: '工伤纠纷', disability: '残疾',
    single_parent_disaster: '单亲或因灾', income_below_line: '收入低于当地标准', relapse: '退出后返困迹象',
  },
  param: {
    minCases: '最少工单数', jobTypes: '就业形态', minDependants: '最少赡养/抚养人数', line: '比较标准',
    minimum_living: '最低生活保障标准', low_income: '低收入标准',
  },
  field: {
    name: '姓名', org: '所属工会', idNumber: '身份证号', phone: '手机号', jobType: '就业形态', score: '得分', reasons: '识别依据', visit: '走访',
    rule: '规则', minScore: '最低得分', enabled: '启用', weight: '权重', params: '阈值', source: '来源', computedAt: '计算时间',
    reason: '排除原因', assignee: '走访人员', dueDate: '走访期限', note: '走访说明',
    disability: '残疾', dependants: '赡养/抚养人数', incomePerHead: '家庭月人均收入（元）', singleParent: '单亲', disaster: '因灾致困', situationNote: '备注',
    updated: '最后更新',
  },
  action: {
    recompute: '重新计算', verify: '核实建档', dismiss: '排除', visit: '安排走访', dryRun: '试运行', save: '保存规则', reset: '恢复继承',
    edit: '编辑', filter: '查询', show: '查看', recordConsent: '已有本人签字同意书，登记并建档',
  },
  hint: {
    list: '名单由规则对会员库和服务工单计算得出，仅列出尚无在档困难档案的会员；信息脱敏程度与会员花名册相同。',
    running: '正在计算…{done}/{total}', done: '计算完成：{n} 名候选', failed: '计算失败',
    verified: '已建立草稿档案', dismissed: '已排除，六个月内不再显示（出现新证据除外）', visitAssigned: '已安排走访',
    noConsent: '该会员尚未同意建立困难档案。请会员在“镇工惠”H5 上同意；或已取得本人签字的书面同意书的，可在此登记后建档。',
    dismissHint: '排除后六个月内不再显示；若出现新的识别依据（新的规则命中或工单数增加）会重新出现。',
    own: '本级设置', inherited: '继承自 {org}', defaults: '系统默认',
    rulesHint: '本级未设置的规则沿用上级或系统默认。保存前可先试运行，查看各规则将命中的人数。',
    dryRunSaved: '现行规则', dryRunProposed: '调整后', total: '合计命中人数',
    situation: '困难情况（敏感信息，加密保存；每次查看均记录日志）', noSituation: '尚未登记',
  },
  yuan: '{n} 元',
};
