import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic, { type FastifyStaticOptions } from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import helmet from 'helmet';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { OutOfScopeError } from './kernel/access.js';
import { writeAudit } from './kernel/audit.js';
import { auditSource, type Deps } from './kernel/context.js';
import { AppError } from './kernel/errors.js';
import { errorResponses, registerOriginCheck, sendError, toErrorReply } from './kernel/http.js';
import { declareEdgeResponses, registerInputGuards } from './kernel/input.js';
import { OneLinePerRequest } from './kernel/log.js';
import { projectRoot } from './kernel/paths.js';
import type { ModuleDef } from './kernel/module.js';
import { Pump } from './kernel/pump.js';
import { MODULES } from './modules.js';
import { loadSession, readSessionCookie, sessionPolicy } from './modules/auth/index.js';

export const VERSION = '0.1.0';

const hopsTrusted = (hops: number) => (_address: string, hop: number) => hop < hops;

/** The whole HTTP application, built in-process (tests drive it with inject). */
export async function buildApp(
  deps: Deps,
  opts: { logger?: FastifyBaseLogger; /** The built web apps (tests give their own). */ webDir?: string } = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    ...(opts.logger ? { loggerInstance: opts.logger } : { logger: false }),
    // A hop count trusts the nearest n addresses (Fastify itself treats a bare number as "trust
    // nothing", since a client that reaches the app directly can then forge the header).
    trustProxy:
      typeof deps.config.trustProxy === 'number' ? hopsTrusted(deps.config.trustProxy) : deps.config.trustProxy,
    bodyLimit: 1024 * 1024,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    // One line per request, written when it is answered (kernel/log.ts), instead of Fastify's two.
    logController: new OneLinePerRequest(),
    routerOptions: { maxParamLength: 200 },
    // A malformed URL (e.g. a broken %-escape) gets the same error shape as everything else.
    frameworkErrors: (err, req, reply) => void toErrorReply(err, req, reply),
  });
  app.decorate('deps', deps);
  app.decorateRequest('session', null);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // Security headers on every response (404s and errors too). The middleware is built once:
  // @fastify/helmet rebuilt it on every request, which cost ~7% of a request's CPU.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: { maxAge: 31536000, includeSubDomains: true },
  });
  // Hashed script, style and font files are not documents: a policy for documents (CSP, framing,
  // opener, referrer) does nothing on them and cost about 1 KB a response, a fifth of a phone's
  // first load. They keep what applies to any response: nosniff, CORP and HSTS.
  const assetHeaders = helmet({
    contentSecurityPolicy: false,
    crossOriginOpenerPolicy: false,
    originAgentCluster: false,
    referrerPolicy: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xFrameOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
    strictTransportSecurity: { maxAge: 31536000, includeSubDomains: true },
  });
  app.addHook('onRequest', (req, reply, done) => {
    const headers = HASHED_ASSET.test(req.url) ? assetHeaders : securityHeaders;
    headers(req.raw, reply.raw, (err?: unknown) => done(err instanceof Error ? err : undefined));
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false, errorResponseBuilder: () => new AppError('RATE_LIMITED') });
  registerOriginCheck(app, deps.config.publicOrigin);
  // NUL, lone surrogates, invalid UTF-8 and deep nesting: 400 at the edge for every route.
  app.removeContentTypeParser('application/json');
  registerInputGuards(app);
  declareEdgeResponses(app);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', String(req.id));
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });

  // The caller behind the session cookie, if any; routes decide whether they need one.
  const policy = sessionPolicy(deps.config);
  app.addHook('preHandler', async (req) => {
    const token = readSessionCookie(req);
    if (token && req.url.startsWith('/api/')) {
      req.session = await loadSession(deps.db, deps.clock, policy, token);
    }
  });

  app.setErrorHandler(async (err: Error, req, reply) => {
    if (err instanceof OutOfScopeError) {
      // Reaching for a record outside one's subtree is answered as if it did not exist, and recorded.
      // If the record cannot be written (the database is gone), that failure is the answer.
      const failed = await deps.db
        .transaction((tx) =>
          writeAudit(tx, deps.crypto, auditSource(req, deps.clock), {
            orgId: req.session?.actor.orgId ?? null,
            action: 'access.denied',
            targetType: err.targetType,
            targetId: err.targetId,
            after: { method: req.method, route: req.routeOptions.url ?? null },
          }),
        )
        .then(
          () => null,
          (auditErr: unknown) => (auditErr instanceof Error ? auditErr : new Error(String(auditErr))),
        );
      if (failed) return toErrorReply(failed, req, reply);
    }
    return toErrorReply(err, req, reply);
  });
  app.setNotFoundHandler((req, reply) => sendError(req, reply, 'ROUTE_NOT_FOUND'));

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'UnionHub 智慧工会服务平台 API',
        version: VERSION,
        description: 'Every route of the platform, generated from its zod schemas.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'uh_sid' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  // The global CSP above covers the docs page too (its scripts are files; its styles are inline).
  // Tags start collapsed: with every operation of the API expanded at once (more than ~130 of
  // them) the bundled swagger-ui stopped rendering after the third tag.
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: false,
    transformSpecificationClone: true,
    uiConfig: { docExpansion: 'none' },
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness and database check',
        security: [],
        response: {
          200: z.object({
            status: z.literal('ok'),
            database: z.enum(['pglite', 'postgres']),
            version: z.string(),
            demo: z.boolean(),
            time: z.iso.datetime(),
          }),
          503: errorResponses[503],
        },
      },
    },
    async () => {
      await deps.database.query('select 1');
      return {
        status: 'ok' as const,
        database: deps.database.engine,
        version: VERSION,
        demo: deps.config.demo,
        time: new Date().toISOString(),
      };
    },
  );
  r.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await registerModules(app, MODULES);

  await registerWebApps(app, opts.webDir ?? path.join(projectRoot, 'dist/web'));
  return app;
}

