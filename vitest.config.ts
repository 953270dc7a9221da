import { defineConfig } from 'vitest/config';

// One suite, two engines: DB_ENGINE=pglite (default) or DB_ENGINE=postgres (npm run test:pg).
const engine = process.env.DB_ENGINE === 'postgres' ? 'postgres' : 'pglite';

export default defineConfig({
  test: {
    name: engine,
    include: ['server/**/*.test.ts', 'shared/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**', 'dist/**'],
    globalSetup: ['server/test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
