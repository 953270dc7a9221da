import type { identifyZhCN } from './identify.zh-CN';

export const identifyEn: typeof identifyZhCN = {
  menu: { candidates: 'Identification', rules: 'Identification rules' },
  rule: {
    aid_cases: 'Repeated medical/hardship requests', low_income_job: 'Low-income new employment with dependants', work_injury: 'Work-injury dispute', disability: 'Disability',
    single_parent_disaster: 'Single parent or disaster', income_below_line: 'Income below the local line', relapse: 'Signs of relapse after exit',
  },
  param: {
    minCases: 'Minimum cases', jobTypes: 'Job types', minDependants: 'Minimum dependants', line: 'Line',
    minimum_living: 'Minimum living line', low_income: 'Low-income line',
  },
  field: {
    name: 'Name', org: 'Union', idNumber: 'ID number', phone: 'Phone', jobType: 'Job type', score: 'Score', reasons: 'Reasons', visit: 'Visit',
    rule: 'Rule', minScore: 'Min. score', enabled: 'On', weight: 'Weight', params: 'Thresholds', source: 'Source', computedAt: 'Computed',
    reason: 'Reason', assignee: 'Visitor', dueDate: 'Due date', note: 'Instructions',
    disability: 'Disability', dependants: 'Dependants', incomePerHead: 'Income per head per month (yuan)', singleParent: 'Single parent', disaster: 'Hit by disaster', situationNote: 'Note',
    updated: 'Last updated',
  },
  action: {
    recompute: 'Recompute', verify: 'Verify (open file)', dismiss: 'Dismiss', visit: 'Assign visit', dryRun: 'Dry run', save: 'Save rules', reset: 'Inherit again',
    edit: 'Edit', filter: 'Search', show: 'Show', recordConsent: 'Signed form on hand: record consent and open',
  },
  hint: {
    list: 'Computed by the rules over the registry and the service cases; only members without a current hardship file; masked as the member roster is.',
    running: 'Computing… {done}/{total}', done: 'Done: {n} candidates', failed: 'The recompute failed',
    verified: 'A draft file was opened', dismissed: 'Dismissed: hidden for six months unless new evidence appears', visitAssigned: 'Visit assigned',
    noConsent: 'The member has not consented to a hardship file. Ask them to consent on the H5, or, with their signed paper form on hand, record it here and open the file.',
    dismissHint: 'Hidden for six months; shown again if new evidence appears (a new rule fires or a case count grows).',
    own: 'Set here', inherited: 'Inherited from {org}', defaults: 'Default',
    rulesHint: 'Rules not set here follow the parent org or the defaults. Dry-run first to see how many members each rule would flag.',
    dryRunSaved: 'Saved rules', dryRunProposed: 'With changes', total: 'Members flagged',
    situation: 'Situation (sensitive, encrypted; every view is logged)', noSituation: 'Not recorded',
  },
  yuan: '{n} yuan',
};
