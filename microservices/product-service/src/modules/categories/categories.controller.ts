import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { RequirePermissions } from '@haat/auth';
import { parseOrThrow } from '@haat/common';
import { Ctx, type RequestContext } from '@haat/tenant';
import { tenantContext } from '../../infrastructure/auth/tenant-context.js';
import { CategoriesService } from './categories.service.js';
import {
  AttributeParamsSchema,
  CategoryIdParamsSchema,
  CreateAttributeSchema,
  CreateCategorySchema,
  ListCategoriesQuerySchema,
  MoveCategorySchema,
  UpdateCategorySchema,
} from './dto/category.dto.js';

/** The taxonomy: anyone on the tenant reads it (the storefront too); tenant staff change it. */
@Controller('v1/categories')
export class CategoriesController {
  constructor(private readonly categories: CategoriesService) {}

  @Post()
  @RequirePermissions('category:create')
  create(@Ctx() ctx: RequestContext, @Body() body: unknown) {
    return this.categories.create(tenantContext(ctx), parseOrThrow(CreateCategorySchema, body));
  }

  @Get()
  list(@Ctx() ctx: RequestContext, @Query() query: unknown) {
    return this.categories.list(tenantContext(ctx), parseOrThrow(ListCategoriesQuerySchema, query, 'query'));
  }

  @Get(':id')
  get(@Ctx() ctx: RequestContext, @Param() params: unknown) {
    return this.categories.get(tenantContext(ctx), parseOrThrow(CategoryIdParamsSchema, params, 'params').id);
  }

  @Patch(':id')
  @RequirePermissions('category:update')
  update(@Ctx() ctx: RequestContext, @Param() params: unknown, @Body() body: unknown) {
    const { id } = parseOrThrow(CategoryIdParamsSchema, params, 'params');
    return this.categories.update(tenantContext(ctx), id, parseOrThrow(UpdateCategorySchema, body));
  }

  @Post(':id/move')
  @HttpCode(200)
  @RequirePermissions('category:update')
  move(@Ctx() ctx: RequestContext, @Param() params: unknown, @Body() body: unknown) {
    const { id } = parseOrThrow(CategoryIdParamsSchema, params, 'params');
    return this.categories.move(tenantContext(ctx), id, parseOrThrow(MoveCategorySchema, body).parentId);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermissions('category:delete')
  async remove(@Ctx() ctx: RequestContext, @Param() params: unknown): Promise<void> {
    await this.categories.remove(
      tenantContext(ctx),
      parseOrThrow(CategoryIdParamsSchema, params, 'params').id,
    );
  }

  @Post(':id/attributes')
  @RequirePermissions('category:update')
  addAttribute(@Ctx() ctx: RequestContext, @Param() params: unknown, @Body() body: unknown) {
    const { id } = parseOrThrow(CategoryIdParamsSchema, params, 'params');
    return this.categories.addAttribute(tenantContext(ctx), id, parseOrThrow(CreateAttributeSchema, body));
  }

  @Delete(':id/attributes/:code')
  @HttpCode(204)
  @RequirePermissions('category:update')
  async removeAttribute(@Ctx() ctx: RequestContext, @Param() params: unknown): Promise<void> {
    const { id, code } = parseOrThrow(AttributeParamsSchema, params, 'params');
    await this.categories.removeAttribute(tenantContext(ctx), id, code);
  }
}
