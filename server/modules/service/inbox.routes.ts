import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors.js';
import { errorResponses, ZIdParams, zPage, ZPageQuery } from '../../kernel/http.js';
import { countUnread, listInbox, readAllMessages, readMessage } from './inbox.js';

// The inbox (站内信) of every signed-in account, member or staff.

const ZInboxItem = z
  .object({
    id: z.number().int(),
    kind: z.string(),
    title: z.string(),
    body: z.string(),
    caseId: z.number().int().nullable(),
    read: z.boolean(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'InboxMessage' });

export async function inboxRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deps } = app;
  const tags = ['inbox'];

  r.get(
    '/api/me/inbox',
    {
      schema: {
        tags,
        summary: 'My in-app messages, newest first (by the time of the event), with the unread count',
        querystring: z.strictObject({ unread: z.enum(['true', 'false']).optional(), ...ZPageQuery }),
        response: { 200: zPage(ZInboxItem).extend({ unread: z.number().int() }), ...errorResponses },
      },
    },
    async (req) => {
      const { page, pageSize } = req.query;
      const found = await listInbox(deps.db, requireActor(req).accountId, {
        unread: req.query.unread === 'true',
        page,
        pageSize,
      });
      return { ...found, page, pageSize };
    },
  );

  r.get(
    '/api/me/inbox/unread',
    {
      schema: {
        tags,
        summary: 'How many of my messages are unread (the badges)',
        response: { 200: z.object({ unread: z.number().int() }), ...errorResponses },
      },
    },
    async (req) => ({ unread: await countUnread(deps.db, requireActor(req).accountId) }),
  );

  r.post(
    '/api/me/inbox/:id/read',
    {
      schema: {
        tags,
        summary: 'Mark one message read',
        params: ZIdParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      const found = await readMessage(deps.db, requireActor(req).accountId, req.params.id, deps.clock.now());
      if (!found) throw new AppError('NOT_FOUND');
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/me/inbox/read-all',
    {
      schema: { tags, summary: 'Mark all my messages read', response: { 204: z.null(), ...errorResponses } },
    },
    async (req, reply) => {
      await readAllMessages(deps.db, requireActor(req).accountId, deps.clock.now());
      return reply.code(204).send(null);
    },
  );
}
