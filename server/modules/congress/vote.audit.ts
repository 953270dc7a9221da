import { inArray } from 'drizzle-orm';
import { numericIds, type AuditTargetKind } from '../../kernel/audit-labels.js';
import type { Label } from '../../kernel/errors.js';
import { congressMotion } from './vote.schema.js';

// How the audit log names the staff actions on votes. Ballots are NOT audited: an audit row per
// ballot (or per voter's "has voted") would carry the voter, the time and a transaction shared with
// the ballot, and link the two (vote.schema.ts). The roll says who voted; the ballots say how.

export const VOTE_AUDIT_ACTIONS = {
  'congress_motion.create': { zh: '新建表决事项', en: 'Motion created' },
  'congress_motion.open': { zh: '开始表决', en: 'Vote opened' },
  'congress_motion.paper': { zh: '录入计票结果', en: 'Vote counts entered' },
  'congress_motion.close': { zh: '结束表决', en: 'Vote closed' },
} as const satisfies Record<string, Label>;

export const VOTE_AUDIT_TARGETS: Readonly<Record<string, AuditTargetKind>> = {
  congress_motion: {
    label: { zh: '表决事项', en: 'Motion' },
    async describe(ids, { db }) {
      const wanted = numericIds(ids);
      if (wanted.length === 0) return new Map();
      const found = await db
        .select({ id: congressMotion.id, title: congressMotion.title, sessionId: congressMotion.sessionId })
        .from(congressMotion)
        .where(inArray(congressMotion.id, wanted));
      return new Map(found.map((m) => [String(m.id), { label: m.title, link: `/congress/sessions/${m.sessionId}` }]));
    },
  },
};
