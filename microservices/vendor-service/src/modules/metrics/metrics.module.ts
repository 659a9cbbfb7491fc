import { Module } from '@nestjs/common';
import { VendorsModule } from '../vendors/vendors.module.js';
import { MetricsRepository } from './metrics.repository.js';
import { VendorMetricsController } from './vendor-metrics.controller.js';
import { VendorMetricsService } from './vendor-metrics.service.js';
import { VendorPerformanceConsumer } from './vendor-performance.consumer.js';

@Module({
  imports: [VendorsModule],
  controllers: [VendorMetricsController],
  providers: [VendorMetricsService, MetricsRepository, VendorPerformanceConsumer],
  exports: [VendorMetricsService],
})
export class MetricsModule {}
