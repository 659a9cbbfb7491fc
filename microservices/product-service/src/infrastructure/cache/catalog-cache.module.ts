import { Global, Module } from '@nestjs/common';
import { CatalogCacheConsumer } from './catalog-cache.consumer.js';
import { CatalogCache } from './catalog.cache.js';

@Global()
@Module({ providers: [CatalogCache, CatalogCacheConsumer], exports: [CatalogCache] })
export class CatalogCacheModule {}
