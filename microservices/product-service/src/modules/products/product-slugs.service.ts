import { Injectable } from '@nestjs/common';
import { ConflictError } from '@haat/common';
import type { DbExecutor } from '@haat/database';
import { slugFromName, slugWithIdSuffix } from '../seo/slug.rules.js';
import { PRODUCT_ERRORS } from './products.errors.js';
import { ProductsRepository } from './products.repository.js';

/**
 * Product slugs: unique per tenant among current slugs and retired ones (which keep
 * redirecting to their product). Generated from the name when not given.
 */
@Injectable()
export class ProductSlugsService {
  constructor(private readonly repo: ProductsRepository) {}

  /** Who holds `slug`: a product's current slug, a retired one, or nobody. */
  async holder(tx: DbExecutor, slug: string): Promise<string | undefined> {
    const current = await this.repo.findBySlug(tx, slug);
    if (current) return current.id;
    return (await this.repo.findRedirects(tx, [slug])).get(slug);
  }

  /** The slug a new product gets: the one asked for (409 when taken) or one from its name. */
  async forNewProduct(
    tx: DbExecutor,
    id: string,
    requested: string | undefined,
    name: string,
  ): Promise<string> {
    if (requested !== undefined) {
      if (await this.holder(tx, requested)) throw this.taken(requested);
      return requested;
    }
    const base = slugFromName(name);
    if (base && !(await this.holder(tx, base))) return base;
    return slugWithIdSuffix(base, id);
  }

  /**
   * Gives product `productId` the slug `next` in place of `current`: the old slug keeps
   * redirecting; taking back one of its own retired slugs is allowed.
   */
  async rename(
    tx: DbExecutor,
    tenantId: string,
    productId: string,
    current: string,
    next: string,
  ): Promise<void> {
    if (next === current) return;
    const holder = await this.holder(tx, next);
    if (holder && holder !== productId) throw this.taken(next);
    await this.repo.removeRedirect(tx, next, productId);
    await this.repo.addRedirect(tx, tenantId, current, productId);
  }

  taken(slug: string): ConflictError {
    return new ConflictError(PRODUCT_ERRORS.slugTaken, 'Another product has or had this slug', { slug });
  }
}
