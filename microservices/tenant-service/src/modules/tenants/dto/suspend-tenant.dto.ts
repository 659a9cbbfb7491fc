import { z } from 'zod';

/** `POST /v1/platform/tenants/:id/suspend`. */
export const SuspendTenantSchema = z.strictObject({ reason: z.string().trim().min(3).max(500) });
export type SuspendTenantInput = z.output<typeof SuspendTenantSchema>;
