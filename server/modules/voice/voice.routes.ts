import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assertOrgAccess } from '../../kernel/access.js';
import { inTransaction, requireActor } from '../../kernel/context.js';
import { errorResponses, ZId, ZIdParams, zPage, ZPageQuery } from '../../kernel/http.js';
import { VOICE_KINDS, VOICE_STATUSES } from './voice.schema.js';
import {
  closeVoice,
  getOwnItem,
  voiceToCase,
  getStaffItem,
  listOwnItems,
  listPublished,
  listStaffItems,
  publishVoice,
  replyVoice,
  setConsent,
  submitVoice,
} from './voice.service.js';

const ZMyVoiceItem = z
  .object({
    id: z.number().int(),
    orgId: z.number().int(),
    orgName: z.string(),
    kind: z.enum(VOICE_KINDS),
    title: z.string(),
    content: z.string(),
    showName: z.boolean(),
    publishConsent: z.boolean(),
    published: z.boolean(),
    status: z.enum(VOICE_STATUSES),
    reply: z.string().nullable(),
    repliedAt: z.iso.datetime().nullable(),
    caseId: z.number().int().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'MyVoiceItem' });

// No field here can carry the sender unless they chose to show their name.
export const ZVoiceItem = z
  .object({
    id: z.number().int(),
    orgId: z.number().int(),
    orgName: z.string(),
    kind: z.enum(VOICE_KINDS),
    title: z.string(),
    content: z.string(),
    status: z.enum(VOICE_STATUSES),
    showName: z.boolean(),
    author: z.object({ name: z.string() }).nullable().describe('only when the sender chose to show their name'),
    publishConsent: z.boolean(),
    published: z.boolean(),
    publishedAt: z.iso.datetime().nullable(),
    reply: z.string().nullable(),
    repliedAt: z.iso.datetime().nullable(),
    replierName: z.string().nullable(),
    caseId: z.number().int().nullable(),
    alerted: z.boolean(),
    topics: z.array(z.string()),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'VoiceItem' });

const ZPublicVoiceItem = z
  .object({
    id: z.number().int(),
    kind: z.enum(VOICE_KINDS),
    title: z.string(),
    content: z.string(),
    reply: z.string().nullable(),
    repliedAt: z.iso.datetime().nullable(),
    publishedAt: z.iso.datetime(),
    orgName: z.string(),
  })
  .meta({ id: 'PublicVoiceItem' });

const ZNewVoice = z.strictObject({
  kind: z.enum(VOICE_KINDS),
  title: z.string().trim().min(2).max(60),
  content: z.string().trim().min(5).max(2000),
  showName: z.boolean().default(false),
  publishConsent: z.boolean().default(false),
  orgId: ZId.optional(),
});

