import { Controller, Get, Query } from '@nestjs/common';
import { parseOrThrow } from '@haat/common';
import { Ctx, PlatformScope, type RequestContext } from '@haat/tenant';
import { ResolveHostStrictQuerySchema } from './dto/resolve-host.query.js';
import { HostResolutionService } from './host-resolution.service.js';

/** Internal API for the gateway (signed, no tenant yet: resolving one is the point). */
@Controller('internal/v1/tenants')
@PlatformScope()
export class HostResolutionController {
  constructor(private readonly resolution: HostResolutionService) {}

  @Get('resolve')
  resolve(@Ctx() ctx: RequestContext, @Query() query: unknown) {
    return this.resolution.resolve(ctx, parseOrThrow(ResolveHostStrictQuerySchema, query, 'query').host);
  }
}
