import { Injectable } from '@nestjs/common';
import type { DbExecutor } from '@haat/database';
import { and, desc, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { type NewVendorRow, type VendorRow, type VendorStatusValue, vendors } from './vendors.schema.js';

/** Which vendors a list may show: every one, or those with these ids or this owner. */
export type VendorVisibility =
  { all: true } | { all: false; ids: readonly string[]; ownerUserId: string | null };

export type VendorPatch = Partial<
  Pick<
    NewVendorRow,
    | 'legalName'
    | 'ownerName'
    | 'businessType'
    | 'contactEmail'
    | 'contactPhone'
    | 'address'
    | 'tier'
    | 'statusReason'
    | 'submissionCount'
    | 'submittedAt'
    | 'approvedAt'
  >
>;

/** The only code touching the `vendors` table. */
@Injectable()
export class VendorsRepository {
  async insert(db: DbExecutor, row: NewVendorRow): Promise<VendorRow> {
    const [created] = await db.insert(vendors).values(row).returning();
    return created as VendorRow;
  }

  async findById(db: DbExecutor, id: string): Promise<VendorRow | undefined> {
    const [row] = await db.select().from(vendors).where(eq(vendors.id, id));
    return row;
  }

  /** The row, locked until the transaction ends: transitions of one vendor apply one at a time. */
  async lockById(db: DbExecutor, id: string): Promise<VendorRow | undefined> {
    const [row] = await db.select().from(vendors).where(eq(vendors.id, id)).for('update');
    return row;
  }

  /** `limit + 1` vendors, newest first, before `beforeId`. */
  list(
    db: DbExecutor,
    query: { visibility: VendorVisibility; status?: VendorStatusValue; limit: number; beforeId?: string },
  ): Promise<VendorRow[]> {
    return db
      .select()
      .from(vendors)
      .where(
        and(
          visibilityFilter(query.visibility),
          query.status === undefined ? undefined : eq(vendors.status, query.status),
          query.beforeId === undefined ? undefined : lt(vendors.id, query.beforeId),
        ),
      )
      .orderBy(desc(vendors.id))
      .limit(query.limit + 1);
  }

  async update(db: DbExecutor, id: string, patch: VendorPatch): Promise<VendorRow> {
    const [row] = await db
      .update(vendors)
      .set({ ...patch, updatedAt: sql`now()` })
      .where(eq(vendors.id, id))
      .returning();
    return row as VendorRow;
  }

  async setStatus(
    db: DbExecutor,
    id: string,
    status: VendorStatusValue,
    patch: VendorPatch = {},
  ): Promise<VendorRow> {
    const [row] = await db
      .update(vendors)
      .set({ ...patch, status, updatedAt: sql`now()` })
      .where(eq(vendors.id, id))
      .returning();
    return row as VendorRow;
  }
}

function visibilityFilter(v: VendorVisibility): SQL | undefined {
  if (v.all) return undefined;
  const byId = v.ids.length > 0 ? inArray(vendors.id, [...v.ids]) : undefined;
  const byOwner = v.ownerUserId === null ? undefined : eq(vendors.ownerUserId, v.ownerUserId);
  return or(byId, byOwner) ?? sql`false`;
}
