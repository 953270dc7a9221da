// Policy Q&A, the voice board and alerts.
import type { Messages } from '../../../../lib/i18n';

export default {
  qa: {
    kind: {
      qa: ['问答', 'Q&A'], policy: ['政策文件', 'Policy'],
    },
    category: {
      labour_contract: ['劳动合同', 'Labour contracts'], wages_hours: ['工资工时', 'Wages and hours'], social_insurance: ['社会保险', 'Social insurance'],
      work_injury: ['工伤', 'Work injury'], union: ['工会组织与会员', 'Unions and membership'], rights: ['维权与法律援助', 'Rights and legal aid'],
      assistance: ['帮扶救助', 'Assistance'], new_employment: ['新就业形态', 'New forms of employment'], other: ['其他', 'Other'],
    },
    status: {
      draft: ['草稿（待审核）', 'Draft (to review)'], published: ['已发布', 'Published'], withdrawn: ['已撤回', 'Withdrawn'],
    },
    entry: {
      kind: ['类型', 'Kind'], q: ['问题或答案中的文字', 'Words in question or answer'], org: ['组织', 'Org'], create: ['新建条目', 'New entry'],
      createTitle: ['新建知识条目', 'New entry'], editTitle: ['编辑知识条目', 'Edit entry'], question: ['问题 / 标题', 'Question / title'],
      answer: ['答案 / 摘要', 'Answer / summary'], source: ['出处', 'Source'],
      sourcePlaceholder: ['如《工伤保险条例》第十八条', 'e.g. Work Injury Insurance Regulations, art. 18'], effective: ['有效期', 'Effective'],
      from: ['生效日期', 'From'], to: ['失效日期', 'Until'], editedBy: ['最后编辑', 'Last edited by'], publishedBy: ['发布人', 'Published by'],
      publish: ['审核发布', 'Review and publish'], withdraw: ['撤回', 'Withdraw'], published: ['已发布', 'Published'], withdrawn: ['已撤回', 'Withdrawn'],
      saved: ['已保存为草稿，待审核发布', 'Saved as a draft for review'], publishConfirm: ['确定发布“{q}”吗？发布后职工即可搜到。', 'Publish “{q}”? Members can then find it.'],
      withdrawConfirm: ['确定撤回“{q}”吗？', 'Withdraw “{q}”?'],
      editPublishedHint: ['修改已发布的条目会使其回到草稿，需重新审核发布。', 'Editing a published entry takes it back to draft until a reviewer publishes it again.'],
      ownEditHint: ['不能发布自己最后编辑的条目（需另一位审核人）', 'You cannot publish an entry you edited last (another reviewer must)'],
      openEnded: ['长期有效', 'Open-ended'], updatedAt: ['更新时间', 'Updated'], tryTitle: ['检索测试', 'Try a search'],
      tryPlaceholder: ['输入职工可能的提问，如“工伤 材料”', 'A member\'s question, e.g. “工伤 材料”'], tryEmpty: ['没有搜到', 'Nothing found'],
    },
    voice: {
      kind: {
        suggestion: ['建议', 'Suggestion'], complaint: ['投诉', 'Complaint'], request: ['诉求', 'Request'],
      },
      status: {
        open: ['待回复', 'Awaiting reply'], replied: ['已回复', 'Replied'], closed: ['已办结', 'Closed'],
      },
      q: ['标题或内容', 'Title or text'], alerted: ['触发预警', 'Raised an alert'], anonymous: ['匿名职工', 'Anonymous worker'], author: ['署名', 'From'],
      title: ['标题', 'Title'], content: ['内容', 'Text'], reply: ['答复', 'Reply'],
      replyPlaceholder: ['答复内容（职工可见；公开时一并公开）', 'Your reply (the member sees it; published with the item)'], sendReply: ['发送答复', 'Send reply'],
      replied: ['已答复', 'Reply sent'], consent: ['同意公开', 'May be published'], noConsent: ['未同意公开', 'Not for publication'], publish: ['公开', 'Publish'],
      unpublish: ['取消公开', 'Unpublish'], publishedTag: ['已公开', 'Published'], close: ['办结', 'Close'], closed: ['已办结', 'Closed'],
      closeConfirm: ['确定办结“{title}”吗？', 'Close “{title}”?'], toCase: ['转为工单', 'Turn into a case'],
      toCaseTitle: ['将“{title}”转为服务工单', 'Turn “{title}” into a case'], toCaseService: ['服务事项', 'Service'], caseCreated: ['已生成工单', 'Case opened'],
      viewCase: ['查看工单', 'Open the case'], topics: ['命中话题', 'Topics'], org: ['组织', 'Org'], createdAt: ['提交时间', 'Sent'],
      detail: ['心声详情', 'Voice item'], nameHidden: ['职工未同意向工作人员显示姓名', 'The member chose not to show their name to staff'],
      repliedBy: ['{name} 于 {at} 答复', '{name}, {at}'], published: ['已公开', 'Published'], unpublished: ['已取消公开', 'Unpublished'],
    },
    alert: {
      stats: ['统计', 'Count'], itemsCount: ['{n} 条心声', '{n} items'],
      kind: {
        keyword: ['关键词预警', 'Keyword alert'], trend: ['趋势预警', 'Trend alert'],
      },
      status: {
        open: ['待处理', 'Open'], acknowledged: ['已确认', 'Acknowledged'], closed: ['已关闭', 'Closed'],
      },
      topics: ['话题', 'Topics'], keywords: ['关键词', 'Keywords'], week: ['周次', 'Week'], count: ['本周 {n} 件', '{n} this week'],
      baseline: ['近 8 周均值 {n}', '8-week mean {n}'], threshold: ['阈值 {n}', 'threshold {n}'], items: ['相关心声', 'Items behind it'],
      acknowledge: ['确认', 'Acknowledge'], close: ['关闭', 'Close'], note: ['处理说明', 'Note'], notePlaceholder: ['处理情况说明', 'What was done'],
      acknowledged: ['已确认', 'Acknowledged'], closedOk: ['已关闭', 'Closed'], by: ['{name} · {at}', '{name} · {at}'],
      manageTopics: ['敏感话题', 'Sensitive topics'], topicName: ['话题', 'Topic'], topicKeywords: ['关键词', 'Keywords'], topicActive: ['启用', 'Active'],
      topicInherited: ['继承自 {org}', 'Inherited from {org}'], topicCreate: ['新建话题', 'New topic'], topicEdit: ['编辑话题', 'Edit topic'],
      topicSaved: ['话题已保存', 'Topic saved'], keywordsPlaceholder: ['输入关键词后回车', 'Type a keyword and press Enter'], org: ['组织', 'Org'],
      createdAt: ['预警时间', 'Raised'],
    },
  },
} satisfies Messages;
