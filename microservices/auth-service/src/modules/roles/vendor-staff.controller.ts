import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { RequirePermissions } from '@haat/auth';
import { PageQuerySchema, parseOrThrow } from '@haat/common';
import { Ctx, type RequestContext } from '@haat/tenant';
import { tenantSpace } from '../../infrastructure/account-space.js';
import { AddVendorStaffSchema, VendorParamsSchema, VendorStaffParamsSchema } from './dto/roles.dto.js';
import { VendorStaffService } from './vendor-staff.service.js';

/** One vendor's staff, for that vendor's owner. */
@Controller('v1/auth/vendors/:vendorId/staff')
export class VendorStaffController {
  constructor(private readonly staff: VendorStaffService) {}

  @Get()
  @RequirePermissions('vendor-staff:read')
  list(@Ctx() ctx: RequestContext, @Param() params: unknown, @Query() query: unknown) {
    const { vendorId } = parseOrThrow(VendorParamsSchema, params, 'params');
    return this.staff.list(ctx, tenantSpace(ctx), vendorId, parseOrThrow(PageQuerySchema, query, 'query'));
  }

  @Post()
  @RequirePermissions('vendor-staff:create')
  add(@Ctx() ctx: RequestContext, @Param() params: unknown, @Body() body: unknown) {
    const { vendorId } = parseOrThrow(VendorParamsSchema, params, 'params');
    return this.staff.add(ctx, tenantSpace(ctx), vendorId, parseOrThrow(AddVendorStaffSchema, body));
  }

  @Delete(':accountId')
  @HttpCode(204)
  @RequirePermissions('vendor-staff:delete')
  async remove(@Ctx() ctx: RequestContext, @Param() params: unknown): Promise<void> {
    const { vendorId, accountId } = parseOrThrow(VendorStaffParamsSchema, params, 'params');
    await this.staff.remove(ctx, tenantSpace(ctx), vendorId, accountId);
  }
}
