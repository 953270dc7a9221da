import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
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

/**
 * Fastify logs a request twice (when it comes in, when it is answered); this logs it once, when
 * answered: the request as the serializer above shows it, the status and the time taken.
 */
export class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, req: FastifyRequest, reply: FastifyReply): void {
    const line = { req, res: { statusCode: reply.statusCode }, responseTime: reply.elapsedTime };
    if (error) req.log.error({ ...line, err: error }, 'request errored');
    else req.log.info(line, 'request completed');
  }
}

const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
/** pino's own fields, and those a development line shows in its own place. */
const SHOWN = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'reqId', 'req', 'res', 'responseTime', 'err']);

/** A serialized error as a few readable lines: type and message, then the stack (without its first line). */
function errorLines(err: unknown): string[] {
  if (!err || typeof err !== 'object') return [];
  const message: unknown = Reflect.get(err, 'message');
  const stack: unknown = Reflect.get(err, 'stack');
  const head = `${String(Reflect.get(err, 'type') ?? 'Error')}: ${String(message ?? '')}`;
  const frames = typeof stack === 'string' ? stack.split('\n').filter((l) => /^\s+at /.test(l)) : [];
  return [head, ...frames.map((f) => `  ${f.trim()}`)];
}

/**
 * One line of pino's JSON as a person reads it in a terminal: the time, then for a finished request
 * "GET /api/members?q=… 200 12ms", otherwise the level, the message and any other fields.
 * It formats what the serializers above already cut, so it shows no more than the JSON would.
 */
export function prettyLine(json: string): string {
  let entry: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(json);
    if (!parsed || typeof parsed !== 'object') return json;
    entry = Object.fromEntries(Object.entries(parsed));
  } catch {
    return json;
  }
  const time = typeof entry.time === 'number' ? new Date(entry.time).toTimeString().slice(0, 8) : '';
  const level = typeof entry.level === 'number' ? entry.level : 30;
  const req = entry.req && typeof entry.req === 'object' ? entry.req : null;
  const res = entry.res && typeof entry.res === 'object' ? entry.res : null;
  let line: string;
  if (req && res) {
    const ms = typeof entry.responseTime === 'number' ? `${Math.round(entry.responseTime)}ms` : '';
    line = [
      time,
      String(Reflect.get(req, 'method') ?? ''),
      String(Reflect.get(req, 'url') ?? ''),
      String(Reflect.get(res, 'statusCode') ?? ''),
      ms,
    ].join(' ');
    if (level >= 40) line += ` ${LEVELS[level] ?? level} ${String(entry.msg ?? '')}`;
  } else {
    const extra = Object.entries(entry)
      .filter(([k]) => !SHOWN.has(k))
      .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
    line = [time, LEVELS[level] ?? String(level), String(entry.msg ?? ''), ...extra].filter(Boolean).join(' ');
  }
  return [line, ...errorLines(entry.err).map((l) => `  ${l}`)].join('\n');
}

/** A pino destination that writes prettyLine()s (development: `LOG_FORMAT=pretty`, the default outside production). */
export function prettyDestination(out: { write(text: string): unknown } = process.stdout): {
  write(json: string): void;
} {
  return {
    write(json: string) {
      for (const one of json.split('\n')) if (one) out.write(`${prettyLine(one)}\n`);
    },
  };
}
