import { Injectable } from '@nestjs/common';
import { decodeCursor, NotFoundError, type Page, toPage } from '@haat/common';
import type { RequestContext } from '@haat/tenant';
import { z } from 'zod';
import { LocalMailbox } from '../../infrastructure/mailbox/local-mailbox.js';
import type { MailboxMessage, MailboxScope } from '../../infrastructure/mailbox/mailbox-message.js';
import type { MailboxStore } from '../../infrastructure/mailbox/mailbox.store.js';
import { normalizeEmail, normalizePhone } from '../recipients/address.rules.js';
import { type ListMailboxQuery, type MailboxSummary, toSummary } from './dto/mailbox.dto.js';
import { MAILBOX_ERRORS } from './mailbox.errors.js';

const IdCursorSchema = z.object({ id: z.string().uuid() });

/**
 * Reading the embedded mailbox: a tenant's staff see their tenant's messages only; a
 * platform-scope caller (an operator) sees everyone's.
 */
@Injectable()
export class MailboxService {
  constructor(private readonly mailbox: LocalMailbox) {}

  get enabled(): boolean {
    return this.mailbox.enabled;
  }

  /** Every tenant's latest messages, in full (the embedded page). */
  async recent(limit: number): Promise<{ messages: MailboxMessage[]; hasMore: boolean }> {
    const rows = await this.store().list('all', { limit });
    return { messages: rows.slice(0, limit), hasMore: rows.length > limit };
  }

  async list(ctx: RequestContext, query: ListMailboxQuery): Promise<Page<MailboxSummary>> {
    const before = decodeCursor(query.cursor, IdCursorSchema);
    // Addresses are filed normalised: `01712…` finds `+8801712…` (as does a `+` a query string made a space).
    const to =
      query.to === undefined ? undefined : (normalizePhone(query.to) ?? normalizeEmail(query.to) ?? query.to);
    const rows = await this.store().list(scopeOf(ctx), { limit: query.limit, beforeId: before?.id, to });
    return toPage(rows, query.limit, (m) => ({ id: m.id }), toSummary);
  }

  async get(ctx: RequestContext, id: string): Promise<MailboxMessage> {
    const message = await this.store().get(scopeOf(ctx), id);
    if (!message) throw notFound(id);
    return message;
  }

  async raw(ctx: RequestContext, id: string): Promise<Buffer> {
    const raw = await this.store().raw(scopeOf(ctx), id);
    if (!raw) throw notFound(id);
    return raw;
  }

  private store(): MailboxStore {
    const store = this.mailbox.store;
    if (!store)
      throw new NotFoundError(
        MAILBOX_ERRORS.disabled,
        'The local mailbox is not running (embedded mode only)',
      );
    return store;
  }
}

function scopeOf(ctx: RequestContext): MailboxScope {
  if (ctx.tenantId === null) return 'all';
  return { tenantId: ctx.tenantId };
}

function notFound(id: string): NotFoundError {
  return new NotFoundError(MAILBOX_ERRORS.messageNotFound, 'No such message in the mailbox', { id });
}
