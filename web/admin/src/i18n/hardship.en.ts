import type { hardshipZhCN } from './hardship.zh-CN';

export const hardshipEn: typeof hardshipZhCN = {
  menu: { group: 'Hardship help', files: 'Hardship files', reviews: 'Yearly reviews', lines: 'Local lines', detail: 'File' },
  state: { draft: 'Draft', verifying: 'Verifying', filed: 'Filed', exited: 'Exited', closed: 'Closed' },
  category: { deep: 'Deep hardship', relative: 'Relative hardship', sudden: 'Sudden hardship' },
  cause: { serious_illness: 'Serious illness', disability: 'Disability', schooling: 'Children in school', single_parent: 'Single parent', unemployment: 'Unemployment', disaster: 'Disaster', accident: 'Accident', other: 'Other' },
  band: { below_minimum: 'Below the minimum-living line', below_low_income: 'Below the low-income line', above_low_income: 'Above the low-income line' },
  exitReason: { income_above_line: 'Income above the line', circumstances_changed: 'Circumstances improved', death: 'Death', moved_away: 'Moved away', other: 'Other' },
  event: {
    created: 'Draft created', updated: 'File edited', submitted: 'Submitted for verification', visited: 'Home visit recorded', filed: 'Filed', reviewed: 'Yearly review', exit: 'Exited', exited: 'Exited',
    reopened: 'Reopened', reentered: 'Re-entered after relapse', evidence: 'Evidence uploaded', closed: 'Consent withdrawn, file closed', purged: 'Sensitive data deleted',
  },
  source: { staff: 'Officer', candidate: 'Identification', case: 'Hardship-help case' },
  relation: { self: 'Self', spouse: 'Spouse', child: 'Child', parent: 'Parent', sibling: 'Sibling', grandchild: 'Grandchild', other: 'Other' },
  health: { healthy: 'Healthy', chronic: 'Chronic illness', serious_illness: 'Serious illness' },
  disability: { none: 'None', mild: 'Mild', severe: 'Severe' },
  field: {
    member: 'Member', org: 'Union', state: 'State', category: 'Category', causes: 'Causes', householdSize: 'Household', incomeBand: 'Income band',
    reviewDue: 'Review due', filedAt: 'Filed on', updatedAt: 'Updated', source: 'Source', q: 'Member name', overdueOnly: 'Overdue reviews only',
    name: 'Name', relation: 'Relation', age: 'Age', health: 'Health', disability: 'Disability', occupation: 'Occupation', monthlyIncome: 'Monthly income (yuan)',
    otherIncome: 'Other monthly income (yuan)', situation: 'Situation', incomePerHead: 'Monthly income per head', line: 'Lines applied', withinDays: 'Due within days',
    visitedOn: 'Visit date', notes: 'Findings', companions: 'Companions', note: 'Note', reason: 'Exit reason', monthsAboveLine: 'Months above the line', outcome: 'Outcome',
    minimumLiving: 'Minimum-living line (yuan/person/month)', lowIncome: 'Low-income line (yuan/person/month)', memberId: 'Member no.',
  },
  action: {
    open: 'New file', export: 'Export Excel', save: 'Save', submit: 'Submit for verification', visit: 'Record home visit', file: 'Verify and file', review: 'Yearly review', exit: 'Exit',
    reopen: 'Re-open', addEvidence: 'Upload evidence', addMember: 'Add member', remove: 'Remove', recordConsent: 'Record paper consent', clearLines: 'Use the parent\'s lines',
  },
  outcome: { keep: 'Keep', change_category: 'Change category', exit: 'Exit' },
  section: {
    basic: 'Basics', household: 'Household and incomes', visit: 'Home visit', evidence: 'Evidence', timeline: 'History', reviews: 'Reviews',
    assistance: 'Assistance', viewers: 'Viewed by', consent: 'Consent', files: 'Files',
  },
  hint: {
    yuan: 'yuan', perHead: 'yuan/person/month', overdue: 'Overdue', inherited: 'Inherited from {org}', own: 'Set by this org', none: 'No lines set here or above',
    allowed: 'Categories the income allows: {list}', noneAllowed: 'No category fits the income and causes yet', sensitive: 'This page holds income and health data; every view is recorded and shown to the member.',
    purge: 'Consent withdrawn; sensitive data will be deleted at {at}', watch: 'Watched for relapse until {date}', openHint: 'Enter the member no. (the number in the member page address). The member must have consented.',
    consentHint: 'Record a signed paper consent (version {version}); scope: collect household, income and health data, home visit, use for assistance.',
    dueHint: 'Filed files whose review falls due within {n} days, and overdue ones', empty: 'No files', saved: 'Saved', done: 'Done',
  },
  consentScope: { collect: 'Collect', verify: 'Verify', assist: 'Assist' },
};