export async function voiceRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deps } = app;
  const tags = ['voice'];

  // The member's side.
  r.post(
    '/api/voice',
    {
      schema: {
        tags,
        summary: 'Send a suggestion, complaint or request to the union (anonymous to staff unless showName)',
        body: ZNewVoice,
        response: { 201: ZMyVoiceItem, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req, 'member');
      const id = await inTransaction(deps, req, (tx, env) => submitVoice(tx, env, actor, req.body));
      return reply.code(201).send(await getOwnItem(deps.db, actor, id));
    },
  );

  r.get(
    '/api/me/voice',
    {
      schema: {
        tags,
        summary: 'My voice items with their replies',
        querystring: z.strictObject(ZPageQuery),
        response: { 200: zPage(ZMyVoiceItem), ...errorResponses },
      },
    },
    async (req) => {
      const { page, pageSize } = req.query;
      return { ...(await listOwnItems(deps.db, requireActor(req, 'member'), page, pageSize)), page, pageSize };
    },
  );

  r.patch(
    '/api/me/voice/:id',
    {
      schema: {
        tags,
        summary: 'Give or take back consent to publish my item (taking it back unpublishes it)',
        params: ZIdParams,
        body: z.strictObject({ publishConsent: z.boolean() }),
        response: { 200: ZMyVoiceItem, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'member');
      await inTransaction(deps, req, (tx, env) => setConsent(tx, env, actor, req.params.id, req.body.publishConsent));
      return getOwnItem(deps.db, actor, req.params.id);
    },
  );

  r.get(
    '/api/voice/public',
    {
      schema: {
        tags,
        summary: "Published items with their answers, of the caller's org and its ancestors (never a name)",
        querystring: z.strictObject({ kind: z.enum(VOICE_KINDS).optional(), ...ZPageQuery }),
        response: { 200: zPage(ZPublicVoiceItem), ...errorResponses },
      },
    },
    async (req) => {
      const { page, pageSize, kind } = req.query;
      return { ...(await listPublished(deps.db, requireActor(req), { kind, page, pageSize })), page, pageSize };
    },
  );

  // The voice board.
  r.get(
    '/api/voice',
    {
      schema: {
        tags,
        summary: 'The voice board: items sent to orgs in scope',
        querystring: z.strictObject({
          status: z.enum(VOICE_STATUSES).optional(),
          kind: z.enum(VOICE_KINDS).optional(),
          orgId: ZId.optional(),
          alerted: z
            .enum(['true', 'false'])
            .transform((v) => v === 'true')
            .optional(),
          q: z.string().trim().max(50).optional(),
          ...ZPageQuery,
        }),
        response: { 200: zPage(ZVoiceItem), ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      const { orgId, page, pageSize, ...rest } = req.query;
      const orgPath = orgId
        ? await assertOrgAccess(deps.db, actor, 'voice:item:read', orgId, 'voice:item:read')
        : undefined;
      return { ...(await listStaffItems(deps.db, actor, { ...rest, orgPath, page, pageSize })), page, pageSize };
    },
  );

  r.get(
    '/api/voice/:id',
    {
      schema: { tags, summary: 'One voice item', params: ZIdParams, response: { 200: ZVoiceItem, ...errorResponses } },
    },
    async (req) => getStaffItem(deps.db, requireActor(req, 'staff'), req.params.id),
  );

  // A staff action's route options; each handler is written at its call, so its body type is inferred from the schema.
  const staffAction = <B extends z.ZodType>(summary: string, body: B) => ({
    schema: { tags, summary, params: ZIdParams, body, response: { 200: ZVoiceItem, ...errorResponses } },
  });
  const act = async (req: FastifyRequest, id: number, work: Work) => {
    const actor = requireActor(req, 'staff');
    await inTransaction(deps, req, (tx, env) => work(tx, env, actor, id));
    return getStaffItem(deps.db, actor, id);
  };

  r.post(
    '/api/voice/:id/reply',
    staffAction(
      'Reply to the sender (replaces an earlier reply)',
      z.strictObject({ reply: z.string().trim().min(2).max(2000) }),
    ),
    async (req) => act(req, req.params.id, (tx, env, actor, id) => replyVoice(tx, env, actor, id, req.body.reply)),
  );
  r.post(
    '/api/voice/:id/publish',
    staffAction(
      "Publish the item with its answer (needs the sender's consent and a reply), or unpublish it",
      z.strictObject({ published: z.boolean() }),
    ),
    async (req) =>
      act(req, req.params.id, (tx, env, actor, id) => publishVoice(tx, env, actor, id, req.body.published)),
  );
  r.post(
    '/api/voice/:id/close',
    {
      schema: { tags, summary: 'Close the item', params: ZIdParams, response: { 200: ZVoiceItem, ...errorResponses } },
    },
    async (req) => act(req, req.params.id, (tx, env, actor, id) => closeVoice(tx, env, actor, id)),
  );

  r.post(
    '/api/voice/:id/case',
    {
      schema: {
        tags,
        summary:
          'Turn the item into a case of a service (the sender stays anonymous to handlers unless they showed their name)',
        params: ZIdParams,
        body: z.strictObject({ serviceId: ZId, fields: z.record(z.string().max(50), z.unknown()).default({}) }),
        response: { 201: z.object({ caseId: z.number().int() }), ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req, 'staff');
      const caseId = await inTransaction(deps, req, (tx, env) =>
        voiceToCase(tx, env, actor, req.params.id, req.body.serviceId, req.body.fields),
      );
      return reply.code(201).send({ caseId });
    },
  );
}

type Work = (
  tx: Parameters<Parameters<typeof inTransaction>[2]>[0],
  env: Parameters<Parameters<typeof inTransaction>[2]>[1],
  actor: ReturnType<typeof requireActor>,
  id: number,
) => Promise<void>;
