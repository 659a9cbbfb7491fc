import { Injectable } from '@nestjs/common';
import type { DbExecutor } from '@haat/database';
import { eq, sql } from 'drizzle-orm';
import { deliveryQueue } from './deliveries.schema.js';

export interface ClaimedDelivery {
  deliveryId: string;
  tenantId: string;
}

/** The cross-tenant work queue: claiming due deliveries and dropping finished ones. */
@Injectable()
export class DeliveryQueueRepository {
  /**
   * Claims up to `limit` due deliveries, oldest due first, by moving them `leaseMs` into the
   * future: other workers skip the rows this one has locked and then no longer see them as due.
   * A worker that dies mid-send leaves its deliveries due again when the lease ends.
   */
  async claim(db: DbExecutor, limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
    const result = await db.execute<{ delivery_id: string; tenant_id: string }>(sql`
      update ${deliveryQueue}
         set due_at = now() + ${leaseMs} * interval '1 millisecond'
       where delivery_id in (
         select delivery_id from ${deliveryQueue}
          where due_at <= now()
          order by due_at
          limit ${limit}
          for update skip locked)
      returning delivery_id, tenant_id`);
    return result.rows.map((r) => ({ deliveryId: r.delivery_id, tenantId: r.tenant_id }));
  }

  /** Drops a queue entry whose delivery is no longer pending. */
  async drop(db: DbExecutor, deliveryId: string): Promise<void> {
    await db.delete(deliveryQueue).where(eq(deliveryQueue.deliveryId, deliveryId));
  }
}
