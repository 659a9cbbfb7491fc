import { Inject, Injectable } from '@nestjs/common';
import { type Clock, ConflictError, newId, NotFoundError } from '@haat/common';
import {
  AuthAccountRegisteredV1,
  AuthEmailVerificationRequestedV1,
  AuthPasswordResetRequestedV1,
} from '@haat/contracts';
import { isUniqueViolation, type Tx } from '@haat/database';
import { addToOutbox, type EnvelopeContext } from '@haat/messaging';
import { SERVICE_CONFIG } from '@haat/service';
import type { AuthServiceConfig } from '../../config/auth-service.config.js';
import { AUTH_CLOCK } from '../../infrastructure/auth-clock.js';
import { authEvent } from '../../infrastructure/auth-event.js';
import { randomSecret, sha256Hex } from '../../infrastructure/crypto/opaque-token.js';
import { ACCOUNT_ERRORS } from './accounts.errors.js';
import { AccountsRepository } from './accounts.repository.js';
import type { AccountRow } from './accounts.schema.js';
import { type Account, type Grant, toAccount } from './dto/account.dto.js';

export interface NewAccount {
  email?: string | null;
  emailVerified?: boolean;
  phone?: string | null;
  phoneVerified?: boolean;
  displayName?: string | null;
  passwordHash?: string | null;
  grants: readonly Grant[];
  method: 'password' | 'otp' | 'google' | 'facebook' | 'invitation' | 'seed';
  grantedBy?: string | null;
}

/** Accounts of one space: creating them with their roles, reading them, and their email links. */
@Injectable()
export class AccountsService {
  constructor(
    private readonly repository: AccountsRepository,
    @Inject(AUTH_CLOCK) private readonly clock: Clock,
    @Inject(SERVICE_CONFIG) private readonly config: AuthServiceConfig,
  ) {}

  /**
   * Creates an account with its grants and announces it. A duplicate email or phone in the
   * space is a 409 (the unique indexes decide between concurrent registrations).
   */
  async create(ctx: EnvelopeContext, space: string, input: NewAccount, tx: Tx): Promise<AccountRow> {
    const now = this.clock.now();
    let row: AccountRow;
    try {
      // A savepoint, so a duplicate leaves the caller's transaction usable.
      row = await tx.transaction((sp) =>
        this.repository.insert(sp, {
          id: newId(),
          tenantId: space,
          email: input.email ?? null,
          emailVerifiedAt: input.email && input.emailVerified ? now : null,
          phone: input.phone ?? null,
          phoneVerifiedAt: input.phone && input.phoneVerified ? now : null,
          displayName: input.displayName ?? null,
          passwordHash: input.passwordHash ?? null,
          passwordChangedAt: input.passwordHash ? now : null,
          createdAt: now,
          updatedAt: now,
        }),
      );
    } catch (err) {
      if (isUniqueViolation(err, 'accounts_tenant_email_uq')) {
        throw new ConflictError(ACCOUNT_ERRORS.emailTaken, 'An account with this email already exists');
      }
      if (isUniqueViolation(err, 'accounts_tenant_phone_uq')) {
        throw new ConflictError(
          ACCOUNT_ERRORS.phoneTaken,
          'An account with this phone number already exists',
        );
      }
      throw err;
    }
    for (const g of input.grants) {
      await this.repository.grant(tx, {
        tenantId: space,
        accountId: row.id,
        role: g.role,
        scope: g.scope,
        grantedAt: now,
        grantedBy: input.grantedBy ?? null,
      });
    }
    await addToOutbox(
      tx,
      authEvent(AuthAccountRegisteredV1, ctx, space, 'account', row.id, {
        accountId: row.id,
        email: row.email,
        phone: row.phone,
        displayName: row.displayName,
        roles: [...new Set(input.grants.map((g) => g.role))],
        method: input.method,
      }),
    );
    return row;
  }

  async get(space: string, id: string, tx: Tx): Promise<Account> {
    const row = await this.repository.findById(tx, space, id);
    if (!row) throw new NotFoundError(ACCOUNT_ERRORS.notFound, 'No such account', { id });
    return toAccount(row, await this.repository.grantsOf(tx, space, [id]));
  }

  async describe(space: string, row: AccountRow, tx: Tx): Promise<Account> {
    return toAccount(row, await this.repository.grantsOf(tx, space, [row.id]));
  }

  /** A new single-use email-verification link (earlier ones stop working), sent by event. */
  async requestEmailVerification(ctx: EnvelopeContext, space: string, account: AccountRow, tx: Tx) {
    if (!account.email) return;
    const { token, expiresAt } = await this.issueToken(
      space,
      account.id,
      'email-verification',
      this.config.AUTH_EMAIL_TOKEN_TTL,
      tx,
    );
    await addToOutbox(
      tx,
      authEvent(AuthEmailVerificationRequestedV1, ctx, space, 'account', account.id, {
        accountId: account.id,
        email: account.email,
        token,
        expiresAt: expiresAt.toISOString(),
      }),
    );
  }

  /** A new single-use password link: a reset, or an invitation to set a first password. */
  async requestPasswordLink(
    ctx: EnvelopeContext,
    space: string,
    account: AccountRow,
    reason: 'forgot' | 'invitation',
    tx: Tx,
  ) {
    if (!account.email) return;
    const ttl = reason === 'invitation' ? this.config.AUTH_EMAIL_TOKEN_TTL : this.config.AUTH_RESET_TOKEN_TTL;
    const { token, expiresAt } = await this.issueToken(space, account.id, 'password-reset', ttl, tx);
    await addToOutbox(
      tx,
      authEvent(AuthPasswordResetRequestedV1, ctx, space, 'account', account.id, {
        accountId: account.id,
        email: account.email,
        token,
        expiresAt: expiresAt.toISOString(),
        reason,
      }),
    );
  }

  private async issueToken(
    space: string,
    accountId: string,
    purpose: 'email-verification' | 'password-reset',
    ttlMs: number,
    tx: Tx,
  ) {
    const now = this.clock.now();
    await this.repository.invalidateOneTimeTokens(tx, space, accountId, purpose, now);
    const token = randomSecret();
    const expiresAt = new Date(now.getTime() + ttlMs);
    await this.repository.insertOneTimeToken(tx, {
      id: newId(),
      tenantId: space,
      accountId,
      purpose,
      tokenHash: sha256Hex(token),
      expiresAt,
      createdAt: now,
    });
    return { token, expiresAt };
  }
}
