import { defineConfig } from 'drizzle-kit';

// drizzle-kit reads every module's table definitions and writes forward-only SQL to db/migrations.
export default defineConfig({
  dialect: 'postgresql',
  schema: './server/**/*.schema.ts',
  out: './db/migrations',
});
