/** The one password of every demo account (embedded demo mode only; documented in the README). */
export const DEMO_PASSWORD = 'haat-demo-pass-2026';

/** The demo marketplace's two vendors (vendor-service seeds them with these ids). */
export const DEMO_VENDOR_IDS = [
  '01960000-0000-7000-8000-00000000a001',
  '01960000-0000-7000-8000-00000000a002',
] as const;

/** The demo accounts' emails. The operator is a platform account; the others belong to the demo tenant. */
export const DEMO_EMAILS = {
  operator: 'operator@haat.local',
  tenantOwner: 'owner@demo.haat.local',
  vendor1Owner: 'vendor1.owner@demo.haat.local',
  vendor1Staff: 'vendor1.staff@demo.haat.local',
  vendor2Owner: 'vendor2.owner@demo.haat.local',
  vendor2Staff: 'vendor2.staff@demo.haat.local',
  customer: 'customer@demo.haat.local',
} as const;

export const DEMO_CUSTOMER_PHONE = '+8801700000001';
