// H5 copy of the service center, worker voice and policy Q&A. service.en.ts mirrors it.
export const serviceZhCN = {
  entries: { services: '办事服务', cases: '我的办件', inbox: '消息', voice: '职工心声', policy: '政策问答' },
  category: {
    legal_aid: '法律援助/维权', hardship_help: '帮扶救助', counselling: '心理咨询', health_check: '健康体检', recuperation: '疗休养',
    education: '职工教育', travel: '职工旅游', policy: '政策咨询',
  },
  state: {
    submitted: '已提交', accepted: '已受理', in_progress: '办理中', resolved: '已办结', rejected: '不予受理', withdrawn: '已撤回',
    transferred: '已转办',
  },
  rating: { satisfied: '满意', basically_satisfied: '基本满意', dissatisfied: '不满意' },
  timeline: {
    submitted: '提交申请', accepted: '已受理', started: '开始办理', resolved: '已办结', rejected: '不予受理', withdrawn: '已撤回',
    transferred: '转交办理', assigned: '安排经办', covered: '安排经办', returned: '安排经办', reopened: '重新办理', rated: '已评价',
    note: '办理说明', attachment: '补充材料', overdue: '办理超时',
  },
  services: {
    title: '办事服务', empty: '本工会暂未开通服务事项', deadline: '{n} 个工作日内办理', membersOnly: '会员专享',
    ineligible: { members_only: '仅限工会会员申请', job_type: '您的就业形态不在申请范围内' }, apply: '申请', myCases: '我的办件',
  },
  apply: {
    title: '在线申请', submit: '提交申请', submitted: '申请已提交', note: '补充说明', notePlaceholder: '可不填',
    required: '请填写{field}', choose: '请选择', chooseDate: '选择日期', upload: '上传材料', uploading: '上传中…',
    fileHint: '支持 JPG、PNG、WebP、PDF，单个不超过 10 MB', tooLarge: '文件超过 10 MB', badType: '仅支持 JPG、PNG、WebP、PDF',
    notNumber: '请输入数字', deadline: '承办：{org}，{n} 个工作日内办理', privacy: '您填写的信息加密保存，仅经办人员可见。',
  },
  cases: {
    title: '我的办件', empty: '还没有办件', apply: '去办事', due: '办理时限 {at}', all: '全部', open: '办理中', done: '已完结',
    toRate: '待评价',
  },
  case: {
    title: '办件详情', form: '申请内容', progress: '办理进度', resolution: '办理结果', rejectReason: '不予受理理由', handledBy: '承办单位',
    rate: '评价本次服务', rateHint: '您的评价将帮助我们改进服务', comment: '评价意见（可不填）', submitRating: '提交评价', rated: '感谢您的评价',
    dissatisfiedHint: '选择“不满意”后，工单将重新办理并由负责人督办。', yourRating: '我的评价', withdraw: '撤回申请', withdrawConfirm: '确定撤回这项申请吗？',
    withdrawn: '已撤回', reopen: '申请重新办理', reopenReason: '重新办理的原因', reopened: '已申请重新办理', reasonRequired: '请填写原因',
    addFile: '补充材料', uploaded: '材料已上传', channel: '{channel}办理', noFiles: '无',
  },
  channel: { online: '线上', counter: '窗口', phone: '电话' },
  inbox: { title: '消息', empty: '暂无消息', readAll: '全部已读', unread: '{n} 条未读', openCase: '查看办件' },
  voice: {
    title: '职工心声', write: '写给工会', kind: { suggestion: '建议', complaint: '投诉', request: '诉求' },
    status: { open: '待回复', replied: '已回复', closed: '已办结' }, kindLabel: '类型', titleLabel: '标题', titlePlaceholder: '一句话说明（2-60 字）',
    content: '内容', contentPlaceholder: '请具体描述（5-2000 字）', showName: '向工作人员显示我的姓名',
    showNameHint: '不开启时，处理人员看不到您是谁。对外公开时一律匿名。', publishConsent: '同意公开', publishConsentHint: '允许工会将此条与答复一起匿名公开',
    submit: '提交', submitted: '已提交，工会将尽快答复', mine: '我写的', empty: '还没有写过', reply: '工会答复', published: '已公开',
    titleRequired: '标题为 2-60 字', contentRequired: '内容为 5-2000 字', consentOn: '已同意公开', consentOff: '已撤回公开同意',
    toCase: '已转为办件', anonymous: '匿名',
  },
  policy: {
    title: '政策问答', placeholder: '输入问题，如“工伤认定要什么材料”', search: '搜索', tokens: '搜索词：', empty: '没有找到相关解答',
    ask: '向工会提问', askHint: '没有找到答案？把问题发给工会，工作人员会答复您。', askPlaceholder: '请描述您的问题', asked: '问题已提交，可在“我的办件”查看进度',
    source: '出处：{source}', hot: '常见问题', more: '展开', less: '收起', askRequired: '请填写问题（至少 5 个字）', viewCase: '查看办件',
  },
  policyCategory: {
    labour_contract: '劳动合同', wages_hours: '工资工时', social_insurance: '社会保险', work_injury: '工伤', union: '工会组织与会员',
    rights: '维权与法律援助', assistance: '帮扶救助', new_employment: '新就业形态', other: '其他',
  },
};
