import { describe, expect, it } from 'vitest';
import { SeenKeys } from './seen.js';

describe('SeenKeys', () => {
  it('answers the first line of every key seen before, across growth, and nothing for new keys', () => {
    const seen = new SeenKeys();
    const n = 200_000;
    const key = (i: number) => `3201${String(i).padStart(13, '0')}X`;
    for (let i = 0; i < n; i++) expect(seen.firstLine(key(i), i + 2)).toBeUndefined();
    expect(seen.size).toBe(n);
    for (let i = 0; i < n; i += 997) expect(seen.firstLine(key(i), 999_999)).toBe(i + 2);
    expect(seen.size).toBe(n);
    // Same bytes as a prefix, or another length, are other keys.
    expect(seen.firstLine('3201', 5)).toBeUndefined();
    expect(seen.firstLine(`${key(7)}0`, 6)).toBeUndefined();
    expect(seen.firstLine('3201', 9)).toBe(5);
    expect(seen.firstLine('BJ-0001', 10)).toBeUndefined();
    expect(seen.firstLine('bj-0001', 11)).toBeUndefined();
    expect(seen.firstLine('BJ-0001', 12)).toBe(10);
  });
});
