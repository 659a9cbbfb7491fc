import { z } from 'zod';

/** `POST /v1/payments/intents/:id/review`: a staff decision on a held payment. */
export const ReviewDecisionSchema = z
  .object({
    decision: z.enum(['approve', 'reject']),
    note: z.string().trim().min(1).max(500).optional(),
  })
  .strict();

export const EventsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(512).optional(),
});
