import { CurrencyCodeSchema, IdSchema, type MoneyJson, PageQuerySchema, pageSchema } from '@haat/common';
import { z } from 'zod';
import { TierSchema } from '../../vendors/dto/vendor-fields.dto.js';
import { COMMISSION_LEVELS, type CommissionRuleRow } from '../commissions.schema.js';

/** Minor units as a decimal string or a safe integer, never negative. */
export const MinorUnitsSchema = z
  .union([z.string().regex(/^\d{1,15}$/, 'must be whole minor units'), z.number().int().nonnegative().safe()])
  .transform((v) => BigInt(v));

/**
 * `POST /v1/commissions/rules`: a rule at one level of the precedence with exactly its target
 * (`vendorId`, `categoryId`, `tier`, or none for the tenant default).
 */
export const CreateCommissionRuleSchema = z
  .strictObject({
    level: z.enum(COMMISSION_LEVELS),
    vendorId: IdSchema.optional(),
    categoryId: IdSchema.optional(),
    tier: TierSchema.optional(),
    /** The currency of the fixed part and minimum; the rule applies to lines in it. */
    currency: CurrencyCodeSchema.default('BDT'),
    /** The percentage in basis points: 1250 = 12.5 %. */
    percentBps: z.number().int().min(0).max(10_000),
    /** A fixed part per order line, in minor units of `currency` (default 0). */
    fixedMinor: MinorUnitsSchema.optional(),
    /** The least commission of a line, in minor units of `currency` (default 0). */
    minimumMinor: MinorUnitsSchema.optional(),
    /** Defaults to now. */
    effectiveFrom: z.iso.datetime({ offset: true }).optional(),
    effectiveTo: z.iso.datetime({ offset: true }).optional(),
    note: z.string().trim().max(500).optional(),
  })
  .superRefine((r, ctx) => {
    const target = { vendor: 'vendorId', category: 'categoryId', tier: 'tier', default: undefined }[r.level];
    for (const field of ['vendorId', 'categoryId', 'tier'] as const) {
      if (field === target && r[field] === undefined) {
        ctx.addIssue({ code: 'custom', path: [field], message: `a ${r.level} rule needs ${field}` });
      }
      if (field !== target && r[field] !== undefined) {
        ctx.addIssue({ code: 'custom', path: [field], message: `a ${r.level} rule takes no ${field}` });
      }
    }
    if (r.effectiveFrom && r.effectiveTo && Date.parse(r.effectiveTo) <= Date.parse(r.effectiveFrom)) {
      ctx.addIssue({ code: 'custom', path: ['effectiveTo'], message: 'must be after effectiveFrom' });
    }
  });
export type CreateCommissionRuleInput = z.output<typeof CreateCommissionRuleSchema>;

/** `PATCH /v1/commissions/rules/:id`: a rule only ever ends (its numbers never change). */
export const EndCommissionRuleSchema = z.strictObject({ effectiveTo: z.iso.datetime({ offset: true }) });

export const ListCommissionRulesQuerySchema = PageQuerySchema.extend({
  level: z.enum(COMMISSION_LEVELS).optional(),
  vendorId: IdSchema.optional(),
  categoryId: IdSchema.optional(),
  tier: TierSchema.optional(),
  /** Only rules effective at this instant. */
  activeAt: z.iso.datetime({ offset: true }).optional(),
}).strict();
export type ListCommissionRulesQuery = z.output<typeof ListCommissionRulesQuerySchema>;

export const CommissionRuleIdParamsSchema = z.strictObject({ id: IdSchema });

const MoneyView = z.object({ amountMinor: z.string(), currency: z.string() });

export const CommissionRuleSchema = z.object({
  id: z.string().uuid(),
  level: z.enum(COMMISSION_LEVELS),
  vendorId: z.string().uuid().nullable(),
  categoryId: z.string().uuid().nullable(),
  tier: z.string().nullable(),
  percentBps: z.number().int(),
  fixed: MoneyView,
  minimum: MoneyView,
  effectiveFrom: z.string().datetime(),
  effectiveTo: z.string().datetime().nullable(),
  note: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string().datetime(),
});
export type CommissionRule = z.infer<typeof CommissionRuleSchema>;
export const CommissionRulePageSchema = pageSchema(CommissionRuleSchema);

const moneyOf = (amountMinor: bigint, currency: string): MoneyJson => ({
  amountMinor: amountMinor.toString(),
  currency: currency as MoneyJson['currency'],
});

export function toCommissionRule(row: CommissionRuleRow): CommissionRule {
  return {
    id: row.id,
    level: row.level,
    vendorId: row.vendorId,
    categoryId: row.categoryId,
    tier: row.tier,
    percentBps: row.percentBps,
    fixed: moneyOf(row.fixedMinor, row.currency),
    minimum: moneyOf(row.minimumMinor, row.currency),
    effectiveFrom: row.effectiveFrom.toISOString(),
    effectiveTo: row.effectiveTo?.toISOString() ?? null,
    note: row.note,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}
