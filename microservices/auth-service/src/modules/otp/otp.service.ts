import { Inject, Injectable } from '@nestjs/common';
import { type Clock, newId, UnauthorizedError, ValidationError } from '@haat/common';
import { AuthOtpRequestedV1 } from '@haat/contracts';
import type { Database, Tx } from '@haat/database';
import { addToOutbox, type EnvelopeContext } from '@haat/messaging';
import { DATABASE, SERVICE_CONFIG } from '@haat/service';
import type { AuthServiceConfig } from '../../config/auth-service.config.js';
import { AUTH_CLOCK } from '../../infrastructure/auth-clock.js';
import { authEvent } from '../../infrastructure/auth-event.js';
import type { ClientInfo } from '../../infrastructure/http/client-info.js';
import { AccountsRepository } from '../accounts/accounts.repository.js';
import type { AccountRow } from '../accounts/accounts.schema.js';
import { AccountsService } from '../accounts/accounts.service.js';
import type { Account } from '../accounts/dto/account.dto.js';
import { EmailSchema, PhoneSchema } from '../accounts/dto/identifiers.js';
import { AccountLockNotifier } from '../login/account-lock.notifier.js';
import { TENANT_SCOPE } from '../roles/role-catalog.js';
import { type SignedIn, SessionsService } from '../sessions/sessions.service.js';
import { ThrottleService } from '../throttling/throttle.service.js';
import type { RequestOtpInput, VerifyOtpInput } from './dto/otp.dto.js';
import { hashOtp, newOtpCode, otpHashKey, otpMatches } from './otp-code.js';
import { OTP_ERRORS } from './otp.errors.js';
import type { OtpChallengeRow } from './otp.schema.js';
import { OtpRepository } from './otp.repository.js';

type VerifyOutcome =
  | { kind: 'signed-in'; signedIn: SignedIn; account: Account }
  | { kind: 'wrong'; destination: string; attemptsLeft: number }
  | { kind: 'invalid' };

/**
 * Sign-in by a one-time code sent to a phone (how most shoppers in Bangladesh sign in) or an
 * email. Codes are stored as keyed hashes, expire, allow a few attempts, and sending is
 * throttled per destination and IP. A first sign-in creates the customer account.
 */
