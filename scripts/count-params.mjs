// Counts server functions (outside tests) that take four or more positional parameters — issue 15
// item 6: "Functions with four or more positional parameters take an object where that reads
// better." Prints the count and each one (file:line name(count)); `--min N` changes the threshold.
// Usage: node scripts/count-params.mjs [--min 4]
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const minAt = process.argv.indexOf('--min');
const MIN = minAt > 0 ? Number(process.argv[minAt + 1]) : 4;
const root = path.resolve(import.meta.dirname, '..', 'server');
const files = fs
  .readdirSync(root, { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
  .filter((f) => !/\.test\.ts$|\.typetest\.ts$|test-fixtures\.ts$|^test[/\\]/.test(f));

/** The name a reader knows the function by: its declaration, its variable, its property or its class member. */
function nameOf(node) {
  if (node.name && ts.isIdentifier(node.name)) return node.name.text;
  if (node.name && ts.isPrivateIdentifier(node.name)) return node.name.text;
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  const p = node.parent;
  if (p && ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) return p.name.text;
  if (p && ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) return p.name.text;
  return null; // an inline callback (map, route handler): its shape is set by the caller
}

const found = [];
for (const rel of files) {
  const file = path.join(root, rel);
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const visit = (node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      // `this` is not a parameter; a rest parameter counts as one
      const params = node.parameters.filter((p) => !(ts.isIdentifier(p.name) && p.name.text === 'this'));
      const name = nameOf(node);
      if (name && params.length >= MIN) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart());
        found.push(`server/${rel.split(path.sep).join('/')}:${line + 1} ${name}(${params.length})`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}
found.sort();
console.log(`functions with ${MIN} or more positional parameters in server code (tests excluded): ${found.length}`);
for (const f of found) console.log(`  ${f}`);
