import { Injectable } from '@nestjs/common';
import type { DbExecutor, Tx } from '@haat/database';
import { desc, eq, gt, or } from 'drizzle-orm';
import { type SigningKeyRow, signingKeys } from './signing-keys.schema.js';

/** The only code touching `signing_keys`. */
@Injectable()
export class SigningKeysRepository {
  async active(db: DbExecutor, options: { lock?: boolean } = {}): Promise<SigningKeyRow | undefined> {
    const q = db.select().from(signingKeys).where(eq(signingKeys.status, 'active'));
    const [row] = options.lock ? await q.for('update') : await q;
    return row;
  }

  /** The active key and every retired key whose tokens may still be valid at `now`, newest first. */
  verifying(db: DbExecutor, now: Date): Promise<SigningKeyRow[]> {
    return db
      .select()
      .from(signingKeys)
      .where(or(eq(signingKeys.status, 'active'), gt(signingKeys.verifyUntil, now)))
      .orderBy(desc(signingKeys.createdAt));
  }

  async insert(db: DbExecutor, row: typeof signingKeys.$inferInsert): Promise<void> {
    await db.insert(signingKeys).values(row);
  }

  async retire(tx: Tx, kid: string, retiredAt: Date, verifyUntil: Date): Promise<void> {
    await tx
      .update(signingKeys)
      .set({ status: 'retired', retiredAt, verifyUntil })
      .where(eq(signingKeys.kid, kid));
  }
}
