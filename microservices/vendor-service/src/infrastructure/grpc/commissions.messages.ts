import { z } from 'zod';
import type { ResolveCommissionResult } from '../../modules/commissions/dto/resolve-commission.dto.js';

/** proto3 has no null: an empty string stands for "none". */
const emptyAsUndefined = z.string().transform((v) => (v === '' ? undefined : v));

/** `ResolveCommissionRequest` as decoded, in the shape of the REST body (validated by its schema next). */
export const ResolveCommissionMessage = z
  .object({
    lines: z.array(
      z.object({
        line_id: emptyAsUndefined,
        vendor_id: z.string(),
        category_ids: z.array(z.string()),
        amount_minor: z.string(),
        currency: z.string(),
      }),
    ),
    at: emptyAsUndefined,
  })
  .transform((m) => ({
    ...(m.at === undefined ? {} : { at: m.at }),
    lines: m.lines.map((l) => ({
      ...(l.line_id === undefined ? {} : { lineId: l.line_id }),
      vendorId: l.vendor_id,
      categoryIds: l.category_ids,
      amount: { amountMinor: l.amount_minor, currency: l.currency },
    })),
  }));

/** `haat.vendor.v1.ResolveCommissionResponse`. */
export function toResolveCommissionResponse(result: ResolveCommissionResult) {
  return {
    at: result.at,
    lines: result.lines.map((l) => ({
      line_id: l.lineId ?? '',
      rule_id: l.ruleId,
      level: l.level,
      matched_on: l.matchedOn ?? '',
      percent_bps: l.percentBps,
      percent_part_minor: l.percentPart.amountMinor,
      fixed_minor: l.fixed.amountMinor,
      minimum_minor: l.minimum.amountMinor,
      commission_minor: l.commission.amountMinor,
      currency: l.commission.currency,
      minimum_applied: l.minimumApplied,
      capped_at_line_amount: l.cappedAtLineAmount,
      explanation: l.explanation,
      vendor_tier: l.vendorTier,
      effective_from: l.effectiveFrom,
    })),
  };
}
