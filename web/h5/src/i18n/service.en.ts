import type { serviceZhCN } from './service.zh-CN';

export const serviceEn: typeof serviceZhCN = {
  entries: { services: 'Services', cases: 'My cases', inbox: 'Messages', voice: 'Worker voice', policy: 'Policy Q&A' },
  category: {
    legal_aid: 'Legal aid', hardship_help: 'Hardship help', counselling: 'Counselling', health_check: 'Health check', recuperation: 'Recuperation',
    education: 'Education', travel: 'Travel', policy: 'Policy questions',
  },
  state: {
    submitted: 'Submitted', accepted: 'Accepted', in_progress: 'In progress', resolved: 'Resolved', rejected: 'Rejected', withdrawn: 'Withdrawn',
    transferred: 'Transferred',
  },
  rating: { satisfied: 'Satisfied', basically_satisfied: 'Mostly satisfied', dissatisfied: 'Dissatisfied' },
  timeline: {
    submitted: 'Submitted', accepted: 'Accepted', started: 'Work started', resolved: 'Resolved', rejected: 'Rejected', withdrawn: 'Withdrawn',
    transferred: 'Passed on', assigned: 'Handler assigned', covered: 'Handler assigned', returned: 'Handler assigned', reopened: 'Reopened',
    rated: 'Rated', note: 'Update', attachment: 'Document added', overdue: 'Past the deadline',
  },
  services: {
    title: 'Services', empty: 'Your union offers no services yet', deadline: 'Handled within {n} working days', membersOnly: 'Members',
    ineligible: { members_only: 'For union members only', job_type: 'Not offered for your kind of work' }, apply: 'Apply', myCases: 'My cases',
  },
  apply: {
    title: 'Apply', submit: 'Submit', submitted: 'Application sent', note: 'Anything else', notePlaceholder: 'Optional',
    required: 'Please fill in {field}', choose: 'Choose', chooseDate: 'Choose a date', upload: 'Add a document', uploading: 'Uploading…',
    fileHint: 'JPG, PNG, WebP or PDF, up to 10 MB each', tooLarge: 'The file is larger than 10 MB', badType: 'Only JPG, PNG, WebP or PDF',
    notNumber: 'Enter a number', deadline: 'Handled by {org} within {n} working days', privacy: 'What you enter is stored encrypted and seen only by the staff handling it.',
  },
  cases: {
    title: 'My cases', empty: 'No cases yet', apply: 'Find a service', due: 'Due {at}', all: 'All', open: 'Open', done: 'Finished',
    toRate: 'To rate',
  },
  case: {
    title: 'Case', form: 'Your application', progress: 'Progress', resolution: 'Result', rejectReason: 'Reason', handledBy: 'Handled by',
    rate: 'Rate this service', rateHint: 'Your rating helps us do better', comment: 'Comment (optional)', submitRating: 'Send rating',
    rated: 'Thank you for your rating', dissatisfiedHint: '“Dissatisfied” reopens the case for a second handling under a supervisor.',
    yourRating: 'Your rating', withdraw: 'Withdraw', withdrawConfirm: 'Withdraw this application?', withdrawn: 'Withdrawn',
    reopen: 'Ask to reopen', reopenReason: 'Why it should be reopened', reopened: 'Reopened', reasonRequired: 'Please give a reason',
    addFile: 'Add a document', uploaded: 'Document added', channel: 'via {channel}', noFiles: 'None',
  },
  channel: { online: 'online', counter: 'counter', phone: 'phone' },
  inbox: { title: 'Messages', empty: 'No messages', readAll: 'Mark all read', unread: '{n} unread', openCase: 'Open the case' },
  voice: {
    title: 'Worker voice', write: 'Write to the union', kind: { suggestion: 'Suggestion', complaint: 'Complaint', request: 'Request' },
    status: { open: 'Awaiting reply', replied: 'Replied', closed: 'Closed' }, kindLabel: 'Kind', titleLabel: 'Title',
    titlePlaceholder: 'In a few words (2–60)', content: 'Text', contentPlaceholder: 'Tell us more (5–2000 characters)',
    showName: 'Show my name to staff', showNameHint: 'Off: the staff handling it cannot see who you are. Anything published is always anonymous.',
    publishConsent: 'May be published', publishConsentHint: 'The union may publish this with its answer, without your name',
    submit: 'Send', submitted: 'Sent. The union will reply soon.', mine: 'What I wrote', empty: 'Nothing yet', reply: 'The union\'s reply',
    published: 'Published', titleRequired: 'Title: 2–60 characters', contentRequired: 'Text: 5–2000 characters', consentOn: 'Publication allowed',
    consentOff: 'Publication no longer allowed', toCase: 'Now a case', anonymous: 'Anonymous',
  },
  policy: {
    title: 'Policy Q&A', placeholder: 'Ask, e.g. “工伤认定要什么材料”', search: 'Search', tokens: 'Searched for: ', empty: 'No matching answer',
    ask: 'Ask the union', askHint: 'No answer? Send your question to the union and staff will reply.', askPlaceholder: 'Your question',
    asked: 'Question sent. Follow it under “My cases”.', source: 'Source: {source}', hot: 'Common questions', more: 'More', less: 'Less',
    askRequired: 'Please write your question (at least 5 characters)', viewCase: 'Open the case',
  },
  policyCategory: {
    labour_contract: 'Labour contracts', wages_hours: 'Wages and hours', social_insurance: 'Social insurance', work_injury: 'Work injury',
    union: 'Unions and membership', rights: 'Rights and legal aid', assistance: 'Assistance', new_employment: 'New forms of employment', other: 'Other',
  },
};
