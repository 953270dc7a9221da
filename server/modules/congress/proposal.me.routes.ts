import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { chinaDate } from '../../kernel/clock.js';
import { requireActor } from '../../kernel/context.js';
import { errorResponses, ZId, ZIdParams } from '../../kernel/http.js';
import { cosign, createProposal, myProposal, myProposals, rate, withdraw } from './proposal.service.js';
import {
  ZComment,
  ZMyRole,
  ZProposal,
  ZProposalBody,
  ZProposalDetail,
  ZProposalTitle,
  ZRating,
} from './proposal.shapes.js';

// Proposals on the representative's H5: propose with co-signers, co-sign, withdraw, rate the answer.
// A member who is not a representative of the proposal's term gets 403; a representative who is
// neither its proposer nor a co-signer gets 404.

const ZMine = ZProposalDetail.extend({ myRole: ZMyRole }).meta({ id: 'CongressMyProposal' });

export async function proposalMeRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deps } = app;
  const tags = ['congress'];
  const today = () => chinaDate(deps.clock.now());

  r.post(
    '/api/me/congress/proposals',
    {
      schema: {
        tags,
        summary:
          'Propose (提案) with the co-signers asked to second it; cosigning, or submitted when the rules want none',
        body: z.strictObject({
          termId: ZId,
          title: ZProposalTitle,
          body: ZProposalBody,
          cosigners: z.array(ZId).max(50),
          dutyRecordId: ZId.optional(),
        }),
        response: { 201: ZMine, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req, 'member');
      const at = deps.clock.now();
      const id = await deps.db.transaction((tx) => createProposal(tx, actor, at, req.body));
      return reply.code(201).send(await myProposal(deps.db, actor, id, today()));
    },
  );

  r.get(
    '/api/me/congress/proposals',
    {
      schema: {
        tags,
        summary: 'My proposals and those I am asked to co-sign, newest first',
        response: {
          200: z.object({ items: z.array(ZProposal.extend({ myRole: ZMyRole })) }),
          ...errorResponses,
        },
      },
    },
    async (req) => ({ items: await myProposals(deps.db, requireActor(req, 'member'), today()) }),
  );

  r.get(
    '/api/me/congress/proposals/:id',
    {
      schema: {
        tags,
        summary: 'One of my proposals (or one I am asked to co-sign) with its answers, ratings and history',
        params: ZIdParams,
        response: { 200: ZMine, ...errorResponses },
      },
    },
    async (req) => myProposal(deps.db, requireActor(req, 'member'), req.params.id, today()),
  );

  r.post(
    '/api/me/congress/proposals/:id/cosign',
    {
      schema: {
        tags,
        summary: 'Accept or decline to co-sign (附议); enough acceptances submit the proposal',
        params: ZIdParams,
        body: z.strictObject({ accept: z.boolean() }),
        response: { 200: ZMine, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'member');
      const at = deps.clock.now();
      await deps.db.transaction((tx) => cosign(tx, actor, at, req.params.id, req.body.accept));
      return myProposal(deps.db, actor, req.params.id, today());
    },
  );

  r.post(
    '/api/me/congress/proposals/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw my proposal before the committee reviews it',
        params: ZIdParams,
        response: { 200: ZMine, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'member');
      const at = deps.clock.now();
      await deps.db.transaction((tx) => withdraw(tx, actor, at, req.params.id));
      return myProposal(deps.db, actor, req.params.id, today());
    },
  );

  r.post(
    '/api/me/congress/proposals/:id/rating',
    {
      schema: {
        tags,
        summary:
          'Rate the answer (满意 / 基本满意 / 不满意), once per round; the proposer’s 不满意 sends it to a second handling',
        params: ZIdParams,
        body: z.strictObject({ rating: ZRating, comment: ZComment.optional() }),
        response: { 200: ZMine, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'member');
      const at = deps.clock.now();
      await deps.db.transaction((tx) => rate(tx, actor, at, req.params.id, req.body));
      return myProposal(deps.db, actor, req.params.id, today());
    },
  );
}
