import { z } from 'zod';
import type { AccountRoleRow, AccountRow } from '../accounts.schema.js';

/** A role held in a scope: `tenant` (the whole tenant; the platform for operators) or `vendor:<id>`. */
export const GrantSchema = z.object({ role: z.string(), scope: z.string() });
export type Grant = z.infer<typeof GrantSchema>;

export const AccountSchema = z.object({
  id: z.string().uuid(),
  email: z.string().nullable(),
  emailVerified: z.boolean(),
  phone: z.string().nullable(),
  phoneVerified: z.boolean(),
  displayName: z.string().nullable(),
  status: z.enum(['active', 'disabled']),
  hasPassword: z.boolean(),
  grants: z.array(GrantSchema),
  createdAt: z.string(),
});
export type Account = z.infer<typeof AccountSchema>;

export function toAccount(
  row: AccountRow,
  grants: readonly Pick<AccountRoleRow, 'role' | 'scope'>[],
): Account {
  return {
    id: row.id,
    email: row.email,
    emailVerified: row.emailVerifiedAt !== null,
    phone: row.phone,
    phoneVerified: row.phoneVerifiedAt !== null,
    displayName: row.displayName,
    status: row.status,
    hasPassword: row.passwordHash !== null,
    grants: grants.map((g) => ({ role: g.role, scope: g.scope })),
    createdAt: row.createdAt.toISOString(),
  };
}
