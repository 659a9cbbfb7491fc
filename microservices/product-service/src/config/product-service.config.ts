import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { duration, type PlatformConfig, url } from '@haat/config';
import { z } from 'zod';

/** product-service's own variables, merged with the platform's by `startService`. */
export const ProductServiceConfigSchema = z.object({
  /** tenant-service, asked for the plan's product limit (`POST /v1/limits/check`). */
  TENANT_SERVICE_URL: url(['http', 'https']).default('http://127.0.0.1:4101'),
  /** How long one limit check may take before a create answers 503. */
  TENANT_SERVICE_TIMEOUT: duration(3_000),
  /** Where uploaded import files wait for and during their import job. */
  PRODUCT_IMPORT_DIR: z.string().min(1).default(join(tmpdir(), 'haat-product-imports')),
  /** Largest import file accepted (bytes); a bigger upload is refused with 413. */
  PRODUCT_IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(200 * 1024 * 1024),
  /** How long a signed import upload URL stays valid. */
  PRODUCT_IMPORT_UPLOAD_TTL: duration(15 * 60_000),
  /** Rows written per import transaction. */
  PRODUCT_IMPORT_BATCH_SIZE: z.coerce.number().int().min(1).max(5_000).default(500),
  /** Prefix of the public API in upload URLs handed to clients (`/api` behind the gateway). */
  PUBLIC_API_PREFIX: z
    .string()
    .regex(/^(\/[A-Za-z0-9._~-]+)*$/, 'must be empty or a path like /api')
    .default('/api'),
  /** Storefront origin used for canonical URLs when a product sets none (`https://shop.example.com`). */
  STOREFRONT_BASE_URL: url(['http', 'https']).optional(),
  /** Where catalogue PDF reports are written. */
  REPORTS_DIR: z.string().min(1).default(join(tmpdir(), 'haat-product-reports')),
  /** TrueType font with Latin and Bengali glyphs for PDF reports; Helvetica (Latin only) when unset. */
  REPORT_FONT_PATH: z.string().min(1).optional(),
  /** How long a cached storefront product read lives. */
  PRODUCT_CACHE_TTL: duration(5 * 60_000),
});

export type ProductServiceConfig = PlatformConfig & z.output<typeof ProductServiceConfigSchema>;
