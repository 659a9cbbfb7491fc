import type { KeyObject } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Clock } from '@haat/common';
import { AuthSigningKeyRotatedV1 } from '@haat/contracts';
import { type Database, isUniqueViolation } from '@haat/database';
import { addToOutbox, type EnvelopeContext } from '@haat/messaging';
import { DATABASE, SERVICE_CONFIG } from '@haat/service';
import type { AuthServiceConfig } from '../../config/auth-service.config.js';
import { AUTH_CLOCK } from '../../infrastructure/auth-clock.js';
import { authEvent } from '../../infrastructure/auth-event.js';
import { PLATFORM_SPACE } from '../../infrastructure/account-space.js';
import { SecretBox } from '../../infrastructure/crypto/secret-box.js';
import { generateSigningKey, openPrivateKey, publicJwkOf } from './signing-key.material.js';
import { SigningKeysRepository } from './signing-keys.repository.js';

/** How long this instance signs with the key it loaded before re-reading which key is active. */
const RELOAD_MS = 60_000;
const ROTATION_CHECK_MS = 3_600_000;
/** Clock skew the verifiers are allowed: retired keys stay published this much longer. */
export const VERIFY_SKEW_MS = 60_000;

export interface RotationResult {
  kid: string;
  previousKid: string | null;
  rotated: boolean;
}

/**
 * The access-token signing keys: one active (signs), the retired ones published until every
 * token they signed has expired. Instances share the keys through the database; an instance
 * picks a rotation made elsewhere up within a minute, and signs with the old key meanwhile,
 * which stays valid.
 */
@Injectable()
export class SigningKeyStore implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('SigningKeyStore');
  private readonly box: SecretBox;
  private loaded: { kid: string; key: KeyObject; at: number } | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly repository: SigningKeysRepository,
    @Inject(AUTH_CLOCK) private readonly clock: Clock,
    @Inject(SERVICE_CONFIG) private readonly config: AuthServiceConfig,
  ) {
    this.box = new SecretBox(config.AUTH_KEY_ENCRYPTION_KEY, config.AUTH_KEY_ENCRYPTION_KEYS_PREVIOUS);
  }

  async onModuleInit(): Promise<void> {
    await this.ensureActive();
    this.timer = setInterval(() => {
      this.rotateIfDue().catch((err: unknown) => this.logger.error({ err }, 'signing key rotation failed'));
    }, ROTATION_CHECK_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** The key to sign with now. */
  async signingKey(): Promise<{ kid: string; key: KeyObject }> {
    if (!this.loaded || Date.now() - this.loaded.at > RELOAD_MS) {
      let row = await this.repository.active(this.database.db);
      if (!row) {
        await this.ensureActive();
        row = await this.repository.active(this.database.db);
      }
      if (!row) throw new Error('No active signing key');
      this.loaded = { kid: row.kid, key: openPrivateKey(this.box, row), at: Date.now() };
    }
    return { kid: this.loaded.kid, key: this.loaded.key };
  }

  /** The public keys that verify tokens now: the active one and retired ones not yet expired. */
  async jwks(): Promise<{ keys: Record<string, string>[] }> {
    const rows = await this.repository.verifying(this.database.db, this.clock.now());
    return { keys: rows.map(publicJwkOf) };
  }

  /** Rotates when the active key is older than `AUTH_SIGNING_KEY_ROTATION`. */
  rotateIfDue(): Promise<RotationResult> {
    return this.rotate({ tenantId: null }, { ifOlderThanMs: this.config.AUTH_SIGNING_KEY_ROTATION });
  }

  /**
   * A new key signs from now on; the previous one is retired and published until its last
   * token expires. The active row is locked, so concurrent rotations run one after the other
   * and an age-conditional one does nothing when another just rotated.
   */
  async rotate(ctx: EnvelopeContext, options: { ifOlderThanMs?: number } = {}): Promise<RotationResult> {
    const result = await this.database.transaction(async (tx) => {
      const now = this.clock.now();
      const current = await this.repository.active(tx, { lock: true });
      if (
        current &&
        options.ifOlderThanMs !== undefined &&
        now.getTime() - current.createdAt.getTime() < options.ifOlderThanMs
      ) {
        return { kid: current.kid, previousKid: null, rotated: false };
      }
      if (current) {
        const verifyUntil = new Date(now.getTime() + this.config.AUTH_ACCESS_TOKEN_TTL + VERIFY_SKEW_MS);
        await this.repository.retire(tx, current.kid, now, verifyUntil);
      }
      const next = generateSigningKey(this.box);
      await this.repository.insert(tx, { ...next, status: 'active', createdAt: now });
      const previousKid = current?.kid ?? null;
      await addToOutbox(
        tx,
        authEvent(AuthSigningKeyRotatedV1, ctx, PLATFORM_SPACE, 'signing-key', next.kid, {
          kid: next.kid,
          previousKid,
          rotatedAt: now.toISOString(),
        }),
      );
      return { kid: next.kid, previousKid, rotated: true };
    });
    if (result.rotated) this.loaded = undefined;
    return result;
  }

  /** Creates the first key; a racing instance that created it first wins. */
  private async ensureActive(): Promise<void> {
    if (await this.repository.active(this.database.db)) return;
    try {
      await this.repository.insert(this.database.db, {
        ...generateSigningKey(this.box),
        status: 'active',
        createdAt: this.clock.now(),
      });
    } catch (err) {
      if (!isUniqueViolation(err, 'signing_keys_one_active_uq')) throw err;
    }
  }
}
