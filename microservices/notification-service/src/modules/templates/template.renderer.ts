import { type CurrencyCode, CurrencyCodeSchema, formatMajor } from '@haat/common';
import { Liquid, type LiquidOptions } from 'liquidjs';
import type { NotificationLocale } from './notification-locale.rules.js';
import type { TemplateContent } from './template.definition.js';

/** What a template renders to. */
export interface RenderedMessage {
  subject: string | null;
  text: string;
  html: string | null;
}

/** A template that does not parse or render; `field` is the part at fault. */
export class TemplateError extends Error {
  constructor(
    readonly field: 'subject' | 'text' | 'html',
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'TemplateError';
  }
}

/**
 * Liquid with nothing that reaches outside the variables it is given: no file system (include,
 * render and layout look into an empty in-memory map), own properties only (no prototype
 * walking), unknown filters are errors, and parse size, render time and memory are bounded so
 * a tenant's template cannot stall the service.
 */
const SANDBOX: LiquidOptions = {
  templates: {},
  ownPropertyOnly: true,
  strictFilters: true,
  strictVariables: false,
  parseLimit: 50_000,
  renderLimit: 500,
  memoryLimit: 5_000_000,
};

const INTL_LOCALE: Record<NotificationLocale, string> = { en: 'en-BD', bn: 'bn-BD' };

/** Renders templates safely: plain for text, subjects and SMS; HTML-escaping every output for email HTML. */
export class TemplateRenderer {
  private readonly plain = new Liquid(SANDBOX);
  private readonly escaped = new Liquid({ ...SANDBOX, outputEscape: 'escape' });

  constructor() {
    for (const engine of [this.plain, this.escaped]) {
      engine.registerFilter(
        'money',
        function (this: { context: { getSync(p: string[]): unknown } }, amount: unknown, currency: unknown) {
          return formatMoney(amount, currency, this.context.getSync(['locale']));
        },
      );
    }
  }

  /** Throws a `TemplateError` naming the part that does not parse. */
  check(content: TemplateContent): void {
    this.parse(this.plain, 'subject', content.subject);
    this.parse(this.plain, 'text', content.text);
    this.parse(this.escaped, 'html', content.html);
  }

  /** Renders every part; throws a `TemplateError` naming the part that failed. */
  async render(
    content: TemplateContent,
    data: Record<string, unknown>,
    locale: NotificationLocale,
  ): Promise<RenderedMessage> {
    const scope = { ...data, locale };
    const subject = await this.renderPart(this.plain, 'subject', content.subject, scope);
    const text = (await this.renderPart(this.plain, 'text', content.text, scope)) ?? '';
    const html = await this.renderPart(this.escaped, 'html', content.html, scope);
    return { subject: subject?.trim() ?? null, text: text.trim(), html };
  }

  private parse(engine: Liquid, field: TemplateError['field'], source: string | null | undefined): void {
    if (source === null || source === undefined) return;
    try {
      engine.parse(source);
    } catch (err) {
      throw new TemplateError(field, errorMessage(err));
    }
  }

  private async renderPart(
    engine: Liquid,
    field: TemplateError['field'],
    source: string | null | undefined,
    scope: Record<string, unknown>,
  ): Promise<string | null> {
    if (source === null || source === undefined) return null;
    try {
      return String(await engine.parseAndRender(source, scope));
    } catch (err) {
      throw new TemplateError(field, errorMessage(err));
    }
  }
}

/** `{{ total | money: currency }}`: minor units as a localised amount (`৳1,250.50`, `১,২৫০.৫০৳` in Bangla). */
function formatMoney(amount: unknown, currency: unknown, locale: unknown): string {
  const code = CurrencyCodeSchema.safeParse(currency);
  const minor = toBigInt(amount);
  if (!code.success || minor === undefined) return String(amount ?? '');
  const intl = INTL_LOCALE[locale === 'bn' ? 'bn' : 'en'];
  const major = formatMajor({ amountMinor: minor, currency: code.data as CurrencyCode });
  return new Intl.NumberFormat(intl, {
    style: 'currency',
    currency: code.data,
    currencyDisplay: 'narrowSymbol',
  }).format(major as Intl.StringNumericLiteral);
}

function toBigInt(value: unknown): bigint | undefined {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  if (typeof value === 'string' && /^-?\d{1,20}$/.test(value)) return BigInt(value);
  return undefined;
}

function errorMessage(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).slice(0, 500);
}
