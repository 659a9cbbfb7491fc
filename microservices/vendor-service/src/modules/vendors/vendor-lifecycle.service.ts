import { Injectable } from '@nestjs/common';
import type { RequiredPermission } from '@haat/auth';
import { InternalError } from '@haat/common';
import type { Tx } from '@haat/database';
import type { TenantContext } from '@haat/tenant';
import { VendorAccessPolicy } from './vendor-access.policy.js';
import { VendorAuditService } from './vendor-audit.service.js';
import { assertCanStart, canTransition, type VendorAction } from './vendor-onboarding.machine.js';
import type { VendorStoreRow } from './vendor-stores.schema.js';
import { VendorStoresRepository } from './vendor-stores.repository.js';
import { vendorNotFound } from './vendors.errors.js';
import { type VendorPatch, VendorsRepository } from './vendors.repository.js';
import type { VendorRow, VendorStatusValue } from './vendors.schema.js';

/** A vendor with its store, as every feature reads it. */
export interface VendorRecord {
  vendor: VendorRow;
  store: VendorStoreRow;
}

/**
 * The vendor aggregate for the other features (compliance, reviews, payouts, commissions,
 * metrics, reports): loads a vendor the caller may act on, and moves it through the onboarding
 * machine with an audit row, in the caller's transaction.
 */
@Injectable()
export class VendorLifecycle {
  constructor(
    private readonly vendors: VendorsRepository,
    private readonly stores: VendorStoresRepository,
    private readonly access: VendorAccessPolicy,
    private readonly audit: VendorAuditService,
  ) {}

  /** The vendor and its store; 404 `VENDOR_NOT_FOUND`, 403 when the caller lacks `permission` over it. */
  async read(ctx: TenantContext, tx: Tx, id: string, permission: RequiredPermission): Promise<VendorRecord> {
    const vendor = await this.vendors.findById(tx, id);
    if (!vendor) throw vendorNotFound(id);
    await this.access.assert(ctx, vendor, permission);
    return { vendor, store: await this.storeOf(tx, vendor.id) };
  }

  /** Like `read`, with the vendor row locked until the transaction ends. */
  async lock(ctx: TenantContext, tx: Tx, id: string, permission: RequiredPermission): Promise<VendorRecord> {
    const vendor = await this.vendors.lockById(tx, id);
    if (!vendor) throw vendorNotFound(id);
    await this.access.assert(ctx, vendor, permission);
    return { vendor, store: await this.storeOf(tx, vendor.id) };
  }

  /** The vendor without an access check, for the platform's own lookups (commission resolution). */
  async find(tx: Tx, id: string): Promise<VendorRow> {
    const vendor = await this.vendors.findById(tx, id);
    if (!vendor) throw vendorNotFound(id);
    return vendor;
  }

  /** The store of a vendor of this tenant, if there is such a vendor (for consumers of others' events). */
  findStore(tx: Tx, vendorId: string): Promise<VendorStoreRow | undefined> {
    return this.stores.findByVendor(tx, vendorId);
  }

  async storeOf(tx: Tx, vendorId: string): Promise<VendorStoreRow> {
    const store = await this.stores.findByVendor(tx, vendorId);
    if (!store) throw new InternalError('VENDOR_STORE_MISSING', 'A vendor has no store row', { vendorId });
    return store;
  }

  /**
   * Moves a locked vendor by `action` to `to` (409 `VENDOR_ILLEGAL_TRANSITION` when the table
   * does not allow it) and records who, when and why. The caller writes the event.
   */
  async transition(
    ctx: TenantContext,
    tx: Tx,
    vendor: VendorRow,
    action: VendorAction,
    to: VendorStatusValue,
    options: { reason?: string | null; details?: Record<string, unknown>; patch?: VendorPatch } = {},
  ): Promise<VendorRow> {
    assertCanStart(action, vendor.status);
    if (!canTransition(action, vendor.status, to)) {
      throw new InternalError('VENDOR_TRANSITION_TARGET', `${action} cannot lead to ${to}`, { action, to });
    }
    const updated = await this.vendors.setStatus(tx, vendor.id, to, options.patch);
    await this.audit.record(ctx, tx, {
      vendorId: vendor.id,
      action,
      fromStatus: vendor.status,
      toStatus: to,
      reason: options.reason ?? null,
      details: options.details,
    });
    return updated;
  }
}
