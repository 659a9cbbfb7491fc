import type { Breadcrumb, AttributeDefinitionView, CategoryView } from './dto/category.dto.js';
import type { CategoryAttributeRow, CategoryRow } from './categories.schema.js';

export function toCategoryView(row: CategoryRow): CategoryView {
  return {
    id: row.id,
    parentId: row.parentId,
    slug: row.slug,
    name: { en: row.nameEn, bn: row.nameBn },
    depth: row.depth,
    position: row.position,
  };
}

export function toBreadcrumb(row: CategoryRow): Breadcrumb {
  return { id: row.id, slug: row.slug, name: { en: row.nameEn, bn: row.nameBn } };
}

export function toAttributeView(row: CategoryAttributeRow): AttributeDefinitionView {
  return {
    code: row.code,
    label: { en: row.labelEn, bn: row.labelBn },
    type: row.type,
    options: row.options,
    required: row.required,
    unit: row.unit,
    definedOn: row.categoryId,
  };
}
