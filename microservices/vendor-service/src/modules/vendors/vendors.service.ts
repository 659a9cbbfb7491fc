import { Inject, Injectable } from '@nestjs/common';
import { authRequired } from '@haat/auth';
import { decodeCursor, newId, type Page, toPage } from '@haat/common';
import { type Database, isUniqueViolation } from '@haat/database';
import { addToOutbox } from '@haat/messaging';
import { DATABASE } from '@haat/service';
import type { TenantContext } from '@haat/tenant';
import { z } from 'zod';
import type { ApplyVendorInput } from './dto/apply-vendor.dto.js';
import type { ListVendorsQuery } from './dto/list-vendors.query.js';
import { KYC_FIELDS, type UpdateVendorInput } from './dto/update-vendor.dto.js';
import type { VendorAuditEntry } from './dto/vendor-audit.dto.js';
import { toVendor, type Vendor } from './dto/vendor.dto.js';
import { VendorAccessPolicy } from './vendor-access.policy.js';
import { VendorAuditService } from './vendor-audit.service.js';
import { VendorLifecycle } from './vendor-lifecycle.service.js';
import { KYC_EDITABLE_STATUSES } from './vendor-onboarding.machine.js';
import { VendorStoresRepository } from './vendor-stores.repository.js';
import { kycLocked, storeSlugTaken } from './vendors.errors.js';
import { vendorApplied, vendorUpdated } from './vendors.events.js';
import { VendorsRepository } from './vendors.repository.js';
import type { VendorRow } from './vendors.schema.js';

const VendorCursorSchema = z.object({ id: z.string().uuid() });
const SLUG_CONSTRAINT = 'vendor_stores_tenant_slug_uq';

/** Applying, reading and changing vendors (their onboarding decisions are `VendorReviewsService`'s). */
@Injectable()
export class VendorsService {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly vendors: VendorsRepository,
    private readonly stores: VendorStoresRepository,
    private readonly lifecycle: VendorLifecycle,
    private readonly access: VendorAccessPolicy,
    private readonly audit: VendorAuditService,
  ) {}

  /**
   * Someone signed in applies to sell: the vendor (`applied`) and its store are created with
   * `vendor.applied.v1` and an audit row, in one transaction. The store slug is unique per
   * tenant (409 `VENDOR_STORE_SLUG_TAKEN`).
   */
  async apply(ctx: TenantContext, input: ApplyVendorInput, options: { id?: string } = {}): Promise<Vendor> {
    if (ctx.userId === null && !ctx.roles.includes('system')) throw authRequired();
    const id = options.id ?? newId();
    try {
      return await this.database.withTenant(ctx.tenantId, async (tx) => {
        const vendor = await this.vendors.insert(tx, {
          id,
          tenantId: ctx.tenantId,
          status: 'applied',
          ownerUserId: ctx.userId,
          legalName: input.legalName,
          ownerName: input.ownerName,
          businessType: input.businessType,
          contactEmail: input.contactEmail,
          contactPhone: input.contactPhone,
          address: input.address,
        });
        const store = await this.stores.insert(tx, {
          vendorId: id,
          tenantId: ctx.tenantId,
          name: input.store.name,
          slug: input.store.slug,
        });
        await this.audit.record(ctx, tx, { vendorId: id, action: 'apply', toStatus: 'applied' });
        await addToOutbox(tx, vendorApplied(ctx, vendor, store));
        return toVendor(vendor, store);
      });
    } catch (err) {
      if (isUniqueViolation(err, SLUG_CONSTRAINT)) throw storeSlugTaken(input.store.slug);
      throw err;
    }
  }

  async get(ctx: TenantContext, id: string): Promise<Vendor> {
    return this.database.withTenant(ctx.tenantId, async (tx) => {
      const { vendor, store } = await this.lifecycle.read(ctx, tx, id, 'vendor:read');
      return toVendor(vendor, store);
    });
  }

  /** Marketplace readers see every vendor; anyone else the vendors they work for or applied for. */
  async list(ctx: TenantContext, query: ListVendorsQuery): Promise<Page<Vendor>> {
    const before = decodeCursor(query.cursor, VendorCursorSchema);
    const visibility = await this.access.visibility(ctx);
    return this.database.withTenant(ctx.tenantId, async (tx) => {
      const rows = await this.vendors.list(tx, {
        visibility,
        status: query.status,
        limit: query.limit,
        beforeId: before?.id,
      });
      const stores = new Map(
        (
          await this.stores.findByVendors(
            tx,
            rows.map((r) => r.id),
          )
        ).map((s) => [s.vendorId, s]),
      );
      return toPage(
        rows,
        query.limit,
        (r) => ({ id: r.id }),
        (r) => {
          const store = stores.get(r.id);
          return toVendor(r, store ?? { name: '', slug: '', holidayMode: false });
        },
      );
    });
  }

  /** Changes contact details (any time) or names and business type (while editable: 409 `VENDOR_KYC_LOCKED`). */
  async update(ctx: TenantContext, id: string, input: UpdateVendorInput): Promise<Vendor> {
    return this.database.withTenant(ctx.tenantId, async (tx) => {
      const { vendor, store } = await this.lifecycle.lock(ctx, tx, id, 'vendor:update');
      const changed = changedFields(vendor, input);
      if (changed.length === 0) return toVendor(vendor, store);
      const kyc = changed.filter((f) => (KYC_FIELDS as readonly string[]).includes(f));
      if (kyc.length > 0 && !KYC_EDITABLE_STATUSES.includes(vendor.status))
        throw kycLocked(vendor.status, kyc);
      const row = await this.vendors.update(tx, id, input);
      await this.audit.record(ctx, tx, { vendorId: id, action: 'update-profile', details: { changed } });
      await addToOutbox(tx, vendorUpdated(ctx, row, store, changed));
      return toVendor(row, store);
    });
  }

  /** Puts the vendor in a commercial tier (`vendor:manage`): tier commission rules follow it. */
  async setTier(ctx: TenantContext, id: string, tier: string, reason: string | undefined): Promise<Vendor> {
    return this.database.withTenant(ctx.tenantId, async (tx) => {
      const { vendor, store } = await this.lifecycle.lock(ctx, tx, id, 'vendor:manage');
      if (vendor.tier === tier) return toVendor(vendor, store);
      const row = await this.vendors.update(tx, id, { tier });
      await this.audit.record(ctx, tx, {
        vendorId: id,
        action: 'set-tier',
        reason: reason ?? null,
        details: { from: vendor.tier, to: tier },
      });
      await addToOutbox(tx, vendorUpdated(ctx, row, store, ['tier']));
      return toVendor(row, store);
    });
  }

  async auditTrail(
    ctx: TenantContext,
    id: string,
    query: { limit: number; cursor?: string | undefined },
  ): Promise<Page<VendorAuditEntry>> {
    return this.database.withTenant(ctx.tenantId, async (tx) => {
      await this.lifecycle.read(ctx, tx, id, 'vendor:read');
      return this.audit.list(tx, id, query);
    });
  }
}

function changedFields(current: VendorRow, input: UpdateVendorInput): string[] {
  return (Object.keys(input) as (keyof UpdateVendorInput)[]).filter((k) => {
    const next = input[k];
    if (next === undefined) return false;
    return JSON.stringify(current[k]) !== JSON.stringify(next);
  });
}
