import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTransaction, requireActor } from '../../kernel/context.js';
import { errorResponses, langOf, ZId, ZIdParams } from '../../kernel/http.js';
import { complianceOf } from './compliance.js';
import { sessionFor } from './congress.access.js';
import { rulesAt } from './congress.rules.js';
import { ATTENDANCE_VIA, REPRESENTATIVE_CATEGORIES } from './congress.schema.js';
import { sessionView, ZDocument, ZPresence, ZSession } from './congress.view.js';
import {
  addDocument,
  attendanceOf,
  checkInCode,
  createSession,
  listSessions,
  staffAttendance,
  transition,
  updateSession,
  type Transition,
} from './session.service.js';

// Sessions, their documents, state steps, attendance and compliance record (API contract Part A).

const READ = 'congress:congress:read' as const;
const ZTitle = z.string().trim().min(1, 'congress.title').max(200, 'congress.title');
const ZAt = z.iso.datetime({ offset: true, message: 'congress.datetime' });
const ZSessionFields = {
  title: ZTitle,
  startsAt: ZAt,
  documentsSentAt: ZAt.optional(),
  topics: z.array(z.string().trim().min(1, 'congress.topic').max(200, 'congress.topic')).max(30),
  location: z.string().trim().max(200).optional(),
  agenda: z
    .array(
      z.strictObject({
        title: ZTitle,
        presenter: z.string().trim().max(50).optional(),
        minutes: z.number().int().min(1).max(600).optional(),
      }),
    )
    .max(50)
    .optional(),
};
const ZAttendanceRow = z.object({
  representativeId: z.number().int(),
  at: z.iso.datetime(),
  via: z.enum(ATTENDANCE_VIA),
});

export async function sessionRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deps } = app;
  const tags = ['congress'];

  r.get(
    '/api/congress/terms/:id/sessions',
    {
      schema: {
        tags,
        summary: "A term's sessions, by number",
        params: ZIdParams,
        response: { 200: z.object({ items: z.array(ZSession) }), ...errorResponses },
      },
    },
    async (req) => listSessions(deps.db, requireActor(req, 'staff'), req.params.id),
  );

  r.post(
    '/api/congress/terms/:id/sessions',
    {
      schema: {
        tags,
        summary: 'Plans a session of the term (its number is the next in the term)',
        params: ZIdParams,
        body: z.strictObject(ZSessionFields),
        response: { 201: ZSession, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req, 'staff');
      const s = await inTransaction(deps, req, (tx, env) => createSession(tx, env, actor, req.params.id, req.body));
      return reply.code(201).send(s);
    },
  );

  r.get(
    '/api/congress/sessions/:id',
    { schema: { tags, summary: 'A session', params: ZIdParams, response: { 200: ZSession, ...errorResponses } } },
    async (req) => {
      const { session, term, body, path } = await sessionFor(deps.db, requireActor(req, 'staff'), READ, req.params.id);
      return sessionView(deps.db, session, term, body, path);
    },
  );

  r.patch(
    '/api/congress/sessions/:id',
    {
      schema: {
        tags,
        summary: 'Edits a planned session',
        params: ZIdParams,
        body: z.strictObject(ZSessionFields).partial(),
        response: { 200: ZSession, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      return inTransaction(deps, req, (tx, env) => updateSession(tx, env, actor, req.params.id, req.body));
    },
  );

  r.post(
    '/api/congress/sessions/:id/documents',
    {
      schema: {
        tags,
        summary: 'Adds a document for the representatives (before the session closes)',
        params: ZIdParams,
        body: z.strictObject({ title: ZTitle, body: z.string().max(100_000) }),
        response: { 201: ZDocument, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req, 'staff');
      const d = await inTransaction(deps, req, (tx, env) => addDocument(tx, env, actor, req.params.id, req.body));
      return reply.code(201).send(d);
    },
  );

  const steps: Array<[Transition, string]> = [
    ['send-documents', 'Sends the documents to the representatives now (the notice the rules count from)'],
    ['open', 'Opens a planned session (a fresh random check-in token)'],
    ['close', 'Closes an open session'],
    ['publish', 'Records the resolutions of a closed session as published to the workforce (厂务公开)'],
    ['report', 'Records a closed session as reported to the higher union'],
  ];
  for (const [step, summary] of steps)
    r.post(
      `/api/congress/sessions/:id/${step}`,
      { schema: { tags, summary, params: ZIdParams, response: { 200: ZSession, ...errorResponses } } },
      async (req) => {
        const actor = requireActor(req, 'staff');
        return inTransaction(deps, req, (tx, env) => transition(tx, env, actor, req.params.id, step));
      },
    );

  r.get(
    '/api/congress/sessions/:id/attendance',
    {
      schema: {
        tags,
        summary: 'Live attendance: presence against the quorum, and every serving representative',
        params: ZIdParams,
        response: {
          200: ZPresence.extend({
            items: z.array(
              z.object({
                representativeId: z.number().int(),
                name: z.string(),
                delegation: z.string(),
                category: z.enum(REPRESENTATIVE_CATEGORIES),
                present: z.boolean(),
                at: z.iso.datetime().nullable(),
                via: z.enum(ATTENDANCE_VIA).nullable(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => attendanceOf(deps.db, requireActor(req, 'staff'), req.params.id),
  );

  r.post(
    '/api/congress/sessions/:id/attendance',
    {
      schema: {
        tags,
        summary: 'Records a representative present at an open session (again: 200 with the first record)',
        params: ZIdParams,
        body: z.strictObject({ representativeId: ZId }),
        response: { 200: ZAttendanceRow, 201: ZAttendanceRow, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req, 'staff');
      const { created, row } = await inTransaction(deps, req, (tx, env) =>
        staffAttendance(tx, env, actor, req.params.id, req.body.representativeId),
      );
      return reply.code(created ? 201 : 200).send(row);
    },
  );

  r.get(
    '/api/congress/sessions/:id/check-in-code',
    {
      schema: {
        tags,
        summary: "The open session's check-in token and the H5 path the console draws as a QR code",
        params: ZIdParams,
        response: { 200: z.object({ token: z.string(), path: z.string() }), ...errorResponses },
      },
    },
    async (req) => checkInCode(deps.db, requireActor(req, 'staff'), req.params.id),
  );

  r.get(
    '/api/congress/sessions/:id/compliance',
    {
      schema: {
        tags,
        summary: "The session's compliance record: each procedural rule, whether it held, with the figures",
        params: ZIdParams,
        response: {
          200: z
            .object({ rules: z.array(z.object({ code: z.string(), held: z.boolean(), detail: z.string() })) })
            .meta({ id: 'CongressCompliance' }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const { session, term, path } = await sessionFor(deps.db, requireActor(req, 'staff'), READ, req.params.id);
      return complianceOf(deps.db, session, term, path, await rulesAt(deps.db, path), langOf(req));
    },
  );
}
