// H5 copy of 我的困难档案. hardship.en.ts mirrors it.
export const hardshipZhCN = {
  entry: '困难帮扶',
  title: '困难帮扶',
  state: { draft: '建档中', verifying: '核实中', filed: '已建档', exited: '已退出', closed: '已关闭' },
  category: { deep: '深度困难', relative: '相对困难', sudden: '意外致困' },
  noFile: '您目前没有困难职工档案。遇到生活困难，可以向工会申请帮扶救助。',
  apply: '申请帮扶救助',
  file: '我的档案', org: '建档工会', filedAt: '建档日期', reviewDue: '下次复核', watchUntil: '跟踪回访至', purgeAt: '敏感信息删除时间',
  assistance: '获得的帮扶', noAssistance: '暂无帮扶记录', viewers: '谁查看了我的档案', times: '{n} 次', noViewers: '暂无查看记录',
  consent: '个人信息授权',
  consentText: '为建立困难职工档案，工会需要收集您家庭成员的收入、健康、残疾等信息，并可能入户核实。这些信息加密保存，只有负责帮扶的工会工作人员可以查看，每次查看都会在这里告诉您。您可以随时撤回授权，撤回后档案关闭，敏感信息将在 {days} 天后删除（帮扶台账仅保留发放记录）。',
  scope: { collect: '收集家庭、收入和健康信息', verify: '入户核实', assist: '用于帮扶救助' },
  give: '同意并授权', given: '已于 {at} 授权（{via}）', via: { member: '本人线上', staff: '纸质同意书' },
  withdraw: '撤回授权', withdrawConfirm: '撤回后您的困难档案将关闭，敏感信息将在 {days} 天后删除。确定撤回吗？', withdrawn: '已撤回授权',
  consented: '授权成功',
  updateScope: '更新授权范围', scopeUpdated: '授权范围已更新',
};
