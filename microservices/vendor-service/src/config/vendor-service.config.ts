import { join } from 'node:path';
import { duration, list, port, type PlatformConfig, url } from '@haat/config';
import { z } from 'zod';

/** Development keys (32 bytes, base64): distributed mode refuses to start with them. */
export const EMBEDDED_VENDOR_ENCRYPTION_KEY = Buffer.from('haat-embedded-vendor-kek-dev-use').toString(
  'base64',
);
export const EMBEDDED_VENDOR_LOOKUP_KEY = Buffer.from('haat-embedded-vendor-hmac-dev-ky').toString('base64');

const base64Key = z
  .string()
  .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64-encoded');

const count = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

/** vendor-service's own variables, merged with the platform's by `startService`. */
export const VendorServiceConfigSchema = z.object({
  HTTP_PORT: port(4104),
  GRPC_PORT: port(5104),
  /**
   * Key-encryption key (AES-256-GCM, base64 of 32 bytes) wrapping the per-record data keys that
   * encrypt payout details and document numbers at rest.
   */
  VENDOR_ENCRYPTION_KEY: base64Key.default(EMBEDDED_VENDOR_ENCRYPTION_KEY),
  /** Earlier key-encryption keys, still able to open records sealed under them. */
  VENDOR_ENCRYPTION_KEYS_PREVIOUS: list().refine(
    (keys) => keys.every((k) => Buffer.from(k, 'base64').length === 32),
    'must be 32-byte base64 keys',
  ),
  /** HMAC-SHA256 key (base64 of 32 bytes) for blocklist lookups of NID, TIN, phone and account numbers. */
  VENDOR_LOOKUP_KEY: base64Key.default(EMBEDDED_VENDOR_LOOKUP_KEY),
  /** Similarity (0.5–1) at or above which two names on documents count as the same name. */
  VENDOR_NAME_MATCH_THRESHOLD: z.coerce.number().min(0.5).max(1).default(0.85),
  /** media-service's base URL; document files are checked there when set. */
  MEDIA_SERVICE_URL: url(['http', 'https']).optional(),
  MEDIA_SERVICE_TIMEOUT: duration(3_000),
  /** Where vendor report PDFs are stored (`<dir>/<tenant>/<report>.pdf`). */
  REPORTS_DIR: z
    .string()
    .min(1)
    .default(join(process.cwd(), '.data', 'reports', 'vendor-service')),
  /** A TrueType font for reports (e.g. FreeSans for Bangla); pdfkit's Helvetica when empty. */
  REPORT_FONT: z.string().optional(),
  /** Worker threads rendering report PDFs. */
  REPORT_RENDER_THREADS: count(1, 1, 8),
});

export type VendorServiceConfig = PlatformConfig & z.output<typeof VendorServiceConfigSchema>;

/** Refuses distributed start-up with the development keys. */
export function assertVendorSecrets(config: VendorServiceConfig): void {
  if (config.HAAT_MODE !== 'distributed') return;
  if (config.VENDOR_ENCRYPTION_KEY === EMBEDDED_VENDOR_ENCRYPTION_KEY) {
    throw new Error('VENDOR_ENCRYPTION_KEY: must be set to a real key in distributed mode');
  }
  if (config.VENDOR_LOOKUP_KEY === EMBEDDED_VENDOR_LOOKUP_KEY) {
    throw new Error('VENDOR_LOOKUP_KEY: must be set to a real key in distributed mode');
  }
}
