import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { RequirePermissions } from '@haat/auth';
import { parseOrThrow } from '@haat/common';
import { Ctx, type RequestContext } from '@haat/tenant';
import { tenantContext } from '../../infrastructure/auth/tenant-context.js';
import {
  CreateProductSchema,
  GenerateVariantsSchema,
  UpdateProductSchema,
  VariantInputSchema,
  VariantPatchSchema,
} from './dto/product-input.dto.js';
import {
  ListProductsQuerySchema,
  ProductIdParamsSchema,
  VariantParamsSchema,
} from './dto/product-query.dto.js';
import { ProductVariantsService } from './product-variants.service.js';
import { ProductsService } from './products.service.js';

/**
 * Catalogue management. Permissions say what kind of action; the vendor scope says which
 * products: tenant staff reach every vendor's, vendor staff only their own vendor's.
 */
@Controller('v1/products')
export class ProductsController {
  constructor(
    private readonly products: ProductsService,
    private readonly variants: ProductVariantsService,
  ) {}

  @Post()
  @RequirePermissions('product:create')
  create(@Ctx() ctx: RequestContext, @Body() body: unknown) {
    return this.products.create(tenantContext(ctx), parseOrThrow(CreateProductSchema, body));
  }

  @Get()
  @RequirePermissions('product:read')
  list(@Ctx() ctx: RequestContext, @Query() query: unknown) {
    return this.products.list(tenantContext(ctx), parseOrThrow(ListProductsQuerySchema, query, 'query'));
  }

  @Get(':id')
  @RequirePermissions('product:read')
  get(@Ctx() ctx: RequestContext, @Param() params: unknown) {
    return this.products.get(tenantContext(ctx), parseOrThrow(ProductIdParamsSchema, params, 'params').id);
  }

  @Patch(':id')
  @RequirePermissions('product:update')
  update(@Ctx() ctx: RequestContext, @Param() params: unknown, @Body() body: unknown) {
    const { id } = parseOrThrow(ProductIdParamsSchema, params, 'params');
    return this.products.update(tenantContext(ctx), id, parseOrThrow(UpdateProductSchema, body));
  }

  @Post(':id/archive')
  @HttpCode(200)
  @RequirePermissions('product:update')
  archive(@Ctx() ctx: RequestContext, @Param() params: unknown) {
    return this.products.archive(
      tenantContext(ctx),
      parseOrThrow(ProductIdParamsSchema, params, 'params').id,
    );
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermissions('product:delete')
  async remove(@Ctx() ctx: RequestContext, @Param() params: unknown): Promise<void> {
    await this.products.remove(tenantContext(ctx), parseOrThrow(ProductIdParamsSchema, params, 'params').id);
  }

  @Post(':id/variants')
  @RequirePermissions('product:update')
  addVariant(@Ctx() ctx: RequestContext, @Param() params: unknown, @Body() body: unknown) {
    const { id } = parseOrThrow(ProductIdParamsSchema, params, 'params');
    return this.variants.add(tenantContext(ctx), id, parseOrThrow(VariantInputSchema, body));
  }

  @Post(':id/variants/generate')
  @RequirePermissions('product:update')
  generateVariants(@Ctx() ctx: RequestContext, @Param() params: unknown, @Body() body: unknown) {
    const { id } = parseOrThrow(ProductIdParamsSchema, params, 'params');
    return this.variants.generate(tenantContext(ctx), id, parseOrThrow(GenerateVariantsSchema, body));
  }

  @Patch(':id/variants/:variantId')
  @RequirePermissions('product:update')
  updateVariant(@Ctx() ctx: RequestContext, @Param() params: unknown, @Body() body: unknown) {
    const { id, variantId } = parseOrThrow(VariantParamsSchema, params, 'params');
    return this.variants.update(tenantContext(ctx), id, variantId, parseOrThrow(VariantPatchSchema, body));
  }

  @Delete(':id/variants/:variantId')
  @RequirePermissions('product:update')
  removeVariant(@Ctx() ctx: RequestContext, @Param() params: unknown) {
    const { id, variantId } = parseOrThrow(VariantParamsSchema, params, 'params');
    return this.variants.remove(tenantContext(ctx), id, variantId);
  }
}
