import { Inject, Injectable } from '@nestjs/common';
import { type Clock, ConflictError, UnauthorizedError, ValidationError } from '@haat/common';
import { AuthEmailVerifiedV1 } from '@haat/contracts';
import type { Database } from '@haat/database';
import { addToOutbox, type EnvelopeContext } from '@haat/messaging';
import { DATABASE } from '@haat/service';
import { AUTH_CLOCK } from '../../infrastructure/auth-clock.js';
import { authEvent } from '../../infrastructure/auth-event.js';
import { sha256Hex } from '../../infrastructure/crypto/opaque-token.js';
import { ACCOUNT_ERRORS } from './accounts.errors.js';
import { AccountsRepository } from './accounts.repository.js';
import { AccountsService } from './accounts.service.js';

/** Proving an email address: single-use, expiring links. */
@Injectable()
export class EmailVerificationService {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly repository: AccountsRepository,
    private readonly accounts: AccountsService,
    @Inject(AUTH_CLOCK) private readonly clock: Clock,
  ) {}

  /** Uses a verification token; unknown, used and expired tokens are one 401 `AUTH_TOKEN_INVALID`. */
  async verify(ctx: EnvelopeContext, space: string, token: string): Promise<void> {
    await this.database.withTenant(space, async (tx) => {
      const now = this.clock.now();
      const used = await this.repository.consumeOneTimeToken(
        tx,
        space,
        sha256Hex(token),
        'email-verification',
        now,
      );
      const account = used && (await this.repository.findById(tx, space, used.accountId, { lock: true }));
      if (!used || !account?.email) throw tokenInvalid();
      if (!account.emailVerifiedAt) {
        await this.repository.update(tx, space, account.id, { emailVerifiedAt: now }, now);
        await addToOutbox(
          tx,
          authEvent(AuthEmailVerifiedV1, ctx, space, 'account', account.id, {
            accountId: account.id,
            email: account.email,
          }),
        );
      }
    });
  }

  /** Sends a new link to the signed-in account's email. */
  async resend(ctx: EnvelopeContext, space: string, accountId: string): Promise<void> {
    await this.database.withTenant(space, async (tx) => {
      const account = await this.repository.findById(tx, space, accountId);
      if (!account?.email) {
        throw new ValidationError(ACCOUNT_ERRORS.noEmail, 'This account has no email address');
      }
      if (account.emailVerifiedAt) {
        throw new ConflictError(ACCOUNT_ERRORS.alreadyVerified, 'This email address is already verified');
      }
      await this.accounts.requestEmailVerification(ctx, space, account, tx);
    });
  }
}

export function tokenInvalid(): UnauthorizedError {
  return new UnauthorizedError(
    ACCOUNT_ERRORS.tokenInvalid,
    'The link is not valid: it is wrong, used or expired',
  );
}
