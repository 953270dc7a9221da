// npm run api:generate — rewrites web/lib/api/openapi.json, schema.d.ts and dictionaries.ts from the server.
import { writeFile } from 'node:fs/promises';
import {
  currentDocument,
  dictionariesOf,
  DICTIONARIES_FILE,
  DOCUMENT_FILE,
  typesOf,
  TYPES_FILE,
} from './api-contract.js';

const document = await currentDocument();
await writeFile(DOCUMENT_FILE, document);
await writeFile(TYPES_FILE, await typesOf(document));
await writeFile(DICTIONARIES_FILE, dictionariesOf(document));
console.log('wrote web/lib/api/openapi.json, schema.d.ts and dictionaries.ts');
