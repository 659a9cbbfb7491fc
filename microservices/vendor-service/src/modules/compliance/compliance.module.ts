import { Module } from '@nestjs/common';
import { MediaAssetsClient } from '../../infrastructure/media/media-assets.client.js';
import { BlocklistModule } from '../blocklist/blocklist.module.js';
import { PayoutsModule } from '../payouts/payouts.module.js';
import { VendorsModule } from '../vendors/vendors.module.js';
import { ComplianceController } from './compliance.controller.js';
import { ComplianceRepository } from './compliance.repository.js';
import { ComplianceSubjectLoader } from './compliance-subject.loader.js';
import { DocumentNumberSealer } from './document-number.sealer.js';
import { SubmissionsService } from './submissions.service.js';

@Module({
  imports: [VendorsModule, PayoutsModule, BlocklistModule],
  controllers: [ComplianceController],
  providers: [
    SubmissionsService,
    ComplianceRepository,
    ComplianceSubjectLoader,
    DocumentNumberSealer,
    MediaAssetsClient,
  ],
  exports: [SubmissionsService],
})
export class ComplianceModule {}
