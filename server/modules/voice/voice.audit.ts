import { inArray } from 'drizzle-orm';
import { numericIds, type AuditTargetKind } from '../../kernel/audit-labels.js';
import type { Label } from '../../kernel/errors.js';
import { alertTopic } from './voice.schema.js';

// How the audit log names the voice module's actions and its records. A voice item is named by
// its number only: its text may name its sender.

export const VOICE_AUDIT_ACTIONS = {
  'voice.create': { zh: '提交职工心声', en: 'Voice item submitted' },
  'voice.reply': { zh: '回复职工心声', en: 'Voice item answered' },
  'voice.publish': { zh: '公开职工心声', en: 'Voice item published' },
  'voice.unpublish': { zh: '取消公开职工心声', en: 'Voice item unpublished' },
  'voice.close': { zh: '办结职工心声', en: 'Voice item closed' },
  'voice.consent': { zh: '变更公开同意', en: 'Publication consent changed' },
  'voice.case': { zh: '职工心声转为服务工单', en: 'Voice item turned into a case' },
  'alert.raise': { zh: '触发舆情预警', en: 'Alert raised' },
  'alert.acknowledge': { zh: '确认舆情预警', en: 'Alert acknowledged' },
  'alert.close': { zh: '关闭舆情预警', en: 'Alert closed' },
  'alert_topic.create': { zh: '新增预警话题', en: 'Alert topic added' },
  'alert_topic.update': { zh: '编辑预警话题', en: 'Alert topic edited' },
} as const satisfies Record<string, Label>;

export const VOICE_AUDIT_TARGETS: Readonly<Record<string, AuditTargetKind>> = {
  voice_item: { label: { zh: '职工心声', en: 'Voice item' }, link: () => '/service/voice' },
  alert: { label: { zh: '舆情预警', en: 'Alert' }, link: () => '/service/alerts' },
  alert_topic: {
    label: { zh: '预警话题', en: 'Alert topic' },
    async describe(ids, { db }) {
      const wanted = numericIds(ids);
      if (wanted.length === 0) return new Map();
      const found = await db
        .select({ id: alertTopic.id, name: alertTopic.name })
        .from(alertTopic)
        .where(inArray(alertTopic.id, wanted));
      return new Map(found.map((t) => [String(t.id), { label: t.name, link: '/service/alerts' }]));
    },
  },
};
