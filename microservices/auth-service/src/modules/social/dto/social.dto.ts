import { z } from 'zod';
import { SOCIAL_PROVIDERS } from '../../../infrastructure/social/social-provider.js';
import { ClientKindSchema, DeviceSchema } from '../../accounts/dto/identifiers.js';

export const ProviderParamsSchema = z.object({ provider: z.enum(SOCIAL_PROVIDERS) });

/** Start a social sign-in; `redirectUri` must be one the platform registered (the first by default). */
export const AuthorizeSchema = z.object({ redirectUri: z.string().url().max(500).optional() }).strict();

export const AuthorizationSchema = z.object({
  authorizationUrl: z.string().url(),
  state: z.string(),
  expiresAt: z.string(),
});

/** What the provider sent back to the redirect URI. */
export const CallbackSchema = z
  .object({
    state: z.string().min(1).max(200),
    code: z.string().min(1).max(2000),
    /** The `iss` parameter of the redirect, when the provider sends one (RFC 9207). */
    iss: z.string().url().max(500).optional(),
    client: ClientKindSchema,
    device: DeviceSchema.optional(),
  })
  .strict();
export type CallbackInput = z.infer<typeof CallbackSchema>;
