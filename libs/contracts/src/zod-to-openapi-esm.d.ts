// The package's ESM build has no declaration file of its own; openapi.ts types it as the main entry.
declare module '@asteasolutions/zod-to-openapi/dist/index.mjs' {
  const esm: unknown;
  export = esm;
}
