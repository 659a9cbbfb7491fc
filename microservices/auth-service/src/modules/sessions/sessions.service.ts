import { Inject, Injectable } from '@nestjs/common';
import {
  type Clock,
  decodeCursor,
  ForbiddenError,
  newId,
  NotFoundError,
  type Page,
  toPage,
  UnauthorizedError,
} from '@haat/common';
import { AuthNewDeviceSignedInV1, AuthSessionRevokedV1, type SignInMethod } from '@haat/contracts';
import type { Database, Tx } from '@haat/database';
import { addToOutbox, type EnvelopeContext } from '@haat/messaging';
import { DATABASE, SERVICE_CONFIG } from '@haat/service';
import { z } from 'zod';
import type { AuthServiceConfig } from '../../config/auth-service.config.js';
import { AUTH_CLOCK } from '../../infrastructure/auth-clock.js';
import { authEvent } from '../../infrastructure/auth-event.js';
import { randomSecret, sha256Hex } from '../../infrastructure/crypto/opaque-token.js';
import type { ClientInfo } from '../../infrastructure/http/client-info.js';
import { ACCOUNT_ERRORS } from '../accounts/accounts.errors.js';
import { AccountsRepository } from '../accounts/accounts.repository.js';
import type { AccountRow } from '../accounts/accounts.schema.js';
import { PermissionResolver } from '../roles/permission.resolver.js';
import { AccessTokenIssuer } from '../tokens/access-token.issuer.js';
import { VERIFY_SKEW_MS } from '../tokens/signing-key.store.js';
import type { SessionClient, SessionRow } from './sessions.schema.js';
import { SESSION_ERRORS } from './sessions.errors.js';
import { SessionsRepository } from './sessions.repository.js';

export type RevokeReason = z.infer<typeof AuthSessionRevokedV1.schema>['reason'];

export interface SignInOptions {
  method: SignInMethod;
  client: SessionClient;
  device?: { id?: string | undefined; name?: string | undefined } | undefined;
  from: ClientInfo;
}

/** A signed-in session: the tokens to hand to the client. */
export interface SignedIn {
  accountId: string;
  sessionId: string;
  client: SessionClient;
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
}

const REFRESH_TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;
const SessionCursorSchema = z.object({ id: z.string().uuid() });

/**
 * Sessions and their tokens: sign-in, refresh-token rotation with reuse detection, sign-out,
 * and revocation (announced so the gateway refuses the session's access tokens at once).
 */
