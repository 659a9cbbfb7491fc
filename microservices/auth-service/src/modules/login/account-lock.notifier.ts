import { Inject, Injectable } from '@nestjs/common';
import { AuthAccountLockedV1 } from '@haat/contracts';
import type { Database } from '@haat/database';
import { addToOutbox, type EnvelopeContext } from '@haat/messaging';
import { DATABASE } from '@haat/service';
import { authEvent } from '../../infrastructure/auth-event.js';
import type { StartedLock } from '../throttling/throttle.service.js';

/** Tells an account's owner (by event) that repeated failures locked it for a while. */
@Injectable()
export class AccountLockNotifier {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  async notify(
    ctx: EnvelopeContext,
    space: string,
    accountId: string,
    reason: 'password' | 'otp' | 'password-reset',
    locks: readonly StartedLock[],
    ip: string | null,
  ): Promise<void> {
    const lock = locks[0];
    if (!lock) return;
    await this.database.withTenant(space, (tx) =>
      addToOutbox(
        tx,
        authEvent(AuthAccountLockedV1, ctx, space, 'account', accountId, {
          accountId,
          reason,
          failures: lock.failures,
          lockedUntil: lock.lockedUntil.toISOString(),
          ip,
        }),
      ),
    );
  }
}
