import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { RequirePermissions } from '@haat/auth';
import { parseOrThrow } from '@haat/common';
import { Ctx, type RequestContext } from '@haat/tenant';
import { tenantSpace } from '../../infrastructure/account-space.js';
import {
  AccountIdParamsSchema,
  CreateRoleSchema,
  CreateStaffSchema,
  GrantInputSchema,
  ListAccountsQuerySchema,
  RoleKeyParamsSchema,
  UpdateRoleSchema,
} from './dto/roles.dto.js';
import { GrantsService } from './grants.service.js';
import { RolesAdminService } from './roles-admin.service.js';

/** A tenant's roles: built-in and custom. */
@Controller('v1/auth/admin/roles')
export class RolesAdminController {
  constructor(private readonly roles: RolesAdminService) {}

  @Get()
  @RequirePermissions('role:read')
  async list(@Ctx() ctx: RequestContext) {
    return { items: await this.roles.list(tenantSpace(ctx)) };
  }

  @Post()
  @RequirePermissions('role:create')
  create(@Ctx() ctx: RequestContext, @Body() body: unknown) {
    return this.roles.create(tenantSpace(ctx), ctx.permissions, parseOrThrow(CreateRoleSchema, body));
  }

  @Patch(':key')
  @RequirePermissions('role:update')
  update(@Ctx() ctx: RequestContext, @Param() params: unknown, @Body() body: unknown) {
    const { key } = parseOrThrow(RoleKeyParamsSchema, params, 'params');
    return this.roles.update(tenantSpace(ctx), ctx.permissions, key, parseOrThrow(UpdateRoleSchema, body));
  }

  @Delete(':key')
  @HttpCode(204)
  @RequirePermissions('role:delete')
  async remove(@Ctx() ctx: RequestContext, @Param() params: unknown): Promise<void> {
    await this.roles.remove(tenantSpace(ctx), parseOrThrow(RoleKeyParamsSchema, params, 'params').key);
  }
}

/** A tenant's accounts and who holds which role. */
@Controller('v1/auth/admin/accounts')
export class AccountsAdminController {
  constructor(private readonly grants: GrantsService) {}

  @Get()
  @RequirePermissions('user:read')
  list(@Ctx() ctx: RequestContext, @Query() query: unknown) {
    return this.grants.list(tenantSpace(ctx), parseOrThrow(ListAccountsQuerySchema, query, 'query'));
  }

  @Post()
  @RequirePermissions('user:create')
  addStaff(@Ctx() ctx: RequestContext, @Body() body: unknown) {
    return this.grants.addStaff(ctx, tenantSpace(ctx), parseOrThrow(CreateStaffSchema, body));
  }

  @Put(':id/grants')
  @HttpCode(200)
  @RequirePermissions('user:update')
  grant(@Ctx() ctx: RequestContext, @Param() params: unknown, @Body() body: unknown) {
    const { id } = parseOrThrow(AccountIdParamsSchema, params, 'params');
    return this.grants.grant(ctx, tenantSpace(ctx), id, parseOrThrow(GrantInputSchema, body));
  }

  @Delete(':id/grants')
  @HttpCode(200)
  @RequirePermissions('user:update')
  revoke(@Ctx() ctx: RequestContext, @Param() params: unknown, @Query() query: unknown) {
    const { id } = parseOrThrow(AccountIdParamsSchema, params, 'params');
    return this.grants.revoke(ctx, tenantSpace(ctx), id, parseOrThrow(GrantInputSchema, query, 'query'));
  }
}
