import { z } from 'zod';
import {
  PathaoCredentialsSchema,
  PathaoSettingsSchema,
  SteadfastCredentialsSchema,
  SteadfastSettingsSchema,
} from '../../../infrastructure/couriers/courier-account.js';

const common = {
  /** The vendor this account ships for; null or absent: the tenant's own account, for every vendor without one. */
  vendorId: z.string().uuid().nullable().default(null),
  enabled: z.boolean().default(true),
  priority: z.number().int().min(0).max(1000).default(100),
};

/** `PUT /v1/shipping/courier-accounts`: creates or replaces the account of (vendor, courier). */
export const SaveCourierAccountSchema = z.discriminatedUnion('courier', [
  z.strictObject({
    courier: z.literal('pathao'),
    credentials: PathaoCredentialsSchema,
    settings: PathaoSettingsSchema,
    ...common,
  }),
  z.strictObject({
    courier: z.literal('steadfast'),
    credentials: SteadfastCredentialsSchema,
    settings: SteadfastSettingsSchema.default({ deliveryType: 0 }),
    ...common,
  }),
]);
export type SaveCourierAccount = z.output<typeof SaveCourierAccountSchema>;

/** A courier account as the API shows it: never its secrets. */
export const CourierAccountViewSchema = z.object({
  id: z.string().uuid(),
  courier: z.enum(['pathao', 'steadfast']),
  vendorId: z.string().uuid().nullable(),
  enabled: z.boolean(),
  priority: z.number().int(),
  settings: z.record(z.string(), z.unknown()),
  /** Which credential fields are set (values are write-only). */
  credentialFields: z.array(z.string()),
  /** The path to enter as the callback URL in the courier's panel (behind the gateway, on the shop's host). */
  webhookPath: z.string(),
  createdAt: z.string().datetime(),
  updatedAt: z.string().datetime(),
});
export type CourierAccountView = z.infer<typeof CourierAccountViewSchema>;

export const AccountIdParamsSchema = z.strictObject({ id: z.string().uuid() });
