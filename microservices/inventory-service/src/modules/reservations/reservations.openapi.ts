import type { OpenAPIRegistry } from '@haat/contracts/openapi';
import { errors, idempotencyKeyHeader, json, jsonBody } from '../../infrastructure/http/openapi-responses.js';
import { OrderIdParamsSchema, ReservationSchema } from './dto/reservation.dto.js';
import { ReleaseSchema } from './dto/release.dto.js';
import { ReserveSchema } from './dto/reserve.dto.js';

const tags = ['reservations'];

export function registerReservationsOpenApi(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'post',
    path: '/v1/reservations',
    tags,
    summary: 'Reserve stock for an order (`reservation:create`; also gRPC Reserve)',
    description:
      'Idempotent by `orderId`. 409 `STOCK_INSUFFICIENT` (details.shortages) or 404 `SKU_NOT_FOUND` when it ' +
      'cannot be filled completely, then and on every repeat; 409 `RESERVATION_ORDER_MISMATCH` for a repeat ' +
      'with other lines.',
    request: { headers: idempotencyKeyHeader(false), body: jsonBody(ReserveSchema) },
    responses: {
      201: json('The reservation', ReservationSchema),
      200: json('The order’s existing reservation (a repeat)', ReservationSchema),
      ...errors(400, 401, 403, 404, 409),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/reservations/{orderId}',
    tags,
    summary: 'The order’s reservation (`reservation:read`)',
    request: { params: OrderIdParamsSchema },
    responses: { 200: json('The reservation', ReservationSchema), ...errors(400, 401, 403, 404) },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/reservations/{orderId}/commit',
    tags,
    summary: 'Commit on payment: the units leave stock (`reservation:commit`)',
    description:
      'Idempotent. 409 `RESERVATION_EXPIRED`, `RESERVATION_RELEASED` or `RESERVATION_REJECTED` when it holds nothing.',
    request: { params: OrderIdParamsSchema },
    responses: {
      200: json('The committed reservation', ReservationSchema),
      ...errors(400, 401, 403, 404, 409),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/reservations/{orderId}/release',
    tags,
    summary: 'Release on cancellation: the units are free again (`reservation:release`)',
    description:
      'Idempotent; without a reservation it records the cancellation so a late reserve holds nothing. ' +
      '409 `RESERVATION_ALREADY_COMMITTED` after a commit.',
    request: { params: OrderIdParamsSchema, body: jsonBody(ReleaseSchema) },
    responses: { 200: json('The reservation', ReservationSchema), ...errors(400, 401, 403, 409) },
  });
}
