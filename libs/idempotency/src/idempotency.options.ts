import { ConfigurableModuleBuilder } from '@nestjs/common';
import { z } from 'zod';
import type { Clock } from '@haat/common';
import type { Database } from '@haat/database';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Timing of the protocol; every value has a default. */
export const IdempotencySettingsSchema = z.object({
  /** How long a key is kept (and replayed); at least 24 hours. */
  ttlMs: z.number().int().min(DAY_MS).default(DAY_MS),
  /**
   * How long an in-progress key blocks retries before a retry may take it over (its process
   * presumably died). Must exceed the longest a handler can run.
   */
  staleAfterMs: z.number().int().min(1_000).default(60_000),
  /** The `Retry-After` hint of a 409 `IDEMPOTENCY_REQUEST_IN_PROGRESS`. */
  retryAfterMs: z.number().int().min(0).default(1_000),
});
export type IdempotencySettingsInput = z.input<typeof IdempotencySettingsSchema>;
export type IdempotencySettings = z.output<typeof IdempotencySettingsSchema>;

/** What `IdempotencyModule.forRoot()` takes. */
export interface IdempotencyModuleOptions extends IdempotencySettingsInput {
  /** The service's database, whose migrations include `idempotencyKeys`. */
  database: Database;
  /** Defaults to the system clock. */
  clock?: Clock;
}

export const {
  ConfigurableModuleClass: IdempotencyConfigurableModule,
  MODULE_OPTIONS_TOKEN: IDEMPOTENCY_MODULE_OPTIONS,
} = new ConfigurableModuleBuilder<IdempotencyModuleOptions>({ moduleName: 'Idempotency' })
  .setClassMethodName('forRoot')
  .setExtras({ isGlobal: false }, (definition, extras) => ({ ...definition, global: extras.isGlobal }))
  .build();
