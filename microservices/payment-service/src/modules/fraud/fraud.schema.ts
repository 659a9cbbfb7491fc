import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenantIsolation } from '@haat/database';
import { RISK_DECISIONS } from '../intents/intents.schema.js';
import type { FraudSettings } from './dto/fraud-settings.dto.js';
import type { RiskReason, RiskSignals } from './risk-scoring.rules.js';

export const BLOCKLIST_KINDS = ['phone', 'email', 'ip', 'device', 'customer'] as const;
export type BlocklistKind = (typeof BLOCKLIST_KINDS)[number];

/** A tenant's thresholds and weights (defaults apply when absent). */
export const fraudSettings = pgTable(
  'fraud_settings',
  {
    tenantId: uuid('tenant_id').primaryKey(),
    settings: jsonb('settings').$type<FraudSettings>().notNull(),
    updatedBy: text('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  () => [tenantIsolation()],
).enableRLS();

/** Values a tenant refuses outright (a phone, an e-mail, an IP, a device, a customer). */
export const blocklistEntries = pgTable(
  'blocklist_entries',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    kind: text('kind', { enum: BLOCKLIST_KINDS }).notNull(),
    /** Normalised (lower-case e-mail, digits-only phone). */
    value: text('value').notNull(),
    reason: text('reason').notNull(),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'blocklist_entries_pkey', columns: [t.tenantId, t.id] }),
    uniqueIndex('blocklist_entries_value_uq').on(t.tenantId, t.kind, t.value),
    index('blocklist_entries_created_idx').on(t.tenantId, t.createdAt, t.id),
    tenantIsolation(),
  ],
).enableRLS();

/** The risk score of one payment with its reasons and decision, as staff see it. */
export const riskAssessments = pgTable(
  'risk_assessments',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    intentId: uuid('intent_id').notNull(),
    orderId: uuid('order_id').notNull(),
    score: integer('score').notNull(),
    decision: text('decision', { enum: RISK_DECISIONS }).notNull(),
    reasons: jsonb('reasons').$type<RiskReason[]>().notNull(),
    signals: jsonb('signals').$type<RiskSignals>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'risk_assessments_pkey', columns: [t.tenantId, t.id] }),
    uniqueIndex('risk_assessments_intent_uq').on(t.tenantId, t.intentId),
    index('risk_assessments_created_idx').on(t.tenantId, t.createdAt, t.id),
    tenantIsolation(),
  ],
).enableRLS();

export type RiskAssessmentRow = typeof riskAssessments.$inferSelect;
export type BlocklistEntryRow = typeof blocklistEntries.$inferSelect;
