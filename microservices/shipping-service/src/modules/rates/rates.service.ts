import { Inject, Injectable } from '@nestjs/common';
import { type Clock, CLOCK, newId } from '@haat/common';
import type { ShippingZone } from '@haat/contracts';
import type { Database } from '@haat/database';
import { DATABASE } from '@haat/service';
import type { TenantContext } from '@haat/tenant';
import type { RateRuleView, SaveRateRule } from './dto/rate-rule.dto.js';
import { rateRuleNotFound } from './rates.errors.js';
import { RatesRepository } from './rates.repository.js';
import type { RateRuleRow } from './rates.schema.js';
import type { RateRule } from './shipping-cost.calculator.js';

export function toRateRule(row: RateRuleRow): RateRule {
  return {
    slabs: row.slabs.map((s) => ({ maxGrams: s.maxGrams, feeMinor: BigInt(s.feeMinor) })),
    extraPerKgMinor: row.extraPerKgMinor,
    codFeeBps: row.codFeeBps,
    codFeeMinMinor: row.codFeeMinMinor,
    freeShippingThresholdMinor: row.freeShippingThresholdMinor,
  };
}

/** The shop's shipping prices: one rule per zone, for the tenant or per vendor. */
@Injectable()
export class RatesService {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly repo: RatesRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async save(ctx: TenantContext, zone: ShippingZone, input: SaveRateRule): Promise<RateRuleView> {
    const now = this.clock.now();
    const row = await this.database.withTenant(ctx.tenantId, (tx) =>
      this.repo.upsert(tx, {
        id: newId(),
        tenantId: ctx.tenantId,
        vendorId: input.vendorId,
        zone,
        currency: input.currency,
        slabs: [...input.slabs].sort((a, b) => a.maxGrams - b.maxGrams),
        extraPerKgMinor: input.extraPerKgMinor === null ? null : BigInt(input.extraPerKgMinor),
        codFeeBps: input.codFeeBps,
        codFeeMinMinor: BigInt(input.codFeeMinMinor),
        freeShippingThresholdMinor:
          input.freeShippingThresholdMinor === null ? null : BigInt(input.freeShippingThresholdMinor),
        useCourierPricePlan: input.useCourierPricePlan,
        createdAt: now,
        updatedAt: now,
      }),
    );
    return toView(row);
  }

  async list(ctx: TenantContext, vendorId?: string): Promise<RateRuleView[]> {
    const rows = await this.database.withTenant(ctx.tenantId, (tx) =>
      this.repo.list(tx, ctx.tenantId, vendorId),
    );
    return rows.map(toView);
  }

  async remove(ctx: TenantContext, id: string): Promise<void> {
    const gone = await this.database.withTenant(ctx.tenantId, (tx) => this.repo.remove(tx, ctx.tenantId, id));
    if (!gone) throw rateRuleNotFound(id);
  }
}

function toView(row: RateRuleRow): RateRuleView {
  return {
    id: row.id,
    vendorId: row.vendorId,
    zone: row.zone,
    currency: row.currency,
    slabs: row.slabs,
    extraPerKgMinor: row.extraPerKgMinor?.toString() ?? null,
    codFeeBps: row.codFeeBps,
    codFeeMinMinor: row.codFeeMinMinor.toString(),
    freeShippingThresholdMinor: row.freeShippingThresholdMinor?.toString() ?? null,
    useCourierPricePlan: row.useCourierPricePlan,
    updatedAt: row.updatedAt.toISOString(),
  };
}
