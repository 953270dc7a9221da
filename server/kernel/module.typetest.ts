// Type-level tests, run by `npm run typecheck` (tsc): each `@ts-expect-error` line must fail to
// compile, so a misspelt permission or error code is caught before a test runs. Nothing here runs.
import type { Actor } from './access.js';
import { hasPermission, pathInScope, type Permission } from './access.js';
import { AppError, type ErrorCode } from './errors.js';
import { defineModule } from './module.js';

export function typeTests(actor: Actor): void {
  // Codes of the kernel and of the modules' manifests compile…
  void new AppError('NOT_FOUND');
  void new AppError('MEMBER_EXISTS');
  void new AppError('HARDSHIP_CONSENT_SCOPE');
  // @ts-expect-error a code no manifest declares
  void new AppError('NO_SUCH_CODE');
  // @ts-expect-error codes are case-sensitive
  void new AppError('member_exists');

  // …and so do declared permissions.
  void hasPermission(actor, 'member:member:read');
  void pathInScope(actor, 'assistance:identify:read', '/1/');
  // @ts-expect-error a misspelt permission
  void hasPermission(actor, 'member:membr:read');
  // @ts-expect-error a permission of a module that does not exist
  void pathInScope(actor, 'honor:honor:read', '/1/');

  const p: Permission = 'audit:log:verify';
  // @ts-expect-error Permission is a union of literals, not string
  const q: Permission = 'audit:log:' + 'verify';
  const c: ErrorCode = 'TRANSFER_OPEN';
  // @ts-expect-error ErrorCode is a union of literals, not string
  const d: ErrorCode = String(c);
  void [p, q, c, d];

  // A manifest is checked against ModuleDef: an error needs its status and both languages.
  // @ts-expect-error `en` is missing
  defineModule({ name: 'x', errors: { X_BROKEN: { status: 409, zh: '坏了' } } });
  // @ts-expect-error routes are Fastify plugins
  defineModule({ name: 'x', routes: ['not a plugin'] });
}
