// Assistance programmes, records and 微心愿.
import type { Messages } from '../../../../lib/i18n';

export default {
  aid: {
    menu: {
      programmes: ['帮扶项目与预算', 'Programmes and budgets'], records: ['帮扶审批', 'Assistance approvals'], wishes: ['微心愿', 'Small wishes'],
    },
    kind: {
      winter_warmth: ['送温暖', 'Winter warmth'], education_aid: ['金秋助学', 'Education aid'], medical_aid: ['医疗救助', 'Medical aid'],
      festival: ['节日慰问', 'Festival visits'], small_wish: ['微心愿', 'Small wishes'], other: ['其他', 'Other'],
    },
    state: {
      open: ['进行中', 'Open'], closed: ['已关闭', 'Closed'], proposed: ['待审批', 'Proposed'], approved: ['已审批', 'Approved'], paid: ['已发放', 'Paid'],
      rejected: ['未通过', 'Rejected'], cancelled: ['已撤销', 'Cancelled'],
    },
    wishState: {
      submitted: ['待审核', 'To review'], published: ['待认领', 'Open to claim'], claimed: ['已认领', 'Claimed'], fulfilled: ['已实现', 'Fulfilled'],
      rejected: ['未通过', 'Declined'], withdrawn: ['已撤回', 'Withdrawn'],
    },
    field: {
      name: ['项目名称', 'Name'], org: ['所属组织', 'Org'], year: ['年度', 'Year'], kind: ['类别', 'Kind'], budget: ['预算', 'Budget'],
      committed: ['已承诺', 'Committed'], paid: ['已发放', 'Paid'], left: ['余额', 'Left'], pending: ['待审批', 'Pending'],
      amount: ['标准金额（元/户）', 'Standard amount (yuan per household)'], cap: ['每户年度上限（元）', 'Cap per household per year (yuan)'],
      maxTimes: ['每户次数上限', 'Times per household'], member: ['帮扶对象', 'Household'], household: ['所在工会', 'Union'], form: ['形式', 'Form'],
      value: ['金额', 'Amount'], date: ['日期', 'Date'], proposer: ['经办人', 'Proposed by'], decider: ['审批人', 'Decided by'], title: ['心愿', 'Wish'],
      story: ['心愿故事', 'Story'], estimated: ['估值', 'Value'], poster: ['发布人', 'Posted by'], donor: ['认领方', 'Donor'], state: ['状态', 'State'],
      reason: ['原因', 'Reason'], note: ['说明', 'Note'], donorKind: ['认领方类型', 'Donor kind'], donorName: ['认领方名称', 'Donor name'],
    },
    form: {
      cash: ['现金', 'Cash'], goods: ['物品', 'Goods'],
    },
    donor: {
      org: ['组织', 'Org'], partner: ['合作单位', 'Partner'], member: ['爱心会员', 'Member'],
    },
    action: {
      newProgramme: ['新建项目', 'New programme'], close: ['关闭', 'Close'], reopen: ['重新开放', 'Reopen'], approve: ['批准', 'Approve'],
      reject: ['不予批准', 'Reject'], pay: ['登记发放', 'Record payment'], cancel: ['撤销', 'Cancel'], export: ['导出台账', 'Export ledger'],
      publish: ['审核发布', 'Publish'], claim: ['代为认领', 'Claim for a donor'], fulfil: ['登记实现', 'Record fulfilment'], save: ['保存', 'Save'],
      cancelDialog: ['取消', 'Cancel'],
    },
    tab: {
      pending: ['待我审批', 'Waiting for me'], all: ['全部记录', 'All records'],
    },
    category: {
      deep: ['深度困难', 'Deep hardship'], relative: ['相对困难', 'Relative hardship'], sudden: ['意外致困', 'Sudden hardship'],
    },
    propose: {
      action: ['提出帮扶', 'Propose assistance'], title: ['提出帮扶', 'Propose assistance'], household: ['帮扶对象', 'Household'],
      householdPlaceholder: ['输入姓名查找已建档困难职工', 'Type a name to find a filed household'], programme: ['帮扶项目', 'Programme'],
      programmePlaceholder: ['选择服务该户的进行中项目', 'An open programme serving this household'],
      noProgramme: ['没有服务该户所在工会的进行中项目', 'No open programme serves this household\'s union'], left: ['余额 {amount}', 'left {amount}'],
      budgetLine: ['预算 {budget}，已承诺 {committed}，待审批 {pending}，余额 {left}', 'Budget {budget}, committed {committed}, pending {pending}, left {left}'],
      standard: ['标准 {amount}/户', 'Standard {amount} per household'], noStandard: ['无标准金额，请填写', 'No standard amount: enter one'],
      eligible: ['适用类别：{list}', 'Eligible: {list}'], allCategories: ['适用全部类别', 'All categories eligible'],
      capLine: ['该户本年度在此项目已获 {used}（{times} 次），上限 {cap}，还可 {remaining}', 'This household has {used} from the programme this year ({times} times); cap {cap}, {remaining} remaining'],
      noCap: ['该户本年度在此项目已获 {used}（{times} 次），无金额上限', 'This household has {used} from the programme this year ({times} times); no cap'],
      maxTimes: ['，次数上限 {n} 次', '; at most {n} times'], amount: ['金额（元）', 'Amount (yuan)'], goods: ['物品', 'Goods'],
      goodsPlaceholder: ['如：米面油一套', 'e.g. rice, flour and oil'], givenOn: ['发放日期', 'Date given'], note: ['备注', 'Note'],
      notePlaceholder: ['可不填；不要写收入、病情等敏感信息', 'Optional; no income, health or other sensitive details'], submit: ['提交审批', 'Submit for approval'],
      done: ['已提交，等待工会负责人审批', 'Submitted: waiting for the head of the union'], needHousehold: ['请选择帮扶对象', 'Choose a household'],
      needProgramme: ['请选择帮扶项目', 'Choose a programme'], needAmount: ['请填写金额', 'Enter an amount'], needGoods: ['请填写物品', 'Describe the goods'],
      overStandard: ['不能超过标准金额', 'More than the standard amount'], overCap: ['超过该户剩余上限', 'More than the household\'s remaining cap'],
      overLeft: ['超过项目余额', 'More than the programme\'s budget left'],
    },
    hint: {
      done: ['已完成', 'Done'], reasonPrompt: ['请填写原因', 'Give a reason'], notePrompt: ['请填写实现情况', 'How was it fulfilled?'],
      donorPrompt: ['认领方名称（组织或合作单位）', 'Donor name (org or partner)'],
    },
  },
} satisfies Messages;
