import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { RequirePermissions } from '@haat/auth';
import { parseOrThrow } from '@haat/common';
import { Idempotent } from '@haat/idempotency';
import { Ctx, type RequestContext } from '@haat/tenant';
import { tenantContext } from '../../infrastructure/auth/tenant-context.js';
import { clientIpOf } from '../../infrastructure/http/public-urls.js';
import { CreateIntentSchema, IntentIdParamsSchema, ListIntentsQuerySchema } from './dto/create-intent.dto.js';
import { EventsQuerySchema, ReviewDecisionSchema } from './dto/review.dto.js';
import { IntentsService } from './intents.service.js';
import { PaymentReviewService } from './payment-review.service.js';

interface IncomingRequest {
  headers: Record<string, string | string[] | undefined>;
  ip?: string;
}

/** Payment intents: one per order payment. */
@Controller('v1/payments/intents')
export class IntentsController {
  constructor(
    private readonly intents: IntentsService,
    private readonly review: PaymentReviewService,
  ) {}

  @Post()
  @Idempotent()
  @RequirePermissions('payment:create')
  create(@Ctx() ctx: RequestContext, @Body() body: unknown, @Req() req: IncomingRequest) {
    const input = parseOrThrow(CreateIntentSchema, body);
    return this.intents.create(tenantContext(ctx), input, {
      headers: req.headers,
      clientIp: clientIpOf(req.headers, req.ip),
    });
  }

  @Get()
  @RequirePermissions('payment:read')
  list(@Ctx() ctx: RequestContext, @Query() query: unknown) {
    return this.intents.list(tenantContext(ctx), parseOrThrow(ListIntentsQuerySchema, query, 'query'));
  }

  @Get(':id')
  @RequirePermissions('payment:read')
  get(@Ctx() ctx: RequestContext, @Param() params: unknown) {
    return this.intents.get(tenantContext(ctx), parseOrThrow(IntentIdParamsSchema, params, 'params').id);
  }

  @Get(':id/events')
  @RequirePermissions('payment:read')
  events(@Ctx() ctx: RequestContext, @Param() params: unknown, @Query() query: unknown) {
    const { id } = parseOrThrow(IntentIdParamsSchema, params, 'params');
    return this.intents.events(tenantContext(ctx), id, parseOrThrow(EventsQuerySchema, query, 'query'));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @RequirePermissions('order:cancel')
  cancel(@Ctx() ctx: RequestContext, @Param() params: unknown) {
    return this.intents.cancel(tenantContext(ctx), parseOrThrow(IntentIdParamsSchema, params, 'params').id);
  }

  /** A staff decision on a payment the fraud checks held (`order:update`: staff run orders). */
  @Post(':id/review')
  @HttpCode(200)
  @RequirePermissions('order:update')
  decide(@Ctx() ctx: RequestContext, @Param() params: unknown, @Body() body: unknown) {
    const { id } = parseOrThrow(IntentIdParamsSchema, params, 'params');
    const input = parseOrThrow(ReviewDecisionSchema, body);
    return this.review.decide(tenantContext(ctx), id, input.decision, input.note);
  }
}
