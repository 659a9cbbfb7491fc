import { Injectable } from '@nestjs/common';
import type { DbExecutor } from '@haat/database';
import { eq, inArray, sql } from 'drizzle-orm';
import { type NewVendorStoreRow, type VendorStoreRow, vendorStores } from './vendor-stores.schema.js';

export type StorePatch = Partial<Omit<NewVendorStoreRow, 'vendorId' | 'tenantId' | 'updatedAt'>>;

/** The only code touching the `vendor_stores` table. */
@Injectable()
export class VendorStoresRepository {
  async insert(db: DbExecutor, row: NewVendorStoreRow): Promise<VendorStoreRow> {
    const [created] = await db.insert(vendorStores).values(row).returning();
    return created as VendorStoreRow;
  }

  async findByVendor(db: DbExecutor, vendorId: string): Promise<VendorStoreRow | undefined> {
    const [row] = await db.select().from(vendorStores).where(eq(vendorStores.vendorId, vendorId));
    return row;
  }

  async findBySlug(db: DbExecutor, slug: string): Promise<VendorStoreRow | undefined> {
    const [row] = await db.select().from(vendorStores).where(eq(vendorStores.slug, slug));
    return row;
  }

  async findByVendors(db: DbExecutor, vendorIds: readonly string[]): Promise<VendorStoreRow[]> {
    if (vendorIds.length === 0) return [];
    return db
      .select()
      .from(vendorStores)
      .where(inArray(vendorStores.vendorId, [...vendorIds]));
  }

  async update(db: DbExecutor, vendorId: string, patch: StorePatch): Promise<VendorStoreRow> {
    const [row] = await db
      .update(vendorStores)
      .set({ ...patch, updatedAt: sql`now()` })
      .where(eq(vendorStores.vendorId, vendorId))
      .returning();
    return row as VendorStoreRow;
  }
}
