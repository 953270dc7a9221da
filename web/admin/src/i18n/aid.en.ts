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
  category: { deep: 'Deep hardship', relative: 'Relative hardship', sudden: 'Sudden hardship' },
  propose: {
    action: 'Propose assistance', title: 'Propose assistance', household: 'Household', householdPlaceholder: 'Type a name to find a filed household', programme: 'Programme',
    programmePlaceholder: 'An open programme serving this household', noProgramme: "No open programme serves this household's union", left: 'left {amount}',
    budgetLine: 'Budget {budget}, committed {committed}, pending {pending}, left {left}',
    standard: 'Standard {amount} per household', noStandard: 'No standard amount: enter one', eligible: 'Eligible: {list}', allCategories: 'All categories eligible',
    capLine: 'This household has {used} from the programme this year ({times} times); cap {cap}, {remaining} remaining', noCap: 'This household has {used} from the programme this year ({times} times); no cap',
    maxTimes: '; at most {n} times', amount: 'Amount (yuan)', goods: 'Goods', goodsPlaceholder: 'e.g. rice, flour and oil', givenOn: 'Date given', note: 'Note',
    notePlaceholder: 'Optional; no income, health or other sensitive details', submit: 'Submit for approval', done: 'Submitted: waiting for the head of the union',
    needHousehold: 'Choose a household', needProgramme: 'Choose a programme', needAmount: 'Enter an amount', needGoods: 'Describe the goods',
    overStandard: 'More than the standard amount', overCap: "More than the household's remaining cap", overLeft: "More than the programme's budget left",
  },
  hint: { done: 'Done', reasonPrompt: 'Give a reason', notePrompt: 'How was it fulfilled?', donorPrompt: 'Donor name (org or partner)' },
};
