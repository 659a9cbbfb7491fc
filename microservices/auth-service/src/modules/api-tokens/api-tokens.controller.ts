import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { RequirePermissions } from '@haat/auth';
import { PageQuerySchema, parseOrThrow } from '@haat/common';
import { IntrospectApiTokenRequestSchema } from '@haat/contracts';
import { Ctx, PlatformScope, type RequestContext } from '@haat/tenant';
import { tenantSpace } from '../../infrastructure/account-space.js';
import { signedInAccount } from '../../infrastructure/http/signed-in.js';
import { ApiTokensService } from './api-tokens.service.js';
import { ApiTokenIdParamsSchema, CreateApiTokenSchema } from './dto/api-tokens.dto.js';

/** A signed-in person's API tokens. */
@Controller('v1/auth/api-tokens')
export class ApiTokensController {
  constructor(private readonly tokens: ApiTokensService) {}

  @Post()
  @RequirePermissions('api-token:create')
  create(@Ctx() ctx: RequestContext, @Body() body: unknown) {
    return this.tokens.create(
      ctx,
      tenantSpace(ctx),
      signedInAccount(ctx),
      parseOrThrow(CreateApiTokenSchema, body),
    );
  }

  @Get()
  @RequirePermissions('api-token:read')
  list(@Ctx() ctx: RequestContext, @Query() query: unknown) {
    return this.tokens.list(
      tenantSpace(ctx),
      signedInAccount(ctx),
      parseOrThrow(PageQuerySchema, query, 'query'),
    );
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermissions('api-token:delete')
  async revoke(@Ctx() ctx: RequestContext, @Param() params: unknown): Promise<void> {
    const { id } = parseOrThrow(ApiTokenIdParamsSchema, params, 'params');
    await this.tokens.revoke(ctx, tenantSpace(ctx), signedInAccount(ctx), id);
  }
}

/** For the gateway: what an API token may do (signed, platform scope). */
@Controller('internal/v1/auth/api-tokens')
@PlatformScope()
@RequirePermissions('auth-internal:introspect')
export class ApiTokenIntrospectionController {
  constructor(private readonly tokens: ApiTokensService) {}

  @Post('introspect')
  @HttpCode(200)
  introspect(@Body() body: unknown) {
    return this.tokens.introspect(parseOrThrow(IntrospectApiTokenRequestSchema, body).token);
  }
}
