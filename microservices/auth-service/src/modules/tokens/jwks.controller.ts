import { Controller, Get, Header, HttpCode, Post } from '@nestjs/common';
import { RequirePermissions } from '@haat/auth';
import { Ctx, PlatformScope, PublicRoute, type RequestContext } from '@haat/tenant';
import { SigningKeyStore } from './signing-key.store.js';

/** The public keys that verify access tokens (RFC 7517), for the gateway and anyone else. */
@Controller('v1/auth/.well-known')
export class JwksController {
  constructor(private readonly keys: SigningKeyStore) {}

  @Get('jwks.json')
  @PublicRoute()
  @Header('cache-control', 'public, max-age=60')
  jwks() {
    return this.keys.jwks();
  }
}

/** Operator/platform action: rotate the signing key now (it also rotates by age on its own). */
@Controller('internal/v1/auth/signing-keys')
@PlatformScope()
@RequirePermissions('signing-key:rotate')
export class SigningKeysController {
  constructor(private readonly keys: SigningKeyStore) {}

  @Post('rotate')
  @HttpCode(200)
  rotate(@Ctx() ctx: RequestContext) {
    return this.keys.rotate(ctx);
  }
}
