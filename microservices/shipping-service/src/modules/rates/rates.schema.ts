import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenantIsolation } from '@haat/database';

export const SHIPPING_ZONES = ['inside_dhaka', 'dhaka_suburbs', 'outside_dhaka', 'international'] as const;
const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * What shipping costs in one zone, for the tenant (`vendor_id` null) or one vendor (which wins).
 * `slabs` are `[{ maxGrams, feeMinor }]` with `feeMinor` a decimal string (minor units).
 */
export const rateRules = pgTable(
  'rate_rules',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    vendorId: uuid('vendor_id'),
    /** `vendor_id`, or the nil uuid for the tenant's own: one key for the unique constraint. */
    ownerKey: uuid('owner_key')
      .notNull()
      .generatedAlwaysAs(sql`coalesce(vendor_id, '00000000-0000-0000-0000-000000000000'::uuid)`),
    zone: text('zone', { enum: SHIPPING_ZONES }).notNull(),
    currency: text('currency').notNull(),
    slabs: jsonb('slabs').$type<{ maxGrams: number; feeMinor: string }[]>().notNull(),
    extraPerKgMinor: bigint('extra_per_kg_minor', { mode: 'bigint' }),
    codFeeBps: integer('cod_fee_bps').notNull(),
    codFeeMinMinor: bigint('cod_fee_min_minor', { mode: 'bigint' }).notNull(),
    freeShippingThresholdMinor: bigint('free_shipping_threshold_minor', { mode: 'bigint' }),
    /** Price by the courier's own plan where it has one (Pathao), the slabs otherwise. */
    useCourierPricePlan: boolean('use_courier_price_plan').notNull().default(false),
    createdAt: timestamptz('created_at').notNull(),
    updatedAt: timestamptz('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('rate_rules_owner_zone_key').on(t.tenantId, t.ownerKey, t.zone),
    index('rate_rules_tenant_zone_idx').on(t.tenantId, t.zone),
    check('rate_rules_cod_fee_bps_check', sql`${t.codFeeBps} between 0 and 10000`),
    tenantIsolation(),
  ],
).enableRLS();

export type RateRuleRow = typeof rateRules.$inferSelect;
