import { Body, Controller, Get, Param, Patch } from '@nestjs/common';
import { parseOrThrow } from '@haat/common';
import { Ctx, type RequestContext } from '@haat/tenant';
import { tenantContext } from '../../infrastructure/auth/tenant-context.js';
import { StoreSlugParamsSchema, UpdateStoreSchema } from './dto/store.dto.js';
import { VendorIdParamsSchema } from './dto/vendor.dto.js';
import { VendorStoresService } from './vendor-stores.service.js';

/** A vendor's store settings (`vendor:read`, `vendor:update` over the vendor). */
@Controller('v1/vendors/:id/store')
export class VendorStoresController {
  constructor(private readonly stores: VendorStoresService) {}

  @Get()
  get(@Ctx() ctx: RequestContext, @Param() params: unknown) {
    return this.stores.get(tenantContext(ctx), parseOrThrow(VendorIdParamsSchema, params, 'params').id);
  }

  @Patch()
  update(@Ctx() ctx: RequestContext, @Param() params: unknown, @Body() body: unknown) {
    const { id } = parseOrThrow(VendorIdParamsSchema, params, 'params');
    return this.stores.update(tenantContext(ctx), id, parseOrThrow(UpdateStoreSchema, body));
  }
}

/** The storefront's store page: any visitor of the tenant, approved vendors only. */
@Controller('v1/stores')
export class PublicStoresController {
  constructor(private readonly stores: VendorStoresService) {}

  @Get(':slug')
  get(@Ctx() ctx: RequestContext, @Param() params: unknown) {
    return this.stores.publicStore(
      tenantContext(ctx),
      parseOrThrow(StoreSlugParamsSchema, params, 'params').slug,
    );
  }
}
