import { Module } from '@nestjs/common';
import { IdempotencyConfigurableModule } from './idempotency.options.js';
import { IdempotencyRepository } from './idempotency.repository.js';
import { IdempotencyService } from './idempotency.service.js';

/**
 * `IdempotencyModule.forRoot({ database })` (or `forRootAsync`) in every module whose routes use
 * `@Idempotent()`, or once with `isGlobal: true`.
 */
@Module({
  providers: [IdempotencyRepository, IdempotencyService],
  exports: [IdempotencyService],
})
export class IdempotencyModule extends IdempotencyConfigurableModule {}
