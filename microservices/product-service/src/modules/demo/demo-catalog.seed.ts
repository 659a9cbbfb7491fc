import type { INestApplicationContext } from '@nestjs/common';
import { newId } from '@haat/common';
import { systemContext, type TenantContext } from '@haat/tenant';
import { BrandsService } from '../brands/brands.service.js';
import { CategoriesService } from '../categories/categories.service.js';
import type { CategoryDetail } from '../categories/dto/category.dto.js';
import { ProductsService } from '../products/products.service.js';

const bdt = (taka: number) => ({ amountMinor: BigInt(Math.round(taka * 100)), currency: 'BDT' as const });

/**
 * A small demo catalogue for a tenant: a category tree with an attribute set, two brands and a
 * handful of active products in English and Bangla, one with a size × colour matrix. Does
 * nothing when the tenant already has categories. Pass the running product-service
 * (`RunningService.app`) and the vendors (from vendor-service's demo data) to sell them.
 */
export async function seedDemoCatalog(
  app: INestApplicationContext,
  input: { tenantId: string; vendorIds: readonly [string, ...string[]] },
): Promise<{ products: number }> {
  const categories = app.get(CategoriesService, { strict: false });
  const brands = app.get(BrandsService, { strict: false });
  const products = app.get(ProductsService, { strict: false });
  const ctx = systemContext(`seed-demo-catalog-${newId()}`, input.tenantId) as TenantContext;
  const existing = await categories.list(ctx, { limit: 1 });
  if (existing.items.length > 0) return { products: 0 };

  const cat = (slug: string, en: string, bn: string, parent?: CategoryDetail) =>
    categories.create(ctx, { slug, name: { en, bn }, parentId: parent?.id });
  const clothing = await cat('clothing', 'Clothing', 'পোশাক');
  const sarees = await cat('sarees', 'Sarees', 'শাড়ি', clothing);
  const menswear = await cat('menswear', 'Menswear', 'ছেলেদের পোশাক', clothing);
  const home = await cat('home', 'Home & Kitchen', 'ঘর ও রান্নাঘর');
  const tea = await cat('tea', 'Tea', 'চা', home);
  await categories.addAttribute(ctx, clothing.id, {
    code: 'material',
    label: { en: 'Material', bn: 'উপাদান' },
    type: 'enum',
    options: ['cotton', 'silk', 'muslin'],
    required: true,
  });
  const tangail = await brands.create(ctx, { name: 'Tangail Looms' });
  const sylhet = await brands.create(ctx, { name: 'Sylhet Gardens' });
  const [v1, v2 = v1] = input.vendorIds;

  const items = [
    {
      vendorId: v1,
      categoryId: sarees.id,
      brandId: tangail.id,
      name: { en: 'Jamdani Saree', bn: 'জামদানি শাড়ি' },
      description: { en: 'Handwoven muslin from Rupganj.', bn: 'রূপগঞ্জের হাতে বোনা মসলিন।' },
      attributes: { material: 'muslin' },
      tags: ['handloom', 'saree'],
      options: [{ name: 'Colour', values: ['Red', 'Blue'] }],
      generateVariants: {
        skuPrefix: 'JAMDANI',
        price: bdt(12500),
        compareAtPrice: bdt(14000),
        weightGrams: 450,
      },
    },
    {
      vendorId: v1,
      categoryId: menswear.id,
      name: { en: 'Cotton Panjabi', bn: 'সুতির পাঞ্জাবি' },
      attributes: { material: 'cotton' },
      tags: ['eid'],
      options: [
        { name: 'Size', values: ['M', 'L', 'XL'] },
        { name: 'Colour', values: ['White', 'Navy'] },
      ],
      generateVariants: { skuPrefix: 'PANJABI', price: bdt(2450), weightGrams: 300 },
    },
    {
      vendorId: v2,
      categoryId: tea.id,
      brandId: sylhet.id,
      name: { en: 'Sylhet Black Tea 400 g', bn: 'সিলেটের কালো চা ৪০০ গ্রাম' },
      tags: ['tea'],
      options: [],
      variants: [
        { sku: 'TEA-400', price: bdt(380), barcode: '8901234567897', weightGrams: 420, options: {} },
      ],
    },
  ];
  for (const item of items) {
    await products.create(ctx, { status: 'active', ...item });
  }
  return { products: items.length };
}
