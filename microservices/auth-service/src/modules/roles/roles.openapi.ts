import type { OpenAPIRegistry } from '@haat/contracts/openapi';
import { z } from 'zod';
import { body, errors, json } from '../../infrastructure/http/openapi-responses.js';
import { AccountSchema } from '../accounts/dto/account.dto.js';
import {
  AccountIdParamsSchema,
  AddVendorStaffSchema,
  CreateRoleSchema,
  CreateStaffSchema,
  GrantInputSchema,
  ListAccountsQuerySchema,
  RoleKeyParamsSchema,
  RoleSchema,
  UpdateRoleSchema,
  VendorParamsSchema,
  VendorStaffParamsSchema,
} from './dto/roles.dto.js';

const tags = ['auth admin'];
const accountPage = json(
  'A page of accounts',
  z.object({ items: z.array(AccountSchema), nextCursor: z.string().nullable() }),
);

/** Roles, grants and vendor staff (`/v1/auth/admin`, `/v1/auth/vendors`). */
export function registerRolesOpenApi(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'get',
    path: '/v1/auth/admin/roles',
    tags,
    summary: 'Built-in and custom roles (`role:read`)',
    responses: { 200: json('Roles', z.object({ items: z.array(RoleSchema) })), ...errors(401, 403) },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/auth/admin/roles',
    tags,
    summary: 'Create a custom role from permissions you hold (`role:create`)',
    request: body(CreateRoleSchema),
    responses: { 201: json('The role', RoleSchema), ...errors(400, 401, 403, 409) },
  });
  registry.registerPath({
    method: 'patch',
    path: '/v1/auth/admin/roles/{key}',
    tags,
    summary: 'Rename a custom role or change its permissions (`role:update`)',
    request: { params: RoleKeyParamsSchema, ...body(UpdateRoleSchema) },
    responses: { 200: json('The role', RoleSchema), ...errors(400, 401, 403, 404) },
  });
  registry.registerPath({
    method: 'delete',
    path: '/v1/auth/admin/roles/{key}',
    tags,
    summary: 'Delete a custom role nobody holds (`role:delete`)',
    request: { params: RoleKeyParamsSchema },
    responses: { 204: { description: 'Deleted' }, ...errors(401, 403, 404, 409) },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/auth/admin/accounts',
    tags,
    summary: 'Accounts and their roles (`user:read`)',
    request: { query: ListAccountsQuerySchema },
    responses: { 200: accountPage, ...errors(400, 401, 403) },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/auth/admin/accounts',
    tags,
    summary: 'Add staff: grant roles to the account with this email, or invite a new one (`user:create`)',
    request: body(CreateStaffSchema),
    responses: { 201: json('The account', AccountSchema), ...errors(400, 401, 403, 404) },
  });
  registry.registerPath({
    method: 'put',
    path: '/v1/auth/admin/accounts/{id}/grants',
    tags,
    summary: 'Grant a role (`user:update`)',
    request: { params: AccountIdParamsSchema, ...body(GrantInputSchema) },
    responses: { 200: json('The account', AccountSchema), ...errors(400, 401, 403, 404) },
  });
  registry.registerPath({
    method: 'delete',
    path: '/v1/auth/admin/accounts/{id}/grants',
    tags,
    summary: 'Revoke a role (`user:update`; `role` and `vendorId` in the query)',
    request: { params: AccountIdParamsSchema, query: GrantInputSchema },
    responses: { 200: json('The account', AccountSchema), ...errors(400, 401, 403, 404) },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/auth/vendors/{vendorId}/staff',
    tags,
    summary: 'A vendor’s staff (`vendor-staff:read`, your vendor only)',
    request: { params: VendorParamsSchema },
    responses: { 200: accountPage, ...errors(400, 401, 403) },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/auth/vendors/{vendorId}/staff',
    tags,
    summary: 'Add staff to your vendor (`vendor-staff:create`)',
    request: { params: VendorParamsSchema, ...body(AddVendorStaffSchema) },
    responses: { 201: json('The account', AccountSchema), ...errors(400, 401, 403) },
  });
  registry.registerPath({
    method: 'delete',
    path: '/v1/auth/vendors/{vendorId}/staff/{accountId}',
    tags,
    summary: 'Remove staff from your vendor (`vendor-staff:delete`)',
    request: { params: VendorStaffParamsSchema },
    responses: { 204: { description: 'Removed' }, ...errors(401, 403, 404) },
  });
}
