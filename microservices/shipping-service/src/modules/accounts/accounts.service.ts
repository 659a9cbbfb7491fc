import { Inject, Injectable } from '@nestjs/common';
import { type Clock, CLOCK, newId } from '@haat/common';
import type { Database, Tx } from '@haat/database';
import { DATABASE } from '@haat/service';
import type { TenantContext } from '@haat/tenant';
import type { CourierAccount } from '../../infrastructure/couriers/courier-account.js';
import { CourierGateways } from '../../infrastructure/couriers/courier-gateways.js';
import { courierAccountNotFound, noCourierAccount } from './accounts.errors.js';
import { AccountsRepository } from './accounts.repository.js';
import type { CourierAccountRow } from './accounts.schema.js';
import { CourierAccountVault } from './courier-account.vault.js';
import type { CourierAccountView, SaveCourierAccount } from './dto/courier-account.dto.js';

/** Courier accounts per tenant and vendor: credentials sealed at rest, opened only to call the courier. */
@Injectable()
export class AccountsService {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly repo: AccountsRepository,
    private readonly vault: CourierAccountVault,
    private readonly gateways: CourierGateways,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async save(ctx: TenantContext, input: SaveCourierAccount): Promise<CourierAccountView> {
    const now = this.clock.now();
    const row = await this.database.withTenant(ctx.tenantId, async (tx) => {
      const existing = (await this.repo.list(tx, ctx.tenantId)).find(
        (a) => a.courier === input.courier && a.vendorId === input.vendorId,
      );
      const id = existing?.id ?? newId();
      return this.repo.upsert(tx, {
        id,
        tenantId: ctx.tenantId,
        vendorId: input.vendorId,
        courier: input.courier,
        enabled: input.enabled,
        priority: input.priority,
        sealedCredentials: this.vault.seal(ctx.tenantId, id, input.credentials),
        keyId: this.vault.keyId,
        settings: input.settings,
        createdAt: now,
        updatedAt: now,
      });
    });
    this.gateways.pathaoTokens.drop(row.id);
    return this.toView(row, Object.keys(input.credentials));
  }

  async list(ctx: TenantContext): Promise<CourierAccountView[]> {
    const rows = await this.database.withTenant(ctx.tenantId, (tx) => this.repo.list(tx, ctx.tenantId));
    return rows.map((r) => this.toView(r, Object.keys(this.vault.open(r).credentials)));
  }

  async remove(ctx: TenantContext, id: string): Promise<void> {
    const gone = await this.database.withTenant(ctx.tenantId, (tx) => this.repo.remove(tx, ctx.tenantId, id));
    if (!gone) throw courierAccountNotFound(id);
    this.gateways.pathaoTokens.drop(id);
  }

  /** The account, opened; 404 for another tenant's or a missing one. */
  async open(ctx: TenantContext, id: string): Promise<CourierAccount> {
    const row = await this.database.withTenant(ctx.tenantId, (tx) => this.repo.find(tx, ctx.tenantId, id));
    if (!row) throw courierAccountNotFound(id);
    return this.vault.open(row);
  }

  /** The account in `tx`, opened, or undefined. */
  async openIn(tx: Tx, tenantId: string, id: string): Promise<CourierAccount | undefined> {
    const row = await this.repo.find(tx, tenantId, id);
    return row ? this.vault.open(row) : undefined;
  }

  /** The account that ships for the vendor (its own first, then the tenant's); 422 when none. */
  async forVendor(tx: Tx, tenantId: string, vendorId: string): Promise<CourierAccount> {
    const [row] = await this.repo.forVendor(tx, tenantId, vendorId);
    if (!row) throw noCourierAccount(vendorId);
    return this.vault.open(row);
  }

  /** Like `forVendor`, or undefined when no account ships for the vendor. */
  async findForVendor(tx: Tx, tenantId: string, vendorId: string): Promise<CourierAccount | undefined> {
    const [row] = await this.repo.forVendor(tx, tenantId, vendorId);
    return row ? this.vault.open(row) : undefined;
  }

  private toView(row: CourierAccountRow, credentialFields: string[]): CourierAccountView {
    return {
      id: row.id,
      courier: row.courier,
      vendorId: row.vendorId,
      enabled: row.enabled,
      priority: row.priority,
      settings: row.settings,
      credentialFields: credentialFields.sort(),
      webhookPath: `/api/v1/shipping/webhooks/${row.courier}/${row.tenantId}/${row.id}`,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  }
}
