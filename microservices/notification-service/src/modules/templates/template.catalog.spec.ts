import { describe, expect, it } from 'vitest';
import { NOTIFICATION_LOCALES } from './notification-locale.rules.js';
import { TEMPLATE_CATALOG, templateChannels } from './template.catalog.js';
import { TemplateRenderer } from './template.renderer.js';

const renderer = new TemplateRenderer();
const sample = {
  shop: { name: 'Demo Bazaar' },
  code: '482913',
  expiresInMinutes: 5,
  sku: 'TEA-500G',
  available: 3,
  threshold: 5,
  onHand: 4,
  orderNumber: 'HT-1001',
  customerName: 'Rahim',
  total: 125050,
  currency: 'BDT',
  trackingUrl: 'https://track.example.com/1',
  title: 'Eid sale',
  message: '20% off everything',
  url: 'https://demo.example.com/sale',
};

describe('the shipped templates', () => {
  for (const [key, definition] of TEMPLATE_CATALOG) {
    for (const channel of templateChannels(definition)) {
      for (const locale of NOTIFICATION_LOCALES) {
        it(`${key} renders for ${channel} in ${locale}`, async () => {
          const content = definition.channels[channel]?.[locale];
          expect(content, 'every channel ships in every language').toBeDefined();
          if (!content) return;
          if (channel !== 'sms') expect(content.subject).toBeTruthy();
          if (channel !== 'email') expect(content.html ?? null).toBeNull();
          const out = await renderer.render(content, sample, locale);
          expect(out.text.length).toBeGreaterThan(0);
          expect(out.text).not.toMatch(/\{\{|\{%/);
          // The marketing template's words are the sender's; every other one speaks Bangla itself.
          if (locale === 'bn' && definition.category !== 'marketing')
            expect(`${out.subject ?? ''}${out.text}`).toMatch(/[\u0980-\u09FF]/);
        });
      }
    }
  }
});
