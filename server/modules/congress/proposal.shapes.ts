import { z } from 'zod';
import { ZDate } from '../member/index.js';
import {
  ASSIGNMENT_ROLES,
  COSIGNER_STATES,
  DUTY_KINDS,
  PROPOSAL_RATINGS,
  PROPOSAL_STATES,
  REVIEW_DECISIONS,
} from './proposal.schema.js';

// The zod shapes of proposals and duty records, shared by the staff and representative routes.

const text = (max: number, message: string) => z.string().trim().min(1, message).max(max, message);

export const ZProposalTitle = text(200, 'congress.proposalTitle');
export const ZProposalBody = text(20_000, 'congress.proposalBody');
export const ZReason = text(2000, 'congress.proposalReason');
export const ZDepartment = text(100, 'congress.department');
export const ZAnswerBody = text(20_000, 'congress.answer');
export const ZComment = z.string().trim().max(2000, 'congress.comment');
export const ZSummary = text(5000, 'congress.summary');
export const ZRating = z.enum(PROPOSAL_RATINGS, 'congress.rating');
export const ZDecision = z.enum(REVIEW_DECISIONS, 'congress.decision');
export const ZDutyKind = z.enum(DUTY_KINDS, 'congress.dutyKind');
export { ZDate };

export const ZProposal = z
  .object({
    id: z.number().int(),
    termId: z.number().int(),
    bodyId: z.number().int(),
    number: z.number().int().nullable(),
    title: z.string(),
    body: z.string(),
    proposerId: z.number().int(),
    proposerName: z.string(),
    state: z.enum(PROPOSAL_STATES),
    round: z.number().int(),
    overdue: z.boolean(),
    dutyRecordId: z.number().int().nullable(),
    cosigners: z.array(
      z.object({ representativeId: z.number().int(), name: z.string(), state: z.enum(COSIGNER_STATES) }),
    ),
    createdAt: z.iso.datetime(),
    submittedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'CongressProposal' });

export const ZProposalDetail = ZProposal.extend({
  review: z
    .object({ decision: z.enum(REVIEW_DECISIONS), reason: z.string(), reviewerName: z.string(), at: z.iso.datetime() })
    .nullable(),
  assignments: z.array(
    z.object({
      id: z.number().int(),
      department: z.string(),
      role: z.enum(ASSIGNMENT_ROLES),
      deadline: z.string(),
      returnedAt: z.iso.datetime().nullable(),
      returnReason: z.string().nullable(),
      round: z.number().int(),
    }),
  ),
  answers: z.array(
    z.object({
      id: z.number().int(),
      department: z.string(),
      body: z.string(),
      round: z.number().int(),
      at: z.iso.datetime(),
    }),
  ),
  ratings: z.array(
    z.object({
      representativeId: z.number().int(),
      name: z.string(),
      rating: z.enum(PROPOSAL_RATINGS),
      comment: z.string().nullable(),
      round: z.number().int(),
    }),
  ),
  events: z.array(z.object({ at: z.iso.datetime(), action: z.string(), by: z.string(), note: z.string().nullable() })),
}).meta({ id: 'CongressProposalDetail' });

export const ZMyRole = z.enum(['proposer', 'cosigner']);

export const ZPublicProposal = z
  .object({
    number: z.number().int().nullable(),
    title: z.string(),
    proposerName: z.string(),
    state: z.enum(PROPOSAL_STATES),
    departments: z.array(z.string()),
    answeredAt: z.string().nullable(),
    rating: z.enum(PROPOSAL_RATINGS).nullable(),
  })
  .meta({ id: 'CongressPublicProposal' });

export const ZDutyRecord = z
  .object({
    id: z.number().int(),
    termId: z.number().int(),
    representativeId: z.number().int(),
    name: z.string(),
    kind: z.enum(DUTY_KINDS),
    on: z.string(),
    summary: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'CongressDutyRecord' });
