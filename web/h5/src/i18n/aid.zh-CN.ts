// H5 copy of 微心愿 and 我的帮扶. aid.en.ts mirrors it.
export const aidZhCN = {
  entries: { wishes: '微心愿', assistance: '我的帮扶' },
  wishState: { submitted: '待审核', published: '待认领', claimed: '已认领', fulfilled: '已实现', rejected: '未通过', withdrawn: '已撤回' },
  donor: { org: '组织', partner: '爱心单位', member: '爱心会员' },
  wishes: {
    title: '微心愿',
    board: '心愿墙', post: '许个心愿', mine: '我的心愿',
    anonymous: '匿名发布：心愿墙上不显示您的姓名、电话和所在工会，只显示所在地区。工会审核后发布，必要时会帮您修改文字以免透露身份。',
    titleLabel: '心愿', titlePlaceholder: '如：给孩子买一台学习用的台灯', titleRequired: '请用 2～40 个字写下心愿',
    story: '心愿故事', storyPlaceholder: '说说为什么需要它（10～500 字），请不要写姓名、电话、单位等能认出您的信息',
    storyRequired: '请写 10～500 个字',
    estimated: '估计金额（元）', estimatedPlaceholder: '1～5000', estimatedRequired: '请填写 1～5000 元',
    submit: '提交心愿', submitted: '心愿已提交，工会审核后会匿名发布',
    empty: '还没有心愿', boardEmpty: '心愿墙上暂时没有心愿',
    all: '全部', toClaim: '待认领', claimed: '已认领', fulfilled: '已实现',
    area: '地区', value: '约 {amount}', claim: '我来认领', claimTitle: '认领这个心愿？',
    claimConfirm: '认领后，工会会联系您一起帮助实现“{title}”。', claimedOk: '认领成功，谢谢您的爱心！', yours: '我的心愿',
    donor: '认领方：{name}', reviewNote: '工会说明：{note}', fulfilNote: '实现情况：{note}', postedAt: '提交于 {at}',
    withdraw: '撤回', withdrawTitle: '撤回这个心愿？', withdrawConfirm: '撤回后心愿墙上不再显示，不能恢复。', withdrawn: '已撤回',
  },
  assistance: {
    title: '我的帮扶', empty: '还没有帮扶记录', intro: '工会给予您家庭的帮扶（已审批和已发放的）。',
    state: { approved: '已审批，待发放', paid: '已发放' },
    kind: { winter_warmth: '送温暖', education_aid: '金秋助学', medical_aid: '医疗救助', festival: '节日慰问', small_wish: '微心愿', other: '其他帮扶' },
    goods: '物品：{goods}', total: '合计 {amount}',
  },
};
