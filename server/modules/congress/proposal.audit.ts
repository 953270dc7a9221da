import { inArray } from 'drizzle-orm';
import { numericIds, type AuditTargetKind } from '../../kernel/audit-labels.js';
import type { Label } from '../../kernel/errors.js';
import { congressProposal } from './proposal.schema.js';

// How the audit log names the committee's actions on proposals and the proposals themselves.
// Representatives' own steps (propose, co-sign, rate) are in the proposal's history, not the audit log.

export const PROPOSAL_AUDIT_ACTIONS = {
  'congress_proposal.review': { zh: '审查职代会提案', en: 'Congress proposal reviewed' },
  'congress_proposal.assign': { zh: '交办职代会提案', en: 'Congress proposal assigned' },
  'congress_proposal.return': { zh: '退回交办的提案', en: 'Congress proposal assignment returned' },
  'congress_proposal.answer': { zh: '答复职代会提案', en: 'Congress proposal answered' },
  'congress_proposal.report': { zh: '导出提案办理情况报告', en: 'Proposal handling report exported' },
} as const satisfies Record<string, Label>;

export const PROPOSAL_AUDIT_TARGETS: Readonly<Record<string, AuditTargetKind>> = {
  congress_proposal: {
    label: { zh: '职代会提案', en: 'Congress proposal' },
    async describe(ids, { db }) {
      const wanted = numericIds(ids);
      if (wanted.length === 0) return new Map();
      const found = await db
        .select({ id: congressProposal.id, number: congressProposal.number, title: congressProposal.title })
        .from(congressProposal)
        .where(inArray(congressProposal.id, wanted));
      return new Map(
        found.map((p) => [
          String(p.id),
          { label: p.number ? `第${p.number}号 ${p.title}` : p.title, link: `/congress/proposals/${p.id}` },
        ]),
      );
    },
  },
};
