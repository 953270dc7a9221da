// Hardship files, reviews and poverty lines.
import type { Messages } from '../../../../lib/i18n';

export default {
  hardship: {
    menu: {
      group: ['困难帮扶', 'Hardship help'], files: ['困难职工档案', 'Hardship files'], reviews: ['年度复核', 'Yearly reviews'], lines: ['当地保障标准', 'Local lines'],
      detail: ['档案详情', 'File'],
    },
    state: {
      draft: ['草稿', 'Draft'], verifying: ['核实中', 'Verifying'], filed: ['在档', 'Filed'], exited: ['已退出', 'Exited'], closed: ['已关闭', 'Closed'],
    },
    category: {
      deep: ['深度困难', 'Deep hardship'], relative: ['相对困难', 'Relative hardship'], sudden: ['意外致困', 'Sudden hardship'],
    },
    cause: {
      serious_illness: ['患大病', 'Serious illness'], disability: ['残疾', 'Disability'], schooling: ['子女就学', 'Children in school'],
      single_parent: ['单亲', 'Single parent'], unemployment: ['失业下岗', 'Unemployment'], disaster: ['因灾', 'Disaster'], accident: ['意外事故', 'Accident'],
      other: ['其他', 'Other'],
    },
    band: {
      below_minimum: ['低于最低生活保障标准', 'Below the minimum-living line'], below_low_income: ['低于低收入标准', 'Below the low-income line'],
      above_low_income: ['高于低收入标准', 'Above the low-income line'],
    },
    exitReason: {
      income_above_line: ['收入连续超过标准', 'Income above the line'], circumstances_changed: ['家庭情况好转', 'Circumstances improved'],
      death: ['本人去世', 'Death'], moved_away: ['迁出本地', 'Moved away'], other: ['其他', 'Other'],
    },
    event: {
      created: ['建立草稿', 'Draft created'], updated: ['修改档案', 'File edited'], submitted: ['提交核实', 'Submitted for verification'],
      visited: ['入户核实', 'Home visit recorded'], filed: ['核实建档', 'Filed'], reviewed: ['年度复核', 'Yearly review'], exit: ['退出', 'Exited'],
      exited: ['退出', 'Exited'], reopened: ['重新建档', 'Reopened'], reentered: ['返困重新建档', 'Re-entered after relapse'],
      evidence: ['上传证明材料', 'Evidence uploaded'], closed: ['撤回授权，档案关闭', 'Consent withdrawn, file closed'],
      purged: ['敏感信息已删除', 'Sensitive data deleted'],
    },
    source: {
      staff: ['工作人员建档', 'Officer'], candidate: ['精准识别', 'Identification'], case: ['帮扶救助工单', 'Hardship-help case'],
    },
    relation: {
      self: ['本人', 'Self'], spouse: ['配偶', 'Spouse'], child: ['子女', 'Child'], parent: ['父母', 'Parent'], sibling: ['兄弟姐妹', 'Sibling'],
      grandchild: ['孙辈', 'Grandchild'], other: ['其他', 'Other'],
    },
    health: {
      healthy: ['健康', 'Healthy'], chronic: ['慢性病', 'Chronic illness'], serious_illness: ['大病', 'Serious illness'],
    },
    disability: {
      none: ['无', 'None'], mild: ['轻度', 'Mild'], severe: ['重度', 'Severe'],
    },
    field: {
      member: ['职工', 'Member'], org: ['所属工会', 'Union'], state: ['状态', 'State'], category: ['困难类别', 'Category'], causes: ['致困原因', 'Causes'],
      householdSize: ['家庭人口', 'Household'], incomeBand: ['收入档次', 'Income band'], reviewDue: ['复核到期', 'Review due'], filedAt: ['建档日期', 'Filed on'],
      updatedAt: ['更新时间', 'Updated'], source: ['来源', 'Source'], q: ['职工姓名', 'Member name'], overdueOnly: ['只看复核超期', 'Overdue reviews only'],
      name: ['姓名', 'Name'], relation: ['关系', 'Relation'], age: ['年龄', 'Age'], health: ['健康状况', 'Health'], disability: ['残疾', 'Disability'],
      occupation: ['职业', 'Occupation'], monthlyIncome: ['月收入（元）', 'Monthly income (yuan)'], otherIncome: ['其他月收入（元）', 'Other monthly income (yuan)'],
      situation: ['困难情况说明', 'Situation'], incomePerHead: ['家庭月人均收入', 'Monthly income per head'], line: ['适用标准', 'Lines applied'],
      withinDays: ['到期天数内', 'Due within days'], visitedOn: ['核实日期', 'Visit date'], notes: ['核实情况', 'Findings'], companions: ['同行人员', 'Companions'],
      note: ['备注', 'Note'], reason: ['退出原因', 'Exit reason'], monthsAboveLine: ['超过标准月数', 'Months above the line'], outcome: ['复核结论', 'Outcome'],
      minimumLiving: ['最低生活保障标准（元/人·月）', 'Minimum-living line (yuan/person/month)'],
      lowIncome: ['低收入标准（元/人·月）', 'Low-income line (yuan/person/month)'], memberId: ['会员编号', 'Member no.'],
    },
    action: {
      open: ['新建档案', 'New file'], export: ['导出 Excel', 'Export Excel'], save: ['保存', 'Save'], submit: ['提交核实', 'Submit for verification'],
      visit: ['记录入户核实', 'Record home visit'], file: ['核实通过并建档', 'Verify and file'], review: ['年度复核', 'Yearly review'], exit: ['退出', 'Exit'],
      reopen: ['重新建档', 'Re-open'], addEvidence: ['上传证明材料', 'Upload evidence'], addMember: ['添加家庭成员', 'Add member'], remove: ['移除', 'Remove'],
      recordConsent: ['登记纸质同意书', 'Record paper consent'], clearLines: ['改用上级标准', 'Use the parent\'s lines'],
    },
    outcome: {
      keep: ['继续保留', 'Keep'], change_category: ['调整类别', 'Change category'], exit: ['退出', 'Exit'],
    },
    section: {
      basic: ['基本信息', 'Basics'], household: ['家庭成员及收入', 'Household and incomes'], visit: ['入户核实', 'Home visit'], evidence: ['证明材料', 'Evidence'],
      timeline: ['档案记录', 'History'], reviews: ['复核记录', 'Reviews'], assistance: ['帮扶记录', 'Assistance'], viewers: ['查看记录', 'Viewed by'],
      consent: ['本人同意', 'Consent'], files: ['历次档案', 'Files'],
    },
    hint: {
      yuan: ['元', 'yuan'], perHead: ['元/人·月', 'yuan/person/month'], overdue: ['已超期', 'Overdue'],
      inherited: ['沿用上级“{org}”的标准', 'Inherited from {org}'], own: ['本组织自定标准', 'Set by this org'],
      none: ['本组织及上级均未设置标准', 'No lines set here or above'], allowed: ['按当前收入可选类别：{list}', 'Categories the income allows: {list}'],
      noneAllowed: ['按当前收入和致困原因，暂不符合任何类别', 'No category fits the income and causes yet'],
      sensitive: ['本页含收入、健康等敏感信息，每次查看都会被记录并告知职工本人。', 'This page holds income and health data; every view is recorded and shown to the member.'],
      purge: ['职工已撤回同意，敏感信息将于 {at} 删除', 'Consent withdrawn; sensitive data will be deleted at {at}'],
      watch: ['防止返困观察至 {date}', 'Watched for relapse until {date}'],
      openHint: ['请输入会员编号（会员详情页地址中的数字）。建档前须已有职工本人同意。', 'Enter the member no. (the number in the member page address). The member must have consented.'],
      consentHint: ['按职工签字的纸质同意书（{version} 版）登记，范围：收集家庭与收入健康信息、入户核实、用于帮扶救助。', 'Record a signed paper consent (version {version}); scope: collect household, income and health data, home visit, use for assistance.'],
      dueHint: ['在档档案复核到期前 {n} 天内及已超期的档案', 'Filed files whose review falls due within {n} days, and overdue ones'], empty: ['暂无档案', 'No files'],
      saved: ['已保存', 'Saved'], done: ['已完成', 'Done'],
    },
    consentScope: {
      collect: ['收集信息', 'Collect'], verify: ['入户核实', 'Verify'], assist: ['用于帮扶', 'Assist'],
    },
  },
} satisfies Messages;
