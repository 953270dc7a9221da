import type { qaZhCN } from './qa.zh-CN';

export const qaEn: typeof qaZhCN = {
  kind: { qa: 'Q&A', policy: 'Policy' },
  category: {
    labour_contract: 'Labour contracts', wages_hours: 'Wages and hours', social_insurance: 'Social insurance', work_injury: 'Work injury',
    union: 'Unions and membership', rights: 'Rights and legal aid', assistance: 'Assistance', new_employment: 'New forms of employment', other: 'Other',
  },
  status: { draft: 'Draft (to review)', published: 'Published', withdrawn: 'Withdrawn' },
  entry: {
    kind: 'Kind',
    q: 'Words in question or answer', org: 'Org', create: 'New entry', createTitle: 'New entry', editTitle: 'Edit entry', question: 'Question / title',
    answer: 'Answer / summary', source: 'Source', sourcePlaceholder: 'e.g. Work Injury Insurance Regulations, art. 18', effective: 'Effective',
    from: 'From', to: 'Until', editedBy: 'Last edited by', publishedBy: 'Published by', publish: 'Review and publish', withdraw: 'Withdraw',
    published: 'Published', withdrawn: 'Withdrawn', saved: 'Saved as a draft for review', publishConfirm: 'Publish “{q}”? Members can then find it.',
    withdrawConfirm: 'Withdraw “{q}”?', editPublishedHint: 'Editing a published entry takes it back to draft until a reviewer publishes it again.',
    ownEditHint: 'You cannot publish an entry you edited last (another reviewer must)', openEnded: 'Open-ended', updatedAt: 'Updated',
    tryTitle: 'Try a search', tryPlaceholder: 'A member\'s question, e.g. “工伤 材料”', tryEmpty: 'Nothing found',
  },
  voice: {
    kind: { suggestion: 'Suggestion', complaint: 'Complaint', request: 'Request' },
    status: { open: 'Awaiting reply', replied: 'Replied', closed: 'Closed' },
    q: 'Title or text', alerted: 'Raised an alert', anonymous: 'Anonymous worker', author: 'From', title: 'Title', content: 'Text', reply: 'Reply',
    replyPlaceholder: 'Your reply (the member sees it; published with the item)', sendReply: 'Send reply', replied: 'Reply sent', consent: 'May be published',
    noConsent: 'Not for publication', publish: 'Publish', unpublish: 'Unpublish', publishedTag: 'Published', close: 'Close', closed: 'Closed',
    closeConfirm: 'Close “{title}”?', toCase: 'Turn into a case', toCaseTitle: 'Turn “{title}” into a case', toCaseService: 'Service',
    caseCreated: 'Case opened', viewCase: 'Open the case', topics: 'Topics', org: 'Org', createdAt: 'Sent', detail: 'Voice item',
    nameHidden: 'The member chose not to show their name to staff', repliedBy: '{name}, {at}', published: 'Published', unpublished: 'Unpublished',
  },
  alert: {
    stats: 'Count', itemsCount: '{n} items',
    kind: { keyword: 'Keyword alert', trend: 'Trend alert' },
    status: { open: 'Open', acknowledged: 'Acknowledged', closed: 'Closed' },
    topics: 'Topics', keywords: 'Keywords', week: 'Week', count: '{n} this week', baseline: '8-week mean {n}', threshold: 'threshold {n}',
    items: 'Items behind it', acknowledge: 'Acknowledge', close: 'Close', note: 'Note', notePlaceholder: 'What was done', acknowledged: 'Acknowledged',
    closedOk: 'Closed', by: '{name} · {at}', manageTopics: 'Sensitive topics', topicName: 'Topic', topicKeywords: 'Keywords', topicActive: 'Active',
    topicInherited: 'Inherited from {org}', topicCreate: 'New topic', topicEdit: 'Edit topic', topicSaved: 'Topic saved',
    keywordsPlaceholder: 'Type a keyword and press Enter', org: 'Org', createdAt: 'Raised',
  },
};
