import { Inject, Injectable } from '@nestjs/common';
import { hasPermission } from '@haat/auth';
import {
  type Clock,
  decodeCursor,
  ForbiddenError,
  newId,
  NotFoundError,
  toPage,
  ValidationError,
} from '@haat/common';
import { AuthApiTokenRevokedV1, type IntrospectApiTokenResponse } from '@haat/contracts';
import type { Database } from '@haat/database';
import { addToOutbox } from '@haat/messaging';
import { DATABASE } from '@haat/service';
import type { RequestContext } from '@haat/tenant';
import { z } from 'zod';
import { publicTenant } from '../../infrastructure/account-space.js';
import { AUTH_CLOCK } from '../../infrastructure/auth-clock.js';
import { authEvent } from '../../infrastructure/auth-event.js';
import { sameHex, sha256Hex } from '../../infrastructure/crypto/opaque-token.js';
import { AccountsRepository } from '../accounts/accounts.repository.js';
import { PermissionResolver } from '../roles/permission.resolver.js';
import { assertGrantable } from '../roles/roles-admin.service.js';
import { ROLE_ERRORS } from '../roles/roles.errors.js';
import type { ApiTokenRow } from './api-tokens.schema.js';
import { ApiTokensRepository } from './api-tokens.repository.js';
import { newApiToken, parseApiToken } from './api-token.format.js';
import type { CreateApiTokenInput } from './dto/api-tokens.dto.js';

/** The role the gateway forwards for a request made with an API token (it grants nothing itself). */
export const API_TOKEN_ROLE = 'api_token';
const MAX_CACHE_SECONDS = 60;
const TOUCH_EVERY_MS = 60_000;
const DAY_MS = 86_400_000;
const TokenCursorSchema = z.object({ id: z.string().uuid() });

export const API_TOKEN_ERRORS = { notFound: 'AUTH_API_TOKEN_NOT_FOUND' } as const;

/**
 * Integrators' tokens: a subset of the creator's permissions (optionally one vendor's), shown
 * once, SHA-256 at rest, expiring and revocable. A token never does more than its creator can
 * do now: introspection intersects its scopes with the creator's current permissions.
 */
@Injectable()
export class ApiTokensService {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly repository: ApiTokensRepository,
    private readonly accounts: AccountsRepository,
    private readonly resolver: PermissionResolver,
    @Inject(AUTH_CLOCK) private readonly clock: Clock,
  ) {}

  async create(ctx: RequestContext, space: string, accountId: string, input: CreateApiTokenInput) {
    assertGrantable(ctx.permissions, input.permissions);
    return this.database.withTenant(space, async (tx) => {
      const principal = await this.resolver.resolve(space, accountId, tx);
      const vendorId = this.vendorFor(ctx, principal.vendors, input.vendorId);
      const now = this.clock.now();
      const id = newId();
      const { token, secret } = newApiToken(space, id);
      const row = await this.repository.insert(tx, {
        id,
        tenantId: space,
        accountId,
        name: input.name,
        permissions: input.permissions,
        vendorId,
        secretHash: sha256Hex(secret),
        hint: token.slice(0, 12),
        createdAt: now,
        expiresAt: new Date(now.getTime() + input.expiresInDays * DAY_MS),
      });
      return { ...toView(row), token };
    });
  }

  async list(space: string, accountId: string, query: { limit: number; cursor?: string | undefined }) {
    const after = decodeCursor(query.cursor, TokenCursorSchema);
    const rows = await this.database.withTenant(space, (tx) =>
      this.repository.listOwn(tx, space, accountId, query.limit, after?.id),
    );
    return toPage(rows, query.limit, (r) => ({ id: r.id }), toView);
  }

  async revoke(ctx: RequestContext, space: string, accountId: string, id: string): Promise<void> {
    await this.database.withTenant(space, async (tx) => {
      const now = this.clock.now();
      const row = await this.repository.revoke(tx, space, accountId, id, now);
      if (!row) throw new NotFoundError(API_TOKEN_ERRORS.notFound, 'No such active API token', { id });
      await addToOutbox(
        tx,
        authEvent(AuthApiTokenRevokedV1, ctx, space, 'api-token', id, {
          tokenId: id,
          revokedAt: now.toISOString(),
        }),
      );
    });
  }

  /** For the gateway: is this token good now, and what may it do. Anything wrong is `active: false`. */
  async introspect(token: string): Promise<IntrospectApiTokenResponse> {
    const parts = parseApiToken(token);
    if (!parts) return { active: false };
    return this.database.withTenant(parts.space, async (tx) => {
      const now = this.clock.now();
      const row = await this.repository.find(tx, parts.space, parts.tokenId);
      if (!row || !sameHex(row.secretHash, sha256Hex(parts.secret))) return { active: false };
      if (row.revokedAt || row.expiresAt.getTime() <= now.getTime()) return { active: false };
      const account = await this.accounts.findById(tx, parts.space, row.accountId);
      if (!account || account.status !== 'active') return { active: false };
      const principal = await this.resolver.resolve(parts.space, row.accountId, tx);
      if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
        await this.repository.touch(tx, parts.space, row.id, now);
      }
      return {
        active: true,
        tokenId: row.id,
        tenantId: publicTenant(parts.space),
        accountId: row.accountId,
        roles: [API_TOKEN_ROLE],
        permissions: row.permissions.filter((p) => hasPermission(principal.permissions, p)),
        vendors: row.vendorId ? [row.vendorId] : [],
        expiresAt: row.expiresAt.toISOString(),
        cacheSeconds: Math.max(
          0,
          Math.min(MAX_CACHE_SECONDS, Math.floor((row.expiresAt.getTime() - now.getTime()) / 1000)),
        ),
      };
    });
  }

  /**
   * The vendor a token is confined to. Tenant administrators may name any vendor or none;
   * someone who works for vendors only must name one of theirs (or has it chosen when they
   * work for exactly one).
   */
  private vendorFor(
    ctx: RequestContext,
    callerVendors: readonly string[],
    requested: string | undefined,
  ): string | null {
    const tenantAdmin = hasPermission(ctx.permissions, 'user:update');
    if (requested) {
      if (!tenantAdmin && !callerVendors.includes(requested)) {
        throw new ForbiddenError(ROLE_ERRORS.vendorScopeDenied, 'You do not act for this vendor', {
          vendorId: requested,
        });
      }
      return requested;
    }
    if (tenantAdmin || callerVendors.length === 0) return null;
    if (callerVendors.length === 1) return callerVendors[0] ?? null;
    throw new ValidationError(
      ROLE_ERRORS.vendorRequired,
      'Invalid body: vendorId: name the vendor this token is for',
      {
        in: 'body',
        fields: [{ field: 'vendorId', message: 'name the vendor this token is for', code: 'custom' }],
      },
    );
  }
}

function toView(r: ApiTokenRow) {
  return {
    id: r.id,
    name: r.name,
    permissions: r.permissions,
    vendorId: r.vendorId,
    hint: r.hint,
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
  };
}
