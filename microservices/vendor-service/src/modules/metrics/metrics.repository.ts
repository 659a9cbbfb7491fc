import { Injectable } from '@nestjs/common';
import type { DbExecutor } from '@haat/database';
import { and, eq, gte, lt, sql } from 'drizzle-orm';
import {
  type NewPerformanceFactRow,
  type PerformanceFactRow,
  vendorPerformanceFacts as f,
} from './metrics.schema.js';
import type { PerformanceCounts } from './performance.calculator.js';

const inPeriod = (vendorId: string, from: Date, to: Date) =>
  and(eq(f.vendorId, vendorId), gte(f.occurredAt, from), lt(f.occurredAt, to));

/** The only code touching `vendor_performance_facts`. */
@Injectable()
export class MetricsRepository {
  /** Records a fact once: a second delivery of the same event id changes nothing. */
  async insert(db: DbExecutor, row: NewPerformanceFactRow): Promise<boolean> {
    const inserted = await db.insert(f).values(row).onConflictDoNothing().returning({ id: f.id });
    return inserted.length > 0;
  }

  /** The `order_received` fact of a vendor's sub-order, if it was seen. */
  async received(
    db: DbExecutor,
    vendorId: string,
    subOrderId: string,
  ): Promise<PerformanceFactRow | undefined> {
    const [row] = await db
      .select()
      .from(f)
      .where(and(eq(f.vendorId, vendorId), eq(f.orderId, subOrderId), eq(f.kind, 'order_received')))
      .limit(1);
    return row;
  }

  async counts(db: DbExecutor, vendorId: string, from: Date, to: Date): Promise<PerformanceCounts> {
    const [row] = await db
      .select({
        orders: sql<number>`count(*) filter (where ${f.kind} = 'order_received')::int`,
        shipped: sql<number>`count(*) filter (where ${f.kind} = 'order_shipped')::int`,
        timedShipments: sql<number>`count(${f.fulfilmentSeconds}) filter (where ${f.kind} = 'order_shipped')::int`,
        fulfilmentSeconds: sql<number>`coalesce(sum(${f.fulfilmentSeconds}) filter (where ${f.kind} = 'order_shipped'), 0)::float8`,
        judgedShipments: sql<number>`count(${f.late}) filter (where ${f.kind} = 'order_shipped')::int`,
        late: sql<number>`count(*) filter (where ${f.kind} = 'order_shipped' and ${f.late})::int`,
        cancelledByVendor: sql<number>`count(*) filter (where ${f.kind} = 'order_cancelled_by_vendor')::int`,
        returned: sql<number>`count(*) filter (where ${f.kind} = 'order_returned')::int`,
        ratings: sql<number>`count(*) filter (where ${f.kind} = 'review_rated')::int`,
        ratingSum: sql<number>`coalesce(sum(${f.rating}) filter (where ${f.kind} = 'review_rated'), 0)::int`,
      })
      .from(f)
      .where(inPeriod(vendorId, from, to));
    return row as PerformanceCounts;
  }

  /** Gross sales and returned value per currency, in minor units. */
  sales(
    db: DbExecutor,
    vendorId: string,
    from: Date,
    to: Date,
  ): Promise<{ currency: string; grossMinor: string; returnedMinor: string }[]> {
    return db
      .select({
        currency: sql<string>`${f.currency}`,
        grossMinor: sql<string>`coalesce(sum(${f.amountMinor}) filter (where ${f.kind} = 'order_received'), 0)::text`,
        returnedMinor: sql<string>`coalesce(sum(${f.amountMinor}) filter (where ${f.kind} = 'order_returned'), 0)::text`,
      })
      .from(f)
      .where(and(inPeriod(vendorId, from, to), sql`${f.currency} is not null`))
      .groupBy(f.currency)
      .orderBy(f.currency);
  }
}
