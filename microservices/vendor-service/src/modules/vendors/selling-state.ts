import type { VendorSellingState } from '@haat/contracts';
import { SELLING_STATUSES } from './vendor-onboarding.machine.js';
import type { VendorStoreRow } from './vendor-stores.schema.js';
import type { VendorRow } from './vendors.schema.js';

/** Whether the vendor's products may be listed and sold: approved and not on holiday. */
export function canSell(
  vendor: Pick<VendorRow, 'status'>,
  store: Pick<VendorStoreRow, 'holidayMode'>,
): boolean {
  return SELLING_STATUSES.includes(vendor.status) && !store.holidayMode;
}

/** What every `vendor.*.v1` lifecycle event carries for the catalog. */
export function sellingStateOf(
  vendor: Pick<VendorRow, 'id' | 'status' | 'tier'>,
  store: Pick<VendorStoreRow, 'name' | 'slug' | 'holidayMode'>,
): VendorSellingState {
  return {
    vendorId: vendor.id,
    status: vendor.status,
    holidayMode: store.holidayMode,
    canSell: canSell(vendor, store),
    storeName: store.name,
    storeSlug: store.slug,
    tier: vendor.tier,
  };
}
