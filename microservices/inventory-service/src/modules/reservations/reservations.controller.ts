import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { RequirePermissions } from '@haat/auth';
import { parseOrThrow } from '@haat/common';
import { Idempotent } from '@haat/idempotency';
import { Ctx, type RequestContext } from '@haat/tenant';
import { tenantContext } from '../../infrastructure/auth/tenant-context.js';
import { OrderIdParamsSchema, type Reservation } from './dto/reservation.dto.js';
import { ReleaseSchema } from './dto/release.dto.js';
import { ReserveSchema } from './dto/reserve.dto.js';
import { ReservationsService } from './reservations.service.js';

interface StatusReply {
  status(code: number): unknown;
}

/**
 * Reservations for orders (order-service and the checkout saga). `reservation:*` is held by the
 * platform's own callers only: no tenant or vendor role has it. Idempotent by order id; an
 * `Idempotency-Key` is honoured too.
 */
@Controller('v1/reservations')
export class ReservationsController {
  constructor(private readonly reservations: ReservationsService) {}

  /** 201 with the new reservation; 200 with the order's existing one on a repeat. */
  @Post()
  @Idempotent({ required: false })
  @RequirePermissions('reservation:create')
  async reserve(
    @Ctx() ctx: RequestContext,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: StatusReply,
  ): Promise<Reservation> {
    const answer = await this.reservations.reserve(tenantContext(ctx), parseOrThrow(ReserveSchema, body));
    reply.status(answer.replayed ? 200 : 201);
    return answer.reservation;
  }

  @Get(':orderId')
  @RequirePermissions('reservation:read')
  get(@Ctx() ctx: RequestContext, @Param() params: unknown) {
    return this.reservations.get(
      tenantContext(ctx),
      parseOrThrow(OrderIdParamsSchema, params, 'params').orderId,
    );
  }

  @Post(':orderId/commit')
  @HttpCode(200)
  @RequirePermissions('reservation:commit')
  commit(@Ctx() ctx: RequestContext, @Param() params: unknown) {
    const { orderId } = parseOrThrow(OrderIdParamsSchema, params, 'params');
    return this.reservations.commit(tenantContext(ctx), orderId);
  }

  @Post(':orderId/release')
  @HttpCode(200)
  @RequirePermissions('reservation:release')
  release(@Ctx() ctx: RequestContext, @Param() params: unknown, @Body() body: unknown) {
    const { orderId } = parseOrThrow(OrderIdParamsSchema, params, 'params');
    const { reason } = parseOrThrow(ReleaseSchema, body ?? {});
    return this.reservations.release(tenantContext(ctx), orderId, reason ?? null);
  }
}
