import { CurrencyCodeSchema, IdSchema } from '@haat/common';
import { z } from 'zod';
import { COMMISSION_LEVELS } from '../commissions.schema.js';
import { MinorUnitsSchema } from './commission-rule.dto.js';

/** One order line to resolve. */
export const CommissionLineSchema = z.strictObject({
  /** The caller's id of the line, echoed back. */
  lineId: z.string().max(100).optional(),
  vendorId: IdSchema,
  /** The line's category first, then its ancestors (most specific first). */
  categoryIds: z.array(IdSchema).max(20).default([]),
  amount: z.strictObject({ amountMinor: MinorUnitsSchema, currency: CurrencyCodeSchema }),
});

/** `POST /v1/commissions/resolve` (and gRPC `Commissions/Resolve`). */
export const ResolveCommissionSchema = z.strictObject({
  /** When the order was placed; defaults to now. Rules apply by their effective dates. */
  at: z.iso.datetime({ offset: true }).optional(),
  lines: z.array(CommissionLineSchema).min(1).max(200),
});
export type ResolveCommissionInput = z.output<typeof ResolveCommissionSchema>;

const MoneyView = z.object({ amountMinor: z.string(), currency: z.string() });

export const ResolvedLineSchema = z.object({
  lineId: z.string().nullable(),
  vendorId: z.string().uuid(),
  vendorTier: z.string(),
  ruleId: z.string().uuid(),
  /** Which level of the precedence matched. */
  level: z.enum(COMMISSION_LEVELS),
  /** The vendor id, category id or tier that matched; null for the default. */
  matchedOn: z.string().nullable(),
  percentBps: z.number().int(),
  effectiveFrom: z.string().datetime(),
  effectiveTo: z.string().datetime().nullable(),
  amount: MoneyView,
  percentPart: MoneyView,
  fixed: MoneyView,
  minimum: MoneyView,
  /** What the marketplace takes from this line, in minor units. */
  commission: MoneyView,
  minimumApplied: z.boolean(),
  cappedAtLineAmount: z.boolean(),
  /** The rule, why it applies, and the arithmetic, as a sentence. */
  explanation: z.string(),
});
export type ResolvedLine = z.infer<typeof ResolvedLineSchema>;

export const ResolveCommissionResultSchema = z.object({
  at: z.string().datetime(),
  lines: z.array(ResolvedLineSchema),
});
export type ResolveCommissionResult = z.infer<typeof ResolveCommissionResultSchema>;
