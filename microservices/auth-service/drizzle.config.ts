import { defineConfig } from 'drizzle-kit';

// drizzle-kit loads these files with Node's resolution; run it with
// NODE_OPTIONS=--conditions=@haat/source so workspace libs resolve to their sources.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/**/*.schema.ts'],
  out: './migrations',
});
