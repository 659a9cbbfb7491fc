import { Module, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { RawUploadParser } from '../../infrastructure/http/raw-upload.parser.js';
import { BrandsModule } from '../brands/brands.module.js';
import { CategoriesModule } from '../categories/categories.module.js';
import { ProductsModule } from '../products/products.module.js';
import { ImportBatchApplier } from './import-batch.applier.js';
import { ImportBatchWriter } from './import-batch.writer.js';
import { ImportRunner } from './import.runner.js';
import { ImportsController } from './imports.controller.js';
import { ImportsRepository } from './imports.repository.js';
import { ImportsService } from './imports.service.js';
import { ProductsExportService } from './products-export.service.js';

@Module({
  imports: [ProductsModule, CategoriesModule, BrandsModule],
  controllers: [ImportsController],
  providers: [
    RawUploadParser,
    ImportsRepository,
    ImportBatchApplier,
    ImportBatchWriter,
    ImportRunner,
    ImportsService,
    ProductsExportService,
  ],
})
export class ImportsModule implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(private readonly runner: ImportRunner) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.runner.resumeWaiting();
  }

  async onModuleDestroy(): Promise<void> {
    await this.runner.stop();
  }
}
