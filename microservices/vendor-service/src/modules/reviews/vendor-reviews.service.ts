import { Inject, Injectable } from '@nestjs/common';
import type { Clock } from '@haat/common';
import type { Database } from '@haat/database';
import { addToOutbox } from '@haat/messaging';
import { DATABASE } from '@haat/service';
import type { TenantContext } from '@haat/tenant';
import { VENDOR_CLOCK } from '../../infrastructure/clock/vendor-clock.js';
import { PayoutsService } from '../payouts/payouts.service.js';
import { toVendor, type Vendor } from '../vendors/dto/vendor.dto.js';
import { VendorLifecycle } from '../vendors/vendor-lifecycle.service.js';
import {
  vendorApproved,
  vendorRejected,
  vendorReinstated,
  vendorSuspended,
} from '../vendors/vendors.events.js';

/**
 * The marketplace's onboarding decisions (`vendor:approve`): approve a vendor whose checks
 * passed, reject one with reasons, suspend an approved one and reinstate it. Each is a
 * transition of the onboarding table (409 `VENDOR_ILLEGAL_TRANSITION` otherwise) with an audit
 * row and its `vendor.*.v1` event, in one transaction.
 */
@Injectable()
export class VendorReviewsService {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(VENDOR_CLOCK) private readonly clock: Clock,
    private readonly lifecycle: VendorLifecycle,
    private readonly payouts: PayoutsService,
  ) {}

  /** Approves a `submitted` vendor; its payout account, just checked, is verified with it. */
  async approve(ctx: TenantContext, id: string, reason: string | undefined): Promise<Vendor> {
    return this.database.withTenant(ctx.tenantId, async (tx) => {
      const { vendor, store } = await this.lifecycle.lock(ctx, tx, id, 'vendor:approve');
      const updated = await this.lifecycle.transition(ctx, tx, vendor, 'approve', 'approved', {
        reason: reason ?? null,
        patch: { approvedAt: this.clock.now(), statusReason: reason ?? null },
      });
      await this.payouts.verifyWithApproval(ctx, tx, id);
      await addToOutbox(tx, vendorApproved(ctx, updated, store, reason ?? null));
      return toVendor(updated, store);
    });
  }

  async reject(ctx: TenantContext, id: string, reasons: string[]): Promise<Vendor> {
    return this.database.withTenant(ctx.tenantId, async (tx) => {
      const { vendor, store } = await this.lifecycle.lock(ctx, tx, id, 'vendor:approve');
      const updated = await this.lifecycle.transition(ctx, tx, vendor, 'reject', 'rejected', {
        reason: reasons.join('; '),
        details: { reasons },
        patch: { statusReason: reasons.join('; ') },
      });
      await addToOutbox(tx, vendorRejected(ctx, updated, store, reasons));
      return toVendor(updated, store);
    });
  }

  async suspend(ctx: TenantContext, id: string, reason: string): Promise<Vendor> {
    return this.database.withTenant(ctx.tenantId, async (tx) => {
      const { vendor, store } = await this.lifecycle.lock(ctx, tx, id, 'vendor:approve');
      const updated = await this.lifecycle.transition(ctx, tx, vendor, 'suspend', 'suspended', {
        reason,
        patch: { statusReason: reason },
      });
      await addToOutbox(tx, vendorSuspended(ctx, updated, store, reason));
      return toVendor(updated, store);
    });
  }

  async reinstate(ctx: TenantContext, id: string, reason: string): Promise<Vendor> {
    return this.database.withTenant(ctx.tenantId, async (tx) => {
      const { vendor, store } = await this.lifecycle.lock(ctx, tx, id, 'vendor:approve');
      const updated = await this.lifecycle.transition(ctx, tx, vendor, 'reinstate', 'approved', {
        reason,
        patch: { statusReason: reason },
      });
      await addToOutbox(tx, vendorReinstated(ctx, updated, store, reason));
      return toVendor(updated, store);
    });
  }
}
