import { Module } from '@nestjs/common';
import { StockLevelRepository } from '../stock/stock-level.repository.js';
import { WarehousesController } from './warehouses.controller.js';
import { WarehousesRepository } from './warehouses.repository.js';
import { WarehousesService } from './warehouses.service.js';

@Module({
  controllers: [WarehousesController],
  providers: [WarehousesService, WarehousesRepository, StockLevelRepository],
  exports: [WarehousesService],
})
export class WarehousesModule {}
