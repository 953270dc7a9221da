// Console copy of assistance programmes, records and small wishes (mirrors aid.zh-CN.ts).
export const aidEn = {
  menu: { programmes: 'Programmes and budgets', records: 'Assistance approvals', wishes: 'Small wishes' },
  kind: { winter_warmth: 'Winter warmth', education_aid: 'Education aid', medical_aid: 'Medical aid', festival: 'Festival visits', small_wish: 'Small wishes', other: 'Other' },
  state: { open: 'Open', closed: 'Closed', proposed: 'Proposed', approved: 'Approved', paid: 'Paid', rejected: 'Rejected', cancelled: 'Cancelled' },
  wishState: { submitted: 'To review', published: 'Open to claim', claimed: 'Claimed', fulfilled: 'Fulfilled', rejected: 'Declined', withdrawn: 'Withdrawn' },
  field: {
    name: 'Name', org: 'Org', year: 'Year', kind: 'Kind', budget: 'Budget', committed: 'Committed', paid: 'Paid', left: 'Left', pending: 'Pending',
    amount: 'Standard amount (yuan per household)', cap: 'Cap per household per year (yuan)', maxTimes: 'Times per household', member: 'Household', household: 'Union',
    form: 'Form', value: 'Amount', date: 'Date', proposer: 'Proposed by', decider: 'Decided by', title: 'Wish', story: 'Story', estimated: 'Value',
    poster: 'Posted by', donor: 'Donor', state: 'State', reason: 'Reason', note: 'Note', donorKind: 'Donor kind', donorName: 'Donor name',
  },
  form: { cash: 'Cash', goods: 'Goods' },
  donor: { org: 'Org', partner: 'Partner', member: 'Member' },
  action: {
    newProgramme: 'New programme', close: 'Close', reopen: 'Reopen', approve: 'Approve', reject: 'Reject', pay: 'Record payment', cancel: 'Cancel', export: 'Export ledger',
    publish: 'Publish', claim: 'Claim for a donor', fulfil: 'Record fulfilment', save: 'Save', cancelDialog: 'Cancel',
  },
  tab: { pending: 'Waiting for me', all: 'All records' },
  hint: { done: 'Done', reasonPrompt: 'Give a reason', notePrompt: 'How was it fulfilled?', donorPrompt: 'Donor name (org or partner)' },
};
