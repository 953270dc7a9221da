// The service center: cases, counter, figures, AB posts, catalog.
import type { Messages } from '../../../../lib/i18n';

export default {
  service: {
    menu: {
      group: ['服务中心', 'Service center'], cases: ['服务工单', 'Cases'], counter: ['窗口受理', 'Counter intake'], figures: ['服务统计', 'Figures'],
      catalog: ['服务事项', 'Service catalog'], posts: ['AB岗设置', 'AB posts'], detail: ['工单详情', 'Case'], voice: ['职工心声', 'Worker voice'],
      alerts: ['舆情预警', 'Alerts'], knowledge: ['政策知识库', 'Knowledge base'],
    },
    category: {
      legal_aid: ['法律援助/维权', 'Legal aid'], hardship_help: ['帮扶救助', 'Hardship help'], counselling: ['心理咨询', 'Counselling'],
      health_check: ['健康体检', 'Health check'], recuperation: ['疗休养', 'Recuperation'], education: ['职工教育/学历提升', 'Education'],
      travel: ['职工旅游', 'Travel'], policy: ['政策咨询', 'Policy questions'],
    },
    channel: {
      online: ['线上', 'Online'], counter: ['窗口', 'Counter'], phone: ['电话', 'Phone'],
    },
    state: {
      submitted: ['待受理', 'Submitted'], accepted: ['已受理', 'Accepted'], in_progress: ['办理中', 'In progress'], resolved: ['已办结', 'Resolved'],
      rejected: ['不予受理', 'Rejected'], withdrawn: ['已撤回', 'Withdrawn'], transferred: ['转办待受理', 'Transferred'],
    },
    rating: {
      satisfied: ['满意', 'Satisfied'], basically_satisfied: ['基本满意', 'Mostly satisfied'], dissatisfied: ['不满意', 'Dissatisfied'],
    },
    view: {
      callbacks: ['待回访', 'Call-backs'], mine: ['我的工单', 'Mine'], team: ['本组工单', 'My team'], queue: ['待分派', 'Unassigned'], overdue: ['已超期', 'Overdue'],
      all: ['全部（管辖范围）', 'All in scope'],
    },
    field: {
      no: ['工单号', 'Case no.'], service: ['服务事项', 'Service'], category: ['类别', 'Category'], channel: ['渠道', 'Channel'], state: ['状态', 'State'],
      applicant: ['申请人', 'Applicant'], phone: ['联系电话', 'Phone'], handlingOrg: ['承办单位', 'Handling org'], assignee: ['经办人', 'Handler'],
      dueAt: ['办理时限', 'Due'], createdAt: ['提交时间', 'Submitted'], updatedAt: ['更新时间', 'Updated'], resolvedAt: ['办结时间', 'Resolved'],
      rating: ['评价', 'Rating'], range: ['提交日期', 'Submitted between'], q: ['工单号', 'Case no.'], resolution: ['办理结果', 'Resolution'],
      rejectReason: ['不予受理理由', 'Reason for rejection'], ratingComment: ['评价意见', 'Comment'],
    },
    queue: {
      unassigned: ['待分派', 'Unassigned'], coverFor: ['代 {name}', 'for {name}'], overdue: ['超期', 'Overdue'], flagged: ['需督办', 'Flagged'],
      reopened: ['重办 {n} 次', 'Reopened {n}×'], export: ['导出', 'Export'], exported: ['已导出', 'Exported'], empty: ['暂无工单', 'No cases'],
      start: ['开始日期', 'From'], end: ['结束日期', 'To'], callbacks: ['回访', 'Call-backs'],
    },
    detail: {
      missing: ['工单不存在，或不在您的管辖范围内', 'This case does not exist or is outside your scope'], form: ['申请内容', 'Application'],
      timeline: ['办理过程', 'Timeline'], attachments: ['附件', 'Attachments'], noAttachments: ['无附件', 'No attachments'],
      access: ['经办单位', 'Handling orgs'], current: ['当前承办', 'Handles it now'], former: ['曾经承办（只读）', 'Handled it before (read only)'],
      source: ['来源', 'Source'], sourceVoice: ['职工心声 #{id}', 'Worker voice #{id}'], sourceQa: ['政策咨询 #{id}', 'Policy question #{id}'],
      callback: ['回访记录', 'Call-back'], reached: ['已联系上', 'Reached'], notReached: ['未联系上', 'Not reached'],
      readOnly: ['本单位已转出此工单，仅可查看', 'Your org transferred this case and can only read it'], upload: ['上传附件', 'Upload attachment'],
      uploaded: ['附件已上传', 'Attachment uploaded'], fileHint: ['支持 JPG、PNG、WebP、PDF，单个不超过 10 MB', 'JPG, PNG, WebP or PDF, up to 10 MB each'],
      tooLarge: ['文件超过 10 MB', 'The file is larger than 10 MB'],
    },
    timeline: {
      submitted: ['提交申请', 'Submitted'], accepted: ['受理', 'Accepted'], started: ['开始办理', 'Started'], resolved: ['办结', 'Resolved'],
      rejected: ['不予受理', 'Rejected'], withdrawn: ['撤回', 'Withdrawn'], transferred: ['转办', 'Transferred'], assigned: ['分派', 'Assigned'],
      covered: ['转 B 岗代办', 'Moved to backup'], returned: ['交回 A 岗', 'Returned to handler'], reopened: ['重新办理', 'Reopened'], rated: ['评价', 'Rated'],
      overdue: ['超期', 'Overdue'], note: ['备注', 'Note'], attachment: ['附件', 'Attachment'], callback: ['回访', 'Call-back'], system: ['系统', 'System'],
    },
    action: {
      accept: ['受理', 'Accept'], start: ['开始办理', 'Start'], resolve: ['办结', 'Resolve'], reject: ['不予受理', 'Reject'], transfer: ['转办', 'Transfer'],
      assign: ['分派', 'Assign'], notes: ['添加备注', 'Add note'], callback: ['回访', 'Call back'], unflag: ['解除督办', 'Clear flag'],
      done: ['已{action}', '{action}: done'], acceptConfirm: ['确定受理工单 {no} 吗？', 'Accept case {no}?'],
      startConfirm: ['确定开始办理工单 {no} 吗？', 'Start handling case {no}?'], note: ['备注', 'Note'], notePlaceholder: ['可不填', 'Optional'],
      resolution: ['办理结果', 'Resolution'], resolutionPlaceholder: ['告知职工办理结果（职工可见）', 'What was done (the member sees this)'],
      reason: ['理由', 'Reason'], reasonPlaceholder: ['请说明理由（职工可见）', 'Why (the member sees this)'], toOrg: ['转办至', 'Transfer to'],
      toOrgHint: ['可转给任何单位或服务中心（含跨区域）；本单位保留查看记录的权限。', 'Any org or service center, across regions too; your org keeps read access to the history.'],
      assignee: ['经办人', 'Handler'], assigneeQueue: ['放回待分派', 'Back to the unassigned queue'], visibleToMember: ['职工可见', 'Visible to the member'],
      reached: ['联系上职工', 'Reached the member'], unflagNote: ['说明', 'Note'],
    },
    counter: {
      title: ['窗口受理', 'Counter intake'], find: ['查找会员', 'Find the member'],
      by: {
        phone: ['手机号', 'Phone'], idNumber: ['身份证号', 'ID number'], cardToken: ['会员卡二维码', 'Member card QR'],
      },
      placeholder: {
        phone: ['11 位手机号', '11-digit mobile number'], idNumber: ['18 位身份证号', '18-character ID number'],
        cardToken: ['扫码枪扫描会员卡二维码', 'Scan the member card QR'],
      },
      lookup: ['查找', 'Find'], notFound: ['未找到该会员（不在管辖范围内或尚未入会）', 'No such member in your scope'], member: ['会员信息', 'Member'],
      openCases: ['在办工单 {n} 件', '{n} open cases'], noMember: ['非会员（仅登记联系人）', 'Not a member (contact only)'], contactName: ['联系人姓名', 'Contact name'],
      contactPhone: ['联系电话', 'Contact phone'], channel: ['受理方式', 'Channel'], service: ['服务事项', 'Service'], form: ['申请内容', 'Application'],
      note: ['窗口备注', 'Counter note'], submit: ['登记工单', 'Register case'], submitted: ['已登记工单 {no}', 'Case {no} registered'],
      openCase: ['查看工单', 'Open the case'], next: ['受理下一位', 'Next person'],
      ineligible: ['该会员不符合此服务的申请条件', 'This member is not eligible for the service'],
      shortcuts: ['快捷键：Alt+1/2/3 切换查找方式，Enter 查找，Ctrl+Enter 登记', 'Keys: Alt+1/2/3 switch lookup, Enter finds, Ctrl+Enter registers'],
      membersOnly: ['此服务仅限会员，请先查找会员', 'Members only: find the member first'], elapsed: ['用时 {s} 秒', '{s} s'],
      choose: ['请选择服务事项', 'Choose a service'], current: ['会员身份', 'Membership'], currentYes: ['在册会员', 'Current member'],
      currentNo: ['非在册会员', 'Not a current member'],
      intakeOnly: ['该会员不属于本单位管辖，仅显示受理所需信息；可直接登记工单', 'Outside your member scope: only what intake needs is shown; you can register the case'],
      outOfScope: ['该会员不属于本单位管辖：请引导其到所属工会或职工服务中心办理', 'Outside your member scope: refer them to their own union or the service center'],
    },
    figures: {
      title: ['服务统计', 'Figures'], org: ['统计范围', 'Scope'], range: ['统计期间', 'Period'], open: ['在办', 'Open'], overdue: ['超期', 'Overdue'],
      closedThisMonth: ['本月办结', 'Closed this month'], avgHandling: ['平均办理时长', 'Average handling time'], hours: ['{n} 小时', '{n} h'],
      days: ['{n} 天', '{n} days'], satisfaction: ['满意率', 'Satisfaction'], rated: ['已评价 {n} 件', '{n} rated'], byChannel: ['按渠道', 'By channel'],
      byService: ['按服务事项', 'By service'], total: ['总量', 'Total'], resolved: ['已办结', 'Resolved'], share: ['占比', 'Share'], none: ['—', '—'],
    },
    posts: {
      title: ['AB岗设置', 'AB posts'],
      hint: ['每位经办人（A岗）设一名B岗。A岗外出（请假、出差）期间，其在办工单和新分派的工单由B岗代办；A岗返回后交回。', 'Each handler (post A) has a backup (post B). While A is away (leave, business trip), A\'s open cases and new assignments go to B; they return to A when A is back.'],
      cover: ['当前代岗', 'Covering now'], noCover: ['当前无人外出', 'Nobody is away'], staff: ['经办人（A岗）', 'Handler (A)'], backup: ['B岗', 'Backup (B)'],
      away: ['外出', 'Away'], awayRange: ['外出时间', 'Away period'], reason: ['外出原因', 'Reason'], awayNote: ['说明', 'Note'], openCases: ['在办', 'Open'],
      coveredBy: ['由 {name} 代办', 'covered by {name}'], present: ['在岗', 'Present'], edit: ['设置', 'Set up'], markAway: ['登记外出', 'Mark away'],
      returnNow: ['提前返岗', 'Back now'], returned: ['已返岗，工单已交回', 'Back at work; cases returned'], saved: ['已保存', 'Saved'],
      editTitle: ['设置“{name}”的 AB 岗', 'AB post of “{name}”'], noBackup: ['未设置', 'Not set'], covers: ['{away} → {backup}', '{away} → {backup}'],
      casesMoved: ['代办 {n} 件', '{n} cases'], org: ['组织', 'Org'],
      returnConfirm: ['确定“{name}”已返岗吗？代办的工单将交回。', 'Is “{name}” back? Covered cases return to them.'],
      reasons: {
        leave: ['请假', 'Leave'], business_trip: ['出差', 'Business trip'], other: ['其他', 'Other'],
      },
    },
    catalog: {
      title: ['服务事项', 'Service catalog'], org: ['组织', 'Org'], effective: ['生效目录', 'In effect'], defined: ['本级定义', 'Defined here'],
      create: ['新建服务事项', 'New service'], inherited: ['继承自 {org}', 'Inherited from {org}'], own: ['本级', 'Own'], override: ['本级覆盖', 'Overridden here'],
      hidden: ['已隐藏', 'Hidden'], inactive: ['已停用', 'Inactive'], overrideAction: ['覆盖', 'Override'], hide: ['隐藏', 'Hide'], unhide: ['取消隐藏', 'Unhide'],
      edit: ['编辑', 'Edit'], handlingOrg: ['承办单位', 'Handling org'], deadline: ['办理时限', 'Deadline'], deadlineDays: ['{n} 个工作日', '{n} working days'],
      fields: ['{n} 项', '{n} fields'], eligibility: ['申请条件', 'Eligibility'], membersOnly: ['仅限会员', 'Members only'], anyone: ['不限', 'Anyone'],
      jobTypes: ['限定就业形态', 'Job types'], allJobTypes: ['全部就业形态', 'All job types'], name: ['名称', 'Name'], description: ['说明', 'Description'],
      category: ['类别', 'Category'], sortOrder: ['排序', 'Order'], active: ['启用', 'Active'], createTitle: ['新建服务事项', 'New service'],
      editTitle: ['编辑服务事项', 'Edit service'], overrideTitle: ['覆盖“{name}”（仅对本组织及下级生效）', 'Override “{name}” (for this org and below)'],
      hideConfirm: ['确定在“{org}”及其下级隐藏“{name}”吗？', 'Hide “{name}” at “{org}” and below?'], saved: ['服务事项已保存', 'Service saved'],
      form: ['申请表单', 'Application form'], addField: ['添加字段', 'Add field'], fieldKey: ['字段代码', 'Key'], fieldLabel: ['字段名称', 'Label'],
      fieldType: ['类型', 'Type'], required: ['必填', 'Required'], options: ['选项', 'Options'],
      optionsPlaceholder: ['输入选项后回车', 'Type an option and press Enter'], multiple: ['可多选', 'Several'], maxLength: ['最多字数', 'Max length'],
      min: ['最小值', 'Min'], max: ['最大值', 'Max'], moveUp: ['上移', 'Up'], moveDown: ['下移', 'Down'], removeField: ['删除', 'Remove'],
      noFields: ['尚未添加字段', 'No fields yet'], keyHint: ['英文字母开头，仅字母、数字、下划线', 'Starts with a letter; letters, digits, underscore'],
      fieldType_: {
        text: ['文本', 'Text'], number: ['数字', 'Number'], date: ['日期', 'Date'], choice: ['选项', 'Choice'], attachment: ['附件', 'Attachment'],
      },
      prefillHint: ['字段代码为 name、phone、employer、post、jobType、orgName 时，窗口受理会从会员库自动填入。', 'Fields keyed name, phone, employer, post, jobType or orgName are filled from the registry at the counter.'],
      preview: ['预览', 'Preview'],
    },
    form: {
      chooseFile: ['选择文件', 'Choose file'], uploading: ['上传中…', 'Uploading…'], remove: ['移除', 'Remove'],
    },
    notices: {
      title: ['消息提醒', 'Notices'], empty: ['暂无消息', 'No notices'],
    },
  },
} satisfies Messages;
