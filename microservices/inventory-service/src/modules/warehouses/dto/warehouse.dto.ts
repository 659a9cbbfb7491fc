import { IdSchema, pageSchema } from '@haat/common';
import { z } from 'zod';
import type { WarehouseRow } from '../warehouses.schema.js';

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const WarehouseAddressSchema = z.strictObject({
  line1: z.string().trim().min(1).max(200),
  line2: optionalText(200),
  city: z.string().trim().min(1).max(100),
  region: optionalText(100),
  postalCode: optionalText(20),
  country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as BD'),
});

export const WarehouseLocationSchema = z.strictObject({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
});

export const WarehouseCodeSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/, 'must be 1–40 letters, digits, "_" or "-"');

/** A warehouse as the API shows it. */
export const WarehouseSchema = z.object({
  id: z.string().uuid(),
  code: z.string(),
  name: z.string(),
  /** The owning vendor; null for the marketplace's own warehouse. */
  vendorId: z.string().uuid().nullable(),
  address: z.object({
    line1: z.string(),
    line2: z.string().nullable(),
    city: z.string(),
    region: z.string().nullable(),
    postalCode: z.string().nullable(),
    country: z.string(),
  }),
  location: z.object({ latitude: z.number(), longitude: z.number() }).nullable(),
  active: z.boolean(),
  createdAt: z.string().datetime(),
  updatedAt: z.string().datetime(),
});
export type Warehouse = z.infer<typeof WarehouseSchema>;
export const WarehousePageSchema = pageSchema(WarehouseSchema);

export const WarehouseIdParamsSchema = z.strictObject({ id: IdSchema });

export function toWarehouse(row: WarehouseRow): Warehouse {
  const a = row.address;
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    vendorId: row.vendorId,
    address: {
      line1: a.line1,
      line2: a.line2 ?? null,
      city: a.city,
      region: a.region ?? null,
      postalCode: a.postalCode ?? null,
      country: a.country,
    },
    location:
      row.latitude !== null && row.longitude !== null
        ? { latitude: row.latitude, longitude: row.longitude }
        : null,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
