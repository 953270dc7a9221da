import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';

// Every setting the process reads, parsed once at boot. A bad value stops the process with a
// message that names the variable; nothing else in the code reads process.env.
const ZBool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** An IPv4/IPv6 address, or one with a /prefix (10.0.0.0/8, fd00::/8). */
function isAddressOrCidr(s: string): boolean {
  const [addr = '', prefix, extra] = s.split('/');
  const family = isIP(addr);
  if (!family || extra !== undefined) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

// Which proxies' X-Forwarded-* headers to believe: none, the nearest n hops, or these addresses.
// `true` (every hop) is refused: then anyone can name any client address and escape the
// per-IP sign-in limit, and the audit log records the address they made up.
const ZTrustProxy = z
  .string()
  .trim()
  .superRefine((v, ctx) => {
    if (v === 'true')
      ctx.addIssue({
        code: 'custom',
        message:
          'true would trust every hop (a forged X-Forwarded-For would pass); give the number of proxies in front of the app (e.g. 1) or their addresses (e.g. 10.0.0.0/8,192.168.1.5)',
      });
    else if (v !== 'false' && !/^\d{1,2}$/.test(v) && !v.split(',').every((a) => isAddressOrCidr(a.trim()))) {
      ctx.addIssue({
        code: 'custom',
        message:
          'give false, a number of proxies (e.g. 1) or a comma-separated list of proxy addresses or CIDRs (e.g. 10.0.0.0/8)',
      });
    }
  })
  .transform((v): TrustProxy => {
    if (v === 'false' || v === '0') return false;
    if (/^\d+$/.test(v)) return Number(v);
    return v.split(',').map((a) => a.trim());
  });

/** false, a hop count, or proxy addresses/CIDRs: what Fastify's trustProxy takes. */
export type TrustProxy = false | number | string[];

const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  UNIONHUB_DATA_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64-encoded')
    .optional(),
  UNIONHUB_DEMO: ZBool.optional(),
  TRUST_PROXY: ZTrustProxy.default(false),
  PUBLIC_ORIGIN: z.url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SMS_DRIVER: z.enum(['outbox', 'http']).optional(),
  SMS_HTTP_URL: z.url().optional(),
  SMS_HTTP_TOKEN: z.string().optional(),
  STAFF_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  MEMBER_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(30 * 24 * 60)
    .default(24 * 60),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(30),
  MEMBER_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 30),
  IMPORT_ERROR_FILE_DAYS: z.coerce.number().int().min(1).max(365).default(7),
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  CLAIM_RATE_PER_MEMBER_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(30),
  CLAIM_RATE_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).max(10_000_000).default(6000),
  BACKUP_DIR: z.string().min(1).optional(),
  BACKUP_EVERY_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(24),
  BACKUP_KEEP: z.coerce.number().int().min(1).max(1000).default(14),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  production: boolean;
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  dataKey: string | undefined;
  demo: boolean;
  trustProxy: TrustProxy;
  publicOrigin: string | undefined;
  logLevel: string;
  sms: { driver: 'outbox' | 'http'; url: string | undefined; token: string | undefined };
  /** Sign-in attempts per IP per minute, before any password is checked. */
  loginRatePerMinute: number;
  session: { staffIdleMs: number; memberIdleMs: number; staffAbsoluteMs: number; memberAbsoluteMs: number };
  /** Days an import's file of bad rows (full ID numbers, phones) is kept for download, then deleted. */
  importErrorFileDays: number;
  /** One JSON object per line (production, log collectors) or one short readable line (development). */
  logFormat: 'json' | 'pretty';
  /** Voucher claims per minute (voucher module): per member account and per IP (a rush comes through few NATs). */
  claimRate: { perMember: number; perIp: number };
  /** Scheduled backups (server/ops/schedule.ts): off without a directory. */
  backup: { dir: string | undefined; everyHours: number; keep: number };
}

export class ConfigError extends Error {}

/** The name of every setting the process reads. */
export const SETTINGS: readonly string[] = Object.keys(ZEnv.shape);

/**
 * The settings that are set: `DATABASE_URL=` (as dotenv files and compose `environment:` lists
 * write an unset value) or one of spaces means "not set", so the default applies instead of
 * the value being refused as an invalid URL, number or choice. Every setting is optional.
 */
function givenSettings(env: NodeJS.ProcessEnv): Record<string, string> {
  const given: Record<string, string> = {};
  for (const key of SETTINGS) {
    const value = env[key];
    if (value !== undefined && value.trim() !== '') given[key] = value;
  }
  return given;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ZEnv.safeParse(givenSettings(env));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  if (production && e.UNIONHUB_DEMO === true) {
    throw new ConfigError('Invalid configuration:\n  UNIONHUB_DEMO: demo data is never loaded in production');
  }
  const smsDriver = e.SMS_DRIVER ?? (production ? 'http' : 'outbox');
  if (smsDriver === 'http' && !e.SMS_HTTP_URL) {
    throw new ConfigError(
      'Invalid configuration:\n  SMS_HTTP_URL: required when SMS_DRIVER is http (the default in production)',
    );
  }
  return {
    env: e.NODE_ENV,
    production,
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    dataKey: e.UNIONHUB_DATA_KEY,
    demo: e.UNIONHUB_DEMO ?? !production,
    trustProxy: e.TRUST_PROXY,
    publicOrigin: e.PUBLIC_ORIGIN,
    logLevel: e.LOG_LEVEL,
    sms: { driver: smsDriver, url: e.SMS_HTTP_URL, token: e.SMS_HTTP_TOKEN },
    loginRatePerMinute: e.LOGIN_RATE_PER_MINUTE,
    session: {
      staffIdleMs: e.STAFF_IDLE_MINUTES * 60_000,
      memberIdleMs: e.MEMBER_IDLE_MINUTES * 60_000,
      staffAbsoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000,
      memberAbsoluteMs: e.MEMBER_ABSOLUTE_HOURS * 3_600_000,
    },
    importErrorFileDays: e.IMPORT_ERROR_FILE_DAYS,
    logFormat: e.LOG_FORMAT ?? (production ? 'json' : 'pretty'),
    claimRate: { perMember: e.CLAIM_RATE_PER_MEMBER_PER_MINUTE, perIp: e.CLAIM_RATE_PER_IP_PER_MINUTE },
    backup: {
      dir: e.BACKUP_DIR === undefined ? undefined : path.resolve(e.BACKUP_DIR),
      everyHours: e.BACKUP_EVERY_HOURS,
      keep: e.BACKUP_KEEP,
    },
  };
}
