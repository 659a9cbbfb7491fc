import { z } from 'zod';

/**
 * A stock keeping unit code as the catalog assigns it: 1–100 letters, digits, `.`, `_`, `-`,
 * `/`, starting with a letter or digit (URL-encode the `/` in a path segment).
 */
export const InventorySkuSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$/, 'must be 1–100 letters, digits, ".", "_", "-" or "/"');

/** A count of units: a positive whole number. */
export const InventoryQuantitySchema = z.number().int().positive().max(1_000_000_000);

/** Where an order ships to, for choosing the nearest warehouse (WGS 84 degrees). */
export const InventoryShipToSchema = z.object({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
});

/** One line of a reservation: the SKU, how many, and optionally the vendor selling it. */
export const InventoryReservationLineSchema = z.object({
  sku: InventorySkuSchema,
  quantity: InventoryQuantitySchema,
  /** Restricts the warehouses to this vendor's (a marketplace SKU belongs to one vendor). */
  vendorId: z.string().uuid().nullable().optional(),
});

/** The lines of one order: one line per SKU, at most 200. */
export const InventoryReservationLinesSchema = z
  .array(InventoryReservationLineSchema)
  .min(1)
  .max(200)
  .superRefine((lines, ctx) => {
    const seen = new Set<string>();
    lines.forEach((line, i) => {
      if (seen.has(line.sku)) ctx.addIssue({ code: 'custom', path: [i, 'sku'], message: 'one line per SKU' });
      seen.add(line.sku);
    });
  });

/** How much of a line one warehouse gives. */
export const InventoryAllocationSchema = z.object({
  warehouseId: z.string().uuid(),
  vendorId: z.string().uuid().nullable(),
  quantity: InventoryQuantitySchema,
});

/** A reserved line with the warehouses it was taken from (split when one had too little). */
export const InventoryAllocatedLineSchema = z.object({
  sku: InventorySkuSchema,
  quantity: InventoryQuantitySchema,
  allocations: z.array(InventoryAllocationSchema).min(1),
});
