import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDigit, idFacts, idNumberProblem, makeIdNumber, normaliseIdNumber } from './id-number.js';

// Vectors: numbers built by hand from GB 11643's rule, and every single-digit change of a valid one.
describe('身份证号 validation (GB 11643)', () => {
  const valid = ['11010519491231002X', '440524198001010013', '320102199001011232', '321181198507150047'];

  it('accepts valid numbers, including an X check character (any case)', () => {
    for (const id of valid) expect(idNumberProblem(id), id).toBeNull();
    expect(idNumberProblem(normaliseIdNumber(' 11010519491231002x '))).toBeNull();
  });

  it('computes the check character', () => {
    expect(checkDigit('11010519491231002')).toBe('X');
    expect(checkDigit('44052419800101001')).toBe('3');
  });

  it('rejects every single-digit change of a valid number', () => {
    for (const id of valid) {
      for (let i = 0; i < 18; i++) {
        for (const d of '0123456789X') {
          if (d === id[i] || (i < 17 && d === 'X')) continue;
          const changed = id.slice(0, i) + d + id.slice(i + 1);
          expect(idNumberProblem(changed), changed).not.toBeNull();
        }
      }
    }
  });

  it('names what is wrong: format, region, birth date, check digit', () => {
    expect(idNumberProblem('3201021990010112')).toBe('format');
    expect(idNumberProblem('32010219900101123Y')).toBe('format');
    expect(idNumberProblem(makeIdNumber('990102', '1990-01-01', 123))).toBe('province');
    expect(idNumberProblem(makeIdNumber('320102', '1990-02-30', 123))).toBe('birthDate');
    expect(idNumberProblem(makeIdNumber('320102', '1899-12-31', 123))).toBe('birthDate');
    expect(idNumberProblem(makeIdNumber('320102', '2099-01-01', 123))).toBe('birthDate');
    expect(idNumberProblem('320102199001011233')).toBe('checkDigit');
  });

  it('derives gender from the sequence and the birth date', () => {
    expect(idFacts('11010519491231002X')).toEqual({ gender: 'female', birthDate: '1949-12-31' });
    expect(idFacts('440524198001010013')).toEqual({ gender: 'male', birthDate: '1980-01-01' });
  });

  it('every number made from valid parts validates (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1930-01-01'), max: new Date('2008-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 999 }),
        (d, seq) => {
          const id = makeIdNumber('321102', d.toISOString().slice(0, 10), seq);
          expect(idNumberProblem(id)).toBeNull();
          expect(idFacts(id).gender).toBe(seq % 2 === 1 ? 'male' : 'female');
        },
      ),
    );
  });
});
