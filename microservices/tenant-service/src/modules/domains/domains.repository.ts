import { Injectable } from '@nestjs/common';
import type { DbExecutor } from '@haat/database';
import { and, asc, eq, gt, isNotNull, isNull, sql } from 'drizzle-orm';
import { type TenantDomainRow, tenantDomains } from './domains.schema.js';

/** The only code touching `tenant_domains`. Tenant-facing reads and writes always carry the tenant. */
@Injectable()
export class DomainsRepository {
  /** Inserts a domain; `verified` stamps it verified now (the platform subdomain). */
  async insert(
    db: DbExecutor,
    row: Omit<typeof tenantDomains.$inferInsert, 'verifiedAt' | 'createdAt'>,
    options: { verified: boolean },
  ): Promise<TenantDomainRow> {
    const [created] = await db
      .insert(tenantDomains)
      .values({ ...row, verifiedAt: options.verified ? sql`now()` : null })
      .returning();
    return created as TenantDomainRow;
  }

  async findForTenant(db: DbExecutor, tenantId: string, id: string): Promise<TenantDomainRow | undefined> {
    const [row] = await db
      .select()
      .from(tenantDomains)
      .where(and(eq(tenantDomains.tenantId, tenantId), eq(tenantDomains.id, id)));
    return row;
  }

  /** `limit + 1` of the tenant's domains after `afterId`, oldest first (the subdomain leads). */
  listForTenant(
    db: DbExecutor,
    tenantId: string,
    limit: number,
    afterId?: string,
  ): Promise<TenantDomainRow[]> {
    return db
      .select()
      .from(tenantDomains)
      .where(
        and(
          eq(tenantDomains.tenantId, tenantId),
          afterId === undefined ? undefined : gt(tenantDomains.id, afterId),
        ),
      )
      .orderBy(asc(tenantDomains.id))
      .limit(limit + 1);
  }

  /** Marks a still-unverified domain verified; undefined when another call already did. */
  async markVerified(db: DbExecutor, tenantId: string, id: string): Promise<TenantDomainRow | undefined> {
    const [row] = await db
      .update(tenantDomains)
      .set({ verifiedAt: sql`now()` })
      .where(
        and(eq(tenantDomains.tenantId, tenantId), eq(tenantDomains.id, id), isNull(tenantDomains.verifiedAt)),
      )
      .returning();
    return row;
  }

  /** Deletes a custom domain of the tenant; the platform subdomain is never matched. */
  async deleteCustom(db: DbExecutor, tenantId: string, id: string): Promise<TenantDomainRow | undefined> {
    const [row] = await db
      .delete(tenantDomains)
      .where(
        and(eq(tenantDomains.tenantId, tenantId), eq(tenantDomains.id, id), eq(tenantDomains.kind, 'custom')),
      )
      .returning();
    return row;
  }

  /** Across all tenants: the verified domain row of a host name. */
  async findVerifiedByHostname(db: DbExecutor, hostname: string): Promise<TenantDomainRow | undefined> {
    const [row] = await db
      .select()
      .from(tenantDomains)
      .where(and(eq(tenantDomains.hostname, hostname), isNotNull(tenantDomains.verifiedAt)));
    return row;
  }

  async verifiedHostnames(db: DbExecutor, tenantId: string): Promise<string[]> {
    const rows = await db
      .select({ hostname: tenantDomains.hostname })
      .from(tenantDomains)
      .where(and(eq(tenantDomains.tenantId, tenantId), isNotNull(tenantDomains.verifiedAt)))
      .orderBy(asc(tenantDomains.id));
    return rows.map((r) => r.hostname);
  }
}
