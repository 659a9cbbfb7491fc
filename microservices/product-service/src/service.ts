import { fileURLToPath } from 'node:url';
import type { ServiceDefinition } from '@haat/service';
import { AppModule } from './app.module.js';
import { ProductServiceConfigSchema } from './config/product-service.config.js';
import { registerBrandsOpenApi } from './modules/brands/brands.openapi.js';
import { registerCategoriesOpenApi } from './modules/categories/categories.openapi.js';
import { registerImportsOpenApi } from './modules/imports/imports.openapi.js';
import { registerProductsOpenApi } from './modules/products/products.openapi.js';

/**
 * product-service: the catalogue — products with options and variants, typed attributes per
 * category, the taxonomy, brands, SEO, the storefront's cached reads, CSV import and export,
 * and the catalogue PDF.
 */
export const productService: ServiceDefinition<typeof ProductServiceConfigSchema> = {
  name: 'product-service',
  configSchema: ProductServiceConfigSchema,
  rootModule: () => AppModule,
  // `../migrations` from both src/ (tests) and dist/ (built).
  migrationsFolder: fileURLToPath(new URL('../migrations', import.meta.url)),
  openapi: (registry) => {
    registerCategoriesOpenApi(registry);
    registerBrandsOpenApi(registry);
    registerProductsOpenApi(registry);
    registerImportsOpenApi(registry);
  },
};
