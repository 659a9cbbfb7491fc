import { Inject, Injectable } from '@nestjs/common';
import { type Clock, newId } from '@haat/common';
import { ACCESS_TOKEN_TYPE, type AccessTokenClaims, type SignInMethod } from '@haat/contracts';
import { SERVICE_CONFIG } from '@haat/service';
import { SignJWT } from 'jose';
import type { AuthServiceConfig } from '../../config/auth-service.config.js';
import { AUTH_CLOCK } from '../../infrastructure/auth-clock.js';
import { publicTenant } from '../../infrastructure/account-space.js';
import type { Principal } from '../roles/permission.resolver.js';
import { SIGNING_ALGORITHM } from './signing-key.material.js';
import { SigningKeyStore } from './signing-key.store.js';

const AMR: Record<SignInMethod, string> = {
  password: 'pwd',
  otp: 'otp',
  google: 'google',
  facebook: 'facebook',
};

export interface IssuedAccessToken {
  token: string;
  expiresAt: Date;
}

/** Signs short-lived access tokens (JWT, EdDSA, `kid`, `typ: at+jwt`). */
@Injectable()
export class AccessTokenIssuer {
  constructor(
    private readonly keys: SigningKeyStore,
    @Inject(AUTH_CLOCK) private readonly clock: Clock,
    @Inject(SERVICE_CONFIG) private readonly config: AuthServiceConfig,
  ) {}

  async issue(
    space: string,
    principal: Principal,
    sessionId: string,
    method: SignInMethod,
  ): Promise<IssuedAccessToken> {
    const { kid, key } = await this.keys.signingKey();
    const iat = Math.floor(this.clock.now().getTime() / 1000);
    const exp = iat + Math.floor(this.config.AUTH_ACCESS_TOKEN_TTL / 1000);
    const claims: Omit<AccessTokenClaims, 'iss' | 'aud' | 'sub' | 'iat' | 'exp' | 'jti'> = {
      tenant: publicTenant(space),
      session: sessionId,
      roles: principal.roles,
      permissions: principal.permissions,
      vendors: principal.vendors,
      amr: [AMR[method]],
    };
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid, typ: ACCESS_TOKEN_TYPE })
      .setIssuer(this.config.AUTH_ISSUER)
      .setAudience(this.config.AUTH_AUDIENCE)
      .setSubject(principal.accountId)
      .setIssuedAt(iat)
      .setExpirationTime(exp)
      .setJti(newId())
      .sign(key);
    return { token, expiresAt: new Date(exp * 1000) };
  }
}
