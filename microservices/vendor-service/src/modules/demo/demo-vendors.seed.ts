import type { INestApplicationContext } from '@nestjs/common';
import { newId } from '@haat/common';
import { isUniqueViolation } from '@haat/database';
import { derivedId } from '../../infrastructure/db/derived-id.js';
import { systemContext, type TenantContext } from '@haat/tenant';
import { CommissionRulesService } from '../commissions/commission-rules.service.js';
import type { ApplyVendorInput } from '../vendors/dto/apply-vendor.dto.js';
import { DemoVendorsSeeder } from '../vendors/demo-vendors.seeder.js';

/** The demo marketplace's vendors; auth-service seeds their owners and staff with these ids. */
export const DEMO_VENDORS: readonly (ApplyVendorInput & { id: string })[] = [
  {
    id: '01960000-0000-7000-8000-00000000a001',
    legalName: 'Dhaka Craft House',
    ownerName: 'Rahim Uddin',
    businessType: 'individual',
    contactEmail: 'vendor1.owner@demo.haat.local',
    contactPhone: '01711000001',
    address: {
      line1: 'House 12, Road 5, Dhanmondi',
      city: 'Dhaka',
      district: 'Dhaka',
      postcode: '1205',
      country: 'BD',
    },
    store: { name: 'Dhaka Craft House', slug: 'dhaka-craft-house' },
  },
  {
    id: '01960000-0000-7000-8000-00000000a002',
    legalName: 'Chittagong Tea Traders Ltd',
    ownerName: 'Ayesha Khatun',
    businessType: 'company',
    contactEmail: 'vendor2.owner@demo.haat.local',
    contactPhone: '01811000002',
    address: {
      line1: '45 Agrabad C/A',
      city: 'Chattogram',
      district: 'Chattogram',
      postcode: '4100',
      country: 'BD',
    },
    store: { name: 'Chittagong Tea Traders', slug: 'ctg-tea-traders' },
  },
];

/**
 * Seeds the demo marketplace: its two vendors, approved (announced with `vendor.approved.v1`),
 * and a 10 % default commission rule. Safe to run again. Pass the running vendor-service.
 */
export async function seedDemoVendors(
  app: INestApplicationContext,
  options: { tenantId: string },
): Promise<{ vendorIds: string[] }> {
  const ctx = systemContext(`seed-demo-vendors-${newId()}`, options.tenantId) as TenantContext;
  const seeder = app.get(DemoVendorsSeeder, { strict: false });
  for (const { id, ...input } of DEMO_VENDORS) await seeder.ensureApproved(ctx, id, input);
  const rules = app.get(CommissionRulesService, { strict: false });
  const defaults = await rules.list(ctx, { level: 'default', limit: 1 });
  if (defaults.items.length === 0) {
    try {
      await rules.create(
        ctx,
        {
          level: 'default',
          currency: 'BDT',
          percentBps: 1000,
          effectiveFrom: '2026-01-01T00:00:00Z',
          note: 'Demo marketplace default: 10 %',
        },
        { id: derivedId('haat-demo-default-commission', options.tenantId) },
      );
    } catch (err) {
      // A racing seeder created it first.
      if (!isUniqueViolation(err)) throw err;
    }
  }
  return { vendorIds: DEMO_VENDORS.map((v) => v.id) };
}
