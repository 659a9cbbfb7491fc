export * from './idempotency.schema.js';
export * from './idempotency.errors.js';
export * from './idempotency-key.parser.js';
export * from './request.fingerprint.js';
export {
  IDEMPOTENCY_MODULE_OPTIONS,
  IdempotencySettingsSchema,
  type IdempotencyModuleOptions,
  type IdempotencySettings,
  type IdempotencySettingsInput,
} from './idempotency.options.js';
export type { IdempotencyScope } from './idempotency.repository.js';
export * from './idempotency.service.js';
export * from './idempotent.metadata.js';
export * from './idempotency.interceptor.js';
export * from './idempotent.decorator.js';
export * from './idempotency.module.js';
