export { productService } from './service.js';
export { ProductServiceConfigSchema, type ProductServiceConfig } from './config/product-service.config.js';
export { seedDemoCatalog } from './modules/demo/demo-catalog.seed.js';
