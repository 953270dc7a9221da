import { describe, expect, it } from 'vitest';
import { CASE_STATES } from '../web/lib/api/dictionaries.js';
import { CASE_STATE_LABELS, caseStateLabel } from './case-states.js';

// One name per case state: the member's H5 and the console show the same words (issue 16: the
// same case was 已提交 to the member and 待受理 to staff).

// The apps' message files are web code (bundler resolution): loaded by URL, out of this project's typecheck.
const messagesOf = async (app: string): Promise<unknown> =>
  ((await import(new URL(`../web/${app}/src/modules/service/i18n.ts`, import.meta.url).href)) as { default: unknown })
    .default;

describe('case state labels', () => {
  it('name every state of the contract, and only those', () => {
    expect(Object.keys(CASE_STATE_LABELS).sort()).toEqual([...CASE_STATES].sort());
  });

  it('are what both apps show', async () => {
    const states = (m: unknown) =>
      m && typeof m === 'object' && 'service' in m && m.service && typeof m.service === 'object' && 'state' in m.service
        ? m.service.state
        : undefined;
    expect(states(await messagesOf('h5'))).toEqual(CASE_STATE_LABELS);
    expect(states(await messagesOf('admin'))).toEqual(CASE_STATE_LABELS);
  });

  it('speak the staff wording in Chinese, English second, and leave an unknown code as it is', () => {
    expect(caseStateLabel('submitted')).toBe('待受理');
    expect(caseStateLabel('transferred')).toBe('转办待受理');
    expect(caseStateLabel('submitted', 'en')).toBe('Submitted');
    expect(caseStateLabel('archived')).toBe('archived');
  });
});
