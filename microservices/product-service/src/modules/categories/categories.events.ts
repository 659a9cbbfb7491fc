import { ProductCategoryChangedV1 } from '@haat/contracts';
import { envelope } from '@haat/messaging';
import type { TenantContext } from '@haat/tenant';
import type { CategoryRow } from './categories.schema.js';
import { toBreadcrumb } from './category.mapper.js';

/** `product.category-changed.v1` for a category as it is now, with its path from the root. */
export function categoryChanged(
  ctx: TenantContext,
  category: CategoryRow,
  ancestorsAndSelf: readonly CategoryRow[],
  descendantIds: readonly string[] = [],
) {
  return envelope(ProductCategoryChangedV1, ctx, {
    aggregateType: 'category',
    aggregateId: category.id,
    payload: {
      categoryId: category.id,
      parentId: category.parentId,
      path: ancestorsAndSelf.map((c) => {
        const b = toBreadcrumb(c);
        return { categoryId: b.id, slug: b.slug, name: b.name };
      }),
      descendantIds: [...descendantIds],
    },
  });
}
