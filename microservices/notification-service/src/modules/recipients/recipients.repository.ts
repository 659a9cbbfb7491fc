import { Injectable } from '@nestjs/common';
import type { NotificationRecipient } from '@haat/contracts';
import type { DbExecutor } from '@haat/database';
import { and, eq } from 'drizzle-orm';
import type { OptOut } from './opt-out.rules.js';
import { optOuts, type RecipientRow, recipients } from './recipients.schema.js';

type ContactChanges = Partial<Pick<RecipientRow, 'email' | 'phone' | 'locale'>>;

/** The only code touching `recipients` and `opt_outs`; every query carries the tenant. */
@Injectable()
export class RecipientsRepository {
  async find(
    db: DbExecutor,
    tenantId: string,
    who: NotificationRecipient,
  ): Promise<RecipientRow | undefined> {
    const [row] = await db
      .select()
      .from(recipients)
      .where(
        and(eq(recipients.tenantId, tenantId), eq(recipients.kind, who.kind), eq(recipients.ref, who.ref)),
      );
    return row;
  }

  /** Creates the recipient or changes only the fields given. */
  async upsert(
    db: DbExecutor,
    tenantId: string,
    who: NotificationRecipient,
    changes: ContactChanges,
  ): Promise<void> {
    await db
      .insert(recipients)
      .values({ tenantId, kind: who.kind, ref: who.ref, ...changes })
      .onConflictDoUpdate({
        target: [recipients.tenantId, recipients.kind, recipients.ref],
        set: { ...changes, updatedAt: new Date() },
      });
  }

  async optOuts(db: DbExecutor, tenantId: string, who: NotificationRecipient): Promise<OptOut[]> {
    const rows = await db
      .select({ channel: optOuts.channel, category: optOuts.category })
      .from(optOuts)
      .where(and(eq(optOuts.tenantId, tenantId), eq(optOuts.kind, who.kind), eq(optOuts.ref, who.ref)))
      .orderBy(optOuts.channel, optOuts.category);
    return rows;
  }

  async replaceOptOuts(
    db: DbExecutor,
    tenantId: string,
    who: NotificationRecipient,
    list: readonly OptOut[],
  ): Promise<void> {
    await db
      .delete(optOuts)
      .where(and(eq(optOuts.tenantId, tenantId), eq(optOuts.kind, who.kind), eq(optOuts.ref, who.ref)));
    if (list.length === 0) return;
    await db.insert(optOuts).values(list.map((o) => ({ tenantId, kind: who.kind, ref: who.ref, ...o })));
  }
}
