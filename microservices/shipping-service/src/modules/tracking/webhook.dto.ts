import { CourierSchema } from '@haat/contracts';
import { z } from 'zod';

export const WebhookParamsSchema = z.strictObject({
  courier: CourierSchema,
  tenantId: z.string().uuid(),
  accountId: z.string().uuid(),
});
