import { Module } from '@nestjs/common';
import { SkuRepository } from '../stock/sku.repository.js';
import { StockMovementRepository } from '../stock/stock-movement.repository.js';
import { WarehousesRepository } from '../warehouses/warehouses.repository.js';
import { ReportRenderConsumer } from './report-render.consumer.js';
import { reportProviders } from './reports.providers.js';
import { ReportsController } from './reports.controller.js';
import { StockReportDefinition } from './stock-report.definition.js';

@Module({
  controllers: [ReportsController],
  providers: [
    ...reportProviders,
    StockReportDefinition,
    ReportRenderConsumer,
    SkuRepository,
    StockMovementRepository,
    WarehousesRepository,
  ],
})
export class ReportsModule {}
