// Console copy of hardship files (困难职工档案). hardship.en.ts mirrors it.
export const hardshipZhCN = {
  menu: { group: '困难帮扶', files: '困难职工档案', reviews: '年度复核', lines: '当地保障标准', detail: '档案详情' },
  state: { draft: '草稿', verifying: '核实中', filed: '在档', exited: '已退出', closed: '已关闭' },
  category: { deep: '深度困难', relative: '相对困难', sudden: '意外致困' },
  cause: { serious_illness: '患大病', disability: '残疾', schooling: '子女就学', single_parent: '单亲', unemployment: '失业下岗', disaster: '因灾', accident: '意外事故', other: '其他' },
  band: { below_minimum: '低于最低生活保障标准', below_low_income: '低于低收入标准', above_low_income: '高于低收入标准' },
  exitReason: { income_above_line: '收入连续超过标准', circumstances_changed: '家庭情况好转', death: '本人去世', moved_away: '迁出本地', other: '其他' },
  event: {
    created: '建立草稿', updated: '修改档案', submitted: '提交核实', visited: '入户核实', filed: '核实建档', reviewed: '年度复核', exit: '退出', exited: '退出',
    reopened: '重新建档', reentered: '返困重新建档', evidence: '上传证明材料', closed: '撤回授权，档案关闭', purged: '敏感信息已删除',
  },
  source: { staff: '工作人员建档', candidate: '精准识别', case: '帮扶救助工单' },
  relation: { self: '本人', spouse: '配偶', child: '子女', parent: '父母', sibling: '兄弟姐妹', grandchild: '孙辈', other: '其他' },
  health: { healthy: '健康', chronic: '慢性病', serious_illness: '大病' },
  disability: { none: '无', mild: '轻度', severe: '重度' },
  field: {
    member: '职工', org: '所属工会', state: '状态', category: '困难类别', causes: '致困原因', householdSize: '家庭人口', incomeBand: '收入档次',
    reviewDue: '复核到期', filedAt: '建档日期', updatedAt: '更新时间', source: '来源', q: '职工姓名', overdueOnly: '只看复核超期',
    name: '姓名', relation: '关系', age: '年龄', health: '健康状况', disability: '残疾', occupation: '职业', monthlyIncome: '月收入（元）',
    otherIncome: '其他月收入（元）', situation: '困难情况说明', incomePerHead: '家庭月人均收入', line: '适用标准', withinDays: '到期天数内',
    visitedOn: '核实日期', notes: '核实情况', companions: '同行人员', note: '备注', reason: '退出原因', monthsAboveLine: '超过标准月数', outcome: '复核结论',
    minimumLiving: '最低生活保障标准（元/人·月）', lowIncome: '低收入标准（元/人·月）', memberId: '会员编号',
  },
  action: {
    open: '新建档案', export: '导出 Excel', save: '保存', submit: '提交核实', visit: '记录入户核实', file: '核实通过并建档', review: '年度复核', exit: '退出',
    reopen: '重新建档', addEvidence: '上传证明材料', addMember: '添加家庭成员', remove: '移除', recordConsent: '登记纸质同意书', clearLines: '改用上级标准',
  },
  outcome: { keep: '继续保留', change_category: '调整类别', exit: '退出' },
  section: {
    basic: '基本信息', household: '家庭成员及收入', visit: '入户核实', evidence: '证明材料', timeline: '档案记录', reviews: '复核记录',
    assistance: '帮扶记录', viewers: '查看记录', consent: '本人同意', files: '历次档案',
  },
  hint: {
    yuan: '元', perHead: '元/人·月', overdue: '已超期', inherited: '沿用上级“{org}”的标准', own: '本组织自定标准', none: '本组织及上级均未设置标准',
    allowed: '按当前收入可选类别：{list}', noneAllowed: '按当前收入和致困原因，暂不符合任何类别', sensitive: '本页含收入、健康等敏感信息，每次查看都会被记录并告知职工本人。',
    purge: '职工已撤回同意，敏感信息将于 {at} 删除', watch: '防止返困观察至 {date}', openHint: '请输入会员编号（会员详情页地址中的数字）。建档前须已有职工本人同意。',
    consentHint: '按职工签字的纸质同意书（{version} 版）登记，范围：收集家庭与收入健康信息、入户核实、用于帮扶救助。',
    dueHint: '在档档案复核到期前 {n} 天内及已超期的档案', empty: '暂无档案', saved: '已保存', done: '已完成',
  },
  consentScope: { collect: '收集信息', verify: '入户核实', assist: '用于帮扶' },
};
