import { z } from 'zod';
import { IdSchema } from '@haat/common';
import { PaymentMethodSchema } from '@haat/contracts';

export const WebhookParamsSchema = z.object({ provider: PaymentMethodSchema, tenantId: IdSchema });

export const CallbackParamsSchema = z.object({
  provider: PaymentMethodSchema,
  tenantId: IdSchema,
  intentId: IdSchema,
  outcome: z.enum(['success', 'fail', 'cancel', 'return']).optional(),
});

/** What a webhook answer says (providers only look at the status). */
export interface WebhookAnswer {
  received: true;
  duplicate: boolean;
  outcome: string;
}
