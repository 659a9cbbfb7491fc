import { VendorPayoutAccountChangedV1, VendorPayoutAccountVerifiedV1 } from '@haat/contracts';
import { envelope } from '@haat/messaging';
import type { TenantContext } from '@haat/tenant';
import { minimumPayoutOf } from './dto/payout-account.dto.js';
import type { PayoutAccountRow } from './payouts.schema.js';

const on = (row: PayoutAccountRow) => ({ aggregateType: 'vendor', aggregateId: row.vendorId });

export function payoutAccountChanged(ctx: TenantContext, row: PayoutAccountRow) {
  return envelope(VendorPayoutAccountChangedV1, ctx, {
    ...on(row),
    payload: {
      vendorId: row.vendorId,
      method: row.method,
      maskedDestination: row.maskedDestination,
      status: 'pending_verification',
      schedule: row.schedule,
      minimumPayout: minimumPayoutOf(row),
      changedBy: ctx.userId,
    },
  });
}

export function payoutAccountVerified(ctx: TenantContext, row: PayoutAccountRow) {
  return envelope(VendorPayoutAccountVerifiedV1, ctx, {
    ...on(row),
    payload: {
      vendorId: row.vendorId,
      method: row.method,
      maskedDestination: row.maskedDestination,
      verifiedBy: ctx.userId,
    },
  });
}
