import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { RequirePermissions } from '@haat/auth';
import { PageQuerySchema, parseOrThrow } from '@haat/common';
import { Ctx, type RequestContext } from '@haat/tenant';
import { tenantContext } from '../../infrastructure/auth/tenant-context.js';
import { PreviewTemplateSchema } from './dto/preview-template.dto.js';
import { PutTemplateSchema } from './dto/put-template.dto.js';
import { TemplatePathSchema } from './dto/template.dto.js';
import { TemplatesService } from './templates.service.js';

/** The tenant's message templates: the shipped ones and its own wordings of them. */
@Controller('v1/notifications/templates')
export class TemplatesController {
  constructor(private readonly templates: TemplatesService) {}

  @Get()
  @RequirePermissions('notification-template:read')
  list(@Ctx() ctx: RequestContext, @Query() query: unknown) {
    return this.templates.list(tenantContext(ctx), parseOrThrow(PageQuerySchema, query, 'query'));
  }

  @Get(':key/:channel/:locale')
  @RequirePermissions('notification-template:read')
  get(@Ctx() ctx: RequestContext, @Param() params: unknown) {
    return this.templates.get(tenantContext(ctx), parseOrThrow(TemplatePathSchema, params, 'params'));
  }

  @Put(':key/:channel/:locale')
  @RequirePermissions('notification-template:update')
  put(@Ctx() ctx: RequestContext, @Param() params: unknown, @Body() body: unknown) {
    const at = parseOrThrow(TemplatePathSchema, params, 'params');
    return this.templates.put(tenantContext(ctx), at, parseOrThrow(PutTemplateSchema, body));
  }

  @Delete(':key/:channel/:locale')
  @HttpCode(204)
  @RequirePermissions('notification-template:update')
  async reset(@Ctx() ctx: RequestContext, @Param() params: unknown): Promise<void> {
    await this.templates.reset(tenantContext(ctx), parseOrThrow(TemplatePathSchema, params, 'params'));
  }

  @Post(':key/:channel/:locale/preview')
  @HttpCode(200)
  @RequirePermissions('notification-template:read')
  preview(@Ctx() ctx: RequestContext, @Param() params: unknown, @Body() body: unknown) {
    const at = parseOrThrow(TemplatePathSchema, params, 'params');
    return this.templates.preview(
      tenantContext(ctx),
      at,
      parseOrThrow(PreviewTemplateSchema, body ?? {}).data,
    );
  }
}
