import type { OpenAPIRegistry } from '@haat/contracts/openapi';
import { body, errors, json } from '../../infrastructure/http/openapi-responses.js';
import { AccountSchema } from '../accounts/dto/account.dto.js';
import { ChangePasswordSchema } from '../accounts/dto/register.dto.js';
import { PasswordLoginSchema } from '../login/dto/login.dto.js';
import { RefreshSchema, SignedInSchema } from '../sessions/dto/signed-in.dto.js';
import { AppointOwnerSchema } from './operator-auth.controller.js';

const tags = ['operator auth'];

/** Operators' sign-in on the platform host (`/v1/operator-auth`, behind `/api/v1/operator-auth`). */
export function registerOperatorsOpenApi(registry: OpenAPIRegistry): void {
  const signedIn = json('Signed in', SignedInSchema);
  registry.registerPath({
    method: 'post',
    path: '/v1/operator-auth/login',
    tags,
    summary: 'Operator sign-in (platform account; tokens carry tenant null)',
    request: body(PasswordLoginSchema),
    responses: { 200: signedIn, ...errors(400, 401, 429) },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/operator-auth/refresh',
    tags,
    summary: 'Rotate an operator’s refresh token',
    request: body(RefreshSchema),
    responses: { 200: signedIn, ...errors(400, 401) },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/operator-auth/logout',
    tags,
    summary: 'Operator sign-out',
    request: body(RefreshSchema),
    responses: { 204: { description: 'Signed out' } },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/operator-auth/me',
    tags,
    summary: 'The signed-in operator',
    responses: { 200: json('The account', AccountSchema), ...errors(401) },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/operator-auth/password/change',
    tags,
    summary: 'Change the operator’s password',
    request: body(ChangePasswordSchema),
    responses: { 204: { description: 'Changed' }, ...errors(400, 401) },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/operator-auth/tenants/{tenantId}/owners',
    tags,
    summary: 'Appoint a tenant’s owner and invite them (`tenant:manage`)',
    request: body(AppointOwnerSchema),
    responses: { 201: json('The owner’s account', AccountSchema), ...errors(400, 401, 403) },
  });
}
