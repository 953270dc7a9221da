// One error type for every rule the server enforces. A service throws AppError(code); the HTTP
// layer maps the code to a status and a message in the caller's language through the tables:
// the kernel's below, and each module's from its manifest.
import type { ModuleErrorCode } from '../modules.js';

export type Lang = 'zh' | 'en';

export interface ErrorDetail {
  path: string;
  message: string;
}

export interface Label {
  zh: string;
  en: string;
}

export interface ErrorDef extends Label {
  status: number;
}

/** The kernel's own codes; every module brings its own in its manifest (kernel/module.ts). */
export const KERNEL_ERRORS = {
  VALIDATION_FAILED: { status: 400, zh: '提交的内容有误，请检查后重试', en: 'The request has invalid fields' },
  BAD_REQUEST: { status: 400, zh: '请求格式有误', en: 'The request is malformed' },
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Please sign in' },
  FORBIDDEN: { status: 403, zh: '没有执行此操作的权限', en: 'You are not allowed to do this' },
  FORBIDDEN_ORIGIN: { status: 403, zh: '请求来源不被允许', en: 'Requests from this origin are not allowed' },
  NOT_FOUND: { status: 404, zh: '记录不存在', en: 'Not found' },
  ROUTE_NOT_FOUND: { status: 404, zh: '接口不存在', en: 'No such endpoint' },
  CONFLICT: { status: 409, zh: '数据已被修改，请刷新后重试', en: 'The data changed; reload and try again' },
  RATE_LIMITED: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '提交的内容过大', en: 'The request is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: '不支持的内容类型', en: 'Unsupported content type' },
  INTERNAL: { status: 500, zh: '服务器内部错误，请稍后再试', en: 'Internal error; please try again later' },
  // Database faults (issue 14): a lost or refused connection; the request did not complete and may be retried.
  DATABASE_UNAVAILABLE: {
    status: 503,
    zh: '数据库暂时不可用，请稍后重试',
    en: 'The database is temporarily unavailable; please try again shortly',
  },
} as const satisfies Record<string, ErrorDef>;

/** Every error code of the platform: the kernel's and those the manifests in MODULES declare. */
export type ErrorCode = keyof typeof KERNEL_ERRORS | ModuleErrorCode;

// Filled from MODULES when server/modules.ts loads (registerErrors); the kernel's codes are always there.
const errorTable = new Map<string, ErrorDef>(Object.entries(KERNEL_ERRORS));

/** Adds a module's codes; a code declared twice is a programming error. */
export function registerErrors(table: Readonly<Record<string, ErrorDef>>): void {
  for (const [code, def] of Object.entries(table)) {
    if (errorTable.has(code) && errorTable.get(code) !== def) throw new Error(`error code ${code} is declared twice`);
    errorTable.set(code, def);
  }
}

export function isErrorCode(code: string): code is ErrorCode {
  return errorTable.has(code);
}

function errorDef(code: ErrorCode): ErrorDef {
  const def = errorTable.get(code);
  if (!def) throw new Error(`error code ${code} is not registered (is its module in MODULES?)`);
  return def;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetail[];

  constructor(code: ErrorCode, details: ErrorDetail[] = []) {
    super(code);
    this.code = code;
    this.details = details;
  }

  /** Looked up when answered, so a service can throw before the modules' tables are registered. */
  get status(): number {
    return errorDef(this.code).status;
  }
}

export function errorMessage(code: ErrorCode, lang: Lang): string {
  return errorDef(code)[lang];
}

export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const e = findPgError(err);
  return (
    !!e && e.code === '23505' && (!constraint || e.constraint === constraint || String(e.message).includes(constraint))
  );
}

/** Node's socket errors that mean the database server is gone or unreachable. */
const SOCKET_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);
/** node-postgres and pg-pool say so in words only (no code). */
const LOST =
  /^(Connection terminated|Client has encountered a connection error|Client was closed and is not queryable|timeout exceeded when trying to connect)/;

/**
 * Whether an error means the connection to PostgreSQL was lost or could not be made: SQLSTATE
 * class 08, 57P01–57P03 (admin shutdown, crash shutdown, cannot connect now), a socket error, or
 * node-postgres's own words. Looks through `cause`, where drizzle puts the driver's error.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  let cur: unknown = err;
  for (let i = 0; i < 5 && cur && typeof cur === 'object'; i++) {
    const code = 'code' in cur && typeof cur.code === 'string' ? cur.code : '';
    if (code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03' || SOCKET_CODES.has(code))
      return true;
    if ('message' in cur && typeof cur.message === 'string' && LOST.test(cur.message)) return true;
    cur = 'cause' in cur ? cur.cause : undefined;
  }
  return false;
}

function findPgError(err: unknown): { code: string; constraint?: unknown; message?: unknown } | undefined {
  // drizzle wraps driver errors in `cause`
  let cur: unknown = err;
  for (let i = 0; i < 3 && cur && typeof cur === 'object'; i++) {
    if ('code' in cur && typeof cur.code === 'string' && /^[0-9A-Z]{5}$/.test(cur.code)) {
      return {
        code: cur.code,
        constraint: 'constraint' in cur ? cur.constraint : undefined,
        message: 'message' in cur ? cur.message : undefined,
      };
    }
    cur = 'cause' in cur ? cur.cause : undefined;
  }
  return undefined;
}
