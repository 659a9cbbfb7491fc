import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { cacheControl, etagFor, isNotModified } from '@haat/cache';
import { parseOrThrow } from '@haat/common';
import { Ctx, type RequestContext } from '@haat/tenant';
import type { FastifyReply } from 'fastify';
import { tenantContext } from '../../infrastructure/auth/tenant-context.js';
import {
  CatalogListQuerySchema,
  CatalogProductQuerySchema,
  SlugParamsSchema,
} from './dto/product-query.dto.js';
import { StorefrontService } from './storefront.service.js';

const PUBLIC_CACHE = cacheControl({ visibility: 'public', maxAgeS: 60, staleWhileRevalidateS: 300 });

/** The storefront's catalogue: active products for anyone on the tenant's host, guests included. */
@Controller('v1/catalog/products')
export class CatalogController {
  constructor(private readonly storefront: StorefrontService) {}

  @Get()
  list(@Ctx() ctx: RequestContext, @Query() query: unknown) {
    return this.storefront.list(tenantContext(ctx), parseOrThrow(CatalogListQuerySchema, query, 'query'));
  }

  /**
   * One product by slug, with an ETag (304 on `If-None-Match`). A retired slug answers 308 with
   * `Location` (relative: resolves under whatever prefix the client used) and `{ redirectTo }`.
   */
  @Get(':slug')
  async get(
    @Ctx() ctx: RequestContext,
    @Param() params: unknown,
    @Query() query: unknown,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { slug } = parseOrThrow(SlugParamsSchema, params, 'params');
    const { locale } = parseOrThrow(CatalogProductQuerySchema, query, 'query');
    const found = await this.storefront.bySlug(tenantContext(ctx), slug, locale);
    if (found.kind === 'redirect') {
      const location = `${encodeURIComponent(found.redirectTo)}${locale === 'en' ? '' : `?locale=${locale}`}`;
      await reply
        .status(308)
        .header('location', location)
        .send({ redirectTo: found.redirectTo, productId: found.productId });
      return;
    }
    const body = JSON.stringify(found.product);
    const etag = etagFor(body);
    void reply.header('etag', etag).header('cache-control', PUBLIC_CACHE).header('vary', 'accept-language');
    if (isNotModified(ifNoneMatch, etag)) {
      await reply.status(304).send();
      return;
    }
    await reply.status(200).header('content-type', 'application/json; charset=utf-8').send(body);
  }
}
