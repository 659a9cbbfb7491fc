import { Inject, Injectable } from '@nestjs/common';
import { type Clock, UnauthorizedError } from '@haat/common';
import type { Database } from '@haat/database';
import type { EnvelopeContext } from '@haat/messaging';
import { DATABASE } from '@haat/service';
import { AUTH_CLOCK } from '../../infrastructure/auth-clock.js';
import type { ClientInfo } from '../../infrastructure/http/client-info.js';
import { ACCOUNT_ERRORS } from '../accounts/accounts.errors.js';
import { AccountsRepository } from '../accounts/accounts.repository.js';
import type { AccountRow } from '../accounts/accounts.schema.js';
import { AccountsService } from '../accounts/accounts.service.js';
import type { Account } from '../accounts/dto/account.dto.js';
import { ARGON2_PARAMETERS, PasswordHasher } from '../passwords/password.hasher.js';
import { type SignedIn, SessionsService } from '../sessions/sessions.service.js';
import { ThrottleService, type ThrottleKey } from '../throttling/throttle.service.js';
import { AccountLockNotifier } from './account-lock.notifier.js';
import type { PasswordLoginInput } from './dto/login.dto.js';
import { parseLoginIdentifier } from './login-identifier.js';

const CURRENT_PHC_PREFIX = `$argon2id$v=19$m=${ARGON2_PARAMETERS.memoryCost},t=${ARGON2_PARAMETERS.timeCost},p=${ARGON2_PARAMETERS.parallelism}$`;

/** The throttle keys of a password sign-in: per account and IP, per account, per IP. */
export function loginThrottleKeys(identifier: string, ip: string | null): ThrottleKey[] {
  const from = ip ?? 'unknown';
  return [
    { rule: 'loginAccountIp', key: `${identifier}|${from}` },
    { rule: 'loginAccount', key: identifier },
    { rule: 'loginIp', key: from },
  ];
}

/**
 * Password sign-in. A wrong password, an unknown account and an account without a password
 * all answer 401 `AUTH_INVALID_CREDENTIALS` after one argon2id verification, so neither the
 * answer nor its timing tells them apart; throttling counts them alike.
 */
@Injectable()
export class PasswordLoginService {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly accounts: AccountsRepository,
    private readonly directory: AccountsService,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly throttle: ThrottleService,
    private readonly locks: AccountLockNotifier,
    @Inject(AUTH_CLOCK) private readonly clock: Clock,
  ) {}

  async login(
    ctx: EnvelopeContext,
    space: string,
    input: PasswordLoginInput,
    from: ClientInfo,
  ): Promise<{ signedIn: SignedIn; account: Account }> {
    const id = parseLoginIdentifier(input.identifier);
    const keys = loginThrottleKeys(`${id.kind}:${id.value}`, from.ip);
    await this.throttle.assertAllowed(space, keys);
    const account = await this.find(space, id);
    const ok = account?.passwordHash
      ? await this.hasher.verify(account.passwordHash, input.password)
      : await this.hasher.verifyNothing(input.password);
    if (!account || !ok) {
      const started = await this.throttle.recordFailure(space, keys);
      const accountLocks = started.filter((l) => l.rule !== 'loginIp');
      if (account) await this.locks.notify(ctx, space, account.id, 'password', accountLocks, from.ip);
      throw new UnauthorizedError(ACCOUNT_ERRORS.invalidCredentials, 'Wrong email, phone or password');
    }
    await this.throttle.clear(space, keys.slice(0, 2));
    const rehash = account.passwordHash?.startsWith(CURRENT_PHC_PREFIX)
      ? undefined
      : await this.hasher.hash(input.password);
    return this.database.withTenant(space, async (tx) => {
      const current = rehash
        ? await this.accounts.update(tx, space, account.id, { passwordHash: rehash }, this.clock.now())
        : account;
      const signedIn = await this.sessions.start(
        ctx,
        space,
        current,
        { method: 'password', client: input.client, device: input.device, from },
        tx,
      );
      return { signedIn, account: await this.directory.describe(space, current, tx) };
    });
  }

  private find(space: string, id: ReturnType<typeof parseLoginIdentifier>): Promise<AccountRow | undefined> {
    if (id.kind === 'unknown') return Promise.resolve(undefined);
    return this.database.withTenant(space, (tx) =>
      id.kind === 'email'
        ? this.accounts.findByEmail(tx, space, id.value)
        : this.accounts.findByPhone(tx, space, id.value),
    );
  }
}
