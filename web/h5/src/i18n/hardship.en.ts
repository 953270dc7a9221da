import type { hardshipZhCN } from './hardship.zh-CN';

export const hardshipEn: typeof hardshipZhCN = {
  entry: 'Hardship help',
  title: 'Hardship help',
  state: { draft: 'Being opened', verifying: 'Being verified', filed: 'On file', exited: 'Exited', closed: 'Closed' },
  category: { deep: 'Deep hardship', relative: 'Relative hardship', sudden: 'Sudden hardship' },
  noFile: 'You have no hardship file. If you are in difficulty, you can ask the union for help.',
  apply: 'Apply for hardship help',
  file: 'My file', org: 'Kept by', filedAt: 'Filed on', reviewDue: 'Next review', watchUntil: 'Followed up until', purgeAt: 'Sensitive data deleted at',
  assistance: 'Assistance received', noAssistance: 'No assistance yet', viewers: 'Who viewed my file', times: '{n} times', noViewers: 'No views yet',
  consent: 'Consent',
  consentText: 'To keep a hardship file the union collects your household\'s incomes, health and disability details and may visit your home. The data is encrypted, only the union staff who handle hardship can see it, and every view is shown to you here. You can withdraw at any time: the file closes and the sensitive data is deleted after {days} days (the assistance ledger keeps only what was given).',
  scope: { collect: 'Collect household, income and health data', verify: 'Home visit', assist: 'Use for assistance' },
  give: 'I consent', given: 'Given on {at} ({via})', via: { member: 'online', staff: 'signed paper form' },
  withdraw: 'Withdraw consent', withdrawConfirm: 'Your hardship file will close and its sensitive data be deleted after {days} days. Withdraw?', withdrawn: 'Consent withdrawn',
  consented: 'Consent recorded',
  updateScope: 'Update what I agree to', scopeUpdated: 'What you agree to is updated',
};
