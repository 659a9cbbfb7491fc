import { defineConfig } from 'drizzle-kit';

// drizzle-kit loads these files with Node's resolution, so the workspace libs re-exported by
// src/infrastructure/db/platform.schema.ts come from dist/: build them first.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/**/*.schema.ts'],
  out: './migrations',
});
