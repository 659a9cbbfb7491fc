import { Injectable } from '@nestjs/common';
import { ConflictError } from '@haat/common';
import type { DbExecutor } from '@haat/database';
import type { TenantContext } from '@haat/tenant';
import { TenantLimitsClient } from '../../infrastructure/tenant/tenant-limits.client.js';
import { PRODUCT_ERRORS } from './products.errors.js';
import { ProductsRepository } from './products.repository.js';

/**
 * The plan's product limit (tenant-service decides; this service owns the count). Products that
 * are not archived count. Checks of one tenant run one at a time until their transaction ends.
 */
@Injectable()
export class ProductLimitService {
  constructor(
    private readonly repo: ProductsRepository,
    private readonly limits: TenantLimitsClient,
  ) {}

  /** How many of `adding` new products still fit (all of them when the plan is unlimited). */
  async room(ctx: TenantContext, tx: DbExecutor, adding: number): Promise<number> {
    if (adding <= 0) return 0;
    await this.repo.lockProductCount(tx, ctx.tenantId);
    const current = await this.repo.countCounted(tx);
    const decision = await this.limits.check(ctx, { current, adding });
    if (decision.allowed || decision.remaining === null) return adding;
    return Math.min(adding, decision.remaining);
  }

  /** Throws 409 `PRODUCT_LIMIT_REACHED` unless `adding` more products fit the plan. */
  async ensureRoom(ctx: TenantContext, tx: DbExecutor, adding: number): Promise<void> {
    if ((await this.room(ctx, tx, adding)) < adding) throw limitReached();
  }
}

export function limitReached(): ConflictError {
  return new ConflictError(
    PRODUCT_ERRORS.limitReached,
    "The tenant's plan allows no more products; archive some or upgrade the plan",
  );
}
