import { z } from 'zod';

/** `POST /v1/reservations/:orderId/release`: why (kept with the reservation). */
export const ReleaseSchema = z.strictObject({ reason: z.string().trim().min(1).max(500).optional() });
