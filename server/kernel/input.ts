import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, type ErrorDetail } from './errors.js';
import { ZErrorBody } from './http.js';

// Input the database cannot hold, or that would blow the stack, is refused at the edge for every
// route at once, before any handler runs: NUL characters (PostgreSQL text and jsonb refuse them),
// lone UTF-16 surrogates (stored lossily as text, refused by jsonb), bodies that are not valid
// UTF-8, and JSON nested deeper than MAX_DEPTH (validators and serializers recurse).

const MAX_DEPTH = 64;

const utf8 = new TextDecoder('utf-8', { fatal: true });
// With the u flag a surrogate pair is one code point, so this matches only a lone surrogate.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** Why a string cannot be stored, as a field-message key, or undefined when it can. */
export function badText(s: string): string | undefined {
  if (s.includes('\u0000')) return 'input.nul';
  if (LONE_SURROGATE.test(s)) return 'input.surrogate';
  return undefined;
}

/** Refuses a value (an upload's file name, a field) that cannot be stored as text. */
export function assertStorableText(s: string, path: string): void {
  const why = badText(s);
  if (why) throw new AppError('VALIDATION_FAILED', [{ path, message: why }]);
}

/** Depth of the deepest array/object in JSON text, found without parsing (so without recursion). */
function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) max = Math.max(max, ++depth);
    else if (c === 125 || c === 93) depth--;
  }
  return max;
}

/** The first unstorable string (keys included) in a parsed value of bounded depth. */
function findBadText(value: unknown, path: string): ErrorDetail | undefined {
  if (typeof value === 'string') {
    const why = badText(value);
    return why ? { path, message: why } : undefined;
  }
  if (value === null || typeof value !== 'object') return undefined;
  const entries: Array<[string, unknown]> = Array.isArray(value)
    ? value.map((v, i) => [String(i), v])
    : Object.entries(value);
  for (const [key, v] of entries) {
    const at = path ? `${path}.${key}` : key;
    const why = badText(key);
    if (why) return { path: at, message: why };
    const found = findBadText(v, at);
    if (found) return found;
  }
  return undefined;
}

/** The JSON body parser of every route: strict UTF-8, bounded depth, no NUL or lone surrogate. */
export function registerInputGuards(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req: FastifyRequest, raw: Buffer, done) => {
    let text: string;
    try {
      text = utf8.decode(raw);
    } catch {
      return done(new AppError('VALIDATION_FAILED', [{ path: 'body', message: 'input.utf8' }]), undefined);
    }
    if (jsonDepth(text) > MAX_DEPTH)
      return done(new AppError('VALIDATION_FAILED', [{ path: 'body', message: 'input.tooDeep' }]), undefined);
    // Fastify's own parser, called back (its type also allows a promise, which it does not return here).
    void parseJson(req, text, (err, body) => {
      if (err) return done(err, undefined);
      const bad = findBadText(body, '');
      done(bad ? new AppError('VALIDATION_FAILED', [{ ...bad, path: bad.path || 'body' }]) : null, body);
    });
  });

  // Path parameters and the query string, after Fastify has decoded them (%00 becomes NUL).
  app.addHook('preValidation', (req, _reply, done) => {
    const bad = findBadText(req.params, 'params') ?? findBadText(req.query, 'query');
    done(bad ? new AppError('VALIDATION_FAILED', [bad]) : undefined);
  });
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Declares in every route's responses what the edge may answer before its handler runs: 400
 * (the guards above, any route), and for methods with a body 413 (over the body limit or an
 * upload's cap) and 415 (a content type with no parser; an upload that is not multipart).
 * Registered before the routes, so the OpenAPI document and the serializers see them.
 */
export function declareEdgeResponses(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const schema = route.schema;
    if (!schema?.response || typeof schema.response !== 'object' || schema.hide) return;
    const methods = [route.method].flat();
    const body = methods.some((m) => BODY_METHODS.has(m));
    schema.response = { 400: ZErrorBody, ...schema.response, ...(body ? { 413: ZErrorBody, 415: ZErrorBody } : {}) };
  });
}
