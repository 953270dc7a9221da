import { describe, expect, it } from 'vitest';
import { copyValue } from './store.js';

describe('COPY text format', () => {
  it('escapes backslash, tab and line breaks; null is \\N; booleans t/f', () => {
    expect(copyValue('a\\b\tc\nd\re')).toBe('a\\\\b\\tc\\nd\\re');
    expect(copyValue('张三')).toBe('张三');
    expect(copyValue('\\N')).toBe('\\\\N'); // the text "\N" is not a null
    expect(copyValue(null)).toBe('\\N');
    expect([copyValue(true), copyValue(false), copyValue(42)]).toEqual(['t', 'f', '42']);
  });
});
