import { describe, expect, it } from 'vitest';
import { JOB_TYPES } from '../member.schema.js';
import {
  EDUCATION_CHOICES,
  educationOf,
  ETHNICITY_CHOICES,
  ethnicityOf,
  genderOf,
  HOUSEHOLD_CHOICES,
  householdOf,
  JOB_TYPE_TEXT,
  jobTypeOf,
  POLITICAL_CHOICES,
  politicalOf,
} from './dictionaries.js';

// The dictionary tables without a database: every offered value reads back as itself.
describe('import dictionaries', () => {
  it('every label the template offers, and every code, reads as its value', () => {
    for (const code of JOB_TYPES) {
      expect(jobTypeOf(JOB_TYPE_TEXT[code])).toBe(code);
      expect(jobTypeOf(code.toUpperCase())).toBe(code);
    }
    expect(HOUSEHOLD_CHOICES.map((c) => householdOf(c))).toEqual([
      { householdType: 'urban', migrantWorker: false },
      { householdType: 'rural', migrantWorker: false },
      { householdType: 'rural', migrantWorker: true },
    ]);
    for (const c of POLITICAL_CHOICES) expect(politicalOf(c)).toBe(c);
    for (const c of EDUCATION_CHOICES) expect(educationOf(c)).toBe(c);
    for (const c of ETHNICITY_CHOICES) expect(ethnicityOf(c)).toBe(c);
    expect(new Set(ETHNICITY_CHOICES).size).toBe(56);
  });

  it('reads the spellings people write, and nothing by accident', () => {
    expect(['其他', '其它', ' 其 他 ', '其它新就业形态'].map(jobTypeOf)).toEqual(Array(4).fill('other_new'));
    expect(['普通', '外卖员', '快递小哥', '网约车', '卡车司机'].map(jobTypeOf)).toEqual([
      'regular',
      'food_delivery',
      'courier',
      'ride_hailing',
      'truck_driver',
    ]);
    expect(householdOf('农村（农民工）')).toEqual(householdOf('农村(农民工)'));
    expect([genderOf('男性'), genderOf('F'), genderOf('未知')]).toEqual(['male', 'female', undefined]);
    expect([ethnicityOf('01'), ethnicityOf('8'), ethnicityOf('维吾尔'), ethnicityOf('56')]).toEqual([
      '汉族',
      '壮族',
      '维吾尔族',
      '基诺族',
    ]);
    expect([politicalOf('团员'), educationOf('高职'), educationOf('大学')]).toEqual(['共青团员', '大专', undefined]);
    for (const text of ['__proto__', 'constructor', 'toString', '', '程序员']) {
      expect(
        [jobTypeOf(text), householdOf(text), politicalOf(text), educationOf(text), ethnicityOf(text)],
        text,
      ).toEqual(Array(5).fill(undefined));
    }
  });
});
