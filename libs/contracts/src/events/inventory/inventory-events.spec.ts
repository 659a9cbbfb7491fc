import { describe, expect, it } from 'vitest';
import { ReserveStockRequestedV1 } from './reserve-stock-requested.v1.js';
import { StockReservedV1 } from './stock-reserved.v1.js';

const orderId = '01a213f2-d949-753d-b58d-e84666c4b101';
const envelope = (type: string, payload: unknown) => ({
  id: '01a213f2-d949-753d-b58d-e84666c4b102',
  type,
  tenantId: '01a213f2-d366-71ca-b571-2cd199696fd9',
  aggregateType: 'order',
  aggregateId: orderId,
  occurredAt: '2026-11-25T18:00:00.000Z',
  payload,
});

describe('inventory events', () => {
  it('accept a reserve command with one line per SKU, a SKU with slashes and a ship-to point', () => {
    const parsed = ReserveStockRequestedV1.parse(
      envelope('inventory.reserve-stock-requested.v1', {
        orderId,
        lines: [{ sku: 'TEE/RED/M', quantity: 2 }],
        shipTo: { latitude: 23.8, longitude: 90.4 },
      }),
    );
    expect(parsed.payload.lines[0]?.sku).toBe('TEE/RED/M');
  });

  it('refuse a reserve command naming a SKU twice, or a fractional or negative quantity', () => {
    const lines = (l: unknown[]) => envelope('inventory.reserve-stock-requested.v1', { orderId, lines: l });
    expect(() =>
      ReserveStockRequestedV1.parse(
        lines([
          { sku: 'A', quantity: 1 },
          { sku: 'A', quantity: 2 },
        ]),
      ),
    ).toThrow(/one line per SKU/);
    expect(() => ReserveStockRequestedV1.parse(lines([{ sku: 'A', quantity: 1.5 }]))).toThrow();
    expect(() => ReserveStockRequestedV1.parse(lines([{ sku: 'A', quantity: -1 }]))).toThrow();
  });

  it('require every reserved line to say where its units come from', () => {
    const payload = { orderId, reservationId: orderId, expiresAt: '2026-11-25T18:15:00.000Z' };
    expect(() =>
      StockReservedV1.parse(
        envelope('inventory.stock-reserved.v1', {
          ...payload,
          lines: [{ sku: 'A', quantity: 1, allocations: [] }],
        }),
      ),
    ).toThrow();
  });
});
