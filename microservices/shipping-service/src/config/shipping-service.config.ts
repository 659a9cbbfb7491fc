import { join } from 'node:path';
import { duration, port, type PlatformConfig, url } from '@haat/config';
import { z } from 'zod';

/** Development-only key of the credential cipher; distributed mode refuses to start with it. */
export const EMBEDDED_COURIER_CREDENTIALS_KEY = Buffer.from('haat-embedded-courier-credential').toString(
  'base64',
);

const httpUrl = url(['http', 'https']);
const aesKey = z
  .string()
  .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64-encoded');
const count = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

/** shipping-service's own variables, merged with the platform's by `startService`. */
export const ShippingServiceConfigSchema = z.object({
  HTTP_PORT: port(4110),
  /** AES-256-GCM key (base64, 32 bytes) sealing couriers' credentials at rest. */
  COURIER_CREDENTIALS_KEY: aesKey.default(EMBEDDED_COURIER_CREDENTIALS_KEY),
  /** Keys being rotated out, comma-separated: still decrypt, never encrypt. */
  COURIER_CREDENTIALS_PREVIOUS_KEYS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(aesKey)),
  /** Pathao's API origin (sandbox `https://courier-api-sandbox.pathao.com`); the fake's in tests and the demo. */
  PATHAO_BASE_URL: httpUrl.default('https://api-hermes.pathao.com'),
  /** Steadfast's API origin; the fake's in tests and the demo. */
  STEADFAST_BASE_URL: httpUrl.default('https://portal.packzy.com'),
  /** Bound of one call to a courier. */
  COURIER_TIMEOUT: duration(15_000),
  /** inventory-service, for choosing the warehouse a parcel leaves from. */
  INVENTORY_SERVICE_URL: httpUrl.default('http://127.0.0.1:4108'),
  INVENTORY_SERVICE_TIMEOUT: duration(3_000),
  /** How often pending shipments are booked with their courier and missing labels rendered. */
  SHIPPING_BOOKING_INTERVAL: duration(2_000),
  /** Shipments one booking round handles at most. */
  SHIPPING_BOOKING_BATCH: count(20, 1, 500),
  /** Booking attempts before a shipment is `booking_failed`. */
  SHIPPING_BOOKING_MAX_ATTEMPTS: count(8, 1, 50),
  /** How often undelivered shipments are polled at their courier (webhooks can be lost); 0 turns polling off. */
  SHIPPING_POLL_INTERVAL: duration(10 * 60_000),
  /** Where label PDFs are stored (`<dir>/<tenant>/<shipment>.pdf`). */
  LABELS_DIR: z
    .string()
    .min(1)
    .default(join(process.cwd(), '.data', 'labels', 'shipping-service')),
  /** Where report PDFs are stored. */
  REPORTS_DIR: z
    .string()
    .min(1)
    .default(join(process.cwd(), '.data', 'reports', 'shipping-service')),
  /** A TrueType font for labels and reports (e.g. FreeSans for Bangla); pdfkit's Helvetica when unset. */
  REPORT_FONT: z.string().min(1).optional(),
  /** Worker threads rendering labels and reports. */
  RENDER_THREADS: count(1, 1, 8),
});

export type ShippingServiceConfig = PlatformConfig & z.output<typeof ShippingServiceConfigSchema>;

/** Refuses production-like start-up with the development credentials key. */
export function assertShippingSecrets(config: ShippingServiceConfig): void {
  if (
    config.HAAT_MODE === 'distributed' &&
    config.COURIER_CREDENTIALS_KEY === EMBEDDED_COURIER_CREDENTIALS_KEY
  ) {
    throw new Error('COURIER_CREDENTIALS_KEY: must be set to a real key in distributed mode');
  }
}
