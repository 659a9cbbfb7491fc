import { Inject, Injectable } from '@nestjs/common';
import type { NotificationRecipient } from '@haat/contracts';
import { NotificationCategorySchema } from '@haat/contracts';
import { NotFoundError, UnauthorizedError, ValidationError } from '@haat/common';
import type { Database, DbExecutor } from '@haat/database';
import { DATABASE } from '@haat/service';
import type { TenantContext } from '@haat/tenant';
import { type NotificationLocale, toNotificationLocale } from '../templates/notification-locale.rules.js';
import type { Preferences, PutPreferences } from './dto/preferences.dto.js';
import type { PutRecipient, Recipient } from './dto/recipient.dto.js';
import { isMandatory, type OptOut } from './opt-out.rules.js';
import { RECIPIENT_ERRORS } from './recipients.errors.js';
import { RecipientsRepository } from './recipients.repository.js';

/** Where a known recipient is reached, in which language, and what they opted out of. */
export interface Contact {
  email: string | null;
  phone: string | null;
  locale: NotificationLocale | null;
  optOuts: OptOut[];
}

/** People's and vendors' addresses, languages and opt-outs. */
@Injectable()
export class RecipientsService {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly repository: RecipientsRepository,
  ) {}

  /** The caller's own settings. */
  async preferences(ctx: TenantContext): Promise<Preferences> {
    const who = self(ctx);
    return this.database.withTenant(ctx.tenantId, async (tx) =>
      toPreferences(await this.contact(tx, ctx.tenantId, who)),
    );
  }

  /** Changes the caller's language and opt-outs; one-time codes and account notices cannot be refused. */
  async updatePreferences(ctx: TenantContext, body: PutPreferences): Promise<Preferences> {
    const who = self(ctx);
    assertOptional(body.optOuts);
    return this.database.withTenant(ctx.tenantId, async (tx) => {
      if (body.locale !== undefined)
        await this.repository.upsert(tx, ctx.tenantId, who, { locale: body.locale });
      if (body.optOuts) await this.repository.replaceOptOuts(tx, ctx.tenantId, who, body.optOuts);
      return toPreferences(await this.contact(tx, ctx.tenantId, who));
    });
  }

  async get(ctx: TenantContext, who: NotificationRecipient): Promise<Recipient> {
    return this.database.withTenant(ctx.tenantId, async (tx) => {
      const row = await this.repository.find(tx, ctx.tenantId, who);
      if (!row) {
        throw new NotFoundError(RECIPIENT_ERRORS.notFound, `No ${who.kind} ${who.ref} is known`, { ...who });
      }
      return { ...who, ...(await this.contact(tx, ctx.tenantId, who)) };
    });
  }

  /** Staff set a recipient's addresses, language and opt-outs (fields left out stay). */
  async put(ctx: TenantContext, who: NotificationRecipient, body: PutRecipient): Promise<Recipient> {
    assertOptional(body.optOuts);
    return this.database.withTenant(ctx.tenantId, async (tx) => {
      const { optOuts, ...changes } = body;
      await this.repository.upsert(tx, ctx.tenantId, who, changes);
      if (optOuts) await this.repository.replaceOptOuts(tx, ctx.tenantId, who, optOuts);
      return { ...who, ...(await this.contact(tx, ctx.tenantId, who)) };
    });
  }

  /** Records an account's addresses (from auth events); a null leaves the stored one. */
  async rememberAccount(
    db: DbExecutor,
    tenantId: string,
    accountId: string,
    addresses: { email?: string | null; phone?: string | null },
  ): Promise<void> {
    const changes: { email?: string; phone?: string } = {};
    if (addresses.email) changes.email = addresses.email;
    if (addresses.phone) changes.phone = addresses.phone;
    await this.repository.upsert(db, tenantId, { kind: 'user', ref: accountId }, changes);
  }

  /** What dispatch needs of a recipient; undefined when nothing is known of them. */
  async contactOf(
    db: DbExecutor,
    tenantId: string,
    who: NotificationRecipient,
  ): Promise<Contact | undefined> {
    const row = await this.repository.find(db, tenantId, who);
    if (!row) return undefined;
    return {
      email: row.email,
      phone: row.phone,
      locale: toNotificationLocale(row.locale) ?? null,
      optOuts: await this.repository.optOuts(db, tenantId, who),
    };
  }

  private async contact(db: DbExecutor, tenantId: string, who: NotificationRecipient): Promise<Contact> {
    return (
      (await this.contactOf(db, tenantId, who)) ?? { email: null, phone: null, locale: null, optOuts: [] }
    );
  }
}

function self(ctx: TenantContext): NotificationRecipient {
  if (!ctx.userId)
    throw new UnauthorizedError(RECIPIENT_ERRORS.userRequired, 'Sign in to manage notifications');
  return { kind: 'user', ref: ctx.userId };
}

function assertOptional(optOuts: readonly OptOut[] | undefined): void {
  const index = optOuts?.findIndex((o) => isMandatory(o.category)) ?? -1;
  if (index < 0 || !optOuts) return;
  const category = optOuts[index]?.category;
  throw new ValidationError(
    RECIPIENT_ERRORS.categoryMandatory,
    `Invalid body: optOuts.${index}.category: ${category} messages cannot be turned off`,
    {
      in: 'body',
      fields: [
        {
          field: `optOuts.${index}.category`,
          message: `${category} messages cannot be turned off`,
          code: 'custom',
        },
      ],
    },
  );
}

function toPreferences(contact: Contact): Preferences {
  return {
    locale: contact.locale,
    email: contact.email,
    phone: contact.phone,
    optOuts: contact.optOuts,
    categories: NotificationCategorySchema.options.map((category) => ({
      category,
      mandatory: isMandatory(category),
    })),
  };
}
