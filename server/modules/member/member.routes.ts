import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTransaction, requireActor, type Deps } from '../../kernel/context.js';
import { errorResponses, ZId, ZIdParams, zPage, ZPageQuery } from '../../kernel/http.js';
import { assertOrgAccess, type Actor } from '../../kernel/access.js';
import { normaliseIdNumber } from './id-number.js';
import { PHONE, ZDate, ZMemberPatch, ZNewMember } from './member.fields.js';
import { GENDERS, HOUSEHOLD_TYPES, JOB_TYPES, MEMBER_STATUSES } from './member.schema.js';
import { createMember, getMember, listMembers, revealMember, updateMember } from './member.service.js';
import { compactMemberTally, type MemberFilter } from './member.repo.js';
import { Pump } from '../../kernel/pump.js';
import { shrinkIfSparse } from '../../kernel/db.js';

export const ZMemberListItem = z
  .object({
    id: z.number().int(),
    name: z.string(),
    orgId: z.number().int(),
    orgName: z.string(),
    status: z.enum(MEMBER_STATUSES),
    gender: z.enum(GENDERS),
    birthDate: z.string(),
    age: z.number().int(),
    idNumber: z.string().describe('masked'),
    phone: z.string().nullable().describe('masked'),
    jobType: z.enum(JOB_TYPES),
    employer: z.string().nullable(),
    joinedAt: z.string(),
    cardNo: z.string().nullable(),
  })
  .meta({ id: 'MemberListItem' });

export const ZMember = ZMemberListItem.extend({
  ethnicity: z.string().nullable(),
  politicalStatus: z.string().nullable(),
  education: z.string().nullable(),
  householdType: z.enum(HOUSEHOLD_TYPES).nullable(),
  migrantWorker: z.boolean(),
  post: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  history: z.array(
    z.object({
      id: z.number().int(),
      kind: z.string(),
      at: z.iso.datetime(),
      actorName: z.string().nullable(),
      orgId: z.number().int(),
      orgName: z.string().nullable(),
      note: z.string().nullable(),
      before: z.unknown(),
      after: z.unknown(),
    }),
  ),
}).meta({ id: 'Member' });

export const memberFilterQuery = {
  q: z.string().trim().max(50).optional(),
  orgId: ZId.optional(),
  status: z.enum(MEMBER_STATUSES).optional(),
  jobType: z.enum(JOB_TYPES).optional(),
  newEmployment: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  gender: z.enum(GENDERS).optional(),
  ageMin: z.coerce.number().int().min(0).max(150).optional(),
  ageMax: z.coerce.number().int().min(0).max(150).optional(),
  joinedFrom: ZDate.optional(),
  joinedTo: ZDate.optional(),
  employer: z.string().trim().max(100).optional(),
  sort: z.enum(['name', '-name', 'joinedAt', '-joinedAt']).optional(),
};
export type MemberFilterQuery = z.infer<z.ZodObject<typeof memberFilterQuery>>;

/** Turns the query into repository filters: a full ID number or phone becomes a blind-index lookup. */
export async function resolveMemberFilter(deps: Deps, actor: Actor, q: MemberFilterQuery): Promise<MemberFilter> {
  const { orgId, q: text, ...rest } = q;
  const f: MemberFilter = { ...rest };
  if (orgId) f.orgPath = await assertOrgAccess(deps.db, actor, 'member:member:read', orgId, 'member:member:read');
  if (text) {
    const id = normaliseIdNumber(text);
    if (/^\d{17}[\dX]$/.test(id)) f.idNumberHash = deps.crypto.blindIndex('idNumber', id);
    else if (PHONE.test(text)) f.phoneHash = deps.crypto.blindIndex('phone', text);
    else f.q = text;
  }
  return f;
}

export async function memberRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deps } = app;
  const tags = ['members'];
  // Outside tests, member_tally's rows are folded once a minute (tests call compactMemberTally),
  // and the table rewritten when folding left it mostly empty (after an import).
  if (deps.config.env !== 'test') {
    const pump = new Pump(
      async () => {
        await compactMemberTally(deps.db);
        await shrinkIfSparse(deps.database, 'member_tally');
      },
      (err) => app.log.error({ err }, 'member tally compaction failed'),
    );
    app.addHook('onReady', async () => pump.start(60_000));
    app.addHook('onClose', async () => pump.stop());
  }

  r.get(
    '/api/members',
    {
      schema: {
        tags,
        summary: 'The roster: members in scope, filtered and sorted (ID numbers and phones masked)',
        querystring: z.strictObject({ ...memberFilterQuery, ...ZPageQuery }),
        response: { 200: zPage(ZMemberListItem), ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      const { page, pageSize, ...query } = req.query;
      const filter = await resolveMemberFilter(deps, actor, query);
      const { items, total, capped } = await listMembers(
        deps.db,
        deps.crypto,
        actor,
        { ...filter, page, pageSize },
        deps.clock.now(),
      );
      return { items, total, totalCapped: capped, page, pageSize };
    },
  );

  r.get(
    '/api/members/:id',
    {
      schema: {
        tags,
        summary: 'One member with its history',
        params: ZIdParams,
        response: { 200: ZMember, ...errorResponses },
      },
    },
    async (req) => getMember(deps.db, deps.crypto, requireActor(req, 'staff'), req.params.id, deps.clock.now()),
  );

  r.post(
    '/api/members',
    {
      schema: {
        tags,
        summary: 'Add a member directly (gender and birth date come from the ID number)',
        body: ZNewMember,
        response: { 201: ZMember, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req, 'staff');
      const id = await inTransaction(deps, req, (tx, env) => createMember(tx, env, actor, req.body));
      return reply.code(201).send(await getMember(deps.db, deps.crypto, actor, id, deps.clock.now()));
    },
  );

  r.patch(
    '/api/members/:id',
    {
      schema: {
        tags,
        summary: 'Edit a member, or mark them as left or deceased',
        params: ZIdParams,
        body: ZMemberPatch,
        response: { 200: ZMember, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      await inTransaction(deps, req, (tx, env) => updateMember(tx, env, actor, req.params.id, req.body));
      return getMember(deps.db, deps.crypto, actor, req.params.id, deps.clock.now());
    },
  );

  r.post(
    '/api/members/:id/reveal',
    {
      schema: {
        tags,
        summary: 'Show the full ID number and phone of one member, with a reason (audited)',
        params: ZIdParams,
        body: z.strictObject({ reason: z.string().trim().min(2, 'reason.required').max(200) }),
        response: { 200: z.object({ idNumber: z.string(), phone: z.string().nullable() }), ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      return inTransaction(deps, req, (tx, env) => revealMember(tx, env, actor, req.params.id, req.body.reason));
    },
  );
}
