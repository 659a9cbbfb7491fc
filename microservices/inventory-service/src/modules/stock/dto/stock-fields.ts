import { InventoryQuantitySchema, InventorySkuSchema } from '@haat/contracts';
import { z } from 'zod';

export const SkuCodeSchema = InventorySkuSchema;
/** A count of units moved: a positive whole number (negative or fractional → 400). */
export const QuantitySchema = InventoryQuantitySchema;
export const ReasonSchema = z.string().trim().min(1).max(500);

/** Lines must not repeat a SKU: a repeat would be ambiguous (add up, or the last wins?). */
export function uniqueSkus<T extends { sku: string }>(lines: T[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  lines.forEach((line, i) => {
    if (seen.has(line.sku)) {
      ctx.addIssue({
        code: 'custom',
        path: [i, 'sku'],
        message: `${line.sku} appears twice; one line per SKU`,
      });
    }
    seen.add(line.sku);
  });
}
