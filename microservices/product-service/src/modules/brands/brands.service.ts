import { Inject, Injectable } from '@nestjs/common';
import { ConflictError, decodeCursor, newId, NotFoundError, type Page, toPage } from '@haat/common';
import type { Database, DbExecutor } from '@haat/database';
import { DATABASE } from '@haat/service';
import type { TenantContext } from '@haat/tenant';
import { z } from 'zod';
import { slugFromName, slugWithIdSuffix } from '../seo/slug.rules.js';
import type { BrandRow } from './brands.schema.js';
import { BrandsRepository } from './brands.repository.js';
import type { BrandView, CreateBrandInput } from './dto/brand.dto.js';

const CursorSchema = z.object({ slug: z.string().max(200) });

export function toBrandView(row: BrandRow): BrandView {
  return { id: row.id, name: row.name, slug: row.slug };
}

@Injectable()
export class BrandsService {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly repo: BrandsRepository,
  ) {}

  async create(ctx: TenantContext, input: CreateBrandInput): Promise<BrandView> {
    return this.database.withTenant(ctx.tenantId, async (tx) => {
      const id = newId();
      const slug = input.slug ?? (slugFromName(input.name) || slugWithIdSuffix('', id));
      const { row, created } = await this.repo.insertOrGet(tx, {
        id,
        tenantId: ctx.tenantId,
        name: input.name,
        slug,
      });
      if (!created) throw new ConflictError('BRAND_SLUG_TAKEN', 'Another brand has this slug', { slug });
      return toBrandView(row);
    });
  }

  async get(ctx: TenantContext, id: string): Promise<BrandView> {
    const row = await this.database.withTenant(ctx.tenantId, (tx) => this.repo.findById(tx, id));
    if (!row) throw new NotFoundError('BRAND_NOT_FOUND', 'No such brand', { id });
    return toBrandView(row);
  }

  async list(ctx: TenantContext, query: { limit: number; cursor?: string }): Promise<Page<BrandView>> {
    const after = decodeCursor(query.cursor, CursorSchema);
    const rows = await this.database.withTenant(ctx.tenantId, (tx) =>
      this.repo.list(tx, { afterSlug: after?.slug, limit: query.limit }),
    );
    return toPage(rows, query.limit, (r) => ({ slug: r.slug }), toBrandView);
  }

  findById(tx: DbExecutor, id: string): Promise<BrandRow | undefined> {
    return this.repo.findById(tx, id);
  }

  findBySlug(tx: DbExecutor, slug: string): Promise<BrandRow | undefined> {
    return this.repo.findBySlug(tx, slug);
  }

  findByIds(tx: DbExecutor, ids: readonly string[]): Promise<BrandRow[]> {
    return this.repo.findByIds(tx, ids);
  }

  /** The brand called `name` (by name, then by its slug), created when the tenant has none yet (CSV imports). */
  async findOrCreateByName(tx: DbExecutor, tenantId: string, name: string): Promise<BrandRow> {
    const named = await this.repo.findByName(tx, name);
    if (named) return named;
    const id = newId();
    const slug = slugFromName(name) || slugWithIdSuffix('', id);
    return (await this.repo.insertOrGet(tx, { id, tenantId, name, slug })).row;
  }
}
