// Console copy of the knowledge base, the voice board and the alert board. qa.en.ts mirrors it.
export const qaZhCN = {
  kind: { qa: '问答', policy: '政策文件' },
  category: {
    labour_contract: '劳动合同', wages_hours: '工资工时', social_insurance: '社会保险', work_injury: '工伤', union: '工会组织与会员',
    rights: '维权与法律援助', assistance: '帮扶救助', new_employment: '新就业形态', other: '其他',
  },
  status: { draft: '草稿（待审核）', published: '已发布', withdrawn: '已撤回' },
  entry: {
    kind: '类型',
    q: '问题或答案中的文字', org: '组织', create: '新建条目', createTitle: '新建知识条目', editTitle: '编辑知识条目', question: '问题 / 标题',
    answer: '答案 / 摘要', source: '出处', sourcePlaceholder: '如《工伤保险条例》第十八条', effective: '有效期', from: '生效日期', to: '失效日期',
    editedBy: '最后编辑', publishedBy: '发布人', publish: '审核发布', withdraw: '撤回', published: '已发布', withdrawn: '已撤回',
    saved: '已保存为草稿，待审核发布', publishConfirm: '确定发布“{q}”吗？发布后职工即可搜到。', withdrawConfirm: '确定撤回“{q}”吗？',
    editPublishedHint: '修改已发布的条目会使其回到草稿，需重新审核发布。', ownEditHint: '不能发布自己最后编辑的条目（需另一位审核人）',
    openEnded: '长期有效', updatedAt: '更新时间', tryTitle: '检索测试', tryPlaceholder: '输入职工可能的提问，如“工伤 材料”', tryEmpty: '没有搜到',
  },
  voice: {
    kind: { suggestion: '建议', complaint: '投诉', request: '诉求' },
    status: { open: '待回复', replied: '已回复', closed: '已办结' },
    q: '标题或内容', alerted: '触发预警', anonymous: '匿名职工', author: '署名', title: '标题', content: '内容', reply: '答复',
    replyPlaceholder: '答复内容（职工可见；公开时一并公开）', sendReply: '发送答复', replied: '已答复', consent: '同意公开',
    noConsent: '未同意公开', publish: '公开', unpublish: '取消公开', publishedTag: '已公开', close: '办结', closed: '已办结',
    closeConfirm: '确定办结“{title}”吗？', toCase: '转为工单', toCaseTitle: '将“{title}”转为服务工单', toCaseService: '服务事项',
    caseCreated: '已生成工单', viewCase: '查看工单', topics: '命中话题', org: '组织', createdAt: '提交时间', detail: '心声详情',
    nameHidden: '职工未同意向工作人员显示姓名', repliedBy: '{name} 于 {at} 答复', published: '已公开', unpublished: '已取消公开',
  },
  alert: {
    stats: '统计', itemsCount: '{n} 条心声',
    kind: { keyword: '关键词预警', trend: '趋势预警' },
    status: { open: '待处理', acknowledged: '已确认', closed: '已关闭' },
    topics: '话题', keywords: '关键词', week: '周次', count: '本周 {n} 件', baseline: '近 8 周均值 {n}', threshold: '阈值 {n}',
    items: '相关心声', acknowledge: '确认', close: '关闭', note: '处理说明', notePlaceholder: '处理情况说明', acknowledged: '已确认',
    closedOk: '已关闭', by: '{name} · {at}', manageTopics: '敏感话题', topicName: '话题', topicKeywords: '关键词', topicActive: '启用',
    topicInherited: '继承自 {org}', topicCreate: '新建话题', topicEdit: '编辑话题', topicSaved: '话题已保存', keywordsPlaceholder: '输入关键词后回车',
    org: '组织', createdAt: '预警时间',
  },
};
