import { Inject, Injectable } from '@nestjs/common';
import type { Clock } from '@haat/common';
import { AuthPasswordChangedV1 } from '@haat/contracts';
import type { Database } from '@haat/database';
import { addToOutbox, type EnvelopeContext } from '@haat/messaging';
import { DATABASE, SERVICE_CONFIG } from '@haat/service';
import type { AuthServiceConfig } from '../../config/auth-service.config.js';
import { AUTH_CLOCK } from '../../infrastructure/auth-clock.js';
import { authEvent } from '../../infrastructure/auth-event.js';
import { sha256Hex } from '../../infrastructure/crypto/opaque-token.js';
import type { ClientInfo } from '../../infrastructure/http/client-info.js';
import { loginThrottleKeys } from '../login/password-login.service.js';
import { PasswordHasher } from '../passwords/password.hasher.js';
import { assertAcceptablePassword } from '../passwords/password.policy.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { ThrottleService } from '../throttling/throttle.service.js';
import { AccountsRepository } from './accounts.repository.js';
import { AccountsService } from './accounts.service.js';
import { tokenInvalid } from './email-verification.service.js';

/** Forgotten passwords: a single-use, expiring, hashed link by email, then a new password. */
@Injectable()
export class PasswordResetService {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly repository: AccountsRepository,
    private readonly accounts: AccountsService,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly throttle: ThrottleService,
    @Inject(AUTH_CLOCK) private readonly clock: Clock,
    @Inject(SERVICE_CONFIG) private readonly config: AuthServiceConfig,
  ) {}

  /**
   * Sends a reset link when the email has an account; answers the same either way (202).
   * Requests per email and per IP are throttled.
   */
  async forgot(ctx: EnvelopeContext, space: string, email: string, from: ClientInfo): Promise<void> {
    const keys = [
      { rule: 'resetSend', key: email },
      { rule: 'resetSendIp', key: from.ip ?? 'unknown' },
    ] as const;
    await this.throttle.assertAllowed(space, keys);
    await this.throttle.recordFailure(space, keys);
    await this.database.withTenant(space, async (tx) => {
      const account = await this.repository.findByEmail(tx, space, email);
      if (account?.status === 'active')
        await this.accounts.requestPasswordLink(ctx, space, account, 'forgot', tx);
    });
  }

  /**
   * Sets a new password with a reset (or invitation) token. The token is used only when the
   * new password is acceptable; every session of the account ends, its email counts as
   * verified (the link reached it), and its sign-in throttles are cleared.
   */
  async reset(ctx: EnvelopeContext, space: string, token: string, newPassword: string): Promise<void> {
    const tokenHash = sha256Hex(token);
    const account = await this.database.withTenant(space, async (tx) => {
      const found = await this.repository.findUsableOneTimeToken(
        tx,
        space,
        tokenHash,
        'password-reset',
        this.clock.now(),
      );
      return found && this.repository.findById(tx, space, found.accountId);
    });
    if (!account) throw tokenInvalid();
    assertAcceptablePassword(newPassword, {
      minLength: this.config.AUTH_PASSWORD_MIN_LENGTH,
      identifiers: [account.email, account.phone],
      field: 'newPassword',
    });
    const passwordHash = await this.hasher.hash(newPassword);
    await this.database.withTenant(space, async (tx) => {
      const now = this.clock.now();
      const used = await this.repository.consumeOneTimeToken(tx, space, tokenHash, 'password-reset', now);
      if (!used) throw tokenInvalid();
      await this.repository.update(
        tx,
        space,
        account.id,
        { passwordHash, passwordChangedAt: now, emailVerifiedAt: account.emailVerifiedAt ?? now },
        now,
      );
      await this.sessions.revokeAllInTx(ctx, space, account.id, 'password-reset', tx);
      await addToOutbox(
        tx,
        authEvent(AuthPasswordChangedV1, ctx, space, 'account', account.id, {
          accountId: account.id,
          via: 'reset',
        }),
      );
    });
    if (account.email) {
      await this.throttle.clear(space, loginThrottleKeys(`email:${account.email}`, null).slice(1, 2));
    }
  }
}
