import { Injectable } from '@nestjs/common';
import type { Tx } from '@haat/database';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { SocialProviderName } from '../../infrastructure/social/social-provider.js';
import { socialIdentities } from '../accounts/accounts.schema.js';
import { socialLoginAttempts } from './social.schema.js';

/** The only code touching `social_login_attempts` and `social_identities`. */
@Injectable()
export class SocialRepository {
  async insertAttempt(tx: Tx, row: typeof socialLoginAttempts.$inferInsert): Promise<void> {
    await tx.insert(socialLoginAttempts).values(row);
  }

  /** Uses an attempt once, by its state; undefined when unknown, used, expired or another provider's. */
  async consumeAttempt(tx: Tx, space: string, provider: SocialProviderName, stateHash: string, now: Date) {
    const [row] = await tx
      .update(socialLoginAttempts)
      .set({ consumedAt: now })
      .where(
        and(
          eq(socialLoginAttempts.tenantId, space),
          eq(socialLoginAttempts.stateHash, stateHash),
          eq(socialLoginAttempts.provider, provider),
          isNull(socialLoginAttempts.consumedAt),
          gt(socialLoginAttempts.expiresAt, now),
        ),
      )
      .returning();
    return row;
  }

  async findIdentity(tx: Tx, space: string, provider: SocialProviderName, subject: string) {
    const [row] = await tx
      .select()
      .from(socialIdentities)
      .where(
        and(
          eq(socialIdentities.tenantId, space),
          eq(socialIdentities.provider, provider),
          eq(socialIdentities.subject, subject),
        ),
      );
    return row;
  }

  async insertIdentity(tx: Tx, row: typeof socialIdentities.$inferInsert): Promise<void> {
    await tx.insert(socialIdentities).values(row);
  }

  async touchIdentity(tx: Tx, space: string, provider: SocialProviderName, subject: string, now: Date) {
    await tx
      .update(socialIdentities)
      .set({ lastUsedAt: now })
      .where(
        and(
          eq(socialIdentities.tenantId, space),
          eq(socialIdentities.provider, provider),
          eq(socialIdentities.subject, subject),
        ),
      );
  }
}
