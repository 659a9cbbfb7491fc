import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { RequirePermissions } from '@haat/auth';
import { parseOrThrow } from '@haat/common';
import { Ctx, type RequestContext } from '@haat/tenant';
import { tenantContext } from '../../infrastructure/auth/tenant-context.js';
import { BlocklistService } from './blocklist.service.js';
import {
  AddBlocklistEntrySchema,
  BlocklistIdParamsSchema,
  ListBlocklistQuerySchema,
} from './dto/blocklist.dto.js';

/** The marketplace's seller blocklist (`vendor:manage`: tenant owners). */
@Controller('v1/vendors/blocklist')
@RequirePermissions('vendor:manage')
export class BlocklistController {
  constructor(private readonly blocklist: BlocklistService) {}

  @Post()
  add(@Ctx() ctx: RequestContext, @Body() body: unknown) {
    return this.blocklist.add(tenantContext(ctx), parseOrThrow(AddBlocklistEntrySchema, body));
  }

  @Get()
  list(@Ctx() ctx: RequestContext, @Query() query: unknown) {
    return this.blocklist.list(tenantContext(ctx), parseOrThrow(ListBlocklistQuerySchema, query, 'query'));
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@Ctx() ctx: RequestContext, @Param() params: unknown): Promise<void> {
    await this.blocklist.remove(
      tenantContext(ctx),
      parseOrThrow(BlocklistIdParamsSchema, params, 'params').id,
    );
  }
}
