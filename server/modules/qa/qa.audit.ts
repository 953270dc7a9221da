import { inArray } from 'drizzle-orm';
import { numericIds, type AuditTargetKind } from '../../kernel/audit-labels.js';
import type { Label } from '../../kernel/errors.js';
import { qaEntry } from './qa.schema.js';

// How the audit log names the Q&A module's actions and its entries.

export const QA_AUDIT_ACTIONS = {
  'qa.create': { zh: '新增政策问答', en: 'Q&A entry added' },
  'qa.update': { zh: '编辑政策问答', en: 'Q&A entry edited' },
  'qa.publish': { zh: '发布政策问答', en: 'Q&A entry published' },
  'qa.withdraw': { zh: '撤回政策问答', en: 'Q&A entry withdrawn' },
} as const satisfies Record<string, Label>;

const SHORT = 30;

export const QA_AUDIT_TARGETS: Readonly<Record<string, AuditTargetKind>> = {
  qa_entry: {
    label: { zh: '政策问答', en: 'Q&A entry' },
    async describe(ids, { db }) {
      const wanted = numericIds(ids);
      if (wanted.length === 0) return new Map();
      const found = await db
        .select({ id: qaEntry.id, question: qaEntry.question })
        .from(qaEntry)
        .where(inArray(qaEntry.id, wanted));
      return new Map(
        found.map((e) => [
          String(e.id),
          {
            label: e.question.length > SHORT ? `${e.question.slice(0, SHORT)}…` : e.question,
            link: '/service/knowledge',
          },
        ]),
      );
    },
  },
};
