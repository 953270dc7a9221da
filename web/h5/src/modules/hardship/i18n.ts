// My hardship file and consent.
import type { Messages } from '../../../../lib/i18n';
import { HARDSHIP_CATEGORY_WORDS } from '../../../../lib/words';

export default {
  hardship: {
    entry: ['困难帮扶', 'Hardship help'],
    title: ['困难帮扶', 'Hardship help'],
    state: {
      draft: ['建档中', 'Being opened'],
      verifying: ['核实中', 'Being verified'],
      filed: ['已建档', 'On file'],
      exited: ['已退出', 'Exited'],
      closed: ['已关闭', 'Closed'],
    },
    category: HARDSHIP_CATEGORY_WORDS,
    noFile: [
      '您目前没有困难职工档案。遇到生活困难，可以向工会申请帮扶救助。',
      'You have no hardship file. If you are in difficulty, you can ask the union for help.',
    ],
    apply: ['申请帮扶救助', 'Apply for hardship help'],
    file: ['我的档案', 'My file'],
    org: ['建档工会', 'Kept by'],
    filedAt: ['建档日期', 'Filed on'],
    reviewDue: ['下次复核', 'Next review'],
    watchUntil: ['跟踪回访至', 'Followed up until'],
    purgeAt: ['敏感信息删除时间', 'Sensitive data deleted at'],
    assistance: ['获得的帮扶', 'Assistance received'],
    noAssistance: ['暂无帮扶记录', 'No assistance yet'],
    viewers: ['谁查看了我的档案', 'Who viewed my file'],
    times: ['{n} 次', '{n} times'],
    noViewers: ['暂无查看记录', 'No views yet'],
    consent: ['个人信息授权', 'Consent'],
    consentText: [
      '为建立困难职工档案，工会需要收集您家庭成员的收入、健康、残疾等信息，并可能入户核实。这些信息加密保存，只有负责帮扶的工会工作人员可以查看，每次查看都会在这里告诉您。您可以随时撤回授权，撤回后档案关闭，敏感信息将在 {days} 天后删除（帮扶台账仅保留发放记录）。',
      "To keep a hardship file the union collects your household's incomes, health and disability details and may visit your home. The data is encrypted, only the union staff who handle hardship can see it, and every view is shown to you here. You can withdraw at any time: the file closes and the sensitive data is deleted after {days} days (the assistance ledger keeps only what was given).",
    ],
    scope: {
      collect: ['收集家庭、收入和健康信息', 'Collect household, income and health data'],
      verify: ['入户核实', 'Home visit'],
      assist: ['用于帮扶救助', 'Use for assistance'],
    },
    give: ['同意并授权', 'I consent'],
    given: ['已于 {at} 授权（{via}）', 'Given on {at} ({via})'],
    via: {
      member: ['本人线上', 'online'],
      staff: ['纸质同意书', 'signed paper form'],
    },
    withdraw: ['撤回授权', 'Withdraw consent'],
    withdrawConfirm: [
      '撤回后您的困难档案将关闭，敏感信息将在 {days} 天后删除。确定撤回吗？',
      'Your hardship file will close and its sensitive data be deleted after {days} days. Withdraw?',
    ],
    withdrawn: ['已撤回授权', 'Consent withdrawn'],
    consented: ['授权成功', 'Consent recorded'],
    updateScope: ['更新授权范围', 'Update what I agree to'],
    scopeUpdated: ['授权范围已更新', 'What you agree to is updated'],
  },
} satisfies Messages;
