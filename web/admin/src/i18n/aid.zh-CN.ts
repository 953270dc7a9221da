// Console copy of assistance programmes, records and 微心愿. aid.en.ts mirrors it.
export const aidZhCN = {
  menu: { programmes: '帮扶项目与预算', records: '帮扶审批', wishes: '微心愿' },
  kind: { winter_warmth: '送温暖', education_aid: '金秋助学', medical_aid: '医疗救助', festival: '节日慰问', small_wish: '微心愿', other: '其他' },
  state: { open: '进行中', closed: '已关闭', proposed: '待审批', approved: '已审批', paid: '已发放', rejected: '未通过', cancelled: '已撤销' },
  wishState: { submitted: '待审核', published: '待认领', claimed: '已认领', fulfilled: '已实现', rejected: '未通过', withdrawn: '已撤回' },
  field: {
    name: '项目名称', org: '所属组织', year: '年度', kind: '类别', budget: '预算', committed: '已承诺', paid: '已发放', left: '余额', pending: '待审批',
    amount: '标准金额（元/户）', cap: '每户年度上限（元）', maxTimes: '每户次数上限', member: '帮扶对象', household: '所在工会', form: '形式', value: '金额',
    date: '日期', proposer: '经办人', decider: '审批人', title: '心愿', story: '心愿故事', estimated: '估值', poster: '发布人', donor: '认领方', state: '状态',
    reason: '原因', note: '说明', donorKind: '认领方类型', donorName: '认领方名称',
  },
  form: { cash: '现金', goods: '物品' },
  donor: { org: '组织', partner: '合作单位', member: '爱心会员' },
  action: {
    newProgramme: '新建项目', close: '关闭', reopen: '重新开放', approve: '批准', reject: '不予批准', pay: '登记发放', cancel: '撤销', export: '导出台账',
    publish: '审核发布', claim: '代为认领', fulfil: '登记实现', save: '保存', cancelDialog: '取消',
  },
  tab: { pending: '待我审批', all: '全部记录' },
  category: { deep: '深度困难', relative: '相对困难', sudden: '意外致困' },
  propose: {
    action: '提出帮扶', title: '提出帮扶', household: '帮扶对象', householdPlaceholder: '输入姓名查找已建档困难职工', programme: '帮扶项目',
    programmePlaceholder: '选择服务该户的进行中项目', noProgramme: '没有服务该户所在工会的进行中项目', left: '余额 {amount}',
    budgetLine: '预算 {budget}，已承诺 {committed}，待审批 {pending}，余额 {left}',
    standard: '标准 {amount}/户', noStandard: '无标准金额，请填写', eligible: '适用类别：{list}', allCategories: '适用全部类别',
    capLine: '该户本年度在此项目已获 {used}（{times} 次），上限 {cap}，还可 {remaining}', noCap: '该户本年度在此项目已获 {used}（{times} 次），无金额上限',
    maxTimes: '，次数上限 {n} 次', amount: '金额（元）', goods: '物品', goodsPlaceholder: '如：米面油一套', givenOn: '发放日期', note: '备注',
    notePlaceholder: '可不填；不要写收入、病情等敏感信息', submit: '提交审批', done: '已提交，等待工会负责人审批',
    needHousehold: '请选择帮扶对象', needProgramme: '请选择帮扶项目', needAmount: '请填写金额', needGoods: '请填写物品',
    overStandard: '不能超过标准金额', overCap: '超过该户剩余上限', overLeft: '超过项目余额',
  },
  hint: { done: '已完成', reasonPrompt: '请填写原因', notePrompt: '请填写实现情况', donorPrompt: '认领方名称（组织或合作单位）' },
};
