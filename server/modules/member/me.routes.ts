import { and, eq, isNull } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../kernel/access.js';
import { writeAudit } from '../../kernel/audit.js';
import { auditSource, inTransaction, requireActor, type Deps } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors.js';
import { errorResponses, ZId } from '../../kernel/http.js';
import { memberOfAccount } from './account.js';
import { issueCard } from './card.service.js';
import { listOwnCorrections, submitCorrection } from './correction.service.js';
import { latestJoin, submitJoin } from './join.service.js';
import { memberDetailFields, ZIdNumber, ZMemberPhone, ZName } from './member.fields.js';
import { findMember, type MemberWithOrg } from './member.repo.js';
import { member, MEMBER_STATUSES } from './member.schema.js';
import { withHistory } from './member.service.js';
import { ZMember } from './member.routes.js';
import { getTransferView, latestTransferOf, requestTransfer } from './transfer.service.js';
import { ZCorrection, ZJoinRequest, ZTransfer } from './workflow.routes.js';

// The member's own side on the H5: join, my record, corrections, card, transfer. A member sees
// only their own record: found by account, or (once) by the phone they signed in with.

/** The caller's member record; links a staff-entered record with the same phone on first use. */
async function ownMember(deps: Deps, actor: Actor, source: ReturnType<typeof auditSource>): Promise<MemberWithOrg> {
  const own = await memberOfAccount(deps.db, actor.accountId);
  if (!own) throw new AppError('NOT_A_MEMBER');
  if (own.accountId === null) {
    // A record entered by staff with the phone this member signed in with: linked now, once.
    await deps.db.transaction(async (tx) => {
      await tx
        .update(member)
        .set({ accountId: actor.accountId })
        .where(and(eq(member.id, own.id), isNull(member.accountId)));
      await writeAudit(tx, deps.crypto, source, {
        orgId: own.orgId,
        action: 'member.link_account',
        targetType: 'member',
        targetId: own.id,
      });
    });
  }
  const found = await findMember(deps.db, own.id);
  if (!found) throw new AppError('NOT_A_MEMBER');
  return found;
}

const ZJoinBody = z.strictObject({ orgId: ZId, name: ZName, idNumber: ZIdNumber, ...memberDetailFields });
const ZCorrectionBody = z.strictObject({
  changes: z.strictObject({
    name: ZName.optional(),
    phone: ZMemberPhone.optional(),
    employer: memberDetailFields.employer,
    post: memberDetailFields.post,
    jobType: memberDetailFields.jobType,
    ethnicity: memberDetailFields.ethnicity,
    politicalStatus: memberDetailFields.politicalStatus,
    education: memberDetailFields.education,
    householdType: memberDetailFields.householdType,
    migrantWorker: memberDetailFields.migrantWorker,
  }),
  note: z.string().trim().max(200).optional(),
});
const ZCard = z
  .object({
    cardNo: z.string().nullable(),
    name: z.string(),
    orgName: z.string(),
    status: z.enum(MEMBER_STATUSES),
    token: z.string(),
    expiresAt: z.iso.datetime(),
    ttlSeconds: z.number().int(),
    serverTime: z.iso.datetime(),
    qrDataUrl: z.string(),
  })
  .meta({ id: 'MemberCard' });

export async function memberSelfRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deps } = app;
  const tags = ['me'];
  const me = (req: Parameters<typeof requireActor>[0]) => requireActor(req, 'member');

  r.get(
    '/api/me/member',
    {
      schema: {
        tags,
        summary: 'My member record (masked), with its history',
        response: { 200: ZMember, ...errorResponses },
      },
    },
    async (req) =>
      withHistory(deps.db, deps.crypto, await ownMember(deps, me(req), auditSource(req, deps.clock)), deps.clock.now()),
  );

  r.post(
    '/api/me/join',
    {
      schema: {
        tags,
        summary: 'Apply to join a grassroots union (real-name form)',
        body: ZJoinBody,
        response: { 201: ZJoinRequest, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = me(req);
      return reply.code(201).send(await inTransaction(deps, req, (tx, env) => submitJoin(tx, env, actor, req.body)));
    },
  );

  r.get(
    '/api/me/join',
    {
      schema: { tags, summary: 'My latest join request', response: { 200: ZJoinRequest, ...errorResponses } },
    },
    async (req) => {
      const found = await latestJoin(deps.db, deps.crypto, me(req).accountId);
      if (!found) throw new AppError('NOT_FOUND');
      return found;
    },
  );

  r.post(
    '/api/me/corrections',
    {
      schema: {
        tags,
        summary: 'Ask my union to correct my record',
        body: ZCorrectionBody,
        response: { 201: ZCorrection, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { m } = await ownMember(deps, me(req), auditSource(req, deps.clock));
      const made = await inTransaction(deps, req, (tx, env) =>
        submitCorrection(tx, env, m, req.body.changes, req.body.note ?? null),
      );
      return reply.code(201).send(made);
    },
  );

  r.get(
    '/api/me/corrections',
    {
      schema: {
        tags,
        summary: 'My correction requests',
        response: { 200: z.object({ items: z.array(ZCorrection) }), ...errorResponses },
      },
    },
    async (req) => {
      const { m } = await ownMember(deps, me(req), auditSource(req, deps.clock));
      return { items: await listOwnCorrections(deps.db, deps.crypto, m.id) };
    },
  );

  r.get(
    '/api/me/card',
    {
      schema: {
        tags,
        summary:
          'My electronic member card with a signed QR valid for 5 minutes (409 MEMBER_CARD_INACTIVE once I have left)',
        response: { 200: ZCard, ...errorResponses },
      },
    },
    async (req) => {
      const { m, orgName } = await ownMember(deps, me(req), auditSource(req, deps.clock));
      // a member who has left (or died) holds no card: no code to show at a counter or a merchant
      if (m.status === 'left' || m.status === 'deceased') throw new AppError('MEMBER_CARD_INACTIVE');
      return issueCard(deps.crypto, m, orgName, deps.clock.now());
    },
  );

  r.post(
    '/api/me/transfer',
    {
      schema: {
        tags,
        summary: 'Ask to move my membership to another union',
        body: z.strictObject({ toOrgId: ZId, reason: z.string().trim().max(200).optional() }),
        response: { 201: ZTransfer, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { m } = await ownMember(deps, me(req), auditSource(req, deps.clock));
      const id = await inTransaction(deps, req, (tx, env) =>
        requestTransfer(tx, env, m, req.body.toOrgId, req.body.reason ?? null),
      );
      return reply.code(201).send(await getTransferView(deps.db, deps.crypto, id));
    },
  );

  r.get(
    '/api/me/transfer',
    {
      schema: { tags, summary: 'My latest transfer', response: { 200: ZTransfer, ...errorResponses } },
    },
    async (req) => {
      const { m } = await ownMember(deps, me(req), auditSource(req, deps.clock));
      const found = await latestTransferOf(deps.db, deps.crypto, m.id);
      if (!found) throw new AppError('NOT_FOUND');
      return found;
    },
  );
}
