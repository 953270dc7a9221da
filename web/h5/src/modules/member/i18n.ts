// Membership: joining, the card, my record, corrections and transfers.
import type { Messages } from '../../../../lib/i18n';

export default {
  member: {
    field: {
      name: ['姓名', 'Name'], idNumber: ['身份证号', 'ID number'], gender: ['性别', 'Gender'], birthDate: ['出生日期', 'Birth date'], phone: ['手机号', 'Phone'],
      jobType: ['就业形态', 'Job type'], employer: ['工作单位', 'Employer'], post: ['岗位', 'Position'], ethnicity: ['民族', 'Ethnicity'],
      politicalStatus: ['政治面貌', 'Political status'], education: ['学历', 'Education'], householdType: ['户籍类型', 'Household'],
      migrantWorker: ['农民工', 'Migrant worker'], orgName: ['所属工会', 'Union'], joinedAt: ['入会日期', 'Joined'], cardNo: ['会员卡号', 'Card no.'],
    },
    jobType: {
      regular: ['普通职工', 'Regular employee'], courier: ['快递员', 'Courier'], food_delivery: ['外卖骑手', 'Food delivery rider'],
      truck_driver: ['货车司机', 'Truck driver'], ride_hailing: ['网约车司机', 'Ride-hailing driver'], other_new: ['其他新就业形态', 'Other platform work'],
    },
    newEmployment: ['新就业形态', 'New forms of employment'],
    status: {
      active: ['在会', 'Active'], transferring: ['转出中', 'Transferring'], left: ['退会', 'Left'], deceased: ['已故', 'Deceased'],
    },
    gender: {
      male: ['男', 'Male'], female: ['女', 'Female'],
    },
    household: {
      urban: ['城镇', 'Urban'], rural: ['农村', 'Rural'],
    },
    political: {
      party: ['中共党员', 'CPC member'], probationary: ['中共预备党员', 'CPC probationary member'], league: ['共青团员', 'Communist Youth League member'],
      democratic: ['民主党派成员', 'Democratic party member'], independent: ['无党派人士', 'No party affiliation'], masses: ['群众', 'Ordinary citizen'],
    },
    education: {
      primary: ['小学及以下', 'Primary school or less'], junior: ['初中', 'Junior high school'], senior: ['高中', 'Senior high school'],
      vocational: ['中专', 'Secondary vocational school'], college: ['大专', 'Junior college'], bachelor: ['本科', 'Bachelor\'s degree'],
      master: ['硕士研究生', 'Master\'s degree'], doctor: ['博士研究生', 'Doctorate'],
    },
    blank: ['未填写', 'Not given'],
  },
  request: {
    status: {
      pending: ['待审核', 'Under review'], approved: ['已通过', 'Approved'], rejected: ['未通过', 'Not approved'], cancelled: ['已撤销', 'Withdrawn'],
    },
  },
  union: {
    code: ['代码', 'Code'], change: ['更换', 'Change'], current: ['当前所属', 'Current'], searchPlaceholder: ['输入工会名称或代码', 'Union name or code'],
    hint: ['输入工会名称中的字词或工会代码搜索', 'Search by a word of the union\'s name or by its code'],
    none: ['没有找到匹配的基层工会，换个关键词试试', 'No grassroots union matches; try other words'],
    tooMany: ['只显示前 {n} 个结果，请输入更完整的名称', 'Showing the first {n}; type more of the name'],
  },
  join: {
    title: ['入会申请', 'Join the union'],
    intro: ['填写实名信息并选择要加入的基层工会，提交后由该工会审核。', 'Fill in your real-name details and choose the grassroots union to join; that union reviews your application.'],
    stepUnion: ['① 选择工会', '1 · Union'], stepPerson: ['② 实名信息', '2 · Identity'], stepWork: ['③ 工作情况', '3 · Work'],
    stepMore: ['④ 更多信息（选填）', '4 · More (optional)'], union: ['申请工会', 'Union'], unionRequired: ['请选择要加入的工会', 'Choose the union to join'],
    namePlaceholder: ['与身份证一致', 'As on your ID card'], nameRequired: ['请输入姓名', 'Enter your name'],
    nameInvalid: ['姓名为 2–30 个字', 'A name has 2 to 30 characters'], idPlaceholder: ['18 位身份证号码', '18-character ID number'],
    idRequired: ['请输入身份证号', 'Enter your ID number'],
    idProblem: {
      format: ['身份证号应为 18 位，最后一位可以是 X', 'An ID number has 18 characters; the last may be X'],
      region: ['身份证号的地区码不正确', 'The region code of this ID number is wrong'],
      birthDate: ['身份证号中的出生日期不正确', 'The birth date in this ID number is wrong'],
      checkDigit: ['身份证号校验位不符，请逐位核对', 'The check digit does not match; check each digit'],
    },
    idHint: ['性别和出生日期将根据身份证号自动识别', 'Gender and birth date are read from the ID number'],
    derivedHint: ['性别和出生日期由身份证号识别，无需填写', 'Gender and birth date come from your ID number'], jobTypeRequired: ['请选择就业形态', 'Choose your job type'],
    employerPlaceholder: ['单位或平台名称', 'Company or platform'], employerRequired: ['请输入工作单位', 'Enter your employer'],
    postPlaceholder: ['如：配送员、操作工', 'e.g. rider, machine operator'], postRequired: ['请输入岗位', 'Enter your position'],
    ethnicityPlaceholder: ['如：汉族', 'e.g. Han'],
    privacy: ['身份证号、手机号加密存储，仅用于工会会员实名登记', 'ID number and phone are stored encrypted, only for the union\'s member register'],
    submit: ['提交申请', 'Submit application'], submitted: ['申请已提交', 'Application submitted'],
    status: {
      pending: ['待审核', 'Under review'], approved: ['已通过', 'Approved'], rejected: ['未通过', 'Not approved'], cancelled: ['已撤销', 'Withdrawn'],
    },
    statusHint: {
      pending: ['工会将尽快审核，结果会以短信通知您', 'The union will review it soon; you will get a text message'],
      approved: ['欢迎加入工会！电子会员卡已可使用', 'Welcome to the union! Your member card is ready'],
      rejected: ['可根据原因修改后重新申请', 'You can correct it and apply again'],
      cancelled: ['该申请已撤销，可重新申请', 'This application was withdrawn; you can apply again'],
    },
    submittedAt: ['提交时间', 'Submitted'], decidedAt: ['审核时间', 'Decided'], reason: ['未通过原因', 'Reason'], refreshStatus: ['刷新状态', 'Refresh'],
    reapply: ['重新申请', 'Apply again'], toCard: ['查看电子会员卡', 'Open my member card'], alreadyMember: ['您已是工会会员', 'You are a union member'],
  },
  card: {
    title: ['电子会员卡', 'Member card'], cardName: ['工会会员卡', 'Union member card'], cardNo: ['会员卡号', 'Card no.'], noNumber: ['待分配', 'Pending'],
    qrAlt: ['会员卡二维码', 'Member card QR code'], validFor: ['二维码有效期剩余', 'Code valid for'], expired: ['二维码已过期，点击刷新', 'Code expired, tap to refresh'],
    expiredShort: ['二维码已过期', 'Code expired'], refresh: ['刷新二维码', 'Refresh code'], refreshing: ['刷新中…', 'Refreshing…'],
    inactive: ['会员状态为“{status}”，此卡暂不能用于核验', 'Membership is "{status}": the card cannot be verified now'],
    notMember: ['您还不是工会会员，入会后即可使用电子会员卡', 'Not a member yet; your card is ready once you join'],
    tipShow: ['在工会服务窗口或合作商户出示此码，由工作人员扫码核验。', 'Show this code at a union counter or a partner merchant; staff scan it.'],
    tipAuto: ['二维码每 5 分钟失效，到期前自动更新，截图无效。', 'The code expires every 5 minutes and renews itself; screenshots do not work.'],
    tipBright: ['扫码困难时，请调高屏幕亮度。', 'If it will not scan, turn up the screen brightness.'],
  },
  info: {
    title: ['我的会员信息', 'My member record'], membership: ['会员身份', 'Membership'], identity: ['身份信息', 'Identity'], work: ['工作信息', 'Work'],
    more: ['其他信息', 'Other details'], maskedHint: ['为保护隐私，身份证号和手机号已部分隐藏', 'ID number and phone are partly hidden to protect your privacy'],
    requestCorrection: ['申请更正信息', 'Request a correction'], corrections: ['我的更正申请', 'My correction requests'],
    pendingCount: ['{n} 条审核中', '{n} under review'], noCorrections: ['暂无更正申请', 'No correction requests yet'], rejectReason: ['未通过原因', 'Reason'],
    decidedAt: ['审核于', 'Decided'], notMember: ['您还不是工会会员', 'You are not a union member yet'],
  },
  correction: {
    title: ['申请更正', 'Request a correction'],
    hint: ['请直接修改有误的项目，未修改的项目不会提交。所属工会审核通过后生效。', 'Change what is wrong; unchanged items are not sent. It takes effect once your union approves.'],
    idHint: ['身份证号（及由其识别的性别、出生日期）有误的，请携带身份证到所属工会办理。', 'A wrong ID number (and the gender and birth date read from it) is corrected at your union in person, with your ID card.'],
    phonePlaceholder: ['新号码，不更换请留空', 'New number (optional)'], note: ['说明', 'Note'], notePlaceholder: ['请说明更正原因（选填）', 'Why the change (optional)'],
    changedCount: ['已修改 {n} 项', '{n} item(s) changed'], nothingChanged: ['尚未修改任何信息', 'Nothing changed yet'], submit: ['提交更正申请', 'Submit correction'],
    submitted: ['更正申请已提交', 'Correction request submitted'],
  },
  transfer: {
    title: ['会员关系转接', 'Membership transfer'], latest: ['最近一次转接', 'Latest transfer'],
    status: {
      pending_out: ['原工会审核中', 'Old union reviewing'], pending_in: ['新工会审核中', 'New union reviewing'], completed: ['已完成', 'Completed'],
      rejected: ['未通过', 'Not approved'], cancelled: ['已撤销', 'Withdrawn'],
    },
    statusHint: {
      pending_out: ['等待原工会同意转出', 'Waiting for your current union to release you'],
      pending_in: ['原工会已同意，等待新工会接收', 'Released; waiting for the new union to accept you'],
      completed: ['转接完成，您已是“{to}”的会员', 'Done: you are now a member of {to}'], rejected: ['转接未通过，可根据原因重新申请', 'Not approved; you may apply again'],
      cancelled: ['该转接已撤销', 'This transfer was withdrawn'],
    },
    stepOut: ['原工会审核', 'Old union'], stepIn: ['新工会审核', 'New union'], stepDone: ['完成', 'Done'], rejectReason: ['未通过原因', 'Reason'],
    submittedAt: ['申请时间', 'Requested'], reason: ['转接原因', 'Reason'], reasonPlaceholder: ['如：工作调动、更换工作单位（选填）', 'e.g. new job, moved city (optional)'],
    request: ['申请转接', 'Request a transfer'], newRequest: ['发起新的转接', 'Request a new transfer'],
    intro: ['更换工作单位或到外地就业，可将会员关系转到新的基层工会（可跨地区），由原工会和新工会先后审核。', 'Changed jobs or moved? Move your membership to another grassroots union, in any region. Your current union and the new one each approve.'],
    currentUnion: ['当前所属工会', 'Current union'], chooseUnion: ['转入工会', 'New union'], unionRequired: ['请选择要转入的工会', 'Choose the union to move to'],
    confirmTitle: ['确认提交转接申请？', 'Submit the transfer?'],
    confirm: ['从“{from}”转到“{to}”。审核期间会员状态为“转出中”。', 'From {from} to {to}. While it is reviewed your membership shows as transferring.'],
    submit: ['提交转接申请', 'Submit transfer request'], submitted: ['转接申请已提交', 'Transfer requested'],
    notActive: ['当前会员状态为“{status}”，暂不能申请转接', 'Membership is "{status}": a transfer cannot be requested now'],
  },
} satisfies Messages;
