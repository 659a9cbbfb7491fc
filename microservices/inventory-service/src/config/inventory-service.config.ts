import { join } from 'node:path';
import { duration, port } from '@haat/config';
import type { PlatformConfig } from '@haat/config';
import { z } from 'zod';

const count = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

/** inventory-service's own variables, merged with the platform's by `startService`. */
export const InventoryServiceConfigSchema = z.object({
  HTTP_PORT: port(4108),
  GRPC_PORT: port(5108),
  /** How long a reservation holds stock without a commit, unless the request says otherwise. */
  RESERVATION_TTL: duration(15 * 60_000),
  /** How often the sweeper looks for expired reservations. */
  RESERVATION_SWEEP_INTERVAL: duration(5_000),
  /** Expired reservations one sweeper transaction releases at most. */
  RESERVATION_SWEEP_BATCH: count(100, 1, 1_000),
  /** Reservations committed together in one transaction at most (1 turns group commit off). */
  RESERVATION_BATCH_SIZE: count(500, 1, 1_000),
  /** Reservation transactions one instance runs at once (batched: one per tenant at a time). */
  RESERVATION_BATCH_CONCURRENCY: count(4, 1, 32),
  /** Where stock report PDFs are stored (`<dir>/<tenant>/<report>.pdf`). */
  REPORTS_DIR: z
    .string()
    .min(1)
    .default(join(process.cwd(), '.data', 'reports', 'inventory-service')),
  /** A TrueType font for reports (e.g. FreeSans for Bangla); pdfkit's Helvetica when empty. */
  REPORT_FONT: z.string().optional(),
  /** Worker threads rendering report PDFs. */
  REPORT_RENDER_THREADS: count(1, 1, 8),
});

export type InventoryServiceConfig = PlatformConfig & z.output<typeof InventoryServiceConfigSchema>;
