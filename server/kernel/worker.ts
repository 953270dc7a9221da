// Worker threads for CPU-heavy jobs. Under tsx or vitest (TypeScript run in-process) a worker
// does not inherit the TypeScript loader, so a tiny ES module registers tsx first and then
// imports the worker's file; compiled .js files are started directly.

/** The URL to start a worker with, for a module named like the caller's sibling `file` (no extension). */
export function workerUrl(callerUrl: string, file: string): URL {
  const ts = callerUrl.endsWith('.ts');
  const target = new URL(`${file}${ts ? '.ts' : '.js'}`, callerUrl);
  if (!ts) return target;
  const code = `import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))}; register(); await import(${JSON.stringify(target.href)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}
