import { CurrencyCodeSchema } from '@haat/common';
import { z } from 'zod';
import { PlanCodeSchema } from '../../plans/dto/plan.dto.js';
import { LocaleSchema, LocalesSchema } from '../locale.rules.js';
import { TenantSlugSchema } from '../tenant-slug.rules.js';

/** `POST /v1/platform/tenants`. */
export const CreateTenantSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(120),
    slug: TenantSlugSchema,
    planCode: PlanCodeSchema.default('free'),
    defaultCurrency: CurrencyCodeSchema.default('BDT'),
    defaultLocale: LocaleSchema.default('en'),
    /** Languages offered; defaults to the default locale alone. */
    locales: LocalesSchema.optional(),
  })
  .refine((t) => t.locales === undefined || t.locales.includes(t.defaultLocale), {
    message: 'must include defaultLocale',
    path: ['locales'],
  });
export type CreateTenantInput = z.output<typeof CreateTenantSchema>;
