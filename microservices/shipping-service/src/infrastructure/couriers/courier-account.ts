import { z } from 'zod';

/** What a tenant enters for Pathao: API client, merchant login, the webhook secret set in the panel. */
export const PathaoCredentialsSchema = z.strictObject({
  clientId: z.string().min(1).max(200),
  clientSecret: z.string().min(1).max(500),
  username: z.string().min(1).max(200),
  password: z.string().min(1).max(500),
  /** The secret entered with the callback URL in Pathao's panel; arrives as `X-PATHAO-Signature`. */
  webhookSecret: z.string().min(8).max(500),
});
export type PathaoCredentials = z.infer<typeof PathaoCredentialsSchema>;

/** Pathao settings that are not secret: which store picks up, per warehouse. */
export const PathaoSettingsSchema = z.strictObject({
  defaultStoreId: z.number().int().positive(),
  /** Warehouse id → Pathao store id; parcels from other warehouses use `defaultStoreId`. */
  storeByWarehouse: z.record(z.string().uuid(), z.number().int().positive()).default({}),
  /** `48` normal, `12` on-demand. */
  deliveryType: z.union([z.literal(48), z.literal(12)]).default(48),
  /** `1` document, `2` parcel. */
  itemType: z.union([z.literal(1), z.literal(2)]).default(2),
});
export type PathaoSettings = z.output<typeof PathaoSettingsSchema>;

/** What a tenant enters for Steadfast: API keys and the Auth Token (Bearer) set with the callback URL. */
export const SteadfastCredentialsSchema = z.strictObject({
  apiKey: z.string().min(1).max(200),
  secretKey: z.string().min(1).max(500),
  webhookToken: z.string().min(8).max(500),
});
export type SteadfastCredentials = z.infer<typeof SteadfastCredentialsSchema>;

export const SteadfastSettingsSchema = z.strictObject({
  /** `0` home delivery, `1` point delivery / hub pick-up. */
  deliveryType: z.union([z.literal(0), z.literal(1)]).default(0),
});
export type SteadfastSettings = z.output<typeof SteadfastSettingsSchema>;

interface AccountBase {
  id: string;
  tenantId: string;
  vendorId: string | null;
}

/** A courier account with its credentials opened: what the gateways work with, never stored like this. */
export type CourierAccount =
  | (AccountBase & { courier: 'pathao'; credentials: PathaoCredentials; settings: PathaoSettings })
  | (AccountBase & { courier: 'steadfast'; credentials: SteadfastCredentials; settings: SteadfastSettings });

export type PathaoAccount = Extract<CourierAccount, { courier: 'pathao' }>;
export type SteadfastAccount = Extract<CourierAccount, { courier: 'steadfast' }>;
