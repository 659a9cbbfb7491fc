import { Module } from '@nestjs/common';
import { WarehousesModule } from '../warehouses/warehouses.module.js';
import { SkuRegistryConsumer } from './sku-registry.consumer.js';
import { SkuRepository } from './sku.repository.js';
import { SkusController } from './skus.controller.js';
import { StockLevelRepository } from './stock-level.repository.js';
import { StockMovementRepository } from './stock-movement.repository.js';
import { StockQueryService } from './stock-query.service.js';
import { StockController } from './stock.controller.js';
import { StockLedger } from './stock.ledger.js';
import { StockService } from './stock.service.js';

@Module({
  imports: [WarehousesModule],
  controllers: [StockController, SkusController],
  providers: [
    StockService,
    StockQueryService,
    StockLedger,
    SkuRepository,
    StockLevelRepository,
    StockMovementRepository,
    SkuRegistryConsumer,
  ],
  exports: [StockLedger, StockQueryService],
})
export class StockModule {}
