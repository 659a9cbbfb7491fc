import { defineConfig } from 'drizzle-kit';

// drizzle-kit loads these files with Node's resolution, so workspace libs come from dist/:
// build them first (`npx nx run-many -t build --projects=@haat/messaging`).
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/**/*.schema.ts',
  out: './migrations',
});
