import { Module } from '@nestjs/common';
import { ProductsModule } from '../products/products.module.js';
import { CatalogueReportConsumer } from './catalogue-report.consumer.js';
import { CatalogueReportController } from './catalogue-report.controller.js';
import { CatalogueReportDefinition } from './catalogue-report.definition.js';
import { catalogueReportProviders } from './catalogue-report.providers.js';

@Module({
  imports: [ProductsModule],
  controllers: [CatalogueReportController],
  providers: [...catalogueReportProviders, CatalogueReportDefinition, CatalogueReportConsumer],
})
export class CatalogueReportModule {}
