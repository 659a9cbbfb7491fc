import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError } from '@haat/common';
import { PLATFORM_SCOPE_KEY, PUBLIC_ROUTE_KEY, type RequestWithContext } from './decorators.js';
import { verifyInternalRequest } from './internal-signature.js';
import { enterContext } from './enter-context.js';

export const INTERNAL_SIGNING_SECRETS = Symbol.for('haat.internal-signing-secrets');

interface SignedRequest extends RequestWithContext {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  rawBody?: Buffer;
}

/**
 * Refuses any request that is not signed by the gateway (or another Haat component), and any
 * tenant-scoped route called without a tenant. Identity comes from the signed headers only.
 */
@Injectable()
export class InternalAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(INTERNAL_SIGNING_SECRETS) private readonly secrets: readonly string[],
  ) {}

  canActivate(host: ExecutionContext): boolean {
    const targets = [host.getHandler(), host.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE_KEY, targets)) return true;
    const req = host.switchToHttp().getRequest<SignedRequest>();
    const ctx = verifyInternalRequest({
      method: req.method,
      path: req.url,
      body: req.rawBody,
      headers: req.headers,
      secrets: this.secrets,
    });
    const platformScope = this.reflector.getAllAndOverride<boolean>(PLATFORM_SCOPE_KEY, targets);
    if (!platformScope && !ctx.tenantId) {
      throw new ForbiddenError(
        'TENANT_REQUIRED',
        'This endpoint needs a tenant (call it on the tenant’s host)',
      );
    }
    req.haatContext = ctx;
    enterContext(ctx);
    return true;
  }
}
