import { Inject, Injectable } from '@nestjs/common';
import type { NotificationChannel } from '@haat/contracts';
import { NotFoundError, ValidationError } from '@haat/common';
import type { Database, DbExecutor } from '@haat/database';
import { DATABASE } from '@haat/service';
import type { TenantContext } from '@haat/tenant';
import { templateDefinition } from '../templates/template.catalog.js';
import { TEMPLATE_ERRORS } from '../templates/templates.errors.js';
import type { PutRule, Rule } from './dto/rule.dto.js';
import { DEFAULT_RULES, type DefaultRule } from './notification-events.catalog.js';
import { RULE_ERRORS } from './rules.errors.js';
import { RulesRepository } from './rules.repository.js';
import type { NotificationRuleRow } from './rules.schema.js';

/** Which template and channels each event notifies with, per tenant, over shipped defaults. */
@Injectable()
export class RulesService {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly repository: RulesRepository,
  ) {}

  async list(ctx: TenantContext): Promise<{ items: Rule[]; nextCursor: null }> {
    const overrides = await this.database.withTenant(ctx.tenantId, (tx) =>
      this.repository.list(tx, ctx.tenantId),
    );
    const items = [...DEFAULT_RULES.values()]
      .sort((a, b) => a.eventType.localeCompare(b.eventType))
      .map((d) =>
        effectiveRule(
          d,
          overrides.find((o) => o.eventType === d.eventType),
        ),
      );
    return { items, nextCursor: null };
  }

  async put(ctx: TenantContext, eventType: string, body: PutRule): Promise<Rule> {
    const defaults = defaultRule(eventType);
    const template = templateDefinition(body.templateKey);
    if (!template) {
      throw new NotFoundError(TEMPLATE_ERRORS.notFound, `No template ${body.templateKey}`, {
        key: body.templateKey,
      });
    }
    const unsupported = body.channels.findIndex((c) => !template.channels[c]);
    if (unsupported >= 0) {
      const channel = body.channels[unsupported];
      throw new ValidationError(RULE_ERRORS.channelUnsupported, `Invalid body: channels.${unsupported}`, {
        in: 'body',
        fields: [
          {
            field: `channels.${unsupported}`,
            message: `${body.templateKey} has no ${channel} wording`,
            code: 'custom',
          },
        ],
      });
    }
    return this.database.withTenant(ctx.tenantId, async (tx) => {
      await this.repository.upsert(tx, { tenantId: ctx.tenantId, eventType, ...body });
      return effectiveRule(defaults, await this.repository.find(tx, ctx.tenantId, eventType));
    });
  }

  async reset(ctx: TenantContext, eventType: string): Promise<void> {
    defaultRule(eventType);
    await this.database.withTenant(ctx.tenantId, (tx) => this.repository.delete(tx, ctx.tenantId, eventType));
  }

  /** The rule an event of `eventType` notifies by for the tenant; undefined when none exists. */
  async ruleFor(db: DbExecutor, tenantId: string, eventType: string): Promise<Rule | undefined> {
    const defaults = DEFAULT_RULES.get(eventType);
    if (!defaults) return undefined;
    return effectiveRule(defaults, await this.repository.find(db, tenantId, eventType));
  }
}

function defaultRule(eventType: string): DefaultRule {
  const rule = DEFAULT_RULES.get(eventType);
  if (!rule) {
    throw new NotFoundError(RULE_ERRORS.eventUnknown, `${eventType} does not notify anyone`, { eventType });
  }
  return rule;
}

function effectiveRule(defaults: DefaultRule, override: NotificationRuleRow | undefined): Rule {
  const templateKey = override?.templateKey ?? defaults.templateKey;
  return {
    eventType: defaults.eventType,
    description: defaults.description,
    templateKey,
    category: templateDefinition(templateKey)?.category ?? 'alert',
    channels: (override?.channels ?? defaults.channels) as NotificationChannel[],
    enabled: override?.enabled ?? defaults.enabled,
    source: override ? 'tenant' : 'default',
  };
}
