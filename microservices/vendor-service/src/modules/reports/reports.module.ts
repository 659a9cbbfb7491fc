import { Module } from '@nestjs/common';
import { CommissionsModule } from '../commissions/commissions.module.js';
import { ComplianceModule } from '../compliance/compliance.module.js';
import { MetricsModule } from '../metrics/metrics.module.js';
import { VendorsModule } from '../vendors/vendors.module.js';
import { ReportRenderConsumer } from './report-render.consumer.js';
import { reportProviders } from './reports.providers.js';
import { VendorReportDefinition } from './vendor-report.definition.js';
import { VendorReportsController } from './vendor-reports.controller.js';

@Module({
  imports: [VendorsModule, ComplianceModule, CommissionsModule, MetricsModule],
  controllers: [VendorReportsController],
  providers: [...reportProviders, VendorReportDefinition, ReportRenderConsumer],
})
export class ReportsModule {}
