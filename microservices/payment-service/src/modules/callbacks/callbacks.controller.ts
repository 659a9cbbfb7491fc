import { Controller, Get, Param, Post, Query, Redirect, Req } from '@nestjs/common';
import { parseOrThrow } from '@haat/common';
import { PublicRoute } from '@haat/tenant';
import { z } from 'zod';
import { CallbackParamsSchema } from '../webhooks/dto/webhook.dto.js';
import { CallbacksService } from './callbacks.service.js';

const QuerySchema = z.record(z.string(), z.string().max(2000));

interface FormRequest {
  rawBody?: Buffer;
}

/**
 * Browser returns from providers: public routes (the customer's browser carries no gateway
 * identity), answered with a 303 to the shop's return page.
 */
@Controller('v1/payments/callbacks')
export class CallbacksController {
  constructor(private readonly callbacks: CallbacksService) {}

  @Get(':provider/:tenantId/:intentId')
  @PublicRoute()
  @Redirect()
  async back(@Param() params: unknown, @Query() query: unknown) {
    const p = parseOrThrow(CallbackParamsSchema, params, 'params');
    const q = parseOrThrow(QuerySchema, query, 'query');
    return { url: await this.callbacks.complete(p.provider, p.tenantId, p.intentId, q), statusCode: 303 };
  }

  @Get(':provider/:tenantId/:intentId/:outcome')
  @PublicRoute()
  @Redirect()
  async backWithOutcome(@Param() params: unknown, @Query() query: unknown) {
    const p = parseOrThrow(CallbackParamsSchema, params, 'params');
    const q = parseOrThrow(QuerySchema, query, 'query');
    return {
      url: await this.callbacks.complete(p.provider, p.tenantId, p.intentId, {
        ...q,
        outcome: p.outcome ?? '',
      }),
      statusCode: 303,
    };
  }

  /** SSLCommerz POSTs the browser back with the signed payment fields. */
  @Post(':provider/:tenantId/:intentId/:outcome')
  @PublicRoute()
  @Redirect()
  async postedBack(@Param() params: unknown, @Req() req: FormRequest) {
    const p = parseOrThrow(CallbackParamsSchema, params, 'params');
    const fields = Object.fromEntries(new URLSearchParams(req.rawBody?.toString('utf8') ?? ''));
    return {
      url: await this.callbacks.complete(p.provider, p.tenantId, p.intentId, fields),
      statusCode: 303,
    };
  }
}
