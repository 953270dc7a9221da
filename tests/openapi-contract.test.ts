// The web apps compile against web/lib/api/{openapi.json,schema.d.ts,dictionaries.ts}. This test
// regenerates all three from the server as it is now and fails when a checked-in copy is stale:
// a route, field or enum changed on the server without `npm run api:generate`.
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  currentDocument,
  dictionariesOf,
  DICTIONARIES_FILE,
  DOCUMENT_FILE,
  typesOf,
  TYPES_FILE,
} from '../scripts/api-contract.js';

const STALE = 'stale: run `npm run api:generate` and commit web/lib/api';

describe('web API contract', () => {
  let document = '';
  beforeAll(async () => {
    document = await currentDocument();
  });

  it('the checked-in OpenAPI document is what the server produces', async () => {
    expect(await readFile(DOCUMENT_FILE, 'utf8'), STALE).toBe(document);
  });

  it('the generated types and dictionaries are what the document gives', async () => {
    expect(await readFile(TYPES_FILE, 'utf8'), STALE).toBe(await typesOf(document));
    expect(await readFile(DICTIONARIES_FILE, 'utf8'), STALE).toBe(dictionariesOf(document));
  });
});
