import { IdSchema, pageSchema } from '@haat/common';
import { z } from 'zod';
import { canSell } from '../selling-state.js';
import type { VendorStoreRow } from '../vendor-stores.schema.js';
import { BUSINESS_TYPES, VENDOR_STATUSES, type VendorRow } from '../vendors.schema.js';

/** A vendor as its owner, its staff and the marketplace see it. */
export const VendorSchema = z.object({
  id: z.string().uuid(),
  status: z.enum(VENDOR_STATUSES),
  canSell: z.boolean(),
  ownerUserId: z.string().nullable(),
  legalName: z.string(),
  ownerName: z.string(),
  businessType: z.enum(BUSINESS_TYPES),
  contactEmail: z.string(),
  contactPhone: z.string(),
  address: z.object({
    line1: z.string(),
    line2: z.string().optional(),
    city: z.string(),
    district: z.string(),
    postcode: z.string().optional(),
    country: z.string(),
  }),
  tier: z.string(),
  /** Why the last review decision was taken (rejection reasons, suspension reason). */
  statusReason: z.string().nullable(),
  submissionCount: z.number().int(),
  store: z.object({ name: z.string(), slug: z.string(), holidayMode: z.boolean() }),
  submittedAt: z.string().datetime().nullable(),
  approvedAt: z.string().datetime().nullable(),
  createdAt: z.string().datetime(),
  updatedAt: z.string().datetime(),
});
export type Vendor = z.infer<typeof VendorSchema>;
export const VendorPageSchema = pageSchema(VendorSchema);

export const VendorIdParamsSchema = z.strictObject({ id: IdSchema });

export function toVendor(
  row: VendorRow,
  store: Pick<VendorStoreRow, 'name' | 'slug' | 'holidayMode'>,
): Vendor {
  return {
    id: row.id,
    status: row.status,
    canSell: canSell(row, store),
    ownerUserId: row.ownerUserId,
    legalName: row.legalName,
    ownerName: row.ownerName,
    businessType: row.businessType,
    contactEmail: row.contactEmail,
    contactPhone: row.contactPhone,
    address: row.address,
    tier: row.tier,
    statusReason: row.statusReason,
    submissionCount: row.submissionCount,
    store: { name: store.name, slug: store.slug, holidayMode: store.holidayMode },
    submittedAt: row.submittedAt?.toISOString() ?? null,
    approvedAt: row.approvedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