@Injectable()
export class SessionsService {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly repository: SessionsRepository,
    private readonly accounts: AccountsRepository,
    private readonly permissions: PermissionResolver,
    private readonly issuer: AccessTokenIssuer,
    @Inject(AUTH_CLOCK) private readonly clock: Clock,
    @Inject(SERVICE_CONFIG) private readonly config: AuthServiceConfig,
  ) {}

  /**
   * Starts a session for an account that just proved who it is, in the caller's transaction;
   * a device the account never used before is announced.
   */
  async start(
    ctx: EnvelopeContext,
    space: string,
    account: AccountRow,
    options: SignInOptions,
    tx: Tx,
  ): Promise<SignedIn> {
    if (account.status !== 'active') {
      throw new ForbiddenError(ACCOUNT_ERRORS.disabled, 'This account is disabled');
    }
    const now = this.clock.now();
    const deviceKey = sha256Hex(
      options.device?.id ? `id:${options.device.id}` : `ua:${options.from.userAgent ?? ''}`,
    );
    const session = await this.repository.insertSession(tx, {
      id: newId(),
      tenantId: space,
      accountId: account.id,
      client: options.client,
      method: options.method,
      deviceKey,
      deviceName: options.device?.name ?? null,
      userAgent: options.from.userAgent,
      ip: options.from.ip,
      firstSeenAt: now,
      lastSeenAt: now,
    });
    const device = await this.repository.touchDevice(tx, space, account.id, deviceKey, now);
    if (!device.known && device.otherDevices > 0) {
      await addToOutbox(
        tx,
        authEvent(AuthNewDeviceSignedInV1, ctx, space, 'account', account.id, {
          accountId: account.id,
          sessionId: session.id,
          method: options.method,
          deviceName: session.deviceName,
          userAgent: session.userAgent,
          ip: session.ip,
          signedInAt: now.toISOString(),
        }),
      );
    }
    return this.issue(space, account.id, session, tx);
  }

  /**
   * Trades a refresh token for a new pair. The token is locked, so of two concurrent uses one
   * rotates it and the other finds it rotated: a rotated token presented again means it was
   * copied, so the whole session (its token family) is revoked and announced.
   */
  async refresh(
    ctx: EnvelopeContext,
    space: string,
    refreshToken: string,
    from: ClientInfo,
  ): Promise<SignedIn> {
    if (!REFRESH_TOKEN_FORMAT.test(refreshToken)) throw invalidRefresh();
    const outcome = await this.database.withTenant(space, async (tx) => {
      const now = this.clock.now();
      const token = await this.repository.lockRefreshToken(tx, space, sha256Hex(refreshToken));
      if (!token) return { error: invalidRefresh() } as const;
      const session = await this.repository.findSession(tx, space, token.sessionId);
      if (!session || session.revokedAt || token.status === 'revoked') {
        return {
          error: new UnauthorizedError(
            SESSION_ERRORS.sessionRevoked,
            'This session has ended; sign in again',
          ),
        } as const;
      }
      if (token.status === 'rotated') {
        await this.revokeInTx(ctx, space, session.id, 'refresh-token-reuse', tx);
        return {
          error: new UnauthorizedError(
            SESSION_ERRORS.refreshReused,
            'This refresh token was already used; the session has been ended for safety',
          ),
        } as const;
      }
      if (token.expiresAt.getTime() <= now.getTime()) {
        return {
          error: new UnauthorizedError(SESSION_ERRORS.refreshExpired, 'The session expired; sign in again'),
        } as const;
      }
      const account = await this.accounts.findById(tx, space, session.accountId);
      if (!account || account.status !== 'active') {
        await this.revokeInTx(ctx, space, session.id, 'account-secured', tx);
        return { error: new ForbiddenError(ACCOUNT_ERRORS.disabled, 'This account is disabled') } as const;
      }
      await this.repository.markRotated(tx, space, token.id, now);
      await this.repository.touchSession(tx, space, session.id, { at: now, ...from });
      return { signedIn: await this.issue(space, account.id, session, tx) } as const;
    });
    // The revocation above must commit: answer the error only after the transaction.
    if ('error' in outcome) throw outcome.error;
    return outcome.signedIn;
  }

  /** Ends the session of a refresh token (sign-out). Unknown or ended tokens are fine: already out. */
  async signOut(ctx: EnvelopeContext, space: string, refreshToken: string): Promise<void> {
    if (!REFRESH_TOKEN_FORMAT.test(refreshToken)) return;
    await this.database.withTenant(space, async (tx) => {
      const token = await this.repository.lockRefreshToken(tx, space, sha256Hex(refreshToken));
      if (token) await this.revokeInTx(ctx, space, token.sessionId, 'sign-out', tx);
    });
  }

  async list(space: string, accountId: string, query: { limit: number; cursor?: string | undefined }) {
    const after = decodeCursor(query.cursor, SessionCursorSchema);
    const rows = await this.database.withTenant(space, (tx) =>
      this.repository.listLive(tx, space, accountId, query.limit, after?.id),
    );
    return toPage(rows, query.limit, (r) => ({ id: r.id }), toSession);
  }

  /** Ends one of the account's own sessions. */
  async revokeOwn(ctx: EnvelopeContext, space: string, accountId: string, sessionId: string): Promise<void> {
    await this.database.withTenant(space, async (tx) => {
      const session = await this.repository.findSession(tx, space, sessionId);
      if (!session || session.accountId !== accountId || session.revokedAt) {
        throw new NotFoundError(SESSION_ERRORS.sessionNotFound, 'No such session', { id: sessionId });
      }
      await this.revokeInTx(ctx, space, sessionId, 'revoked-by-user', tx);
    });
  }

  /** Ends every other live session of the account; answers how many. */
  async revokeOthers(
    ctx: EnvelopeContext,
    space: string,
    accountId: string,
    keepSessionId: string,
  ): Promise<number> {
    return this.database.withTenant(space, async (tx) => {
      const live = await this.repository.liveSessions(tx, space, accountId);
      if (!live.some((s) => s.id === keepSessionId)) {
        throw new NotFoundError(SESSION_ERRORS.sessionNotFound, 'No such session', { id: keepSessionId });
      }
      return this.revokeAllInTx(ctx, space, accountId, 'revoked-other-sessions', tx, keepSessionId);
    });
  }

  /** Ends every live session of the account (password reset, secured account), in the caller's transaction. */
  async revokeAllInTx(
    ctx: EnvelopeContext,
    space: string,
    accountId: string,
    reason: RevokeReason,
    tx: Tx,
    exceptSessionId?: string,
  ): Promise<number> {
    const live = await this.repository.liveSessions(tx, space, accountId);
    let n = 0;
    for (const s of live) {
      if (s.id !== exceptSessionId && (await this.revokeInTx(ctx, space, s.id, reason, tx))) n++;
    }
    return n;
  }

  /** Revocations the gateway must still honour: sessions ended since `since`. */
  async revocationsSince(since: Date) {
    const rows = await this.repository.revocationsSince(this.database.db, since, this.clock.now());
    return {
      items: rows.map((r) => ({
        sessionId: r.sessionId,
        revokedAt: r.revokedAt.toISOString(),
        accessTokensValidUntil: r.accessTokensValidUntil.toISOString(),
      })),
    };
  }

  private async revokeInTx(
    ctx: EnvelopeContext,
    space: string,
    sessionId: string,
    reason: RevokeReason,
    tx: Tx,
  ): Promise<boolean> {
    const now = this.clock.now();
    const session = await this.repository.revokeSession(tx, space, sessionId, reason, now);
    if (!session) return false;
    const accessTokensValidUntil = new Date(
      now.getTime() + this.config.AUTH_ACCESS_TOKEN_TTL + VERIFY_SKEW_MS,
    );
    await this.repository.insertRevocation(tx, {
      sessionId,
      tenantId: space,
      revokedAt: now,
      accessTokensValidUntil,
    });
    await addToOutbox(
      tx,
      authEvent(AuthSessionRevokedV1, ctx, space, 'session', sessionId, {
        sessionId,
        accountId: session.accountId,
        reason,
        revokedAt: now.toISOString(),
        accessTokensValidUntil: accessTokensValidUntil.toISOString(),
      }),
    );
    return true;
  }

  private async issue(space: string, accountId: string, session: SessionRow, tx: Tx): Promise<SignedIn> {
    const now = this.clock.now();
    const refreshToken = randomSecret();
    const refreshTokenExpiresAt = new Date(now.getTime() + this.config.AUTH_REFRESH_TOKEN_TTL);
    await this.repository.insertRefreshToken(tx, {
      id: newId(),
      tenantId: space,
      sessionId: session.id,
      tokenHash: sha256Hex(refreshToken),
      status: 'active',
      createdAt: now,
      expiresAt: refreshTokenExpiresAt,
    });
    const principal = await this.permissions.resolve(space, accountId, tx);
    const access = await this.issuer.issue(space, principal, session.id, session.method);
    return {
      accountId,
      sessionId: session.id,
      client: session.client,
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt,
      refreshToken,
      refreshTokenExpiresAt,
    };
  }
}

function invalidRefresh(): UnauthorizedError {
  return new UnauthorizedError(SESSION_ERRORS.refreshInvalid, 'The refresh token is not valid');
}

function toSession(r: SessionRow) {
  return {
    id: r.id,
    client: r.client,
    method: r.method,
    deviceName: r.deviceName,
    userAgent: r.userAgent,
    ip: r.ip,
    firstSeenAt: r.firstSeenAt.toISOString(),
    lastSeenAt: r.lastSeenAt.toISOString(),
  };
}

export type SessionView = ReturnType<typeof toSession>;
export type SessionPage = Page<SessionView>;
