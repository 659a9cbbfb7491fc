import { UnavailableError, isAppError, newId } from '@haat/common';
import {
  API_TOKEN_INTROSPECT_PATH,
  AUTH_JWKS_PATH,
  type IntrospectApiTokenResponse,
  IntrospectApiTokenResponseSchema,
  SESSION_REVOCATIONS_PATH,
  type SessionRevocationsResponse,
  SessionRevocationsResponseSchema,
} from '@haat/contracts';
import type { HttpMethod, ServiceClient } from '@haat/resilience';
import { signInternalRequest, systemContext } from '@haat/tenant';
import type { JSONWebKeySet } from 'jose';
import { z } from 'zod';
import { IDENTITY_ERRORS } from './identity.errors.js';

/** The public parameters of a signing key the gateway uses; anything else in a JWK is ignored. */
const JwksSchema = z.object({
  keys: z.array(
    z.object({
      kty: z.string(),
      crv: z.string().optional(),
      x: z.string().optional(),
      kid: z.string().optional(),
      alg: z.string().optional(),
      use: z.string().optional(),
    }),
  ),
});

const MAX_AGE = /(?:^|,)\s*max-age\s*=\s*"?(\d+)"?\s*(?:,|$)/i;

/** The JWKS and how long it may be used without asking again (`Cache-Control: max-age`). */
export interface FetchedJwks {
  jwks: JSONWebKeySet;
  /** `undefined` when the response did not say. */
  maxAgeMs: number | undefined;
}

/** `Cache-Control: max-age` in milliseconds, if the header has one. */
export function maxAgeMs(cacheControl: string | string[] | undefined): number | undefined {
  const value = Array.isArray(cacheControl) ? cacheControl.join(',') : cacheControl;
  const match = value ? MAX_AGE.exec(value) : null;
  return match?.[1] === undefined ? undefined : Number(match[1]) * 1000;
}

/**
 * What the gateway asks of auth-service (ADR 0021's gateway contract), each call signed as the
 * platform's `system` identity and sent through auth-service's resilience client (its timeout,
 * retries and breaker). Any failure — unreachable, open breaker, refused signature, a body
 * outside the contract — is one 503 `AUTH_SERVICE_UNAVAILABLE` for the client, never a 500.
 */
export class AuthServiceClient {
  constructor(
    private readonly client: ServiceClient,
    private readonly signingSecret: string,
  ) {}

  /** The access-token keys (a public route; signed anyway, as every call the gateway makes). */
  async jwks(requestId?: string): Promise<FetchedJwks> {
    return this.guard(async () => {
      const response = await this.client.request({
        method: 'GET',
        path: AUTH_JWKS_PATH,
        headers: this.sign('GET', AUTH_JWKS_PATH, undefined, requestId),
      });
      if (response.status !== 200) throw new Error(`JWKS answered ${response.status}`);
      const parsed = JwksSchema.safeParse(response.json());
      if (!parsed.success) throw new Error('JWKS is not a key set');
      return { jwks: parsed.data, maxAgeMs: maxAgeMs(response.headers['cache-control']) };
    });
  }

  /** Sessions revoked since `since` whose access tokens may still be alive. */
  async revocationsSince(since: Date, signal?: AbortSignal): Promise<SessionRevocationsResponse['items']> {
    const path = `${SESSION_REVOCATIONS_PATH}?${new URLSearchParams({ since: since.toISOString() }).toString()}`;
    return this.guard(async () => {
      const response = await this.client.getJson(path, SessionRevocationsResponseSchema, {
        headers: this.sign('GET', path, undefined),
        signal,
      });
      return response.items;
    });
  }

  /** Whether an API token is good now, and what it may do. */
  async introspect(token: string, requestId: string): Promise<IntrospectApiTokenResponse> {
    const body = JSON.stringify({ token });
    return this.guard(() =>
      this.client.requestJson(
        {
          method: 'POST',
          path: API_TOKEN_INTROSPECT_PATH,
          body,
          headers: {
            'content-type': 'application/json',
            ...this.sign('POST', API_TOKEN_INTROSPECT_PATH, body, requestId),
          },
        },
        IntrospectApiTokenResponseSchema,
      ),
    );
  }

  private sign(method: HttpMethod, path: string, body: string | undefined, requestId = newId()) {
    return signInternalRequest({
      method,
      path,
      body,
      context: systemContext(requestId),
      secret: this.signingSecret,
    });
  }

  private async guard<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      const retryAfterMs = isAppError(error) ? error.details.retryAfterMs : undefined;
      throw new UnavailableError(
        IDENTITY_ERRORS.serviceUnavailable,
        'Credentials cannot be checked right now; retry shortly',
        {
          upstream: this.client.name,
          reason: isAppError(error) ? error.code : 'AUTH_SERVICE_BAD_RESPONSE',
          ...(typeof retryAfterMs === 'number' ? { retryAfterMs } : {}),
        },
      );
    }
  }
}