@Injectable()
export class OtpService {
  private readonly hashKey: Buffer;

  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly repository: OtpRepository,
    private readonly accountsRepository: AccountsRepository,
    private readonly accounts: AccountsService,
    private readonly sessions: SessionsService,
    private readonly throttle: ThrottleService,
    private readonly locks: AccountLockNotifier,
    @Inject(AUTH_CLOCK) private readonly clock: Clock,
    @Inject(SERVICE_CONFIG) private readonly config: AuthServiceConfig,
  ) {
    this.hashKey = otpHashKey(config.AUTH_KEY_ENCRYPTION_KEY);
  }

  /** Sends a code (by `auth.otp-requested.v1`); the same answer whether an account exists or not. */
  async request(ctx: EnvelopeContext, space: string, input: RequestOtpInput, from: ClientInfo) {
    const destination = normaliseDestination(input);
    const keys = [
      { rule: 'otpSend', key: destination },
      { rule: 'otpSendIp', key: from.ip ?? 'unknown' },
    ] as const;
    await this.throttle.assertAllowed(space, keys);
    await this.throttle.recordFailure(space, keys);
    const now = this.clock.now();
    const id = newId();
    const code = newOtpCode(this.config.AUTH_OTP_LENGTH);
    const expiresAt = new Date(now.getTime() + this.config.AUTH_OTP_TTL);
    await this.database.withTenant(space, async (tx) => {
      await this.repository.insert(tx, {
        id,
        tenantId: space,
        channel: input.channel,
        destination,
        codeHash: hashOtp(this.hashKey, id, code),
        maxAttempts: this.config.AUTH_OTP_MAX_ATTEMPTS,
        createdAt: now,
        expiresAt,
      });
      await addToOutbox(
        tx,
        authEvent(AuthOtpRequestedV1, ctx, space, 'otp-challenge', id, {
          challengeId: id,
          channel: input.channel,
          destination,
          code,
          purpose: 'sign-in',
          expiresAt: expiresAt.toISOString(),
        }),
      );
    });
    return { challengeId: id, channel: input.channel, expiresAt: expiresAt.toISOString() };
  }

  /**
   * Checks a code. Wrong, expired, used and unknown challenges answer 401 `AUTH_OTP_INVALID`;
   * a wrong code uses up an attempt (counted under the challenge's row lock, so parallel
   * guesses cannot exceed the limit) and counts against the destination's throttle.
   */
  async verify(
    ctx: EnvelopeContext,
    space: string,
    input: VerifyOtpInput,
    from: ClientInfo,
  ): Promise<{ signedIn: SignedIn; account: Account }> {
    const destination = await this.database.withTenant(space, async (tx) => {
      return (await this.repository.lock(tx, space, input.challengeId))?.destination;
    });
    if (destination) await this.throttle.assertAllowed(space, [{ rule: 'otpVerify', key: destination }]);
    const outcome = await this.database.withTenant(space, (tx) => this.check(ctx, space, input, from, tx));
    if (outcome.kind === 'signed-in') return outcome;
    if (outcome.kind === 'wrong') {
      const started = await this.throttle.recordFailure(space, [
        { rule: 'otpVerify', key: outcome.destination },
      ]);
      if (started.length > 0) {
        const owner = await this.database.withTenant(space, (tx) =>
          this.findOwner(tx, space, outcome.destination),
        );
        if (owner) await this.locks.notify(ctx, space, owner.id, 'otp', started, from.ip);
      }
      throw new UnauthorizedError(OTP_ERRORS.invalid, 'The code is wrong or expired', {
        attemptsLeft: outcome.attemptsLeft,
      });
    }
    throw new UnauthorizedError(OTP_ERRORS.invalid, 'The code is wrong or expired', { attemptsLeft: 0 });
  }

  private async check(
    ctx: EnvelopeContext,
    space: string,
    input: VerifyOtpInput,
    from: ClientInfo,
    tx: Tx,
  ): Promise<VerifyOutcome> {
    const now = this.clock.now();
    const ch = await this.repository.lock(tx, space, input.challengeId);
    if (!ch || ch.consumedAt || ch.expiresAt.getTime() <= now.getTime() || ch.attempts >= ch.maxAttempts) {
      return { kind: 'invalid' };
    }
    if (!otpMatches(this.hashKey, ch.id, input.code, ch.codeHash)) {
      await this.repository.update(tx, space, ch.id, { attempts: ch.attempts + 1 });
      return { kind: 'wrong', destination: ch.destination, attemptsLeft: ch.maxAttempts - ch.attempts - 1 };
    }
    await this.repository.update(tx, space, ch.id, { consumedAt: now, attempts: ch.attempts + 1 });
    const account = await this.ownerOrNew(ctx, space, ch, tx);
    const signedIn = await this.sessions.start(
      ctx,
      space,
      account,
      { method: 'otp', client: input.client, device: input.device, from },
      tx,
    );
    return { kind: 'signed-in', signedIn, account: await this.accounts.describe(space, account, tx) };
  }

  /** The account of the destination (now proven), or a new customer account for it. */
  private async ownerOrNew(
    ctx: EnvelopeContext,
    space: string,
    ch: OtpChallengeRow,
    tx: Tx,
  ): Promise<AccountRow> {
    const now = this.clock.now();
    const existing = await this.findOwner(tx, space, ch.destination);
    if (existing) {
      const proven =
        ch.channel === 'sms'
          ? { phoneVerifiedAt: existing.phoneVerifiedAt ?? now }
          : { emailVerifiedAt: existing.emailVerifiedAt ?? now };
      return this.accountsRepository.update(tx, space, existing.id, proven, now);
    }
    return this.accounts.create(
      ctx,
      space,
      {
        ...(ch.channel === 'sms'
          ? { phone: ch.destination, phoneVerified: true }
          : { email: ch.destination, emailVerified: true }),
        grants: [{ role: 'customer', scope: TENANT_SCOPE }],
        method: 'otp',
      },
      tx,
    );
  }

  private findOwner(tx: Tx, space: string, destination: string): Promise<AccountRow | undefined> {
    return destination.startsWith('+')
      ? this.accountsRepository.findByPhone(tx, space, destination)
      : this.accountsRepository.findByEmail(tx, space, destination);
  }
}

function normaliseDestination(input: RequestOtpInput): string {
  const parsed = (input.channel === 'sms' ? PhoneSchema : EmailSchema).safeParse(input.destination);
  if (parsed.success) return parsed.data;
  const message = input.channel === 'sms' ? 'must be a phone number (+8801…)' : 'must be an email address';
  throw new ValidationError('VALIDATION_FAILED', `Invalid body: destination: ${message}`, {
    in: 'body',
    fields: [{ field: 'destination', message, code: 'custom' }],
  });
}
