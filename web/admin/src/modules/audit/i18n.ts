// The audit log and its verification.
import type { Messages } from '../../../../lib/i18n';

export default {
  audit: {
    field: {
      id: ['编号', 'ID'],
      at: ['时间', 'Time'],
      actor: ['操作人', 'Actor'],
      action: ['操作', 'Action'],
      targetType: ['对象类型', 'Target type'],
      targetId: ['对象编号', 'Target ID'],
      ip: ['IP 地址', 'IP'],
      requestId: ['请求编号', 'Request ID'],
      orgId: ['组织编号', 'Org ID'],
      before: ['变更前', 'Before'],
      after: ['变更后', 'After'],
      range: ['时间范围', 'Time range'],
    },
    actorPlaceholder: ['用户名或账号编号', 'Username or account ID'],
    actionPlaceholder: ['操作前缀，如 org.', 'Action prefix, e.g. org.'],
    targetTypePlaceholder: ['如 org', 'e.g. org'],
    rangeStart: ['开始时间', 'From'],
    rangeEnd: ['结束时间', 'To'],
    verify: ['校验完整性', 'Verify integrity'],
    verifying: ['正在校验日志链…', 'Verifying the log chain…'],
    verifyQueued: ['校验任务排队中…', 'Verification queued…'],
    verifyOk: ['日志链完整：共校验 {checked} 条记录，未发现篡改。', 'The chain is intact: {checked} entries checked.'],
    verifyBad: ['日志链异常：第 {id} 条记录校验失败。', 'The chain is broken at entry {id}.'],
    verifyFailed: ['校验任务失败：{error}', 'The verification job failed: {error}'],
    problem: ['问题：{problem}', 'Problem: {problem}'],
    system: ['系统', 'System'],
    empty: ['（空）', '(empty)'],
  },
} satisfies Messages;
