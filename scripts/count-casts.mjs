// Counts `as` casts (not `as const`), `<T>x` assertions and non-null assertions (`x!`) in server
// code outside tests (issue 15's figures). Usage: node scripts/count-casts.mjs [--list] [dir]
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const list = process.argv.includes('--list');
const root = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'server';
const isTest = (f) => /\.test\.ts$|\.typetest\.ts$|[\\/]test[\\/]|test-fixtures\.ts$/.test(f);

function* files(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else if (p.endsWith('.ts') && !p.endsWith('.d.ts') && !isTest(p)) yield p;
  }
}

let casts = 0;
let bangs = 0;
for (const file of files(root)) {
  const src = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const visit = (node) => {
    const where = () => `${file}:${src.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    if ((ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) && node.type.getText(src) !== 'const') {
      casts++;
      if (list) console.log(`cast  ${where()}  ${node.getText(src).replace(/\s+/g, ' ').slice(0, 100)}`);
    }
    if (ts.isNonNullExpression(node)) {
      bangs++;
      if (list) console.log(`bang  ${where()}  ${node.getText(src).replace(/\s+/g, ' ').slice(0, 100)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(src);
}
console.log(`as casts (not as const): ${casts}\nnon-null assertions: ${bangs}`);
