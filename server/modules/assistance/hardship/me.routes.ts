import { count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTransaction, requireActor, type Deps } from '../../../kernel/context.js';
import { maskName } from '../../../kernel/crypto.js';
import { AppError } from '../../../kernel/errors.js';
import { errorResponses, zPage, ZPageQuery } from '../../../kernel/http.js';
import { memberRef } from '../../member/index.js';
import { orgRef } from '../../org/index.js';
import { memberIdOfAccount } from './hardship.access.js';
import { EXIT_REASONS, FILE_STATES, HARDSHIP_CATEGORIES, hardshipFile, hardshipView } from './hardship.schema.js';
import {
  activeConsent,
  CONSENT_SCOPES,
  CONSENT_VERSION,
  PURGE_AFTER_DAYS,
  recordConsent,
  withdrawConsent,
} from './hardship.service.js';
import { ZAssistanceItem } from './hardship.zod.js';
import { assistanceHistory } from './hooks.js';

// The member's own side on the H5: my file's status (no household figures), assistance received,
// who viewed my file and when (names masked), and consent given and withdrawn.

const ZMyHardship = z
  .object({
    consentVersion: z.string(),
    consentScopes: z.array(z.enum(CONSENT_SCOPES)),
    purgeAfterDays: z.number().int(),
    consent: z
      .object({
        version: z.string(),
        scope: z.array(z.string()),
        givenAt: z.iso.datetime(),
        givenVia: z.enum(['member', 'staff']),
      })
      .nullable(),
    file: z
      .object({
        id: z.number().int(),
        state: z.enum(FILE_STATES),
        category: z.enum(HARDSHIP_CATEGORIES).nullable(),
        orgName: z.string(),
        filedAt: z.iso.datetime().nullable(),
        reviewDue: z.string().nullable(),
        exitReason: z.enum(EXIT_REASONS).nullable(),
        watchUntil: z.string().nullable(),
        purgeAt: z.iso.datetime().nullable(),
      })
      .nullable(),
    assistance: z.array(ZAssistanceItem),
  })
  .meta({ id: 'MyHardship' });

async function ownMember(deps: Deps, req: FastifyRequest) {
  const actor = requireActor(req, 'member');
  const id = await memberIdOfAccount(deps.db, actor.accountId);
  if (!id) throw new AppError('NOT_A_MEMBER');
  const [m] = await deps.db
    .select({ id: memberRef.id, orgId: memberRef.orgId })
    .from(memberRef)
    .where(eq(memberRef.id, id));
  if (!m) throw new AppError('NOT_A_MEMBER');
  return m;
}

export async function hardshipSelfRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deps } = app;
  const tags = ['me'];

  const mine = async (memberId: number) => {
    const consent = await activeConsent(deps.db, memberId);
    const [f] = await deps.db
      .select({ f: hardshipFile, orgName: orgRef.name })
      .from(hardshipFile)
      .innerJoin(orgRef, eq(orgRef.id, hardshipFile.orgId))
      .where(eq(hardshipFile.memberId, memberId))
      .orderBy(desc(hardshipFile.id))
      .limit(1);
    return {
      consentVersion: CONSENT_VERSION,
      consentScopes: [...CONSENT_SCOPES],
      purgeAfterDays: PURGE_AFTER_DAYS,
      consent: consent
        ? {
            version: consent.version,
            scope: consent.scope,
            givenAt: consent.givenAt.toISOString(),
            givenVia: consent.givenVia,
          }
        : null,
      file: f
        ? {
            id: f.f.id,
            state: f.f.state,
            category: f.f.category,
            orgName: f.orgName,
            filedAt: f.f.filedAt?.toISOString() ?? null,
            reviewDue: f.f.reviewDue,
            exitReason: f.f.exitReason,
            watchUntil: f.f.watchUntil,
            purgeAt: f.f.purgeAt?.toISOString() ?? null,
          }
        : null,
      assistance: await assistanceHistory(deps.db, memberId),
    };
  };

  r.get(
    '/api/me/hardship',
    {
      schema: {
        tags,
        summary: 'My hardship file: status, category, next review, assistance received; my consent',
        response: { 200: ZMyHardship, ...errorResponses },
      },
    },
    async (req) => mine((await ownMember(deps, req)).id),
  );

  r.get(
    '/api/me/hardship/viewers',
    {
      schema: {
        tags,
        summary:
          'Who viewed my hardship file and when (names masked, with their org; one line per person and hour, with how many times)',
        querystring: z.strictObject(ZPageQuery),
        response: {
          200: zPage(z.object({ name: z.string(), org: z.string(), at: z.iso.datetime(), times: z.number().int() })),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const m = await ownMember(deps, req);
      const { page, pageSize } = req.query;
      const files = deps.db.select({ id: hardshipFile.id }).from(hardshipFile).where(eq(hardshipFile.memberId, m.id));
      // An officer working a file opens it again after each step: one line per person and hour reads better than a dozen.
      const hour = sql`date_trunc('hour', ${hardshipView.at})`;
      const grouped = deps.db
        .select({
          name: hardshipView.viewerName,
          org: hardshipView.viewerOrg,
          at: sql<Date>`max(${hardshipView.at})`.mapWith(hardshipView.at),
          times: sql<number>`count(*)::int`,
        })
        .from(hardshipView)
        .where(inArray(hardshipView.fileId, files))
        .groupBy(hardshipView.accountId, hardshipView.viewerName, hardshipView.viewerOrg, hour);
      const found = await grouped
        .orderBy(desc(sql`max(${hardshipView.at})`))
        .limit(pageSize)
        .offset((page - 1) * pageSize);
      const [n] = await deps.db.select({ n: count() }).from(grouped.as('g'));
      return {
        items: found.map((v) => ({
          name: maskName(v.name.split(/\s+/).pop() ?? v.name),
          org: v.org,
          at: v.at.toISOString(),
          times: v.times,
        })),
        total: n?.n ?? 0,
        page,
        pageSize,
      };
    },
  );

  r.post(
    '/api/me/hardship/consent',
    {
      schema: {
        tags,
        summary: `Give my consent to a hardship file (version ${CONSENT_VERSION}; scope: collect, verify, assist)`,
        body: z.strictObject({
          version: z.string().max(20),
          scope: z.array(z.enum(CONSENT_SCOPES)).min(1).max(CONSENT_SCOPES.length),
        }),
        response: { 201: ZMyHardship, ...errorResponses },
      },
    },
    async (req, reply) => {
      const m = await ownMember(deps, req);
      await inTransaction(deps, req, (tx, env) => recordConsent(tx, env, m, req.body, 'member'));
      return reply.code(201).send(await mine(m.id));
    },
  );

  r.post(
    '/api/me/hardship/consent/withdraw',
    {
      schema: {
        tags,
        summary: `Withdraw my consent: my current file closes and its sensitive data is deleted after ${PURGE_AFTER_DAYS} days`,
        body: z.strictObject({}),
        response: { 200: ZMyHardship, ...errorResponses },
      },
    },
    async (req) => {
      const m = await ownMember(deps, req);
      await inTransaction(deps, req, (tx, env) => withdrawConsent(tx, env, m));
      return mine(m.id);
    },
  );
}
