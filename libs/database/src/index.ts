export * from './database.js';
export * from './rls.js';
export * from './names.js';
export * from './provision.js';
export * from './migrate.js';
export * from './embedded-postgres.js';
export * from './throwaway-database.js';
export * from './pg-errors.js';
