import { Inject, Injectable } from '@nestjs/common';
import {
  ConflictError,
  decodeCursor,
  newId,
  NotFoundError,
  type Page,
  toPage,
  ValidationError,
} from '@haat/common';
import { type Database, type DbExecutor, isUniqueViolation } from '@haat/database';
import { addToOutbox } from '@haat/messaging';
import { DATABASE } from '@haat/service';
import type { TenantContext } from '@haat/tenant';
import { z } from 'zod';
import { CatalogCache } from '../../infrastructure/cache/catalog.cache.js';
import { slugFromName, slugWithIdSuffix } from '../seo/slug.rules.js';
import { type AttributeDefinition, effectiveAttributes } from './attribute-values.rules.js';
import { CATEGORY_ERRORS } from './categories.errors.js';
import { categoryChanged } from './categories.events.js';
import { CategoriesRepository } from './categories.repository.js';
import type { CategoryAttributeRow, CategoryRow } from './categories.schema.js';
import { childPath, pathIds, planMove } from './category-path.rules.js';
import { toAttributeView, toBreadcrumb, toCategoryView } from './category.mapper.js';
import type {
  AttributeDefinitionView,
  Breadcrumb,
  CategoryDetail,
  CategoryView,
  CreateAttributeInput,
  CreateCategoryInput,
  UpdateCategoryInput,
} from './dto/category.dto.js';

const MAX_DEPTH = 10;
const CursorSchema = z.object({ path: z.string().max(2_000) });

/** A category's attribute set, each definition with the category that defines it. */
export type CategoryAttributeSet = Map<string, AttributeDefinition & { row: CategoryAttributeRow }>;

