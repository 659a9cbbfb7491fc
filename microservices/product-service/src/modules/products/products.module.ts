import { Module } from '@nestjs/common';
import { TenantLimitsClient } from '../../infrastructure/tenant/tenant-limits.client.js';
import { BrandsModule } from '../brands/brands.module.js';
import { CategoriesModule } from '../categories/categories.module.js';
import { MediaRefsModule } from '../media-refs/media-refs.module.js';
import { CatalogController } from './catalog.controller.js';
import { ProductAggregateLoader } from './product-aggregate.loader.js';
import { ProductLimitService } from './product-limit.service.js';
import { ProductSlugsService } from './product-slugs.service.js';
import { ProductVariantsService } from './product-variants.service.js';
import { ProductWrites } from './product-writes.helper.js';
import { ProductsController } from './products.controller.js';
import { ProductsRepository } from './products.repository.js';
import { ProductsService } from './products.service.js';
import { StorefrontService } from './storefront.service.js';

@Module({
  imports: [CategoriesModule, BrandsModule, MediaRefsModule],
  controllers: [ProductsController, CatalogController],
  providers: [
    ProductsRepository,
    ProductAggregateLoader,
    ProductWrites,
    ProductSlugsService,
    ProductLimitService,
    TenantLimitsClient,
    ProductsService,
    ProductVariantsService,
    StorefrontService,
  ],
  exports: [
    ProductsService,
    ProductAggregateLoader,
    ProductLimitService,
    ProductSlugsService,
    ProductsRepository,
  ],
})
export class ProductsModule {}
