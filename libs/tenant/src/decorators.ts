import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { InternalError } from '@haat/common';
import type { RequestContext } from './request-context.js';

/** Metadata key: the route needs no signature (health, metrics, provider webhooks with their own signatures). */
export const PUBLIC_ROUTE_KEY = 'haat:public';
/** Metadata key: the route works without a tenant (operator APIs, host resolution). */
export const PLATFORM_SCOPE_KEY = 'haat:platform-scope';

export const PublicRoute = () => SetMetadata(PUBLIC_ROUTE_KEY, true);
export const PlatformScope = () => SetMetadata(PLATFORM_SCOPE_KEY, true);

export interface RequestWithContext {
  haatContext?: RequestContext;
}

/** The verified request context, as the handler's parameter: `handle(@Ctx() ctx: RequestContext)`. */
export const Ctx = createParamDecorator((_: unknown, host: ExecutionContext): RequestContext => {
  const ctx = host.switchToHttp().getRequest<RequestWithContext>().haatContext;
  if (!ctx)
    throw new InternalError('CONTEXT_MISSING', 'No request context: is the InternalAuthGuard installed?');
  return ctx;
});
