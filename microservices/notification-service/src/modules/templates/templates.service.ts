import { Inject, Injectable } from '@nestjs/common';
import type { NotificationChannel } from '@haat/contracts';
import {
  decodeCursor,
  NotFoundError,
  type Page,
  type PageQuery,
  toPage,
  UnprocessableError,
  ValidationError,
} from '@haat/common';
import type { Database, DbExecutor } from '@haat/database';
import { DATABASE } from '@haat/service';
import type { TenantContext } from '@haat/tenant';
import { z } from 'zod';
import { TenantProfilesService } from '../tenants/tenant-profiles.service.js';
import type { EffectiveTemplate, TemplatePath, TemplateSummary } from './dto/template.dto.js';
import type { PutTemplate } from './dto/put-template.dto.js';
import {
  FALLBACK_LOCALE,
  NOTIFICATION_LOCALES,
  type NotificationLocale,
} from './notification-locale.rules.js';
import {
  defaultContent,
  TEMPLATE_CATALOG,
  templateChannels,
  templateDefinition,
} from './template.catalog.js';
import type { TemplateContent, TemplateDefinition } from './template.definition.js';
import { type RenderedMessage, TemplateError, TemplateRenderer } from './template.renderer.js';
import { TEMPLATE_ERRORS } from './templates.errors.js';
import { TemplatesRepository } from './templates.repository.js';

const KeyCursorSchema = z.object({ key: z.string() });

/** A template found for a message, in the language it will be rendered in. */
export interface ResolvedTemplate {
  definition: TemplateDefinition;
  content: TemplateContent;
  locale: NotificationLocale;
}

