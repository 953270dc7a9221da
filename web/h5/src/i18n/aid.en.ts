import type { aidZhCN } from './aid.zh-CN';

export const aidEn: typeof aidZhCN = {
  entries: { wishes: 'Small wishes', assistance: 'My assistance' },
  wishState: { submitted: 'In review', published: 'Open', claimed: 'Claimed', fulfilled: 'Fulfilled', rejected: 'Declined', withdrawn: 'Withdrawn' },
  donor: { org: 'Organisation', partner: 'Partner', member: 'Member donor' },
  wishes: {
    title: 'Small wishes',
    board: 'Wish board', post: 'Make a wish', mine: 'My wishes',
    anonymous: 'Posted anonymously: the board never shows your name, phone or union, only your area. The union reviews the wish before it is published and may edit the text so that nobody can tell who you are.',
    titleLabel: 'Wish', titlePlaceholder: 'e.g. a desk lamp for my child', titleRequired: 'Write your wish in 2–40 characters',
    story: 'Story', storyPlaceholder: 'Why you need it (10–500 characters). Please leave out your name, phone, employer or anything that identifies you',
    storyRequired: 'Write 10–500 characters',
    estimated: 'Estimated value (yuan)', estimatedPlaceholder: '1–5000', estimatedRequired: 'Enter 1–5000 yuan',
    submit: 'Submit wish', submitted: 'Submitted: the union will review it and publish it anonymously',
    empty: 'No wishes yet', boardEmpty: 'No wishes on the board right now',
    all: 'All', toClaim: 'Open', claimed: 'Claimed', fulfilled: 'Fulfilled',
    area: 'Area', value: 'about {amount}', claim: 'Claim it', claimTitle: 'Claim this wish?',
    claimConfirm: 'The union will contact you to make "{title}" come true together.', claimedOk: 'Claimed. Thank you!', yours: 'My wish',
    donor: 'Claimed by: {name}', reviewNote: 'Union note: {note}', fulfilNote: 'Fulfilment: {note}', postedAt: 'Submitted {at}',
    withdraw: 'Withdraw', withdrawTitle: 'Withdraw this wish?', withdrawConfirm: 'It will be taken off the board and cannot be restored.', withdrawn: 'Withdrawn',
  },
  assistance: {
    title: 'My assistance', empty: 'No assistance recorded yet', intro: 'Assistance the union has given your household (approved and paid).',
    state: { approved: 'Approved, to be paid', paid: 'Paid' },
    kind: { winter_warmth: 'Winter warmth', education_aid: 'Education aid', medical_aid: 'Medical aid', festival: 'Festival greetings', small_wish: 'Small wish', other: 'Other assistance' },
    goods: 'Goods: {goods}', total: 'Total {amount}',
  },
};
