import { Module } from '@nestjs/common';
import { AuthModule } from '@haat/auth';
import { CatalogCacheModule } from './infrastructure/cache/catalog-cache.module.js';
import { BrandsModule } from './modules/brands/brands.module.js';
import { CatalogueReportModule } from './modules/catalogue-report/catalogue-report.module.js';
import { CategoriesModule } from './modules/categories/categories.module.js';
import { ImportsModule } from './modules/imports/imports.module.js';
import { ProductsModule } from './modules/products/products.module.js';

@Module({
  imports: [
    AuthModule.forRoot({}),
    CatalogCacheModule,
    CategoriesModule,
    BrandsModule,
    ProductsModule,
    ImportsModule,
    CatalogueReportModule,
  ],
})
export class AppModule {}
