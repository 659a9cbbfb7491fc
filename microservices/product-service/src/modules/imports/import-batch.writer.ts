import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@haat/contracts';
import type { Tx } from '@haat/database';
import { addToOutbox } from '@haat/messaging';
import type { TenantContext } from '@haat/tenant';
import { type ProductAggregate, ProductAggregateLoader } from '../products/product-aggregate.loader.js';
import { toProductFacts } from '../products/product.mapper.js';
import { productChangeEvents, productCreated } from '../products/products.events.js';
import { ProductsRepository } from '../products/products.repository.js';
import type { NewProductRow, NewVariantRow } from '../products/products.schema.js';
import type { ImportWorkingSet } from './import-working-set.js';

/**
 * Stores what an applied batch changed — new products and variants in bulk, changed ones one
 * by one — and writes their events in the same transaction. Returns the ids of the products
 * that changed (for cache invalidation).
 */
@Injectable()
export class ImportBatchWriter {
  constructor(
    private readonly repo: ProductsRepository,
    private readonly loader: ProductAggregateLoader,
  ) {}

  async write(ctx: TenantContext, tx: Tx, set: ImportWorkingSet): Promise<string[]> {
    const created: NewProductRow[] = [];
    const newVariants: NewVariantRow[] = [];
    const changed: string[] = [];
    for (const p of set.products.values()) {
      const { createdAt: _c, updatedAt: _u, version: _v, ...columns } = p.row;
      if (p.isNew) created.push(columns);
      for (const v of p.variants) {
        const { createdAt: _vc, updatedAt: _vu, ...variantColumns } = v.row;
        if (v.isNew) newVariants.push(variantColumns);
      }
      if (!p.isNew && (p.dirty || p.variants.some((v) => v.isNew || v.dirty))) changed.push(p.row.id);
    }
    await this.repo.insertProducts(tx, created);
    for (const id of changed) {
      const p = set.products.get(id);
      if (!p) continue;
      const { id: _id, tenantId: _t, createdAt: _c, updatedAt: _u, version: _v, ...patch } = p.row;
      await this.repo.updateProduct(tx, id, patch);
      for (const v of p.variants) {
        if (!v.dirty || v.isNew) continue;
        const {
          id: vid,
          tenantId: _vt,
          productId: _vp,
          createdAt: _vc,
          updatedAt: _vu,
          ...variantPatch
        } = v.row;
        await this.repo.updateVariant(tx, vid, variantPatch);
      }
    }
    await this.repo.insertVariants(tx, newVariants);

    const after = await this.loader.load(tx, [...created.map((c) => c.id as string), ...changed]);
    const events: EventEnvelope[] = [];
    for (const row of created) {
      const a = after.get(row.id as string);
      if (a) events.push(productCreated(ctx, toProductFacts(a)));
    }
    for (const id of changed) {
      const before = set.products.get(id)?.before;
      const a = after.get(id);
      if (before && a)
        events.push(
          ...productChangeEvents(ctx, toProductFacts(before), toProductFacts(a as ProductAggregate)),
        );
    }
    await addToOutbox(tx, events);
    return changed;
  }
}
