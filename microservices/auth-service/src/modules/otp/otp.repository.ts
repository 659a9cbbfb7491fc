import { Injectable } from '@nestjs/common';
import type { Tx } from '@haat/database';
import { and, eq } from 'drizzle-orm';
import { type OtpChallengeRow, otpChallenges } from './otp.schema.js';

/** The only code touching `otp_challenges`. */
@Injectable()
export class OtpRepository {
  async insert(tx: Tx, row: typeof otpChallenges.$inferInsert): Promise<void> {
    await tx.insert(otpChallenges).values(row);
  }

  async lock(tx: Tx, space: string, id: string): Promise<OtpChallengeRow | undefined> {
    const [row] = await tx
      .select()
      .from(otpChallenges)
      .where(and(eq(otpChallenges.tenantId, space), eq(otpChallenges.id, id)))
      .for('update');
    return row;
  }

  async update(
    tx: Tx,
    space: string,
    id: string,
    patch: Partial<Pick<OtpChallengeRow, 'attempts' | 'consumedAt'>>,
  ) {
    await tx
      .update(otpChallenges)
      .set(patch)
      .where(and(eq(otpChallenges.tenantId, space), eq(otpChallenges.id, id)));
  }
}