/** Each module's jobs, routes and (outside tests) periodic loops, in MODULES order. */
async function registerModules(app: FastifyInstance, modules: readonly ModuleDef[]): Promise<void> {
  const { deps } = app;
  for (const m of modules) {
    for (const [kind, handler] of Object.entries(m.jobs ?? {})) deps.jobs.register(kind, handler(deps));
    for (const routes of m.routes ?? []) await app.register(routes);
    if (deps.config.env === 'test') continue;
    for (const loop of m.loops ?? []) {
      const pump = new Pump(
        () => loop.run(deps),
        (err) => app.log.error({ err }, `${loop.name} failed`),
      );
      app.addHook('onReady', async () => {
        pump.start(loop.intervalMs);
        if (loop.runAtStart) void pump.kick();
      });
      app.addHook('onClose', async () => pump.stop());
    }
  }
}

// The built web apps: the console at /admin/, the member H5 at /h5/, public pages at /.
// Files are sent as brotli or gzip when the build wrote those beside them (scripts/finish-web.ts)
// and the browser accepts them. Hashed assets (assets/*, named by their content) never change, so
// browsers keep them a year without asking, and they carry no validators (ETag, Last-Modified)
// nobody would use; every other file (index.html, the landing page, the logo) is revalidated on
// each use, so a new build shows at once.
export const IMMUTABLE = 'public, max-age=31536000, immutable';
// The built apps' hashed scripts, styles, fonts and raster images (not SVG: a document of its own).
const HASHED_ASSET = /^\/(?:admin|h5)\/assets\/[^?#]+\.(?:js|css|woff2?|ttf|png|jpe?g|webp)(?:[?#]|$)/;
const COMPRESSED = ['**/*.br', '**/*.gz'];
const revalidated: Omit<FastifyStaticOptions, 'root'> = {
  decorateReply: false,
  preCompressed: true,
  cacheControl: false,
  setHeaders: (reply) => void reply.header('cache-control', 'no-cache'),
};
const immutable: Omit<FastifyStaticOptions, 'root'> = {
  decorateReply: false,
  preCompressed: true,
  cacheControl: false,
  etag: false,
  lastModified: false,
  wildcard: false,
  globIgnore: COMPRESSED,
  setHeaders: (reply) => void reply.header('cache-control', IMMUTABLE),
};

async function registerWebApps(app: FastifyInstance, webDir: string): Promise<void> {
  const apps = [
    { prefix: '/admin/', dir: path.join(webDir, 'admin') },
    { prefix: '/h5/', dir: path.join(webDir, 'h5') },
  ];
  for (const { prefix, dir } of apps) {
    if (!fs.existsSync(path.join(dir, 'index.html'))) continue;
    await app.register(fastifyStatic, {
      ...revalidated,
      root: dir,
      prefix,
      wildcard: false,
      index: ['index.html'],
      globIgnore: [...COMPRESSED, 'assets/**'],
    });
    if (fs.existsSync(path.join(dir, 'assets'))) {
      await app.register(fastifyStatic, { ...immutable, root: path.join(dir, 'assets'), prefix: `${prefix}assets/` });
    }
    // Client-side routes (e.g. /admin/orgs) load the app shell; a missing file (a name with an
    // extension, e.g. an asset of an older build) is a plain 404, not the shell.
    app.get(`${prefix}*`, { schema: { hide: true } }, (req, reply) => {
      if (/\.[a-z0-9]+$/i.test(req.url.split('?')[0] ?? '')) return sendError(req, reply, 'ROUTE_NOT_FOUND');
      return reply
        .type('text/html')
        .header('cache-control', 'no-cache')
        .send(fs.createReadStream(path.join(dir, 'index.html')));
    });
  }
  // The landing page: as the build copied and compressed it, else (no build yet) from the source.
  const built = path.join(webDir, 'public');
  const publicDir = fs.existsSync(path.join(built, 'index.html')) ? built : path.join(projectRoot, 'web/public');
  if (fs.existsSync(publicDir)) {
    await app.register(fastifyStatic, { ...revalidated, root: publicDir, prefix: '/', index: ['index.html'] });
  }
  app.get('/admin', { schema: { hide: true } }, (_req, reply) => reply.redirect('/admin/'));
  app.get('/h5', { schema: { hide: true } }, (_req, reply) => reply.redirect('/h5/'));
}
