import { Module } from '@nestjs/common';
import { DemoVendorsSeeder } from './demo-vendors.seeder.js';
import { VendorAccessPolicy } from './vendor-access.policy.js';
import { VendorAuditRepository } from './vendor-audit.repository.js';
import { VendorAuditService } from './vendor-audit.service.js';
import { VendorLifecycle } from './vendor-lifecycle.service.js';
import { PublicStoresController, VendorStoresController } from './vendor-stores.controller.js';
import { VendorStoresRepository } from './vendor-stores.repository.js';
import { VendorStoresService } from './vendor-stores.service.js';
import { VendorsController } from './vendors.controller.js';
import { VendorsRepository } from './vendors.repository.js';
import { VendorsService } from './vendors.service.js';

@Module({
  controllers: [VendorsController, VendorStoresController, PublicStoresController],
  providers: [
    VendorsService,
    VendorStoresService,
    VendorLifecycle,
    VendorAccessPolicy,
    VendorAuditService,
    VendorAuditRepository,
    VendorsRepository,
    VendorStoresRepository,
    DemoVendorsSeeder,
  ],
  exports: [VendorsService, VendorLifecycle, VendorAccessPolicy, VendorAuditService, DemoVendorsSeeder],
})
export class VendorsModule {}
