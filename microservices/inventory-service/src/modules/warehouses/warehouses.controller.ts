import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { RequirePermissions } from '@haat/auth';
import { parseOrThrow } from '@haat/common';
import { Ctx, type RequestContext } from '@haat/tenant';
import { tenantContext } from '../../infrastructure/auth/tenant-context.js';
import { CreateWarehouseSchema } from './dto/create-warehouse.dto.js';
import { ListWarehousesQuerySchema } from './dto/list-warehouses.query.js';
import { UpdateWarehouseSchema } from './dto/update-warehouse.dto.js';
import { WarehouseIdParamsSchema } from './dto/warehouse.dto.js';
import { WarehousesService } from './warehouses.service.js';

/** `warehouse:*` — vendors' people reach only their own vendor's warehouses. */
@Controller('v1/warehouses')
export class WarehousesController {
  constructor(private readonly warehouses: WarehousesService) {}

  @Post()
  @RequirePermissions('warehouse:create')
  create(@Ctx() ctx: RequestContext, @Body() body: unknown) {
    return this.warehouses.create(tenantContext(ctx), parseOrThrow(CreateWarehouseSchema, body));
  }

  @Get()
  @RequirePermissions('warehouse:read')
  list(@Ctx() ctx: RequestContext, @Query() query: unknown) {
    return this.warehouses.list(tenantContext(ctx), parseOrThrow(ListWarehousesQuerySchema, query, 'query'));
  }

  @Get(':id')
  @RequirePermissions('warehouse:read')
  get(@Ctx() ctx: RequestContext, @Param() params: unknown) {
    return this.warehouses.get(
      tenantContext(ctx),
      parseOrThrow(WarehouseIdParamsSchema, params, 'params').id,
    );
  }

  @Patch(':id')
  @RequirePermissions('warehouse:update')
  update(@Ctx() ctx: RequestContext, @Param() params: unknown, @Body() body: unknown) {
    const { id } = parseOrThrow(WarehouseIdParamsSchema, params, 'params');
    return this.warehouses.update(tenantContext(ctx), id, parseOrThrow(UpdateWarehouseSchema, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermissions('warehouse:delete')
  async remove(@Ctx() ctx: RequestContext, @Param() params: unknown): Promise<void> {
    await this.warehouses.remove(
      tenantContext(ctx),
      parseOrThrow(WarehouseIdParamsSchema, params, 'params').id,
    );
  }
}
