import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module.js';
import { GrantsService } from './grants.service.js';
import { AccountsAdminController, RolesAdminController } from './roles-admin.controller.js';
import { RolesAdminService } from './roles-admin.service.js';
import { VendorStaffController } from './vendor-staff.controller.js';
import { VendorStaffService } from './vendor-staff.service.js';

/** The admin API of roles and grants, and vendor owners' staff API. */
@Module({
  imports: [IdentityModule],
  controllers: [RolesAdminController, AccountsAdminController, VendorStaffController],
  providers: [RolesAdminService, GrantsService, VendorStaffService],
  exports: [GrantsService],
})
export class RolesModule {}
