import { PermissionSchema } from '@haat/auth';
import { PageQuerySchema } from '@haat/common';
import { z } from 'zod';
import { DisplayNameSchema, EmailSchema } from '../../accounts/dto/identifiers.js';

export const RoleKeySchema = z
  .string()
  .regex(
    /^[a-z][a-z0-9-]{1,39}$/,
    'must be 2–40 lower-case letters, digits or dashes, starting with a letter',
  );

const Permissions = z
  .array(PermissionSchema.refine((p) => p !== '*', 'a custom role cannot hold every permission'))
  .min(1)
  .max(200)
  .transform((ps) => [...new Set(ps)].sort());

export const CreateRoleSchema = z
  .object({ key: RoleKeySchema, name: z.string().trim().min(1).max(100), permissions: Permissions })
  .strict();
export type CreateRoleInput = z.infer<typeof CreateRoleSchema>;

export const UpdateRoleSchema = z
  .object({ name: z.string().trim().min(1).max(100).optional(), permissions: Permissions.optional() })
  .strict();
export type UpdateRoleInput = z.infer<typeof UpdateRoleSchema>;

export const RoleKeyParamsSchema = z.object({ key: RoleKeySchema });

export const RoleSchema = z.object({
  key: z.string(),
  name: z.string(),
  builtIn: z.boolean(),
  permissions: z.array(z.string()),
});

/** A role to grant, tenant-wide or for one vendor (`vendor_owner`/`vendor_staff` need `vendorId`). */
export const GrantInputSchema = z
  .object({ role: z.string().min(1).max(40), vendorId: z.string().uuid().optional() })
  .strict();
export type GrantInput = z.infer<typeof GrantInputSchema>;

export const AccountIdParamsSchema = z.object({ id: z.string().uuid() });

export const ListAccountsQuerySchema = PageQuerySchema.extend({ vendorId: z.string().uuid().optional() });

/** Create a staff account (or add roles to the account that has this email) and invite it. */
export const CreateStaffSchema = z
  .object({
    email: EmailSchema,
    displayName: DisplayNameSchema.optional(),
    grants: z.array(GrantInputSchema).min(1).max(20),
  })
  .strict();
export type CreateStaffInput = z.infer<typeof CreateStaffSchema>;

export const VendorParamsSchema = z.object({ vendorId: z.string().uuid() });
export const VendorStaffParamsSchema = VendorParamsSchema.extend({ accountId: z.string().uuid() });

export const AddVendorStaffSchema = z
  .object({
    email: EmailSchema,
    displayName: DisplayNameSchema.optional(),
    role: z.string().min(1).max(40).default('vendor_staff'),
  })
  .strict();
