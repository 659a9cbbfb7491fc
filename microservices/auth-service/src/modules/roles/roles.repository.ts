import { Injectable } from '@nestjs/common';
import type { Tx } from '@haat/database';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { type CustomRoleRow, customRoles } from './roles.schema.js';

/** The only code touching `custom_roles`. */
@Injectable()
export class RolesRepository {
  list(tx: Tx, space: string): Promise<CustomRoleRow[]> {
    return tx.select().from(customRoles).where(eq(customRoles.tenantId, space)).orderBy(asc(customRoles.key));
  }

  async find(tx: Tx, space: string, key: string): Promise<CustomRoleRow | undefined> {
    const [row] = await tx
      .select()
      .from(customRoles)
      .where(and(eq(customRoles.tenantId, space), eq(customRoles.key, key)));
    return row;
  }

  byKeys(tx: Tx, space: string, keys: readonly string[]): Promise<CustomRoleRow[]> {
    if (keys.length === 0) return Promise.resolve([]);
    return tx
      .select()
      .from(customRoles)
      .where(and(eq(customRoles.tenantId, space), inArray(customRoles.key, [...keys])));
  }

  async insert(tx: Tx, row: typeof customRoles.$inferInsert): Promise<CustomRoleRow> {
    const [created] = await tx.insert(customRoles).values(row).returning();
    return created as CustomRoleRow;
  }

  async update(
    tx: Tx,
    space: string,
    key: string,
    patch: Partial<Pick<CustomRoleRow, 'name' | 'permissions' | 'updatedAt'>>,
  ): Promise<CustomRoleRow | undefined> {
    const [row] = await tx
      .update(customRoles)
      .set(patch)
      .where(and(eq(customRoles.tenantId, space), eq(customRoles.key, key)))
      .returning();
    return row;
  }

  async delete(tx: Tx, space: string, key: string): Promise<boolean> {
    const rows = await tx
      .delete(customRoles)
      .where(and(eq(customRoles.tenantId, space), eq(customRoles.key, key)))
      .returning();
    return rows.length > 0;
  }
}
