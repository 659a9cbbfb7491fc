import { Inject, Injectable } from '@nestjs/common';
import { type Clock, CLOCK } from '@haat/common';
import type { PaymentMethod } from '@haat/contracts';
import type { Database } from '@haat/database';
import { DATABASE } from '@haat/service';
import type { TenantContext } from '@haat/tenant';
import { CredentialCipher } from '../../infrastructure/crypto/credential.cipher.js';
import type { GatewayAccount } from '../../infrastructure/gateways/payment-gateway.js';
import { PaymentGateways } from '../../infrastructure/gateways/payment-gateways.js';
import { PublicUrls } from '../../infrastructure/http/public-urls.js';
import { accountNotFound, credentialsInvalid } from './accounts.errors.js';
import { AccountsRepository } from './accounts.repository.js';
import type { ProviderAccountRow } from './accounts.schema.js';
import type { AccountView, PutAccountInput } from './dto/account.dto.js';

const associatedData = (tenantId: string, provider: string) => `${tenantId}|${provider}`;
/** How long an opened account is reused (webhook bursts); other instances see changes after this. */
const OPEN_ACCOUNT_TTL_MS = 30_000;

/**
 * Tenants' provider accounts: credentials validated by the provider's schema, sealed with
 * AES-256-GCM bound to tenant and provider, opened when needed and kept in memory for 30 s
 * (keyed by tenant and provider, dropped on every change) so webhook bursts do not reopen them.
 */
@Injectable()
export class AccountsService {
  private readonly opened = new Map<string, { account: GatewayAccount | undefined; expiresAt: number }>();

  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly repo: AccountsRepository,
    private readonly cipher: CredentialCipher,
    private readonly gateways: PaymentGateways,
    private readonly urls: PublicUrls,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async put(ctx: TenantContext, provider: PaymentMethod, input: PutAccountInput): Promise<AccountView> {
    const parsed = this.gateways.of(provider).credentialsSchema.safeParse(input.credentials);
    if (!parsed.success) throw credentialsInvalid(provider, parsed.error);
    const now = this.clock.now();
    const row = await this.database.withTenant(ctx.tenantId, (tx) =>
      this.repo.upsert(tx, {
        tenantId: ctx.tenantId,
        provider,
        mode: input.mode,
        enabled: input.enabled,
        sealedCredentials: this.cipher.encrypt(
          JSON.stringify(parsed.data),
          associatedData(ctx.tenantId, provider),
        ),
        keyId: this.cipher.keyId,
        createdAt: now,
        updatedAt: now,
      }),
    );
    this.opened.delete(associatedData(ctx.tenantId, provider));
    return this.view(row, Object.keys(parsed.data as object));
  }

  async list(ctx: TenantContext): Promise<AccountView[]> {
    const rows = await this.database.withTenant(ctx.tenantId, (tx) => this.repo.list(tx, ctx.tenantId));
    return rows.map((row) => this.view(row, Object.keys(this.open(row) as object)));
  }

  async remove(ctx: TenantContext, provider: PaymentMethod): Promise<void> {
    const removed = await this.database.withTenant(ctx.tenantId, (tx) =>
      this.repo.remove(tx, ctx.tenantId, provider),
    );
    this.opened.delete(associatedData(ctx.tenantId, provider));
    if (!removed) throw accountNotFound(provider);
  }

  /**
   * The tenant's enabled account with `provider`, decrypted, or undefined. Cash on delivery needs
   * no account: it is on unless the tenant stored a disabled one.
   */
  async resolve(tenantId: string, provider: PaymentMethod): Promise<GatewayAccount | undefined> {
    const key = associatedData(tenantId, provider);
    const cached = this.opened.get(key);
    const now = this.clock.now().getTime();
    if (cached && cached.expiresAt > now) return cached.account;
    const account = await this.load(tenantId, provider);
    this.opened.set(key, { account, expiresAt: now + OPEN_ACCOUNT_TTL_MS });
    return account;
  }

  private async load(tenantId: string, provider: PaymentMethod): Promise<GatewayAccount | undefined> {
    const row = await this.database.withTenant(tenantId, (tx) => this.repo.find(tx, tenantId, provider));
    if (!row) return provider === 'cod' ? { tenantId, provider, mode: 'live', credentials: {} } : undefined;
    if (!row.enabled) return undefined;
    return { tenantId, provider, mode: row.mode, credentials: this.open(row) };
  }

  private open(row: ProviderAccountRow): unknown {
    const json = this.cipher.decrypt(row.sealedCredentials, associatedData(row.tenantId, row.provider));
    return this.gateways.of(row.provider).credentialsSchema.parse(JSON.parse(json));
  }

  private view(row: ProviderAccountRow, fields: string[]): AccountView {
    return {
      provider: row.provider,
      mode: row.mode,
      enabled: row.enabled,
      configuredFields: fields.sort(),
      webhookPath: this.urls.webhookPath(row.tenantId, row.provider),
      updatedAt: row.updatedAt.toISOString(),
    };
  }
}
