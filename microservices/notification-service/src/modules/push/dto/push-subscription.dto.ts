import { pageSchema } from '@haat/common';
import { z } from 'zod';
import { pushKeyProblem } from '../push-endpoint.rules.js';

const key = (name: 'p256dh' | 'auth') =>
  z
    .string()
    .max(200)
    .superRefine((value, ctx) => {
      const problem = pushKeyProblem(name, value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });

/** What `PushManager.subscribe()` gives the browser (`subscription.toJSON()`). */
export const CreatePushSubscriptionSchema = z
  .object({
    endpoint: z.string().max(2000),
    expirationTime: z.number().nullable().optional(),
    keys: z.object({ p256dh: key('p256dh'), auth: key('auth') }).strict(),
    userAgent: z.string().max(300).optional(),
  })
  .strict();
export type CreatePushSubscription = z.infer<typeof CreatePushSubscriptionSchema>;

export const PushSubscriptionSchema = z.object({
  id: z.string().uuid(),
  endpoint: z.string(),
  userAgent: z.string().nullable(),
  createdAt: z.string(),
});
export type PushSubscription = z.infer<typeof PushSubscriptionSchema>;
export const PushSubscriptionPageSchema = pageSchema(PushSubscriptionSchema);

export const PushSubscriptionIdSchema = z.object({ id: z.string().uuid() });

export const VapidPublicKeySchema = z.object({ publicKey: z.string() });
