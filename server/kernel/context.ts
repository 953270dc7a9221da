import type { FastifyRequest } from 'fastify';
import type { Actor } from './access.js';
import type { AuditSource } from './audit.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Crypto } from './crypto.js';
import type { Database, Db } from './db.js';
import { AppError } from './errors.js';
import type { JobRunner } from './jobs.js';
import type { SmsDriver } from './outbox.js';
import type { Pump } from './pump.js';

// What the app is built from. Tests build it with an in-memory database and a manual clock.
export interface Deps {
  config: Config;
  database: Database;
  db: Db;
  crypto: Crypto;
  clock: Clock;
  jobs: JobRunner;
  sms: SmsDriver;
  /** Sends pending outbox messages; kick it after a commit that wrote one. */
  outbox: Pump;
}

export interface RequestSession {
  actor: Actor;
  expiresAt: Date;
  idleMs: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: Deps;
  }
  interface FastifyRequest {
    session: RequestSession | null;
  }
}

/** The signed-in caller with a completed sign-in; 401 without one. */
export function requireActor(req: FastifyRequest, kind?: Actor['kind']): Actor {
  const actor = req.session?.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (actor.sessionState !== 'active') throw new AppError('MFA_REQUIRED');
  if (kind && actor.kind !== kind) throw new AppError('FORBIDDEN');
  return actor;
}

export function auditSource(req: FastifyRequest, clock: Clock): AuditSource {
  const actor = req.session?.actor;
  return {
    actorId: actor?.accountId ?? null,
    actorName: actor ? (actor.username ?? actor.displayName) : null,
    ip: req.ip,
    requestId: String(req.id),
    at: clock.now(),
  };
}

export interface TxEnv {
  crypto: Crypto;
  source: AuditSource;
}

/** Opens the request's transaction: the change and its audit row commit together or not at all. */
export function inTransaction<T>(
  deps: Deps,
  req: FastifyRequest,
  work: (tx: Db, env: TxEnv) => Promise<T>,
): Promise<T> {
  const env = { crypto: deps.crypto, source: auditSource(req, deps.clock) };
  return deps.db.transaction((tx) => work(tx, env));
}
