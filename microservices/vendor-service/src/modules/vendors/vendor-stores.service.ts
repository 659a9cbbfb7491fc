import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError } from '@haat/common';
import { type Database, isUniqueViolation } from '@haat/database';
import { addToOutbox } from '@haat/messaging';
import { DATABASE } from '@haat/service';
import type { TenantContext } from '@haat/tenant';
import {
  type PublicStore,
  type Store,
  toPublicStore,
  toStore,
  type UpdateStoreInput,
} from './dto/store.dto.js';
import { VendorAuditService } from './vendor-audit.service.js';
import { VendorLifecycle } from './vendor-lifecycle.service.js';
import { SELLING_STATUSES } from './vendor-onboarding.machine.js';
import type { VendorStoreRow } from './vendor-stores.schema.js';
import { VendorStoresRepository } from './vendor-stores.repository.js';
import { storeSlugTaken, VENDOR_ERRORS } from './vendors.errors.js';
import { vendorUpdated } from './vendors.events.js';
import { VendorsRepository } from './vendors.repository.js';

const SLUG_CONSTRAINT = 'vendor_stores_tenant_slug_uq';

/** A vendor's store settings, and the public store page of approved vendors. */
@Injectable()
export class VendorStoresService {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly stores: VendorStoresRepository,
    private readonly vendors: VendorsRepository,
    private readonly lifecycle: VendorLifecycle,
    private readonly audit: VendorAuditService,
  ) {}

  async get(ctx: TenantContext, vendorId: string): Promise<Store> {
    return this.database.withTenant(ctx.tenantId, async (tx) =>
      toStore((await this.lifecycle.read(ctx, tx, vendorId, 'vendor:read')).store),
    );
  }

  /**
   * Changes store settings with an audit row and `vendor.updated.v1` naming the changed fields;
   * turning holiday mode on announces `canSell: false`, so the catalog hides the products.
   */
  async update(ctx: TenantContext, vendorId: string, input: UpdateStoreInput): Promise<Store> {
    try {
      return await this.database.withTenant(ctx.tenantId, async (tx) => {
        const { vendor, store } = await this.lifecycle.lock(ctx, tx, vendorId, 'vendor:update');
        const changed = changedFields(store, input);
        if (changed.length === 0) return toStore(store);
        const row = await this.stores.update(tx, vendorId, input);
        await this.audit.record(ctx, tx, { vendorId, action: 'update-store', details: { changed } });
        await addToOutbox(tx, vendorUpdated(ctx, vendor, row, changed));
        return toStore(row);
      });
    } catch (err) {
      if (input.slug !== undefined && isUniqueViolation(err, SLUG_CONSTRAINT))
        throw storeSlugTaken(input.slug);
      throw err;
    }
  }

  /** The storefront page of an approved vendor's store, for any visitor; 404 for any other. */
  async publicStore(ctx: TenantContext, slug: string): Promise<PublicStore> {
    return this.database.withTenant(ctx.tenantId, async (tx) => {
      const store = await this.stores.findBySlug(tx, slug);
      const vendor = store && (await this.vendors.findById(tx, store.vendorId));
      if (!store || !vendor || !SELLING_STATUSES.includes(vendor.status)) {
        throw new NotFoundError(VENDOR_ERRORS.storeNotFound, 'No such store', { slug });
      }
      return toPublicStore(store);
    });
  }
}

function changedFields(current: VendorStoreRow, input: UpdateStoreInput): string[] {
  return (Object.keys(input) as (keyof UpdateStoreInput)[]).filter((k) => {
    const next = input[k];
    if (next === undefined) return false;
    return JSON.stringify(current[k]) !== JSON.stringify(next);
  });
}
