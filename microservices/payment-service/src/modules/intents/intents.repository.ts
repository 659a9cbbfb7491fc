import { Injectable } from '@nestjs/common';
import {
  and,
  asc,
  count,
  countDistinct,
  desc,
  eq,
  gt,
  gte,
  inArray,
  lt,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import { newId } from '@haat/common';
import type { DbExecutor } from '@haat/database';
import type { PaymentStatus } from './payment-intent.machine.js';
import {
  type PaymentIntentEventRow,
  type PaymentIntentRow,
  paymentIntentEvents,
  paymentIntents,
} from './intents.schema.js';

export type NewIntent = typeof paymentIntents.$inferInsert;
export type IntentPatch = Partial<Omit<NewIntent, 'tenantId' | 'id' | 'createdAt'>>;

export interface IntentListFilter {
  status?: PaymentStatus;
  method?: PaymentIntentRow['method'];
  orderId?: string;
  customerId?: string;
  after?: { createdAt: Date; id: string };
}

/** The only code touching `payment_intents` and `payment_intent_events`. Every query carries the tenant. */
@Injectable()
export class IntentsRepository {
  async insert(db: DbExecutor, row: NewIntent): Promise<PaymentIntentRow> {
    const [created] = await db.insert(paymentIntents).values(row).returning();
    return created as PaymentIntentRow;
  }

  /** The intent, optionally locked `FOR UPDATE` for the rest of the transaction. */
  async find(
    db: DbExecutor,
    tenantId: string,
    id: string,
    options: { lock?: boolean } = {},
  ): Promise<PaymentIntentRow | undefined> {
    const query = db
      .select()
      .from(paymentIntents)
      .where(and(eq(paymentIntents.tenantId, tenantId), eq(paymentIntents.id, id)));
    const [row] = options.lock ? await query.for('update') : await query;
    return row;
  }

  /** The intent a provider notification names (provider reference, our reference or transaction id). */
  async findByProviderMatch(
    db: DbExecutor,
    tenantId: string,
    method: PaymentIntentRow['method'],
    match: { providerRef?: string; reference?: string; providerTxnId?: string },
    options: { lock?: boolean } = {},
  ): Promise<PaymentIntentRow | undefined> {
    const conditions: SQL[] = [];
    if (match.providerRef) conditions.push(eq(paymentIntents.providerRef, match.providerRef));
    if (match.reference) conditions.push(eq(paymentIntents.reference, match.reference));
    if (match.providerTxnId) conditions.push(eq(paymentIntents.providerTxnId, match.providerTxnId));
    if (conditions.length === 0) return undefined;
    const query = db
      .select()
      .from(paymentIntents)
      .where(and(eq(paymentIntents.tenantId, tenantId), eq(paymentIntents.method, method), or(...conditions)))
      .orderBy(desc(paymentIntents.createdAt))
      .limit(1);
    const [row] = options.lock ? await query.for('update') : await query;
    return row;
  }

  /** The open cash-on-delivery intent of an order, locked. */
  async findOpenCod(
    db: DbExecutor,
    tenantId: string,
    orderId: string,
  ): Promise<PaymentIntentRow | undefined> {
    const [row] = await db
      .select()
      .from(paymentIntents)
      .where(
        and(
          eq(paymentIntents.tenantId, tenantId),
          eq(paymentIntents.orderId, orderId),
          eq(paymentIntents.method, 'cod'),
          inArray(paymentIntents.status, ['requires_action', 'processing', 'succeeded']),
        ),
      )
      .for('update');
    return row;
  }

  /** Updates the intent; with `fromStatus`, only if it is still in that status (undefined otherwise). */
  async update(
    db: DbExecutor,
    tenantId: string,
    id: string,
    patch: IntentPatch,
    fromStatus?: PaymentStatus,
  ): Promise<PaymentIntentRow | undefined> {
    const [row] = await db
      .update(paymentIntents)
      .set(patch)
      .where(
        and(
          eq(paymentIntents.tenantId, tenantId),
          eq(paymentIntents.id, id),
          fromStatus ? eq(paymentIntents.status, fromStatus) : undefined,
        ),
      )
      .returning();
    return row;
  }

  /** `limit + 1` intents, newest first, after the cursor. */
  list(
    db: DbExecutor,
    tenantId: string,
    filter: IntentListFilter,
    limit: number,
  ): Promise<PaymentIntentRow[]> {
    const after = filter.after;
    return db
      .select()
      .from(paymentIntents)
      .where(
        and(
          eq(paymentIntents.tenantId, tenantId),
          filter.status ? eq(paymentIntents.status, filter.status) : undefined,
          filter.method ? eq(paymentIntents.method, filter.method) : undefined,
          filter.orderId ? eq(paymentIntents.orderId, filter.orderId) : undefined,
          filter.customerId ? eq(paymentIntents.customerId, filter.customerId) : undefined,
          after
            ? or(
                lt(paymentIntents.createdAt, after.createdAt),
                and(eq(paymentIntents.createdAt, after.createdAt), lt(paymentIntents.id, after.id)),
              )
            : undefined,
        ),
      )
      .orderBy(desc(paymentIntents.createdAt), desc(paymentIntents.id))
      .limit(limit + 1);
  }

  async addEvent(db: DbExecutor, event: Omit<typeof paymentIntentEvents.$inferInsert, 'id'>): Promise<void> {
    await db.insert(paymentIntentEvents).values({ id: newId(), ...event });
  }

  listEvents(
    db: DbExecutor,
    tenantId: string,
    intentId: string,
    limit: number,
    afterId?: string,
  ): Promise<PaymentIntentEventRow[]> {
    return db
      .select()
      .from(paymentIntentEvents)
      .where(
        and(
          eq(paymentIntentEvents.tenantId, tenantId),
          eq(paymentIntentEvents.intentId, intentId),
          afterId ? gt(paymentIntentEvents.id, afterId) : undefined,
        ),
      )
      .orderBy(asc(paymentIntentEvents.id))
      .limit(limit + 1);
  }

  /** Intents since `since` with `column = value` (velocity). */
  async countSince(
    db: DbExecutor,
    tenantId: string,
    column: 'customerId' | 'deviceId' | 'clientIp' | 'customerPhone',
    value: string,
    since: Date,
  ): Promise<number> {
    const [row] = await db
      .select({ n: count() })
      .from(paymentIntents)
      .where(
        and(
          eq(paymentIntents.tenantId, tenantId),
          eq(paymentIntents[column], value),
          gte(paymentIntents.createdAt, since),
        ),
      );
    return row?.n ?? 0;
  }

  /** Failed intents since `since` of this customer or phone. */
  async failuresSince(
    db: DbExecutor,
    tenantId: string,
    customerId: string | null,
    phone: string | null,
    since: Date,
  ): Promise<number> {
    const who: SQL[] = [];
    if (customerId) who.push(eq(paymentIntents.customerId, customerId));
    if (phone) who.push(eq(paymentIntents.customerPhone, phone));
    if (who.length === 0) return 0;
    const [row] = await db
      .select({ n: count() })
      .from(paymentIntents)
      .where(
        and(
          eq(paymentIntents.tenantId, tenantId),
          eq(paymentIntents.status, 'failed'),
          gte(paymentIntents.createdAt, since),
          or(...who),
        ),
      );
    return row?.n ?? 0;
  }

  /** Distinct customers that used `phone` since `since`. */
  async customersOnPhone(db: DbExecutor, tenantId: string, phone: string, since: Date): Promise<number> {
    const [row] = await db
      .select({
        n: countDistinct(
          sql`coalesce(${paymentIntents.customerId}, ${paymentIntents.customerEmail}, ${paymentIntents.id}::text)`,
        ),
      })
      .from(paymentIntents)
      .where(
        and(
          eq(paymentIntents.tenantId, tenantId),
          eq(paymentIntents.customerPhone, phone),
          gte(paymentIntents.createdAt, since),
        ),
      );
    return row?.n ?? 0;
  }
}
