import { LowStockV1, StockChangedV1 } from '@haat/contracts';
import type { EventPayload } from '@haat/contracts';
import { envelope, type EnvelopeContext } from '@haat/messaging';

// SKU events are ordered per SKU: aggregate `sku`, id the code.
const on = (sku: string) => ({ aggregateType: 'sku', aggregateId: sku });

export function lowStock(ctx: EnvelopeContext, payload: EventPayload<typeof LowStockV1>) {
  return envelope(LowStockV1, ctx, { ...on(payload.sku), payload });
}

export function stockChanged(ctx: EnvelopeContext, payload: EventPayload<typeof StockChangedV1>) {
  return envelope(StockChangedV1, ctx, { ...on(payload.sku), payload });
}
