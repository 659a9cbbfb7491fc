import { Inject, Injectable } from '@nestjs/common';
import { type Clock, parseOrThrow } from '@haat/common';
import type { Database, Tx } from '@haat/database';
import { DATABASE } from '@haat/service';
import type { TenantContext } from '@haat/tenant';
import { utcDay, VENDOR_CLOCK } from '../../infrastructure/clock/vendor-clock.js';
import { VendorLifecycle } from '../vendors/vendor-lifecycle.service.js';
import {
  type MetricsQuery,
  type PerformanceFact,
  PerformanceFactSchema,
  type VendorMetrics,
} from './dto/metrics.dto.js';
import { MetricsRepository } from './metrics.repository.js';
import { computePerformance } from './performance.calculator.js';

const DAY_MS = 86_400_000;

/** A period of whole UTC days, `to` inclusive. */
export interface MetricsPeriod {
  from: string;
  to: string;
}

/**
 * Seller performance: facts recorded from other services' events (once each), and the metrics
 * and tier of a period computed from them. Which events feed it is in the runbook.
 */
@Injectable()
export class VendorMetricsService {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(VENDOR_CLOCK) private readonly clock: Clock,
    private readonly repository: MetricsRepository,
    private readonly lifecycle: VendorLifecycle,
  ) {}

  /**
   * Records one fact in the consumer's transaction (`tx`, under the event's tenant); false when
   * this event was recorded before. The entry point of the order, shipping, return and review consumers.
   */
  async record(ctx: TenantContext, fact: PerformanceFact, tx: Tx): Promise<boolean> {
    const f = parseOrThrow(PerformanceFactSchema, fact, 'payload');
    return this.repository.insert(tx, {
      tenantId: ctx.tenantId,
      id: f.id,
      vendorId: f.vendorId,
      kind: f.kind,
      occurredAt: f.occurredAt,
      orderId: 'orderId' in f ? f.orderId : null,
      amountMinor: 'amountMinor' in f ? f.amountMinor : null,
      currency: 'currency' in f ? f.currency : null,
      fulfilmentSeconds: 'fulfilmentSeconds' in f ? f.fulfilmentSeconds : null,
      late: 'late' in f ? f.late : null,
      rating: 'rating' in f ? f.rating : null,
    });
  }

  /** When a vendor's sub-order was confirmed and for how much, if its `order.confirmed.v1` was seen. */
  async receivedOrder(
    tx: Tx,
    vendorId: string,
    subOrderId: string,
  ): Promise<{ at: Date; amountMinor: bigint | null; currency: string | null } | undefined> {
    const row = await this.repository.received(tx, vendorId, subOrderId);
    return row && { at: row.occurredAt, amountMinor: row.amountMinor, currency: row.currency };
  }

  /** The period a query asks for: the last 30 days up to today by default. */
  periodOf(query: MetricsQuery): MetricsPeriod {
    const today = utcDay(this.clock.now());
    const to = query.to ?? (query.from && query.from > today ? query.from : today);
    const from = query.from ?? utcDay(new Date(Date.parse(to) - 29 * DAY_MS));
    return { from, to };
  }

  async get(ctx: TenantContext, vendorId: string, query: MetricsQuery): Promise<VendorMetrics> {
    return this.database.withTenant(ctx.tenantId, async (tx) => {
      await this.lifecycle.read(ctx, tx, vendorId, 'vendor:read');
      return this.compute(tx, vendorId, this.periodOf(query));
    });
  }

  /** The metrics of a period, in `tx` (also what the PDF report shows). */
  async compute(tx: Tx, vendorId: string, period: MetricsPeriod): Promise<VendorMetrics> {
    const from = new Date(`${period.from}T00:00:00Z`);
    const to = new Date(Date.parse(`${period.to}T00:00:00Z`) + DAY_MS);
    const [counts, sales] = await Promise.all([
      this.repository.counts(tx, vendorId, from, to),
      this.repository.sales(tx, vendorId, from, to),
    ]);
    const m = computePerformance(counts);
    return {
      vendorId,
      period,
      sales: sales.map((s) => ({
        currency: s.currency,
        gross: s.grossMinor,
        returned: s.returnedMinor,
        net: (BigInt(s.grossMinor) - BigInt(s.returnedMinor)).toString(),
      })),
      orders: m.orders,
      shipped: m.shipped,
      averageFulfilmentHours: m.averageFulfilmentHours,
      cancellationRate: m.cancellationRate,
      lateShipmentRate: m.lateShipmentRate,
      returnRate: m.returnRate,
      rating: m.rating,
      performanceTier: m.tier,
      tierReasons: m.tierReasons,
    };
  }
}
