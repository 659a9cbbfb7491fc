import { Module } from '@nestjs/common';
import { SERVICE_CONFIG } from '@haat/service';
import type { TenantServiceConfig } from '../../config/tenant-service.config.js';
import {
  createTxtRecordResolver,
  TXT_RECORD_RESOLVER,
} from '../../infrastructure/dns/txt-record.resolver.js';
import { DomainsController } from './domains.controller.js';
import { DomainsRepository } from './domains.repository.js';
import { DomainsService } from './domains.service.js';

@Module({
  controllers: [DomainsController],
  providers: [
    DomainsService,
    DomainsRepository,
    {
      provide: TXT_RECORD_RESOLVER,
      inject: [SERVICE_CONFIG],
      useFactory: (config: TenantServiceConfig) =>
        createTxtRecordResolver({ servers: config.DNS_SERVERS, timeoutMs: config.DNS_TIMEOUT }),
    },
  ],
  exports: [DomainsService],
})
export class DomainsModule {}
