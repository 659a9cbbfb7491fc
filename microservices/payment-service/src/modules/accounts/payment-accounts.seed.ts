import type { INestApplication } from '@nestjs/common';
import type { PaymentMethod } from '@haat/contracts';
import { systemContext, type TenantContext } from '@haat/tenant';
import { AccountsService } from './accounts.service.js';

/**
 * Stores sandbox credentials for a tenant (the embedded demo points them at the provider fakes
 * of `@haat/testing`): `seedPaymentAccounts(running.app, tenantId, sandboxes.accountsFor('demo'))`.
 */
export async function seedPaymentAccounts(
  app: INestApplication,
  tenantId: string,
  accounts: Partial<Record<PaymentMethod, Record<string, unknown>>>,
): Promise<void> {
  const service = app.get(AccountsService, { strict: false });
  const ctx = systemContext('seed-payment-accounts', tenantId) as TenantContext;
  for (const [provider, credentials] of Object.entries(accounts) as [
    PaymentMethod,
    Record<string, unknown>,
  ][]) {
    await service.put(ctx, provider, { mode: 'sandbox', enabled: true, credentials });
  }
}
