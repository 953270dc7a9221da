import type { FastifyRequest } from 'fastify';
import pino from 'pino';

// What a log line may say about a request or an error. Personal data reaches the server in URLs
// (a roster search by 身份证号 or phone), in SQL parameters and in constraint messages; none of it
// may reach the log. Requests are logged by route pattern with the query's keys only; errors
// lose their SQL parameters, and digit runs as long as a phone or an ID number are cut from text.

/** Text with digit runs as long as a phone (11) or an ID number (17 + check digit) replaced. */
function scrubText(text: string): string {
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
function redactUrl(url: string): string {
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

/** pino's error serializer, less what can carry a request's data (SQL parameters, bodies, rows). */
function error(err: unknown): unknown {
  if (!(err instanceof Error)) return err;
  const out: object = pino.stdSerializers.err(err);
  // A serialized error and its causes are objects of any shape: read and write them by key.
  const clean = (e: object, depth: number): object => {
    for (const key of SECRET_FIELDS) if (key in e) Reflect.set(e, key, '[redacted]');
    // Drizzle's "Failed query: …\nparams: …" names the parameters in the message itself.
    const message: unknown = Reflect.get(e, 'message');
    if (typeof message === 'string')
      Reflect.set(e, 'message', scrubText(message.replace(/\nparams:[\s\S]*/, '\nparams: [redacted]')));
    const stack: unknown = Reflect.get(e, 'stack');
    if (typeof stack === 'string')
      Reflect.set(e, 'stack', scrubText(stack.replace(/\nparams:[^\n]*/, '\nparams: [redacted]')));
    const cause: unknown = Reflect.get(e, 'cause');
    if (cause && typeof cause === 'object' && depth < 5) Reflect.set(e, 'cause', clean(cause, depth + 1));
    return e;
  };
  return clean(out, 0);
}

export const logSerializers = {
  req: request,
  err: error,
  error,
  url: (u: unknown) => (typeof u === 'string' ? redactUrl(u) : u),
};
