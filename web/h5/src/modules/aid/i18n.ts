// 微心愿 and the assistance received.
import type { Messages } from '../../../../lib/i18n';

export default {
  aid: {
    entries: {
      wishes: ['微心愿', 'Small wishes'], assistance: ['我的帮扶', 'My assistance'],
    },
    wishState: {
      submitted: ['待审核', 'In review'], published: ['待认领', 'Open'], claimed: ['已认领', 'Claimed'], fulfilled: ['已实现', 'Fulfilled'],
      rejected: ['未通过', 'Declined'], withdrawn: ['已撤回', 'Withdrawn'],
    },
    donor: {
      org: ['组织', 'Organisation'], partner: ['爱心单位', 'Partner'], member: ['爱心会员', 'Member donor'],
    },
    wishes: {
      title: ['微心愿', 'Small wishes'], board: ['心愿墙', 'Wish board'], post: ['许个心愿', 'Make a wish'], mine: ['我的心愿', 'My wishes'],
      anonymous: ['匿名发布：心愿墙上不显示您的姓名、电话和所在工会，只显示所在地区。工会审核后发布，必要时会帮您修改文字以免透露身份。', 'Posted anonymously: the board never shows your name, phone or union, only your area. The union reviews the wish before it is published and may edit the text so that nobody can tell who you are.'],
      titleLabel: ['心愿', 'Wish'], titlePlaceholder: ['如：给孩子买一台学习用的台灯', 'e.g. a desk lamp for my child'],
      titleRequired: ['请用 2～40 个字写下心愿', 'Write your wish in 2–40 characters'], story: ['心愿故事', 'Story'],
      storyPlaceholder: ['说说为什么需要它（10～500 字），请不要写姓名、电话、单位等能认出您的信息', 'Why you need it (10–500 characters). Please leave out your name, phone, employer or anything that identifies you'],
      storyRequired: ['请写 10～500 个字', 'Write 10–500 characters'], estimated: ['估计金额（元）', 'Estimated value (yuan)'],
      estimatedPlaceholder: ['1～5000', '1–5000'], estimatedRequired: ['请填写 1～5000 元', 'Enter 1–5000 yuan'], submit: ['提交心愿', 'Submit wish'],
      submitted: ['心愿已提交，工会审核后会匿名发布', 'Submitted: the union will review it and publish it anonymously'], empty: ['还没有心愿', 'No wishes yet'],
      boardEmpty: ['心愿墙上暂时没有心愿', 'No wishes on the board right now'], all: ['全部', 'All'], toClaim: ['待认领', 'Open'], claimed: ['已认领', 'Claimed'],
      fulfilled: ['已实现', 'Fulfilled'], area: ['地区', 'Area'], value: ['约 {amount}', 'about {amount}'], claim: ['我来认领', 'Claim it'],
      claimTitle: ['认领这个心愿？', 'Claim this wish?'],
      claimConfirm: ['认领后，工会会联系您一起帮助实现“{title}”。', 'The union will contact you to make "{title}" come true together.'],
      claimedOk: ['认领成功，谢谢您的爱心！', 'Claimed. Thank you!'], yours: ['我的心愿', 'My wish'], donor: ['认领方：{name}', 'Claimed by: {name}'],
      reviewNote: ['工会说明：{note}', 'Union note: {note}'], fulfilNote: ['实现情况：{note}', 'Fulfilment: {note}'], postedAt: ['提交于 {at}', 'Submitted {at}'],
      withdraw: ['撤回', 'Withdraw'], withdrawTitle: ['撤回这个心愿？', 'Withdraw this wish?'],
      withdrawConfirm: ['撤回后心愿墙上不再显示，不能恢复。', 'It will be taken off the board and cannot be restored.'], withdrawn: ['已撤回', 'Withdrawn'],
    },
    assistance: {
      title: ['我的帮扶', 'My assistance'], empty: ['还没有帮扶记录', 'No assistance recorded yet'],
      intro: ['工会给予您家庭的帮扶（已审批和已发放的）。', 'Assistance the union has given your household (approved and paid).'],
      state: {
        approved: ['已审批，待发放', 'Approved, to be paid'], paid: ['已发放', 'Paid'],
      },
      kind: {
        winter_warmth: ['送温暖', 'Winter warmth'], education_aid: ['金秋助学', 'Education aid'], medical_aid: ['医疗救助', 'Medical aid'],
        festival: ['节日慰问', 'Festival greetings'], small_wish: ['微心愿', 'Small wish'], other: ['其他帮扶', 'Other assistance'],
      },
      goods: ['物品：{goods}', 'Goods: {goods}'], total: ['合计 {amount}', 'Total {amount}'],
    },
  },
} satisfies Messages;
