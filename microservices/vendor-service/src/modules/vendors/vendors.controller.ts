import { Body, Controller, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { PageQuerySchema, parseOrThrow } from '@haat/common';
import { Ctx, type RequestContext } from '@haat/tenant';
import { tenantContext } from '../../infrastructure/auth/tenant-context.js';
import { ApplyVendorSchema } from './dto/apply-vendor.dto.js';
import { ListVendorsQuerySchema } from './dto/list-vendors.query.js';
import { SetTierSchema } from './dto/review-decision.dto.js';
import { UpdateVendorSchema } from './dto/update-vendor.dto.js';
import { VendorIdParamsSchema } from './dto/vendor.dto.js';
import { VendorsService } from './vendors.service.js';

/**
 * Vendors of the signed tenant. Who may do what is decided per vendor (`VendorAccessPolicy`):
 * marketplace staff by their permissions, a vendor's people for their vendor, an applicant for
 * their own application.
 */
@Controller('v1/vendors')
export class VendorsController {
  constructor(private readonly vendors: VendorsService) {}

  @Post()
  apply(@Ctx() ctx: RequestContext, @Body() body: unknown) {
    return this.vendors.apply(tenantContext(ctx), parseOrThrow(ApplyVendorSchema, body));
  }

  @Get()
  list(@Ctx() ctx: RequestContext, @Query() query: unknown) {
    return this.vendors.list(tenantContext(ctx), parseOrThrow(ListVendorsQuerySchema, query, 'query'));
  }

  @Get(':id')
  get(@Ctx() ctx: RequestContext, @Param() params: unknown) {
    return this.vendors.get(tenantContext(ctx), parseOrThrow(VendorIdParamsSchema, params, 'params').id);
  }

  @Patch(':id')
  update(@Ctx() ctx: RequestContext, @Param() params: unknown, @Body() body: unknown) {
    const { id } = parseOrThrow(VendorIdParamsSchema, params, 'params');
    return this.vendors.update(tenantContext(ctx), id, parseOrThrow(UpdateVendorSchema, body));
  }

  @Put(':id/tier')
  setTier(@Ctx() ctx: RequestContext, @Param() params: unknown, @Body() body: unknown) {
    const { id } = parseOrThrow(VendorIdParamsSchema, params, 'params');
    const input = parseOrThrow(SetTierSchema, body);
    return this.vendors.setTier(tenantContext(ctx), id, input.tier, input.reason);
  }

  @Get(':id/audit')
  audit(@Ctx() ctx: RequestContext, @Param() params: unknown, @Query() query: unknown) {
    const { id } = parseOrThrow(VendorIdParamsSchema, params, 'params');
    return this.vendors.auditTrail(
      tenantContext(ctx),
      id,
      parseOrThrow(PageQuerySchema.strict(), query, 'query'),
    );
  }
}
