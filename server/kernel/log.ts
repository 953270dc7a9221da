import type { FastifyRequest } from 'fastify';
import pino from 'pino';

// What a log line may say about a request or an error. Personal data reaches the server in URLs
// (a roster search by 身份证号 or phone), in SQL parameters and in constraint messages; none of it
// may reach the log. Requests are logged by route pattern with the query's keys only; errors
// lose their SQL parameters, and digit runs as long as a phone or an ID number are cut from text.

/** Text with digit runs as long as a phone (11) or an ID number (17 + check digit) replaced. */
export function scrubText(text: string): string {
  return text.replace(/\d{11,}[Xx]?/g, '[redacted]');
}

function decoded(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** A URL as the log shows it: the path (long digit runs cut) and the query's keys, no values. */
export function redactUrl(url: string): string {
  const at = url.indexOf('?');
  const path = scrubText(decoded(at < 0 ? url : url.slice(0, at)));
  if (at < 0) return path;
  const keys = [...new Set(new URLSearchParams(url.slice(at + 1)).keys())].map((k) => scrubText(k).slice(0, 40));
  return `${path}?${keys.map((k) => `${k}=…`).join('&')}`;
}

function request(req: FastifyRequest) {
  return {
    method: req.method,
    // The route pattern (/api/members/:id) where one matched; otherwise the path, redacted.
    route: req.routeOptions?.url ?? redactUrl(req.url ?? ''),
    url: redactUrl(req.url ?? ''),
    remoteAddress: req.ip,
  };
}

const SECRET_FIELDS = ['params', 'parameters', 'body', 'payload', 'detail'];

type SerializedError = Record<string, unknown> & { message?: string; stack?: string; cause?: unknown };

/** pino's error serializer, less what can carry a request's data (SQL parameters, bodies, rows). */
function error(err: unknown): unknown {
  if (!(err instanceof Error)) return err;
  const out = pino.stdSerializers.err(err) as SerializedError;
  const clean = (e: SerializedError, depth: number): SerializedError => {
    for (const key of SECRET_FIELDS) if (key in e) e[key] = '[redacted]';
    // Drizzle's "Failed query: …\nparams: …" names the parameters in the message itself.
    if (typeof e.message === 'string') e.message = scrubText(e.message.replace(/\nparams:[\s\S]*/, '\nparams: [redacted]'));
    if (typeof e.stack === 'string') e.stack = scrubText(e.stack.replace(/\nparams:[^\n]*/, '\nparams: [redacted]'));
    if (e.cause && typeof e.cause === 'object' && depth < 5) e.cause = clean(e.cause as SerializedError, depth + 1);
    return e;
  };
  return clean(out, 0);
}

export const logSerializers = { req: request, err: error, error, url: (u: unknown) => (typeof u === 'string' ? redactUrl(u) : u) };
