import {
  ProductArchivedV1,
  ProductCreatedV1,
  ProductDeletedV1,
  ProductPriceChangedV1,
  ProductUpdatedV1,
  ProductVariantRemovedV1,
  type ProductFacts,
} from '@haat/contracts';
import type { EventEnvelope } from '@haat/contracts';
import { envelope } from '@haat/messaging';
import type { RequestContext } from '@haat/tenant';
import { changedFacts } from './product.mapper.js';

type Ctx = Pick<RequestContext, 'tenantId' | 'traceparent'>;
const aggregate = (productId: string) => ({ aggregateType: 'product', aggregateId: productId });

export function productCreated(ctx: Ctx, facts: ProductFacts): EventEnvelope {
  return envelope(ProductCreatedV1, ctx, { ...aggregate(facts.productId), payload: facts });
}

export function productDeleted(ctx: Ctx, facts: ProductFacts): EventEnvelope {
  return envelope(ProductDeletedV1, ctx, {
    ...aggregate(facts.productId),
    payload: { productId: facts.productId, vendorId: facts.vendorId, skus: facts.variants.map((v) => v.sku) },
  });
}

/**
 * The events one change of a product gives: `product.updated.v1` naming what changed,
 * `product.archived.v1` when it left the shelf, `product.price-changed.v1` per repriced variant
 * and `product.variant-removed.v1` per removed variant. None when nothing changed.
 */
export function productChangeEvents(ctx: Ctx, before: ProductFacts, after: ProductFacts): EventEnvelope[] {
  const changed = changedFacts(before, after);
  if (changed.length === 0) return [];
  const out: EventEnvelope[] = [
    envelope(ProductUpdatedV1, ctx, { ...aggregate(after.productId), payload: { ...after, changed } }),
  ];
  if (after.status === 'archived' && before.status !== 'archived') {
    out.push(
      envelope(ProductArchivedV1, ctx, {
        ...aggregate(after.productId),
        payload: {
          productId: after.productId,
          vendorId: after.vendorId,
          skus: after.variants.map((v) => v.sku),
        },
      }),
    );
  }
  const previous = new Map(before.variants.map((v) => [v.variantId, v]));
  for (const v of after.variants) {
    const old = previous.get(v.variantId);
    if (
      old &&
      (JSON.stringify(old.price) !== JSON.stringify(v.price) ||
        JSON.stringify(old.compareAtPrice) !== JSON.stringify(v.compareAtPrice))
    ) {
      out.push(
        envelope(ProductPriceChangedV1, ctx, {
          ...aggregate(after.productId),
          payload: {
            productId: after.productId,
            vendorId: after.vendorId,
            variantId: v.variantId,
            sku: v.sku,
            previous: { price: old.price, compareAtPrice: old.compareAtPrice },
            current: { price: v.price, compareAtPrice: v.compareAtPrice },
          },
        }),
      );
    }
  }
  const remaining = new Set(after.variants.map((v) => v.variantId));
  for (const v of before.variants) {
    if (!remaining.has(v.variantId)) {
      out.push(
        envelope(ProductVariantRemovedV1, ctx, {
          ...aggregate(after.productId),
          payload: {
            productId: after.productId,
            vendorId: after.vendorId,
            variantId: v.variantId,
            sku: v.sku,
          },
        }),
      );
    }
  }
  return out;
}
