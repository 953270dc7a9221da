// The congress module's public surface (职工代表大会, "永不闭幕"): bodies, terms, representatives,
// sessions with attendance and compliance records, votes with secret ballots, proposals,
// evaluations and the work between sessions. Other modules import it only through this file.
import { count, eq } from 'drizzle-orm';
import { defineModule } from '../../kernel/module.js';
import { seedDemoCongress } from '../../seed/demo-congress.js';
import { seedDemoVotes } from '../../seed/demo-congress-votes.js';
import { seedDemoProposals } from '../../seed/demo-congress-proposals.js';
import { seedDemoEvaluations } from '../../seed/demo-congress-evaluations.js';
import { registerOrgUsage } from '../org/index.js';
import { CONGRESS_AUDIT_TARGETS, CONGRESS_CORE_AUDIT_ACTIONS, CONGRESS_CORE_FIELD_MESSAGES } from './congress.audit.js';
import { CONGRESS_ERRORS, CONGRESS_FIELD_MESSAGES } from './congress.errors.js';
import { congressRoutes } from './congress.routes.js';
import { congressMeRoutes } from './me.routes.js';
import { representativeRoutes } from './representative.routes.js';
import { sessionRoutes } from './session.routes.js';
import { congressBody } from './congress.schema.js';
import { VOTE_AUDIT_ACTIONS, VOTE_AUDIT_TARGETS } from './vote.audit.js';
import { VOTE_ERRORS, VOTE_FIELD_MESSAGES } from './vote.errors.js';
import { voteRoutes } from './vote.routes.js';
import { dutyRoutes } from './duty.routes.js';
import { PROPOSAL_AUDIT_ACTIONS, PROPOSAL_AUDIT_TARGETS } from './proposal.audit.js';
import { PROPOSAL_ERRORS, PROPOSAL_FIELD_MESSAGES } from './proposal.errors.js';
import { proposalMeRoutes } from './proposal.me.routes.js';
import { proposalRoutes } from './proposal.routes.js';
import { proposalsToReview } from './proposal.workbench.js';
import { EVALUATION_AUDIT_ACTIONS } from './evaluation.audit.js';
import { EVALUATION_ERRORS, EVALUATION_FIELD_MESSAGES } from './evaluation.errors.js';
import { evaluationMeRoutes } from './evaluation.me.routes.js';
import { evaluationRoutes } from './evaluation.routes.js';
import { jointRoutes } from './joint.routes.js';
import { publicationRoutes } from './publication.routes.js';
import { congressPublicationMeRoutes } from './publication.me.routes.js';
import { congressPeerRoutes } from './me.peers.routes.js';

// An org with a congress is in use: it can be closed, not deleted.
registerOrgUsage(async (tx, orgId) => {
  const [b] = await tx.select({ n: count() }).from(congressBody).where(eq(congressBody.orgId, orgId));
  return (b?.n ?? 0) > 0;
});

export const congressModule = defineModule({
  name: 'congress',
  permissions: {
    'congress:congress:read': { zh: '查看职代会', en: 'View workers’ congresses' },
    'congress:congress:manage': {
      zh: '管理职代会：届次、代表、会议、签到、表决、评议',
      en: 'Run congresses: terms, representatives, sessions, check-in, votes, evaluations',
    },
    'congress:proposal:handle': {
      zh: '审查、交办、答复职工代表提案',
      en: 'Review, assign and answer proposals',
    },
  },
  errors: { ...CONGRESS_ERRORS, ...VOTE_ERRORS, ...PROPOSAL_ERRORS, ...EVALUATION_ERRORS },
  fieldMessages: {
    ...CONGRESS_FIELD_MESSAGES,
    ...CONGRESS_CORE_FIELD_MESSAGES,
    ...VOTE_FIELD_MESSAGES,
    ...PROPOSAL_FIELD_MESSAGES,
    ...EVALUATION_FIELD_MESSAGES,
  },
  // After every step: the member records and accounts of 恒神 (13800000002–09) exist then.
  seedLast: async (ctx) => {
    const demo = await seedDemoCongress(ctx);
    if (!demo) return;
    await seedDemoVotes(ctx.tx, ctx.deps, demo);
    await seedDemoProposals(ctx.tx, ctx.deps, demo);
    await seedDemoEvaluations(ctx.tx, ctx.deps, demo);
  },
  routes: [
    congressRoutes,
    representativeRoutes,
    sessionRoutes,
    congressMeRoutes,
    voteRoutes,
    proposalRoutes,
    proposalMeRoutes,
    dutyRoutes,
    evaluationRoutes,
    evaluationMeRoutes,
    jointRoutes,
    publicationRoutes,
    congressPublicationMeRoutes,
    congressPeerRoutes,
  ],
  auditActions: {
    'congress_rules.update': { zh: '设置职代会规则', en: 'Congress rules set' },
    ...CONGRESS_CORE_AUDIT_ACTIONS,
    ...VOTE_AUDIT_ACTIONS,
    ...PROPOSAL_AUDIT_ACTIONS,
    ...EVALUATION_AUDIT_ACTIONS,
  },
  auditTargets: { ...CONGRESS_AUDIT_TARGETS, ...VOTE_AUDIT_TARGETS, ...PROPOSAL_AUDIT_TARGETS },
  workbench: { todo: [proposalsToReview] },
});

export { REPRESENTATIVE_CATEGORIES, type RepresentativeCategory } from './congress.schema.js';
