import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AppError,
  errorMessage,
  isDatabaseUnavailable,
  isErrorCode,
  type ErrorCode,
  type ErrorDetail,
  type Label,
  type Lang,
} from './errors.js';
import { isOneOf } from './types.js';

// Shapes and helpers shared by every route: the error body, lists, paging, localised messages.

export const ZErrorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.array(z.object({ path: z.string(), message: z.string() })),
      requestId: z.string().optional(),
    }),
  })
  .meta({ id: 'Error' });

export const ZPageQuery = {
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
};

export function zPage<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    /** Present and true when `total` is a floor: the list counted no further (see ARCHITECTURE.md, Lists). */
    totalCapped: z.boolean().optional(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

/** The error responses a route may give, for the OpenAPI document and the serializer. */
export const errorResponses = {
  400: ZErrorBody,
  401: ZErrorBody,
  403: ZErrorBody,
  404: ZErrorBody,
  409: ZErrorBody,
  429: ZErrorBody,
  503: ZErrorBody,
};

/** A comma-separated list of `values` in a query string; any other word fails with `message`. */
export function zCommaList<T extends string>(values: readonly T[], max: number, message: string) {
  return z
    .string()
    .max(max)
    .transform((s, ctx) => {
      const list = s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);
      if (list.some((x) => !isOneOf(values, x))) ctx.addIssue({ code: 'custom', message });
      return list.filter((x): x is T => isOneOf(values, x));
    });
}

export const ZId = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
export const ZIdParams = z.strictObject({ id: ZId });

export function langOf(req: FastifyRequest): Lang {
  const header = req.headers['accept-language'];
  return typeof header === 'string' && /^en\b/i.test(header.trim()) ? 'en' : 'zh';
}

// Messages for the rules our own schemas state (e.g. `.regex(PHONE, 'phone.invalid')`): the
// kernel's edge checks below, and each module's from its manifest (registerFieldMessages).
const KERNEL_FIELD_MESSAGES = {
  // Input refused at the edge for every route (kernel/input.ts).
  'input.nul': { zh: '不能包含空字符（\\u0000）', en: 'Must not contain NUL characters (\\u0000)' },
  'input.surrogate': {
    zh: '包含无法识别的字符（不成对的 UTF-16 代理项）',
    en: 'Contains an unreadable character (a lone UTF-16 surrogate)',
  },
  'input.utf8': { zh: '请求内容不是有效的 UTF-8 文本', en: 'The request body is not valid UTF-8' },
  'input.tooDeep': { zh: '内容嵌套层级过深（最多 64 层）', en: 'Nested too deeply (at most 64 levels)' },
} as const satisfies Record<string, Label>;

const FIELD_MESSAGES = new Map<string, Label>(Object.entries(KERNEL_FIELD_MESSAGES));

/** Adds a module's field messages; a key declared twice with other texts is a programming error. */
export function registerFieldMessages(table: Readonly<Record<string, Label>>): void {
  for (const [key, label] of Object.entries(table)) {
    if (FIELD_MESSAGES.has(key) && FIELD_MESSAGES.get(key) !== label)
      throw new Error(`field message ${key} is declared twice`);
    FIELD_MESSAGES.set(key, label);
  }
}

/** A field's message: one of ours above, an error code's own message, or the text as given. */
export function fieldMessage(key: string, lang: Lang): string {
  const own = FIELD_MESSAGES.get(key)?.[lang];
  if (own) return own;
  return isErrorCode(key) ? errorMessage(key, lang) : key;
}

const zodLocales = { zh: z.locales.zhCN().localeError, en: z.locales.en().localeError };

interface ValidationItem {
  keyword: string;
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
}

function localiseIssue(item: ValidationItem, lang: Lang): ErrorDetail {
  const path = item.instancePath.replace(/^\//, '').replaceAll('/', '.');
  const own = item.message && FIELD_MESSAGES.get(item.message);
  if (own) return { path, message: own[lang] };
  if (item.keyword === 'invalid_type' && item.message?.endsWith('received undefined')) {
    return { path, message: lang === 'zh' ? '此项为必填项' : 'This field is required' };
  }
  if (item.keyword === 'unrecognized_keys') {
    const keys = Array.isArray(item.params.keys) ? item.params.keys.join(', ') : '';
    return { path: path || keys, message: lang === 'zh' ? `不允许的字段：${keys}` : `Unknown field: ${keys}` };
  }
  const issue = { code: item.keyword, path: [], message: item.message ?? '', ...item.params, input: undefined };
  // Fastify hands the issue over untyped (params: Record<string, unknown>); zod's locale takes its raw issue union.
  const result = zodLocales[lang](issue as Parameters<(typeof zodLocales)['zh']>[0]);
  const message = typeof result === 'string' ? result : result?.message;
  return { path, message: message ?? item.message ?? 'invalid' };
}

export function sendError(req: FastifyRequest, reply: FastifyReply, code: ErrorCode, details: ErrorDetail[] = []) {
  const lang = langOf(req);
  const status = new AppError(code).status;
  const body = { error: { code, message: errorMessage(code, lang), details, requestId: String(req.id) } };
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}

/** Seconds a client waits before retrying after DATABASE_UNAVAILABLE (a failover takes a few). */
const DATABASE_RETRY_AFTER_S = '5';

/** Maps anything thrown to the error shape. Unknown errors: 500, a generic message, logged. */
export function toErrorReply(err: FastifyError | AppError | Error, req: FastifyRequest, reply: FastifyReply) {
  const lang = langOf(req);
  if (err instanceof AppError) {
    return sendError(
      req,
      reply,
      err.code,
      err.details.map((d) => ({ path: d.path, message: fieldMessage(d.message, lang) })),
    );
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    return sendError(
      req,
      reply,
      'VALIDATION_FAILED',
      err.validation.map((v) => localiseIssue(v, lang)),
    );
  }
  if (isResponseSerializationError(err)) {
    req.log.error({ err, url: req.url }, 'response failed its schema');
    return sendError(req, reply, 'INTERNAL');
  }
  if (isDatabaseUnavailable(err)) {
    // The transaction was rolled back or its COMMIT's answer was lost; a fresh connection serves the retry.
    req.log.warn({ err }, 'database unavailable');
    return sendError(req, reply.header('retry-after', DATABASE_RETRY_AFTER_S), 'DATABASE_UNAVAILABLE');
  }
  const status = 'statusCode' in err && typeof err.statusCode === 'number' ? err.statusCode : 500;
  if (status === 413) return sendError(req, reply, 'PAYLOAD_TOO_LARGE');
  if (status === 415) return sendError(req, reply, 'UNSUPPORTED_MEDIA_TYPE');
  if (status === 429) return sendError(req, reply, 'RATE_LIMITED');
  if (status >= 400 && status < 500) return sendError(req, reply, 'BAD_REQUEST');
  req.log.error({ err }, 'unhandled error');
  return sendError(req, reply, 'INTERNAL');
}

/** Answers 403 to a state-changing request sent from another site (CSRF defence beside SameSite). */
export function registerOriginCheck(app: FastifyInstance, publicOrigin: string | undefined) {
  app.addHook('onRequest', async (req, reply) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return;
    const fetchSite = req.headers['sec-fetch-site'];
    const origin = req.headers.origin;
    const own = publicOrigin ?? `${req.protocol}://${req.host}`;
    if (fetchSite === 'cross-site' || (origin !== undefined && origin !== own)) {
      return sendError(req, reply, 'FORBIDDEN_ORIGIN');
    }
  });
}
