// The service center, Q&A and voice as the member uses them.
import type { Messages } from '../../../../lib/i18n';

export default {
  service: {
    entries: {
      services: ['办事服务', 'Services'], cases: ['我的办件', 'My cases'], inbox: ['消息', 'Messages'], voice: ['职工心声', 'Worker voice'],
      policy: ['政策问答', 'Policy Q&A'],
    },
    category: {
      legal_aid: ['法律援助/维权', 'Legal aid'], hardship_help: ['帮扶救助', 'Hardship help'], counselling: ['心理咨询', 'Counselling'],
      health_check: ['健康体检', 'Health check'], recuperation: ['疗休养', 'Recuperation'], education: ['职工教育', 'Education'], travel: ['职工旅游', 'Travel'],
      policy: ['政策咨询', 'Policy questions'],
    },
    state: {
      submitted: ['已提交', 'Submitted'], accepted: ['已受理', 'Accepted'], in_progress: ['办理中', 'In progress'], resolved: ['已办结', 'Resolved'],
      rejected: ['不予受理', 'Rejected'], withdrawn: ['已撤回', 'Withdrawn'], transferred: ['已转办', 'Transferred'],
    },
    rating: {
      satisfied: ['满意', 'Satisfied'], basically_satisfied: ['基本满意', 'Mostly satisfied'], dissatisfied: ['不满意', 'Dissatisfied'],
    },
    timeline: {
      submitted: ['提交申请', 'Submitted'], accepted: ['已受理', 'Accepted'], started: ['开始办理', 'Work started'], resolved: ['已办结', 'Resolved'],
      rejected: ['不予受理', 'Rejected'], withdrawn: ['已撤回', 'Withdrawn'], transferred: ['转交办理', 'Passed on'], assigned: ['安排经办', 'Handler assigned'],
      covered: ['安排经办', 'Handler assigned'], returned: ['安排经办', 'Handler assigned'], reopened: ['重新办理', 'Reopened'], rated: ['已评价', 'Rated'],
      note: ['办理说明', 'Update'], attachment: ['补充材料', 'Document added'], overdue: ['办理超时', 'Past the deadline'],
    },
    services: {
      title: ['办事服务', 'Services'], empty: ['本工会暂未开通服务事项', 'Your union offers no services yet'],
      deadline: ['{n} 个工作日内办理', 'Handled within {n} working days'], membersOnly: ['会员专享', 'Members'],
      ineligible: {
        members_only: ['仅限工会会员申请', 'For union members only'], job_type: ['您的就业形态不在申请范围内', 'Not offered for your kind of work'],
      },
      apply: ['申请', 'Apply'], myCases: ['我的办件', 'My cases'],
    },
    apply: {
      title: ['在线申请', 'Apply'], submit: ['提交申请', 'Submit'], submitted: ['申请已提交', 'Application sent'], note: ['补充说明', 'Anything else'],
      notePlaceholder: ['可不填', 'Optional'], required: ['请填写{field}', 'Please fill in {field}'], choose: ['请选择', 'Choose'],
      chooseDate: ['选择日期', 'Choose a date'], upload: ['上传材料', 'Add a document'], uploading: ['上传中…', 'Uploading…'],
      fileHint: ['支持 JPG、PNG、WebP、PDF，单个不超过 10 MB', 'JPG, PNG, WebP or PDF, up to 10 MB each'],
      tooLarge: ['文件超过 10 MB', 'The file is larger than 10 MB'], badType: ['仅支持 JPG、PNG、WebP、PDF', 'Only JPG, PNG, WebP or PDF'],
      notNumber: ['请输入数字', 'Enter a number'], deadline: ['承办：{org}，{n} 个工作日内办理', 'Handled by {org} within {n} working days'],
      privacy: ['您填写的信息加密保存，仅经办人员可见。', 'What you enter is stored encrypted and seen only by the staff handling it.'],
    },
    cases: {
      title: ['我的办件', 'My cases'], empty: ['还没有办件', 'No cases yet'], apply: ['去办事', 'Find a service'], due: ['办理时限 {at}', 'Due {at}'],
      all: ['全部', 'All'], open: ['办理中', 'Open'], done: ['已完结', 'Finished'], toRate: ['待评价', 'To rate'],
    },
    case: {
      title: ['办件详情', 'Case'], form: ['申请内容', 'Your application'], progress: ['办理进度', 'Progress'], resolution: ['办理结果', 'Result'],
      rejectReason: ['不予受理理由', 'Reason'], handledBy: ['承办单位', 'Handled by'], rate: ['评价本次服务', 'Rate this service'],
      rateHint: ['您的评价将帮助我们改进服务', 'Your rating helps us do better'], comment: ['评价意见（可不填）', 'Comment (optional)'],
      submitRating: ['提交评价', 'Send rating'], rated: ['感谢您的评价', 'Thank you for your rating'],
      dissatisfiedHint: ['选择“不满意”后，工单将重新办理并由负责人督办。', '“Dissatisfied” reopens the case for a second handling under a supervisor.'],
      yourRating: ['我的评价', 'Your rating'], withdraw: ['撤回申请', 'Withdraw'], withdrawConfirm: ['确定撤回这项申请吗？', 'Withdraw this application?'],
      withdrawn: ['已撤回', 'Withdrawn'], reopen: ['申请重新办理', 'Ask to reopen'], reopenReason: ['重新办理的原因', 'Why it should be reopened'],
      reopened: ['已申请重新办理', 'Reopened'], reasonRequired: ['请填写原因', 'Please give a reason'], addFile: ['补充材料', 'Add a document'],
      uploaded: ['材料已上传', 'Document added'], channel: ['{channel}办理', 'via {channel}'], noFiles: ['无', 'None'],
    },
    channel: {
      online: ['线上', 'online'], counter: ['窗口', 'counter'], phone: ['电话', 'phone'],
    },
    inbox: {
      title: ['消息', 'Messages'], empty: ['暂无消息', 'No messages'], readAll: ['全部已读', 'Mark all read'], unread: ['{n} 条未读', '{n} unread'],
      openCase: ['查看办件', 'Open the case'],
    },
    voice: {
      title: ['职工心声', 'Worker voice'], write: ['写给工会', 'Write to the union'],
      kind: {
        suggestion: ['建议', 'Suggestion'], complaint: ['投诉', 'Complaint'], request: ['诉求', 'Request'],
      },
      status: {
        open: ['待回复', 'Awaiting reply'], replied: ['已回复', 'Replied'], closed: ['已办结', 'Closed'],
      },
      kindLabel: ['类型', 'Kind'], titleLabel: ['标题', 'Title'], titlePlaceholder: ['一句话说明（2-60 字）', 'In a few words (2–60)'], content: ['内容', 'Text'],
      contentPlaceholder: ['请具体描述（5-2000 字）', 'Tell us more (5–2000 characters)'], showName: ['向工作人员显示我的姓名', 'Show my name to staff'],
      showNameHint: ['不开启时，处理人员看不到您是谁。对外公开时一律匿名。', 'Off: the staff handling it cannot see who you are. Anything published is always anonymous.'],
      publishConsent: ['同意公开', 'May be published'],
      publishConsentHint: ['允许工会将此条与答复一起匿名公开', 'The union may publish this with its answer, without your name'], submit: ['提交', 'Send'],
      submitted: ['已提交，工会将尽快答复', 'Sent. The union will reply soon.'], mine: ['我写的', 'What I wrote'], empty: ['还没有写过', 'Nothing yet'],
      reply: ['工会答复', 'The union\'s reply'], published: ['已公开', 'Published'], titleRequired: ['标题为 2-60 字', 'Title: 2–60 characters'],
      contentRequired: ['内容为 5-2000 字', 'Text: 5–2000 characters'], consentOn: ['已同意公开', 'Publication allowed'],
      consentOff: ['已撤回公开同意', 'Publication no longer allowed'], toCase: ['已转为办件', 'Now a case'], anonymous: ['匿名', 'Anonymous'],
    },
    policy: {
      title: ['政策问答', 'Policy Q&A'], placeholder: ['输入问题，如“工伤认定要什么材料”', 'Ask, e.g. “工伤认定要什么材料”'], search: ['搜索', 'Search'],
      tokens: ['搜索词：', 'Searched for: '], empty: ['没有找到相关解答', 'No matching answer'], ask: ['向工会提问', 'Ask the union'],
      askHint: ['没有找到答案？把问题发给工会，工作人员会答复您。', 'No answer? Send your question to the union and staff will reply.'],
      askPlaceholder: ['请描述您的问题', 'Your question'], asked: ['问题已提交，可在“我的办件”查看进度', 'Question sent. Follow it under “My cases”.'],
      source: ['出处：{source}', 'Source: {source}'], hot: ['常见问题', 'Common questions'], more: ['展开', 'More'], less: ['收起', 'Less'],
      askRequired: ['请填写问题（至少 5 个字）', 'Please write your question (at least 5 characters)'], viewCase: ['查看办件', 'Open the case'],
    },
    policyCategory: {
      labour_contract: ['劳动合同', 'Labour contracts'], wages_hours: ['工资工时', 'Wages and hours'], social_insurance: ['社会保险', 'Social insurance'],
      work_injury: ['工伤', 'Work injury'], union: ['工会组织与会员', 'Unions and membership'], rights: ['维权与法律援助', 'Rights and legal aid'],
      assistance: ['帮扶救助', 'Assistance'], new_employment: ['新就业形态', 'New forms of employment'], other: ['其他', 'Other'],
    },
  },
} satisfies Messages;
