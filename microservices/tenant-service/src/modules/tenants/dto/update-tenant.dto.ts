import { CurrencyCodeSchema } from '@haat/common';
import { z } from 'zod';
import { PlanCodeSchema } from '../../plans/dto/plan.dto.js';
import { LocaleSchema, LocalesSchema } from '../locale.rules.js';

/** `PATCH /v1/platform/tenants/:id`: any of these; the slug never changes (it is the subdomain). */
export const UpdateTenantSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(120).optional(),
    planCode: PlanCodeSchema.optional(),
    defaultCurrency: CurrencyCodeSchema.optional(),
    defaultLocale: LocaleSchema.optional(),
    locales: LocalesSchema.optional(),
  })
  .refine((t) => Object.values(t).some((v) => v !== undefined), 'must change at least one field');
export type UpdateTenantInput = z.output<typeof UpdateTenantSchema>;
