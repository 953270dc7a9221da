import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assertOrgAccess } from '../../kernel/access.js';
import { inTransaction, requireActor } from '../../kernel/context.js';
import { errorResponses, ZId, ZIdParams, zPage, ZPageQuery } from '../../kernel/http.js';
import {
  createTopic,
  decideAlert,
  getAlert,
  getTopic,
  listAlerts,
  listNotices,
  listTopics,
  readNotice,
  updateTopic,
} from './alert.service.js';
import { ALERT_KINDS, ALERT_STATUSES, VOICE_KINDS } from './voice.schema.js';

const ZAlert = z
  .object({
    id: z.number().int(),
    orgId: z.number().int(),
    orgName: z.string(),
    kind: z.enum(ALERT_KINDS),
    topics: z.array(z.object({ id: z.number().int(), name: z.string() })),
    keywords: z.array(z.string()),
    weekStart: z.string().nullable(),
    count: z.number().int().nullable(),
    baseline: z.number().nullable(),
    threshold: z.number().nullable(),
    status: z.enum(ALERT_STATUSES),
    note: z.string().nullable(),
    createdAt: z.iso.datetime(),
    acknowledgedAt: z.iso.datetime().nullable(),
    acknowledgedByName: z.string().nullable(),
    closedAt: z.iso.datetime().nullable(),
    closedByName: z.string().nullable(),
    items: z.array(
      z.object({
        id: z.number().int(),
        kind: z.enum(VOICE_KINDS),
        title: z.string(),
        excerpt: z.string(),
        createdAt: z.iso.datetime(),
      }),
    ),
  })
  .meta({ id: 'Alert' });

const ZTopic = z
  .object({
    id: z.number().int(),
    orgId: z.number().int(),
    orgName: z.string(),
    name: z.string(),
    keywords: z.array(z.string()),
    active: z.boolean(),
    inherited: z.boolean(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'AlertTopic' });

const ZNotice = z
  .object({
    id: z.number().int(),
    alertId: z.number().int(),
    title: z.string(),
    body: z.string(),
    readAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'AlertNotice' });

const ZKeywords = z.array(z.string().trim().min(1).max(20)).min(1).max(50);
const ZNote = z.string().trim().max(500);

export async function alertRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deps } = app;
  const tags = ['alerts'];

  r.get(
    '/api/alerts',
    {
      schema: {
        tags,
        summary: 'The alert board: alerts of orgs in scope with the items behind them',
        querystring: z.strictObject({
          status: z.enum(ALERT_STATUSES).optional(),
          kind: z.enum(ALERT_KINDS).optional(),
          orgId: ZId.optional(),
          ...ZPageQuery,
        }),
        response: { 200: zPage(ZAlert), ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      const { orgId, page, pageSize, ...rest } = req.query;
      const orgPath = orgId
        ? await assertOrgAccess(deps.db, actor, 'voice:alert:read', orgId, 'voice:alert:read')
        : undefined;
      return { ...(await listAlerts(deps.db, actor, { ...rest, orgPath, page, pageSize })), page, pageSize };
    },
  );

  r.get(
    '/api/alerts/:id',
    {
      schema: { tags, summary: 'One alert', params: ZIdParams, response: { 200: ZAlert, ...errorResponses } },
    },
    async (req) => getAlert(deps.db, requireActor(req, 'staff'), req.params.id),
  );

  for (const [path, to, body] of [
    ['acknowledge', 'acknowledged', z.strictObject({ note: ZNote.optional() })],
    ['close', 'closed', z.strictObject({ note: ZNote.min(2, 'reason.required') })],
  ] as const) {
    r.post(
      `/api/alerts/:id/${path}`,
      {
        schema: {
          tags,
          summary: to === 'closed' ? 'Close an alert with a note' : 'Acknowledge an open alert',
          params: ZIdParams,
          body,
          response: { 200: ZAlert, ...errorResponses },
        },
      },
      async (req) => {
        const actor = requireActor(req, 'staff');
        await inTransaction(deps, req, (tx, env) =>
          decideAlert(tx, env, actor, req.params.id, to, req.body.note ?? null),
        );
        return getAlert(deps.db, actor, req.params.id);
      },
    );
  }

  r.get(
    '/api/alert-topics',
    {
      schema: {
        tags,
        summary: 'Sensitive-word topics of orgs in scope, and those inherited from above',
        querystring: z.strictObject({ orgId: ZId.optional(), ...ZPageQuery }),
        response: { 200: zPage(ZTopic), ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      const { orgId, page, pageSize } = req.query;
      const orgPath = orgId
        ? await assertOrgAccess(deps.db, actor, 'voice:alert:read', orgId, 'voice:alert:read')
        : undefined;
      return { ...(await listTopics(deps.db, actor, { orgPath, page, pageSize })), page, pageSize };
    },
  );

  r.post(
    '/api/alert-topics',
    {
      schema: {
        tags,
        summary: 'Add a topic with its keywords',
        body: z.strictObject({
          orgId: ZId,
          name: z.string().trim().min(1).max(30),
          keywords: ZKeywords,
          active: z.boolean().optional(),
        }),
        response: { 201: ZTopic, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req, 'staff');
      const id = await inTransaction(deps, req, (tx, env) => createTopic(tx, env, actor, req.body));
      return reply.code(201).send(await getTopic(deps.db, actor, id));
    },
  );

  r.patch(
    '/api/alert-topics/:id',
    {
      schema: {
        tags,
        summary: 'Rename a topic, change its keywords, switch it on or off',
        params: ZIdParams,
        body: z.strictObject({
          name: z.string().trim().min(1).max(30).optional(),
          keywords: ZKeywords.optional(),
          active: z.boolean().optional(),
        }),
        response: { 200: ZTopic, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      await inTransaction(deps, req, (tx, env) => updateTopic(tx, env, actor, req.params.id, req.body));
      return getTopic(deps.db, actor, req.params.id);
    },
  );

  r.get(
    '/api/alert-notices',
    {
      schema: {
        tags,
        summary: 'My alert notices',
        querystring: z.strictObject({
          unread: z
            .enum(['true', 'false'])
            .transform((v) => v === 'true')
            .optional(),
          ...ZPageQuery,
        }),
        response: { 200: zPage(ZNotice), ...errorResponses },
      },
    },
    async (req) => {
      const { page, pageSize, unread } = req.query;
      return {
        ...(await listNotices(deps.db, requireActor(req, 'staff'), { unread, page, pageSize })),
        page,
        pageSize,
      };
    },
  );

  r.post(
    '/api/alert-notices/:id/read',
    {
      schema: {
        tags,
        summary: 'Mark one of my notices read',
        params: ZIdParams,
        response: { 200: ZNotice, ...errorResponses },
      },
    },
    async (req) => readNotice(deps.db, requireActor(req, 'staff'), req.params.id, deps.clock.now()),
  );
}
