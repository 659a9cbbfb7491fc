import { z } from 'zod';
import { WEEKDAYS, type VendorStoreRow } from '../vendor-stores.schema.js';
import { ContactPhoneSchema, StoreSlugSchema } from './vendor-fields.dto.js';

const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24-hour)');
const Hours = z
  .strictObject({ open: Time, close: Time })
  .refine((h) => h.open < h.close, { message: 'must close after it opens', path: ['close'] });

/** Opening hours per weekday; a day left out is closed. */
export const BusinessHoursSchema = z.partialRecord(z.enum(WEEKDAYS), Hours);

const Policy = z.string().trim().max(5000);

/** `PATCH /v1/vendors/:id/store`: any of these; `null` clears an optional one. */
export const UpdateStoreSchema = z
  .strictObject({
    name: z.string().trim().min(2).max(120).optional(),
    slug: StoreSlugSchema.optional(),
    /** media-service asset ids of the logo and banner images. */
    logoMediaId: z.string().uuid().nullable().optional(),
    bannerMediaId: z.string().uuid().nullable().optional(),
    description: z.string().trim().max(2000).nullable().optional(),
    returnPolicy: Policy.nullable().optional(),
    shippingPolicy: Policy.nullable().optional(),
    supportEmail: z.string().trim().toLowerCase().email().max(254).nullable().optional(),
    supportPhone: ContactPhoneSchema.nullable().optional(),
    businessHours: BusinessHoursSchema.optional(),
    /** Closes the store for a while: its products are hidden until it is turned off. */
    holidayMode: z.boolean().optional(),
    holidayMessage: z.string().trim().max(300).nullable().optional(),
    /** The inventory-service warehouse orders ship from by default. */
    defaultWarehouseId: z.string().uuid().nullable().optional(),
    /** Working days between an order and its hand-over to the courier (0–30). */
    handlingTimeDays: z.number().int().min(0).max(30).optional(),
  })
  .refine((t) => Object.values(t).some((v) => v !== undefined), 'must change at least one field');
export type UpdateStoreInput = z.output<typeof UpdateStoreSchema>;

/** A vendor's store settings. */
export const StoreSchema = z.object({
  vendorId: z.string().uuid(),
  name: z.string(),
  slug: z.string(),
  logoMediaId: z.string().uuid().nullable(),
  bannerMediaId: z.string().uuid().nullable(),
  description: z.string().nullable(),
  returnPolicy: z.string().nullable(),
  shippingPolicy: z.string().nullable(),
  supportEmail: z.string().nullable(),
  supportPhone: z.string().nullable(),
  businessHours: BusinessHoursSchema,
  holidayMode: z.boolean(),
  holidayMessage: z.string().nullable(),
  defaultWarehouseId: z.string().uuid().nullable(),
  handlingTimeDays: z.number().int(),
  updatedAt: z.string().datetime(),
});
export type Store = z.infer<typeof StoreSchema>;

/** What any storefront visitor sees of an approved vendor's store (no internal settings). */
export const PublicStoreSchema = StoreSchema.omit({ defaultWarehouseId: true, updatedAt: true }).extend({
  /** False while the store is on holiday: show `holidayMessage`, hide the buy buttons. */
  open: z.boolean(),
});
export type PublicStore = z.infer<typeof PublicStoreSchema>;

export const StoreSlugParamsSchema = z.strictObject({ slug: z.string().min(1).max(60) });

export function toStore(row: VendorStoreRow): Store {
  return {
    vendorId: row.vendorId,
    name: row.name,
    slug: row.slug,
    logoMediaId: row.logoMediaId,
    bannerMediaId: row.bannerMediaId,
    description: row.description,
    returnPolicy: row.returnPolicy,
    shippingPolicy: row.shippingPolicy,
    supportEmail: row.supportEmail,
    supportPhone: row.supportPhone,
    businessHours: row.businessHours,
    holidayMode: row.holidayMode,
    holidayMessage: row.holidayMessage,
    defaultWarehouseId: row.defaultWarehouseId,
    handlingTimeDays: row.handlingTimeDays,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toPublicStore(row: VendorStoreRow): PublicStore {
  const { defaultWarehouseId: _w, updatedAt: _u, ...rest } = toStore(row);
  return { ...rest, open: !row.holidayMode };
}
