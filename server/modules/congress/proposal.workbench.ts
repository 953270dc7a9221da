import { sql } from 'drizzle-orm';
import { chinaDate } from '../../kernel/clock.js';
import { allOf, countUpTo } from '../../kernel/db.js';
import type { WorkbenchCounter } from '../../kernel/module.js';
import { congressProposal } from './proposal.schema.js';
import { proposalConditions } from './proposal.service.js';

// The committee's pending work on 工作台: submitted proposals waiting for review, counted with the
// staff list's own conditions (GET /api/congress/proposals?state=submitted) so the card equals its total.
// The lead wires it into the manifest's `workbench.todo`.

export const proposalsToReview: WorkbenchCounter = {
  key: 'congress.proposals',
  label: { zh: '待审查提案', en: 'Proposals to review' },
  permission: 'congress:proposal:handle',
  path: '/congress/proposals?state=submitted',
  count: async (db, actor, now) =>
    (
      await countUpTo(
        db,
        congressProposal,
        allOf(sql`true`, ...proposalConditions(actor, { state: 'submitted' }, chinaDate(now))),
      )
    ).total,
};
