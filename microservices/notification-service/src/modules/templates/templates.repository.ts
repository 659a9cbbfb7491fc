import { Injectable } from '@nestjs/common';
import type { DbExecutor } from '@haat/database';
import { and, eq } from 'drizzle-orm';
import { type TemplateOverrideRow, templateOverrides } from './templates.schema.js';

export interface TemplateAddress {
  key: string;
  channel: string;
  locale: string;
}

/** The only code touching `template_overrides`; every query carries the tenant. */
@Injectable()
export class TemplatesRepository {
  async find(
    db: DbExecutor,
    tenantId: string,
    at: TemplateAddress,
  ): Promise<TemplateOverrideRow | undefined> {
    const [row] = await db.select().from(templateOverrides).where(this.matches(tenantId, at));
    return row;
  }

  /** Which wordings the tenant has overridden, for every key. */
  listAddresses(db: DbExecutor, tenantId: string): Promise<TemplateAddress[]> {
    return db
      .select({
        key: templateOverrides.key,
        channel: templateOverrides.channel,
        locale: templateOverrides.locale,
      })
      .from(templateOverrides)
      .where(eq(templateOverrides.tenantId, tenantId));
  }

  async upsert(db: DbExecutor, row: typeof templateOverrides.$inferInsert): Promise<TemplateOverrideRow> {
    const { tenantId: _t, key: _k, channel: _c, locale: _l, ...changes } = row;
    const [saved] = await db
      .insert(templateOverrides)
      .values(row)
      .onConflictDoUpdate({
        target: [
          templateOverrides.tenantId,
          templateOverrides.key,
          templateOverrides.channel,
          templateOverrides.locale,
        ],
        set: { ...changes, updatedAt: new Date() },
      })
      .returning();
    return saved as TemplateOverrideRow;
  }

  async delete(db: DbExecutor, tenantId: string, at: TemplateAddress): Promise<void> {
    await db.delete(templateOverrides).where(this.matches(tenantId, at));
  }

  private matches(tenantId: string, at: TemplateAddress) {
    return and(
      eq(templateOverrides.tenantId, tenantId),
      eq(templateOverrides.key, at.key),
      eq(templateOverrides.channel, at.channel),
      eq(templateOverrides.locale, at.locale),
    );
  }
}