/** The shipped templates, the tenants' rewordings of them, and rendering. */
@Injectable()
export class TemplatesService {
  private readonly renderer = new TemplateRenderer();

  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly repository: TemplatesRepository,
    private readonly profiles: TenantProfilesService,
  ) {}

  async list(ctx: TenantContext, query: PageQuery): Promise<Page<TemplateSummary>> {
    const after = decodeCursor(query.cursor, KeyCursorSchema);
    const overrides = await this.database.withTenant(ctx.tenantId, (tx) =>
      this.repository.listAddresses(tx, ctx.tenantId),
    );
    const definitions = [...TEMPLATE_CATALOG.values()].filter((d) => !after || d.key > after.key);
    return toPage(
      definitions.slice(0, query.limit + 1),
      query.limit,
      (d) => ({ key: d.key }),
      (d) => ({
        key: d.key,
        category: d.category,
        description: d.description,
        variables: { 'shop.name': 'The shop’s name', ...d.variables },
        channels: templateChannels(d),
        locales: [...NOTIFICATION_LOCALES],
        overrides: overrides
          .filter((o) => o.key === d.key)
          .map((o) => ({
            channel: o.channel as NotificationChannel,
            locale: o.locale as NotificationLocale,
          })),
      }),
    );
  }

  async get(ctx: TenantContext, at: TemplatePath): Promise<EffectiveTemplate> {
    const definition = this.definitionFor(at);
    return this.database.withTenant(ctx.tenantId, (tx) => this.effective(tx, ctx.tenantId, definition, at));
  }

  /** Stores the tenant's wording after checking it parses; the message names the part that does not. */
  async put(ctx: TenantContext, at: TemplatePath, body: PutTemplate): Promise<EffectiveTemplate> {
    const definition = this.definitionFor(at);
    const content = this.checkedContent(at.channel, body);
    return this.database.withTenant(ctx.tenantId, async (tx) => {
      await this.repository.upsert(tx, {
        tenantId: ctx.tenantId,
        key: at.key,
        channel: at.channel,
        locale: at.locale,
        subject: content.subject ?? null,
        text: content.text,
        html: content.html ?? null,
        updatedBy: ctx.userId,
      });
      return this.effective(tx, ctx.tenantId, definition, at);
    });
  }

  /** Goes back to the shipped wording. */
  async reset(ctx: TenantContext, at: TemplatePath): Promise<void> {
    this.definitionFor(at);
    await this.database.withTenant(ctx.tenantId, (tx) => this.repository.delete(tx, ctx.tenantId, at));
  }

  /** Renders the wording the tenant's messages would use with `data`; 422 naming the failing part. */
  async preview(
    ctx: TenantContext,
    at: TemplatePath,
    data: Record<string, unknown>,
  ): Promise<RenderedMessage> {
    const definition = this.definitionFor(at);
    return this.database.withTenant(ctx.tenantId, async (tx) => {
      const template = await this.effective(tx, ctx.tenantId, definition, at);
      const shop = await this.profiles.shop(tx, ctx.tenantId);
      try {
        return await this.renderer.render(template, { ...data, shop: { name: shop.name } }, at.locale);
      } catch (err) {
        if (!(err instanceof TemplateError)) throw err;
        throw new UnprocessableError(TEMPLATE_ERRORS.renderFailed, err.message, { field: err.field });
      }
    });
  }

  /**
   * The wording a message uses: the tenant's in `locale`, the shipped one in `locale`, then the
   * same two in English. Undefined when the template has no wording for the channel at all.
   */
  async resolve(
    db: DbExecutor,
    tenantId: string,
    key: string,
    channel: NotificationChannel,
    locale: NotificationLocale,
  ): Promise<ResolvedTemplate | undefined> {
    const definition = templateDefinition(key);
    if (!definition) return undefined;
    const locales = locale === FALLBACK_LOCALE ? [locale] : [locale, FALLBACK_LOCALE];
    for (const l of locales) {
      const override = await this.repository.find(db, tenantId, { key, channel, locale: l });
      if (override) return { definition, content: override, locale: l };
      const shipped = defaultContent(definition, channel, l);
      if (shipped) return { definition, content: shipped, locale: l };
    }
    return undefined;
  }

  /** Renders a resolved template; throws a `TemplateError` when it does not render. */
  render(template: ResolvedTemplate, data: Record<string, unknown>): Promise<RenderedMessage> {
    return this.renderer.render(template.content, data, template.locale);
  }

  private async effective(
    db: DbExecutor,
    tenantId: string,
    definition: TemplateDefinition,
    at: TemplatePath,
  ): Promise<EffectiveTemplate> {
    const override = await this.repository.find(db, tenantId, at);
    const content = override ?? defaultContent(definition, at.channel, at.locale);
    if (!content) throw templateNotFound(at);
    return {
      key: at.key,
      channel: at.channel,
      locale: at.locale,
      category: definition.category,
      subject: content.subject ?? null,
      text: content.text,
      html: content.html ?? null,
      source: override ? 'tenant' : 'default',
    };
  }

  private definitionFor(at: TemplatePath): TemplateDefinition {
    const definition = templateDefinition(at.key);
    if (!definition || !definition.channels[at.channel]) throw templateNotFound(at);
    return definition;
  }

  private checkedContent(channel: NotificationChannel, body: PutTemplate): TemplateContent {
    const needsSubject = channel !== 'sms';
    if (needsSubject && !body.subject) throw invalid('subject', `a ${channel} template needs a subject`);
    if (!needsSubject && body.subject) throw invalid('subject', 'an SMS has no subject');
    if (channel !== 'email' && body.html) throw invalid('html', 'only email templates take HTML');
    const content: TemplateContent = {
      subject: body.subject ?? null,
      text: body.text,
      html: body.html ?? null,
    };
    try {
      this.renderer.check(content);
    } catch (err) {
      if (err instanceof TemplateError) throw invalid(err.field, err.message);
      throw err;
    }
    return content;
  }
}

function templateNotFound(at: TemplatePath): NotFoundError {
  return new NotFoundError(TEMPLATE_ERRORS.notFound, `No template ${at.key} for ${at.channel}`, {
    key: at.key,
    channel: at.channel,
  });
}

function invalid(field: string, message: string): ValidationError {
  return new ValidationError(TEMPLATE_ERRORS.invalid, `Invalid body: ${field}: ${message}`, {
    in: 'body',
    fields: [{ field, message, code: 'custom' }],
  });
}
