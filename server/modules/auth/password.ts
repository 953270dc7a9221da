import { hash, verify } from '@node-rs/argon2';
import { AppError, type ErrorDetail } from '../../kernel/errors.js';
import { COMMON_PASSWORDS } from './common-passwords.js';

// argon2id with OWASP's parameters (19 MiB, 2 passes). Rules follow NIST 800-63B: length and a
// blocklist rather than composition rules, plus nothing that contains the user's own identifiers.
// algorithm 2 is Argon2id (the package exports it as an ambient const enum, which isolated modules cannot read)
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) {
    // Spend the same time as a real check, so a missing account cannot be told from a wrong password.
    await hash(password, OPTIONS);
    return false;
  }
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

export function passwordProblems(password: string, own: { username?: string | null; phone?: string | null }): string[] {
  const problems: string[] = [];
  if ([...password].length < 8) problems.push('password.tooShort');
  if ([...password].length > 128) problems.push('password.tooLong');
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) problems.push('password.common');
  if (own.username && own.username.length >= 3 && lower.includes(own.username.toLowerCase())) problems.push('password.containsUsername');
  if (own.phone && password.includes(own.phone)) problems.push('password.containsPhone');
  return problems;
}

export function assertPasswordAllowed(password: string, own: { username?: string | null; phone?: string | null }, field = 'password'): void {
  const problems = passwordProblems(password, own);
  if (problems.length > 0) {
    const details: ErrorDetail[] = problems.map((message) => ({ path: field, message }));
    throw new AppError('WEAK_PASSWORD', details);
  }
}
