import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import vue from 'eslint-plugin-vue';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'data/**',
      'test-results/**',
      'db/migrations/**',
      'web/*/src/*.d.ts',
      'web/lib/api/schema.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/essential'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
    },
  },
  // Type-aware rules for the server, its tests and scripts: a promise nobody awaits, a promise
  // where a callback's result is ignored, a switch that misses a case of its union.
  {
    files: ['server/**/*.ts', 'tests/**/*.ts', 'scripts/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
    },
  },
  // Module boundaries (ARCHITECTURE.md, docs/ADDING-A-MODULE.md): a module reaches another only
  // through its index.ts (functions and types). Schema files may import another module's schema
  // file, for a foreign key. Tests may reach inside (fixtures); tests/boundaries.test.ts proves it bites.
  ...moduleBoundaries(),
);

function moduleBoundaries() {
  const message = 'Import another module through its index.js (its public functions and types), not an inner file.';
  // From server/modules/<m>/*.ts another module is ../<x>/…; from server/modules/<m>/<sub>/*.ts it is ../../<x>/….
  const other = (up, schemaFile) => ({
    regex: `^${'\\.\\./'.repeat(up)}(?!\\.\\.)[^/]+/(?!index\\.js$${schemaFile ? '|[^/]+\\.schema\\.js$' : ''}).+`,
    message,
  });
  const tests = ['**/*.test.ts', '**/test-fixtures.ts', '**/*.typetest.ts'];
  const rule = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
  return [
    { files: ['server/modules/*/*.ts'], ignores: [...tests, '**/*.schema.ts'], rules: rule([other(1, false)]) },
    { files: ['server/modules/*/*.schema.ts'], rules: rule([other(1, true)]) },
    { files: ['server/modules/*/*/*.ts'], ignores: [...tests, '**/*.schema.ts'], rules: rule([other(2, false)]) },
    { files: ['server/modules/*/*/*.schema.ts'], rules: rule([other(2, true)]) },
  ];
}
