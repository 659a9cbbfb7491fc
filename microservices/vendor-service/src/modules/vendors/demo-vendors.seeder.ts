import { Inject, Injectable } from '@nestjs/common';
import { type Database, isUniqueViolation } from '@haat/database';
import { addToOutbox } from '@haat/messaging';
import { DATABASE } from '@haat/service';
import type { TenantContext } from '@haat/tenant';
import type { ApplyVendorInput } from './dto/apply-vendor.dto.js';
import { VendorAuditService } from './vendor-audit.service.js';
import { VendorStoresRepository } from './vendor-stores.repository.js';
import { vendorApproved } from './vendors.events.js';
import { VendorsRepository } from './vendors.repository.js';

/**
 * Puts ready-approved vendors into the demo marketplace (embedded demo mode only): they skip the
 * document checks, which need real uploads, but are announced like any approved vendor.
 */
@Injectable()
export class DemoVendorsSeeder {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly vendors: VendorsRepository,
    private readonly stores: VendorStoresRepository,
    private readonly audit: VendorAuditService,
  ) {}

  /** Creates the vendor approved unless it exists; true when it was created now. */
  async ensureApproved(ctx: TenantContext, id: string, input: ApplyVendorInput): Promise<boolean> {
    try {
      return await this.database.withTenant(ctx.tenantId, async (tx) => {
        if (await this.vendors.findById(tx, id)) return false;
        const vendor = await this.vendors.insert(tx, {
          id,
          tenantId: ctx.tenantId,
          status: 'approved',
          ownerUserId: null,
          legalName: input.legalName,
          ownerName: input.ownerName,
          businessType: input.businessType,
          contactEmail: input.contactEmail,
          contactPhone: input.contactPhone,
          address: input.address,
          approvedAt: new Date(),
        });
        const store = await this.stores.insert(tx, {
          vendorId: id,
          tenantId: ctx.tenantId,
          name: input.store.name,
          slug: input.store.slug,
        });
        await this.audit.record(ctx, tx, {
          vendorId: id,
          action: 'seed-demo',
          toStatus: 'approved',
          reason: 'demo data',
        });
        await addToOutbox(tx, vendorApproved(ctx, vendor, store, 'demo data'));
        return true;
      });
    } catch (err) {
      if (isUniqueViolation(err)) return false;
      throw err;
    }
  }
}
