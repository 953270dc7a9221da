import { hash, verify } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { AppError, type ErrorDetail } from '../../kernel/errors.js';
import { COMMON_PASSWORDS } from './common-passwords.js';

// argon2id with OWASP's parameters (19 MiB, 2 passes). Rules: NIST 800-63B's length, blocklist and
// nothing that contains the user's own identifiers, plus a strength estimate (zxcvbn: dictionaries,
// keyboard walks, repeats, dates, l33t) and, for staff, 等保 2.0's composition rule (three of the
// four character classes).
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

export type PasswordHolder = 'staff' | 'member' | 'merchant';

// zxcvbn scores 0-4 by estimated guesses: 2 = ≥ 10^6 (holds against throttled online guessing),
// 3 = ≥ 10^8 (holds against offline guessing of a slow hash). A member's account reaches only their
// own record and sign-in locks after 5 failures, so 2 is enough there; a staff account reaches many
// people's personal data, and its hash is what an attacker with a database copy would attack: 3.
// A merchant account reaches its own shop's redemptions and statements: as a member's.
export const MIN_SCORE: Record<PasswordHolder, number> = { staff: 3, member: 2, merchant: 2 };

// Words anyone guessing at this platform tries first, beside the user's own identifiers.
const SITE_WORDS = ['unionhub', 'gonghui', 'zhigong', 'union', 'zhihuigonghui'];

// Building the estimator costs ~50 ms and a few MB (its dictionaries): once, on first use.
let estimator: ZxcvbnFactory | undefined;
function strength(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    graphs: adjacencyGraphs,
    // our Chinese-and-English list too, so its variants (Woaini1314!) are scored as the guesses they are
    dictionary: { ...dictionary, 'passwords-cn': [...COMMON_PASSWORDS] },
    // Its matchers grow faster than linearly with length (128 × 'a': ~200 ms of event loop); the
    // first 64 characters decide, and 64 strong characters are already beyond guessing.
    maxLength: 64,
  });
  return estimator;
}

const CLASSES = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/];

export interface PasswordOwner {
  username?: string | null | undefined;
  phone?: string | null | undefined;
  displayName?: string | null | undefined;
}

export function passwordProblems(password: string, own: PasswordOwner, holder: PasswordHolder): string[] {
  const length = [...password].length;
  // A length problem comes alone: the other rules mean little until it is fixed.
  if (length < 8) return ['password.tooShort'];
  if (length > 128) return ['password.tooLong'];
  const problems: string[] = [];
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) problems.push('password.common');
  if (own.username && own.username.length >= 3 && lower.includes(own.username.toLowerCase()))
    problems.push('password.containsUsername');
  if (own.phone && password.includes(own.phone)) problems.push('password.containsPhone');
  if (holder === 'staff' && CLASSES.filter((c) => c.test(password)).length < 3) problems.push('password.classes');
  if (problems.length === 0) {
    const userInputs = [own.username, own.phone, own.displayName, ...SITE_WORDS].filter((w): w is string => !!w);
    if (password.trim() === '' || strength().check(password, userInputs).score < MIN_SCORE[holder])
      problems.push('password.weak');
  }
  return problems;
}

export function assertPasswordAllowed(
  password: string,
  own: PasswordOwner,
  holder: PasswordHolder,
  field = 'password',
): void {
  const problems = passwordProblems(password, own, holder);
  if (problems.length > 0) {
    const details: ErrorDetail[] = problems.map((message) => ({ path: field, message }));
    throw new AppError('WEAK_PASSWORD', details);
  }
}
