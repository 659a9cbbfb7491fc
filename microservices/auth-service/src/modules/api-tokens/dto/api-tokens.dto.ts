import { PermissionSchema } from '@haat/auth';
import { z } from 'zod';

export const CreateApiTokenSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    permissions: z
      .array(PermissionSchema)
      .min(1)
      .max(100)
      .transform((ps) => [...new Set(ps)].sort()),
    expiresInDays: z.number().int().min(1).max(365).default(90),
    /** Confine the token to one vendor the caller works for. */
    vendorId: z.string().uuid().optional(),
  })
  .strict();
export type CreateApiTokenInput = z.infer<typeof CreateApiTokenSchema>;

export const ApiTokenSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  permissions: z.array(z.string()),
  vendorId: z.string().uuid().nullable(),
  hint: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export const CreatedApiTokenSchema = ApiTokenSchema.extend({
  /** The token itself: shown once, never again. */
  token: z.string(),
});

export const ApiTokenIdParamsSchema = z.object({ id: z.string().uuid() });