/** The taxonomy: a tree per tenant with per-category attribute sets. */
@Injectable()
export class CategoriesService {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly repo: CategoriesRepository,
    private readonly cache: CatalogCache,
  ) {}

  async create(ctx: TenantContext, input: CreateCategoryInput): Promise<CategoryDetail> {
    const id = newId();
    const detail = await this.database.withTenant(ctx.tenantId, async (tx) => {
      await this.repo.lockTree(tx, ctx.tenantId);
      const parent = input.parentId ? await this.repo.findById(tx, input.parentId) : undefined;
      if (input.parentId && !parent) {
        throw new NotFoundError(CATEGORY_ERRORS.parentNotFound, 'No such parent category', {
          parentId: input.parentId,
        });
      }
      const depth = parent ? parent.depth + 1 : 0;
      if (depth >= MAX_DEPTH) {
        throw new ValidationError(CATEGORY_ERRORS.tooDeep, `Categories nest at most ${MAX_DEPTH} deep`);
      }
      const slug = input.slug ?? (await this.freeSlug(tx, slugFromName(input.name.en), id));
      const row = await this.insertOrConflict(tx, {
        id,
        tenantId: ctx.tenantId,
        parentId: parent?.id ?? null,
        path: childPath(parent?.path ?? null, id),
        depth,
        slug,
        nameEn: input.name.en,
        nameBn: input.name.bn ?? null,
        position: input.position ?? 0,
      });
      const chain = await this.ancestorsAndSelf(tx, row);
      await addToOutbox(tx, categoryChanged(ctx, row, chain));
      return this.detail(tx, row, chain);
    });
    return detail;
  }

  async get(ctx: TenantContext, id: string): Promise<CategoryDetail> {
    return this.database.withTenant(ctx.tenantId, async (tx) => {
      const row = await this.mustFind(tx, id);
      return this.detail(tx, row, await this.ancestorsAndSelf(tx, row));
    });
  }

  async list(
    ctx: TenantContext,
    query: { under?: string; limit: number; cursor?: string },
  ): Promise<Page<CategoryView>> {
    const after = decodeCursor(query.cursor, CursorSchema);
    return this.database.withTenant(ctx.tenantId, async (tx) => {
      const under = query.under ? await this.mustFind(tx, query.under) : undefined;
      const rows = await this.repo.list(tx, {
        underPath: under?.path,
        afterPath: after?.path,
        limit: query.limit,
      });
      return toPage(rows, query.limit, (r) => ({ path: r.path }), toCategoryView);
    });
  }

  async update(ctx: TenantContext, id: string, input: UpdateCategoryInput): Promise<CategoryDetail> {
    const detail = await this.database.withTenant(ctx.tenantId, async (tx) => {
      const current = await this.mustFind(tx, id);
      let row: CategoryRow | undefined;
      try {
        row = await this.repo.update(tx, id, {
          slug: input.slug,
          nameEn: input.name?.en,
          nameBn: input.name?.bn === undefined ? undefined : input.name.bn,
          position: input.position,
        });
      } catch (err) {
        if (isUniqueViolation(err, 'categories_tenant_slug_uq'))
          throw this.slugTaken(input.slug ?? current.slug);
        throw err;
      }
      const updated = row ?? current;
      const chain = await this.ancestorsAndSelf(tx, updated);
      await addToOutbox(tx, categoryChanged(ctx, updated, chain));
      return this.detail(tx, updated, chain);
    });
    await this.cache.invalidateTenant(ctx.tenantId);
    return detail;
  }

  /**
   * Moves a category with its whole subtree under `parentId` (null: to the top). Refuses a move
   * into its own subtree (409 `CATEGORY_MOVE_CYCLE`); tree changes of a tenant run one at a time.
   */
  async move(ctx: TenantContext, id: string, parentId: string | null): Promise<CategoryDetail> {
    const detail = await this.database.withTenant(ctx.tenantId, async (tx) => {
      await this.repo.lockTree(tx, ctx.tenantId);
      const node = await this.mustFind(tx, id);
      const parent = parentId === null ? null : await this.repo.findById(tx, parentId);
      if (parent === undefined) {
        throw new NotFoundError(CATEGORY_ERRORS.parentNotFound, 'No such parent category', { parentId });
      }
      const plan = planMove(node.path, parent?.path ?? null);
      if (!plan.ok) {
        throw new ConflictError(
          CATEGORY_ERRORS.moveCycle,
          'A category cannot move under itself or one of its own subcategories',
          { id, parentId },
        );
      }
      const deepest = await this.repo.subtreeMaxDepth(tx, node.path);
      if (deepest + plan.depthDelta >= MAX_DEPTH) {
        throw new ValidationError(CATEGORY_ERRORS.tooDeep, `Categories nest at most ${MAX_DEPTH} deep`);
      }
      const moved = await this.repo.moveSubtree(tx, {
        id,
        oldPath: node.path,
        newPath: plan.newPath,
        depthDelta: plan.depthDelta,
        parentId: parent?.id ?? null,
      });
      const row = await this.mustFind(tx, id);
      const chain = await this.ancestorsAndSelf(tx, row);
      await addToOutbox(
        tx,
        categoryChanged(
          ctx,
          row,
          chain,
          moved.filter((m) => m !== id),
        ),
      );
      return this.detail(tx, row, chain);
    });
    await this.cache.invalidateTenant(ctx.tenantId);
    return detail;
  }

  async remove(ctx: TenantContext, id: string): Promise<void> {
    await this.database.withTenant(ctx.tenantId, async (tx) => {
      await this.repo.lockTree(tx, ctx.tenantId);
      await this.mustFind(tx, id);
      if (await this.repo.hasChildrenOrProducts(tx, id)) {
        throw new ConflictError(
          CATEGORY_ERRORS.notEmpty,
          'Only a category without subcategories or products can be deleted',
          { id },
        );
      }
      await this.repo.delete(tx, id);
    });
  }

  async addAttribute(
    ctx: TenantContext,
    categoryId: string,
    input: CreateAttributeInput,
  ): Promise<AttributeDefinitionView> {
    return this.database.withTenant(ctx.tenantId, async (tx) => {
      await this.mustFind(tx, categoryId);
      try {
        const row = await this.repo.insertAttribute(tx, {
          id: newId(),
          tenantId: ctx.tenantId,
          categoryId,
          code: input.code,
          labelEn: input.label.en,
          labelBn: input.label.bn ?? null,
          type: input.type,
          options: input.options ?? [],
          required: input.required ?? false,
          unit: input.unit ?? null,
          position: input.position ?? 0,
        });
        return toAttributeView(row);
      } catch (err) {
        if (isUniqueViolation(err, 'category_attributes_code_uq')) {
          throw new ConflictError(
            CATEGORY_ERRORS.attributeTaken,
            'This category already has that attribute',
            {
              code: input.code,
            },
          );
        }
        throw err;
      }
    });
  }

  async removeAttribute(ctx: TenantContext, categoryId: string, code: string): Promise<void> {
    const removed = await this.database.withTenant(ctx.tenantId, (tx) =>
      this.repo.deleteAttribute(tx, categoryId, code),
    );
    if (!removed) {
      throw new NotFoundError(CATEGORY_ERRORS.attributeNotFound, 'No such attribute on this category', {
        categoryId,
        code,
      });
    }
  }

  /** The category row or 404 `CATEGORY_NOT_FOUND`. */
  async mustFind(tx: DbExecutor, id: string): Promise<CategoryRow> {
    const row = await this.repo.findById(tx, id);
    if (!row) throw new NotFoundError(CATEGORY_ERRORS.notFound, 'No such category', { id });
    return row;
  }

  attributeCodes(tx: DbExecutor): Promise<string[]> {
    return this.repo.attributeCodes(tx);
  }

  findById(tx: DbExecutor, id: string): Promise<CategoryRow | undefined> {
    return this.repo.findById(tx, id);
  }

  findBySlug(tx: DbExecutor, slug: string): Promise<CategoryRow | undefined> {
    return this.repo.findBySlug(tx, slug);
  }

  /** The categories from the root down to `row`, in that order. */
  async ancestorsAndSelf(tx: DbExecutor, row: CategoryRow): Promise<CategoryRow[]> {
    const ids = pathIds(row.path);
    const rows = await this.repo.findByIds(
      tx,
      ids.filter((i) => i !== row.id),
    );
    const byId = new Map([...rows, row].map((r) => [r.id, r]));
    return ids.flatMap((i) => {
      const r = byId.get(i);
      return r ? [r] : [];
    });
  }

  /** Breadcrumbs of many categories at once (root first each), for product lists and events. */
  async breadcrumbsOf(tx: DbExecutor, categoryIds: readonly string[]): Promise<Map<string, Breadcrumb[]>> {
    const own = await this.repo.findByIds(tx, [...new Set(categoryIds)]);
    const allIds = new Set(own.flatMap((r) => pathIds(r.path)));
    const all = await this.repo.findByIds(tx, [...allIds]);
    const byId = new Map(all.map((r) => [r.id, r]));
    return new Map(
      own.map((r) => [
        r.id,
        pathIds(r.path).flatMap((i) => {
          const c = byId.get(i);
          return c ? [toBreadcrumb(c)] : [];
        }),
      ]),
    );
  }

  /** The attribute set products of `categoryId` carry: its own and its ancestors'. */
  async attributeSet(tx: DbExecutor, categoryId: string | null): Promise<CategoryAttributeSet> {
    if (categoryId === null) return new Map();
    const row = await this.repo.findById(tx, categoryId);
    if (!row) return new Map();
    const ids = pathIds(row.path);
    const defs = await this.repo.attributesOf(tx, ids);
    const chain = ids.map((i) =>
      defs.filter((d) => d.categoryId === i).map((d) => ({ ...d, row: d, options: d.options })),
    );
    return effectiveAttributes(chain);
  }

  private async detail(
    tx: DbExecutor,
    row: CategoryRow,
    chain: readonly CategoryRow[],
  ): Promise<CategoryDetail> {
    const set = await this.attributeSet(tx, row.id);
    return {
      ...toCategoryView(row),
      breadcrumbs: chain.map(toBreadcrumb),
      attributes: [...set.values()].map((d) => toAttributeView(d.row)),
    };
  }

  private async freeSlug(tx: DbExecutor, base: string, id: string): Promise<string> {
    if (base && !(await this.repo.findBySlug(tx, base))) return base;
    return slugWithIdSuffix(base, id);
  }

  private async insertOrConflict(
    tx: DbExecutor,
    row: Parameters<CategoriesRepository['insert']>[1],
  ): Promise<CategoryRow> {
    try {
      return await this.repo.insert(tx, row);
    } catch (err) {
      if (isUniqueViolation(err, 'categories_tenant_slug_uq')) throw this.slugTaken(row.slug);
      throw err;
    }
  }

  private slugTaken(slug: string): ConflictError {
    return new ConflictError(CATEGORY_ERRORS.slugTaken, 'Another category has this slug', { slug });
  }
}
