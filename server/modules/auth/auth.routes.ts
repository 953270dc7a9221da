import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { writeAudit } from '../../kernel/audit.js';
import { auditSource } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors.js';
import { errorResponses } from '../../kernel/http.js';
import { ACCOUNT_KINDS } from './auth.schema.js';
import { completeTotp, login, requestOtp, OTP_RESEND_MS, OTP_TTL_MS, type LoginSuccess } from './login.service.js';
import { changePassword, getMe } from './me.service.js';
import {
  clearSessionCookie,
  createSession,
  loadSession,
  readSessionCookie,
  revokeSessionToken,
  sessionPolicy,
  setSessionCookie,
} from './session.js';
import { disableTotp, enableTotp, setupTotp } from './totp.service.js';

export const PHONE = /^1[3-9]\d{9}$/;
export const ZPhone = z.string().trim().regex(PHONE, 'phone.invalid');
export const ZPassword = z.string().min(1).max(256);

export const ZGrant = z
  .object({
    id: z.number().int(),
    roleCode: z.string(),
    roleName: z.string(),
    orgId: z.number().int(),
    orgName: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Grant' });

export const ZMe = z
  .object({
    id: z.number().int(),
    kind: z.enum(ACCOUNT_KINDS),
    username: z.string().nullable(),
    displayName: z.string(),
    merchant: z
      .object({ id: z.number().int(), name: z.string() })
      .nullable()
      .describe('kind merchant: the partner merchant the account acts for'),
    phone: z.string().nullable().describe('masked'),
    org: z.object({ id: z.number().int(), name: z.string() }).nullable(),
    grants: z.array(ZGrant),
    permissions: z.array(z.string()),
    totpEnabled: z.boolean(),
    totpRequired: z.boolean(),
    hasPassword: z.boolean(),
    session: z.object({
      state: z.enum(['active', 'mfa_pending', 'mfa_enroll']),
      expiresAt: z.iso.datetime(),
      idleTimeoutSeconds: z.number().int(),
    }),
  })
  .meta({ id: 'Me' });

const ZLoginResult = z.object({ next: z.enum(['done', 'totp', 'enroll_totp']), me: ZMe });

// One body, three shapes; a union keeps the OpenAPI document honest about each.
const ZLoginBody = z.union([
  z.strictObject({ username: z.string().trim().min(1).max(64), password: ZPassword }),
  z.strictObject({ phone: ZPhone, password: ZPassword }),
  z.strictObject({ phone: ZPhone, code: z.string().regex(/^\d{6}$/, 'otp.invalid') }),
]);

const ZTotpCode = z.strictObject({ code: z.string().regex(/^\d{6}$/, 'otp.invalid') });

export async function authRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deps } = app;
  const tags = ['auth'];
  // Sign-in is also throttled per IP (in memory, before any database work), so one address cannot
  // try passwords across many accounts; each account's own lockout is in login.service.ts.
  const loginLimit = { rateLimit: { max: deps.config.loginRatePerMinute, timeWindow: '1 minute' } };

  async function answer(req: FastifyRequest, reply: FastifyReply, result: LoginSuccess) {
    setSessionCookie(req, reply, result.session);
    const loaded = await loadSession(deps.db, deps.clock, sessionPolicy(deps.config), result.session.token);
    if (!loaded) throw new AppError('UNAUTHENTICATED');
    return { next: result.next, me: present(await getMe(deps, loaded)) };
  }

  const attempt = (req: FastifyRequest) => ({
    source: auditSource(req, deps.clock),
    userAgent: req.headers['user-agent'] ?? null,
    previousToken: readSessionCookie(req),
  });

  r.post(
    '/api/auth/login',
    {
      config: loginLimit,
      schema: {
        tags,
        summary:
          'Sign in: staff and merchant accounts by username + password; members by phone + password or one-time code',
        body: ZLoginBody,
        response: { 200: ZLoginResult, 423: errorResponses[409], ...errorResponses },
      },
    },
    async (req, reply) => answer(req, reply, await login(deps, req.body, attempt(req))),
  );

  r.post(
    '/api/auth/otp',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Send a one-time sign-in code by SMS',
        body: z.strictObject({ phone: ZPhone }),
        response: {
          200: z.object({
            sent: z.boolean(),
            expiresInSeconds: z.number().int(),
            resendAfterSeconds: z.number().int(),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      await requestOtp(deps, req.body.phone, auditSource(req, deps.clock));
      void deps.outbox.kick();
      return { sent: true, expiresInSeconds: OTP_TTL_MS / 1000, resendAfterSeconds: OTP_RESEND_MS / 1000 };
    },
  );

  r.post(
    '/api/auth/totp/verify',
    {
      config: loginLimit,
      schema: {
        tags,
        summary: 'Second step of a staff sign-in: the authenticator code',
        body: ZTotpCode,
        response: { 200: ZLoginResult, 423: errorResponses[409], ...errorResponses },
      },
    },
    async (req, reply) => {
      const s = pendingSession(req, 'mfa_pending');
      const token = readSessionCookie(req) ?? '';
      return answer(
        req,
        reply,
        await completeTotp(deps, s.accountId, req.body.code, { ...attempt(req), previousToken: token }),
      );
    },
  );

  r.get(
    '/api/auth/me',
    {
      schema: { tags, summary: 'The signed-in account', response: { 200: ZMe, ...errorResponses } },
    },
    async (req) => {
      if (!req.session) throw new AppError('UNAUTHENTICATED');
      return present(await getMe(deps, req.session));
    },
  );

  r.post(
    '/api/auth/logout',
    {
      schema: { tags, summary: 'Sign out (ends the session)', response: { 204: z.null(), ...errorResponses } },
    },
    async (req, reply) => {
      const token = readSessionCookie(req);
      if (token) {
        await deps.db.transaction(async (tx) => {
          await revokeSessionToken(tx, deps.clock, token);
          if (req.session) {
            await writeAudit(tx, deps.crypto, auditSource(req, deps.clock), {
              orgId: req.session.actor.orgId,
              action: 'auth.logout',
              targetType: 'account',
              targetId: req.session.actor.accountId,
            });
          }
        });
      }
      clearSessionCookie(req, reply);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/auth/password',
    {
      schema: {
        tags,
        summary: 'Change (or, without one yet, set) my password; ends my other sessions',
        body: z.strictObject({ currentPassword: ZPassword.optional(), newPassword: ZPassword }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      const s = pendingSession(req, 'active');
      await changePassword(deps, s.accountId, req.body, auditSource(req, deps.clock), readSessionCookie(req) ?? '');
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/auth/totp/setup',
    {
      schema: {
        tags,
        summary: 'Start authenticator enrolment: a new secret and its QR code',
        response: {
          200: z.object({ secret: z.string(), otpauthUrl: z.string(), qrDataUrl: z.string() }),
          ...errorResponses,
        },
      },
    },
    async (req) => setupTotp(deps, pendingSession(req, 'active', 'mfa_enroll').accountId, auditSource(req, deps.clock)),
  );

  r.post(
    '/api/auth/totp/enable',
    {
      schema: {
        tags,
        summary: 'Finish authenticator enrolment with a code from it',
        body: ZTotpCode,
        response: { 200: ZLoginResult, ...errorResponses },
      },
    },
    async (req, reply) => {
      const s = pendingSession(req, 'active', 'mfa_enroll');
      await enableTotp(deps, s.accountId, req.body.code, auditSource(req, deps.clock));
      if (s.sessionState === 'active') {
        if (!req.session) throw new AppError('UNAUTHENTICATED');
        return { next: 'done' as const, me: present(await getMe(deps, req.session)) };
      }
      // An enrolment forced at sign-in completes the sign-in: a fresh, full session.
      const token = readSessionCookie(req) ?? '';
      const session = await deps.db.transaction(async (tx) => {
        await revokeSessionToken(tx, deps.clock, token);
        return createSession(tx, deps.clock, sessionPolicy(deps.config), {
          accountId: s.accountId,
          kind: 'staff',
          state: 'active',
          ip: req.ip,
          userAgent: req.headers['user-agent'] ?? null,
        });
      });
      return answer(req, reply, { accountId: s.accountId, next: 'done', session });
    },
  );

  r.post(
    '/api/auth/totp/disable',
    {
      schema: {
        tags,
        summary: 'Turn the authenticator off (not allowed where a role requires it)',
        body: z.strictObject({ password: ZPassword }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await disableTotp(deps, pendingSession(req, 'active').accountId, req.body.password, auditSource(req, deps.clock));
      return reply.code(204).send(null);
    },
  );
}

/** The session's actor when its state is one of `states` (e.g. half-way through sign-in). */
function pendingSession(req: FastifyRequest, ...states: Array<'active' | 'mfa_pending' | 'mfa_enroll'>) {
  const actor = req.session?.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (!states.includes(actor.sessionState))
    throw new AppError(actor.sessionState === 'active' ? 'CONFLICT' : 'MFA_REQUIRED');
  return actor;
}

function present(me: Awaited<ReturnType<typeof getMe>>): z.infer<typeof ZMe> {
  return {
    ...me,
    grants: me.grants.map((g) => ({ ...g, createdAt: g.createdAt.toISOString() })),
    session: { ...me.session, expiresAt: me.session.expiresAt.toISOString() },
  };
}
