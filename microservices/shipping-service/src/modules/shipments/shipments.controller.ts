import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { RequirePermissions } from '@haat/auth';
import { decodeCursor, parseOrThrow, toPage } from '@haat/common';
import { Ctx, type RequestContext } from '@haat/tenant';
import { z } from 'zod';
import { tenantContext } from '../../infrastructure/auth/tenant-context.js';
import { LabelService } from '../labels/label.service.js';
import {
  ListShipmentsQuerySchema,
  ShipmentIdParamsSchema,
  toShipmentView,
  toTrackingEventView,
} from './dto/shipment.dto.js';
import { ShipmentsQueryService } from './shipments-query.service.js';
import { vendorFilterOf } from './vendor-scope.js';

interface HeaderReply {
  header(name: string, value: string): unknown;
}

const CursorSchema = z.object({ createdAt: z.string().datetime(), id: z.string().uuid() });

/** Shipments, their tracking timeline and labels (`shipment:read`); vendors see their own. */
@Controller('v1/shipments')
export class ShipmentsController {
  constructor(
    private readonly shipments: ShipmentsQueryService,
    private readonly labels: LabelService,
  ) {}

  @Get()
  @RequirePermissions('shipment:read')
  async list(@Ctx() ctx: RequestContext, @Query() query: unknown) {
    const q = parseOrThrow(ListShipmentsQuerySchema, query, 'query');
    const before = decodeCursor(q.cursor, CursorSchema);
    const rows = await this.shipments.list(
      tenantContext(ctx),
      { orderId: q.orderId, status: q.status, vendorIds: vendorFilterOf(ctx) },
      q.limit,
      before ? { createdAt: new Date(before.createdAt), id: before.id } : undefined,
    );
    return toPage(rows, q.limit, (r) => ({ createdAt: r.createdAt.toISOString(), id: r.id }), toShipmentView);
  }

  @Get(':id')
  @RequirePermissions('shipment:read')
  async get(@Ctx() ctx: RequestContext, @Param() params: unknown) {
    const { id } = parseOrThrow(ShipmentIdParamsSchema, params, 'params');
    const { row, events } = await this.shipments.get(tenantContext(ctx), id, vendorFilterOf(ctx));
    return { ...toShipmentView(row), tracking: events.map(toTrackingEventView) };
  }

  @Get(':id/label')
  @RequirePermissions('shipment:read')
  async label(
    @Ctx() ctx: RequestContext,
    @Param() params: unknown,
    @Res({ passthrough: true }) reply: HeaderReply,
  ) {
    const { id } = parseOrThrow(ShipmentIdParamsSchema, params, 'params');
    const vendors = vendorFilterOf(ctx);
    const file = await this.labels.open(
      tenantContext(ctx).tenantId,
      id,
      (row) => !vendors || vendors.includes(row.vendorId),
    );
    for (const [name, value] of Object.entries(file.headers)) reply.header(name, value);
    return new StreamableFile(file.stream, {
      type: 'application/pdf',
      length: Number(file.headers['content-length']),
      disposition: file.headers['content-disposition'],
    });
  }
}
