import type { OpenAPIRegistry } from '@haat/contracts/openapi';
import { z } from 'zod';
import { body, errors, json } from '../../infrastructure/http/openapi-responses.js';
import { PasswordLoginSchema } from '../login/dto/login.dto.js';
import { OtpRequestedSchema, RequestOtpSchema, VerifyOtpSchema } from '../otp/dto/otp.dto.js';
import {
  RefreshSchema,
  RevokeOthersSchema,
  SessionIdParamsSchema,
  SessionSchema,
  SignedInSchema,
} from '../sessions/dto/signed-in.dto.js';
import {
  AuthorizationSchema,
  AuthorizeSchema,
  CallbackSchema,
  ProviderParamsSchema,
} from '../social/dto/social.dto.js';
import { AccountSchema } from './dto/account.dto.js';
import {
  ChangePasswordSchema,
  ForgotPasswordSchema,
  RegisterSchema,
  ResetPasswordSchema,
  TokenBodySchema,
} from './dto/register.dto.js';

const tags = ['auth'];
const none = (description: string) => ({ description });
const signedIn = json('Signed in (web: refresh token in the httpOnly cookie, not the body)', SignedInSchema);

/** The tenant-facing sign-in routes (`/v1/auth`, behind the gateway's `/api/v1/auth`). */
export function registerAccountsOpenApi(registry: OpenAPIRegistry): void {
  const post = (
    path: string,
    summary: string,
    request: ReturnType<typeof body> | undefined,
    responses: Parameters<OpenAPIRegistry['registerPath']>[0]['responses'],
  ) =>
    registry.registerPath({
      method: 'post',
      path,
      tags,
      summary,
      ...(request ? { request } : {}),
      responses,
    });

  post('/v1/auth/register', 'Create a customer account (sends a verification email)', body(RegisterSchema), {
    201: json('The account', AccountSchema),
    ...errors(400, 409),
  });
  post('/v1/auth/login', 'Sign in with email or phone and password', body(PasswordLoginSchema), {
    200: signedIn,
    ...errors(400, 401, 403, 429),
  });
  post(
    '/v1/auth/refresh',
    'Trade a refresh token (body or cookie) for new tokens; a reused one ends the session',
    body(RefreshSchema),
    {
      200: signedIn,
      ...errors(400, 401, 403),
    },
  );
  post('/v1/auth/logout', 'End the session of the refresh token and clear the cookie', body(RefreshSchema), {
    204: none('Signed out'),
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/auth/me',
    tags,
    summary: 'The signed-in account',
    responses: { 200: json('The account', AccountSchema), ...errors(401, 404) },
  });
  post('/v1/auth/email/verify', 'Verify an email with the token from the link', body(TokenBodySchema), {
    204: none('Verified'),
    ...errors(400, 401),
  });
  post('/v1/auth/email/verification', 'Send a new verification link to the signed-in account', undefined, {
    202: none('Sent'),
    ...errors(400, 401, 409),
  });
  post(
    '/v1/auth/password/forgot',
    'Send a reset link (same answer whether the email has an account)',
    body(ForgotPasswordSchema),
    {
      202: none('Accepted'),
      ...errors(400, 429),
    },
  );
  post(
    '/v1/auth/password/reset',
    'Set a new password with a reset or invitation token (ends every session)',
    body(ResetPasswordSchema),
    {
      204: none('Changed'),
      ...errors(400, 401),
    },
  );
  post('/v1/auth/password/change', 'Change the password (ends other sessions)', body(ChangePasswordSchema), {
    204: none('Changed'),
    ...errors(400, 401, 429),
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/auth/sessions',
    tags,
    summary: 'The signed-in account’s live sessions',
    responses: {
      200: json(
        'A page of sessions',
        z.object({ items: z.array(SessionSchema), nextCursor: z.string().nullable() }),
      ),
      ...errors(400, 401),
    },
  });
  registry.registerPath({
    method: 'delete',
    path: '/v1/auth/sessions/{id}',
    tags,
    summary: 'End one of your sessions',
    request: { params: SessionIdParamsSchema },
    responses: { 204: none('Ended'), ...errors(401, 404) },
  });
  post('/v1/auth/sessions/revoke-others', 'End every session but the one named', body(RevokeOthersSchema), {
    200: json('How many ended', z.object({ revoked: z.number().int() })),
    ...errors(400, 401, 404),
  });
  post('/v1/auth/otp/request', 'Send a sign-in code by SMS or email', body(RequestOtpSchema), {
    202: json('The challenge to answer', OtpRequestedSchema),
    ...errors(400, 429),
  });
  post(
    '/v1/auth/otp/verify',
    'Sign in with the code (creates the customer account on first sign-in)',
    body(VerifyOtpSchema),
    {
      200: signedIn,
      ...errors(400, 401, 403, 429),
    },
  );
  registry.registerPath({
    method: 'post',
    path: '/v1/auth/social/{provider}/authorize',
    tags,
    summary: 'Start a Google or Facebook sign-in: where to send the browser',
    request: { params: ProviderParamsSchema, ...body(AuthorizeSchema) },
    responses: { 200: json('The provider URL', AuthorizationSchema), ...errors(400) },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/auth/social/{provider}/callback',
    tags,
    summary: 'Finish a social sign-in with the code and state the provider returned',
    request: { params: ProviderParamsSchema, ...body(CallbackSchema) },
    responses: { 200: signedIn, ...errors(400, 401, 409) },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/auth/.well-known/jwks.json',
    tags,
    summary: 'Public keys verifying access tokens (JWKS)',
    responses: { 200: json('JWKS', z.object({ keys: z.array(z.record(z.string(), z.string())) })) },
  });
}
