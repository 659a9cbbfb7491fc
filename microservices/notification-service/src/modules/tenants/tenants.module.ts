import { Module } from '@nestjs/common';
import { TenantProfileConsumer } from './tenant-profile.consumer.js';
import { TenantProfilesRepository } from './tenant-profiles.repository.js';
import { TenantProfilesService } from './tenant-profiles.service.js';

@Module({
  providers: [TenantProfilesRepository, TenantProfilesService, TenantProfileConsumer],
  exports: [TenantProfilesService],
})
export class TenantsModule {}
