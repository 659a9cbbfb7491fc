import { z } from 'zod';

/**
 * Where a vendor is in onboarding. `applied`: created, documents not yet submitted;
 * `submitted`: documents in and every compliance check passed, waiting for a reviewer;
 * `checks_failed`: documents in, a check failed (the vendor fixes and resubmits);
 * `approved`: may list and sell; `rejected`: refused with reasons (may resubmit);
 * `suspended`: was approved, stopped by the marketplace.
 */
export const VendorStatusSchema = z.enum([
  'applied',
  'submitted',
  'checks_failed',
  'approved',
  'rejected',
  'suspended',
]);
export type VendorStatus = z.infer<typeof VendorStatusSchema>;

/**
 * What the catalog, search and checkout need to know about a vendor, carried by every
 * `vendor.*.v1` lifecycle event: hide the vendor's products unless `canSell`.
 */
export const VendorSellingStateSchema = z.object({
  vendorId: z.string().uuid(),
  status: VendorStatusSchema,
  /** The store is closed for a while: approved, but its products are hidden. */
  holidayMode: z.boolean(),
  /** `status === 'approved' && !holidayMode`: its products may be listed and sold. */
  canSell: z.boolean(),
  storeName: z.string(),
  storeSlug: z.string(),
  /** The marketplace's commercial tier of the vendor (commission rules key on it). */
  tier: z.string(),
});
export type VendorSellingState = z.infer<typeof VendorSellingStateSchema>;

/** How a vendor is paid out. */
export const VendorPayoutMethodSchema = z.enum(['bank', 'bkash', 'nagad']);
