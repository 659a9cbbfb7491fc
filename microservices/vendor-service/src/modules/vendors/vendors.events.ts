import {
  VendorAppliedV1,
  VendorApprovedV1,
  VendorRejectedV1,
  VendorReinstatedV1,
  VendorSubmittedV1,
  VendorSuspendedV1,
  VendorUpdatedV1,
} from '@haat/contracts';
import { envelope } from '@haat/messaging';
import type { TenantContext } from '@haat/tenant';
import { sellingStateOf } from './selling-state.js';
import type { VendorStoreRow } from './vendor-stores.schema.js';
import type { VendorRow } from './vendors.schema.js';

const on = (v: VendorRow) => ({ aggregateType: 'vendor', aggregateId: v.id });

export function vendorApplied(ctx: TenantContext, v: VendorRow, s: VendorStoreRow) {
  return envelope(VendorAppliedV1, ctx, {
    ...on(v),
    payload: { ...sellingStateOf(v, s), ownerUserId: v.ownerUserId, legalName: v.legalName },
  });
}

export function vendorSubmitted(
  ctx: TenantContext,
  v: VendorRow,
  s: VendorStoreRow,
  submission: { id: string; number: number; failedChecks: string[] },
) {
  return envelope(VendorSubmittedV1, ctx, {
    ...on(v),
    payload: {
      ...sellingStateOf(v, s),
      submissionId: submission.id,
      submissionNumber: submission.number,
      checksPassed: submission.failedChecks.length === 0,
      failedChecks: submission.failedChecks,
    },
  });
}

export function vendorApproved(ctx: TenantContext, v: VendorRow, s: VendorStoreRow, reason: string | null) {
  return envelope(VendorApprovedV1, ctx, {
    ...on(v),
    payload: { ...sellingStateOf(v, s), ownerUserId: v.ownerUserId, approvedBy: ctx.userId, reason },
  });
}

export function vendorRejected(ctx: TenantContext, v: VendorRow, s: VendorStoreRow, reasons: string[]) {
  return envelope(VendorRejectedV1, ctx, {
    ...on(v),
    payload: { ...sellingStateOf(v, s), ownerUserId: v.ownerUserId, reasons, rejectedBy: ctx.userId },
  });
}

export function vendorSuspended(ctx: TenantContext, v: VendorRow, s: VendorStoreRow, reason: string) {
  return envelope(VendorSuspendedV1, ctx, {
    ...on(v),
    payload: { ...sellingStateOf(v, s), ownerUserId: v.ownerUserId, reason, suspendedBy: ctx.userId },
  });
}

export function vendorReinstated(ctx: TenantContext, v: VendorRow, s: VendorStoreRow, reason: string) {
  return envelope(VendorReinstatedV1, ctx, {
    ...on(v),
    payload: { ...sellingStateOf(v, s), ownerUserId: v.ownerUserId, reason, reinstatedBy: ctx.userId },
  });
}

export function vendorUpdated(ctx: TenantContext, v: VendorRow, s: VendorStoreRow, changed: string[]) {
  return envelope(VendorUpdatedV1, ctx, {
    ...on(v),
    payload: {
      ...sellingStateOf(v, s),
      changed,
      holidayMessage: s.holidayMessage,
      defaultWarehouseId: s.defaultWarehouseId,
      handlingTimeDays: s.handlingTimeDays,
    },
  });
}
