import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCrypto } from './crypto.js';

describe('crypto', () => {
  const c = createCrypto(randomBytes(32));

  it('round-trips, and never uses an IV twice (IVs come from a pool refilled with random bytes)', () => {
    const tokens = Array.from({ length: 5_000 }, () => c.encrypt('320102199001011234'));
    expect(new Set(tokens.map((t) => t.split('.')[1])).size).toBe(tokens.length);
    expect(tokens.every((t) => c.decrypt(t) === '320102199001011234')).toBe(true);
  });

  it('refuses a token that was tampered with', () => {
    const [v, iv, body, tag] = c.encrypt('13800000001').split('.');
    const flipped = Buffer.from(body ?? '', 'base64url');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() => c.decrypt([v, iv, flipped.toString('base64url'), tag].join('.'))).toThrow();
  });
});
