import type { TemplateDefinition } from '../template.definition.js';
import { emailLayout } from './email-layout.js';

export const inventoryLowStockTemplate: TemplateDefinition = {
  key: 'inventory.low-stock',
  category: 'alert',
  description: 'A SKU fell to its low-stock threshold (inventory.low-stock.v1), to its vendor or the shop',
  variables: {
    sku: 'The SKU code',
    available: 'Units available in all warehouses',
    threshold: 'The low-stock threshold',
    onHand: 'Units on hand (including reserved)',
  },
  channels: {
    email: {
      en: {
        subject: 'Low stock: {{ sku }} ({{ available }} left)',
        text:
          'Only {{ available }} units of {{ sku }} are left (threshold {{ threshold }}, {{ onHand }} on hand). ' +
          'Restock soon so orders are not refused.',
        html: emailLayout(
          '<p>Only <b>{{ available }}</b> units of <b>{{ sku }}</b> are left ' +
            '(threshold {{ threshold }}, {{ onHand }} on hand).</p><p>Restock soon so orders are not refused.</p>',
          'en',
        ),
      },
      bn: {
        subject: 'স্টক কম: {{ sku }} ({{ available }}টি বাকি)',
        text:
          '{{ sku }}-এর মাত্র {{ available }}টি বাকি আছে (সীমা {{ threshold }}, হাতে {{ onHand }}টি)। ' +
          'অর্ডার যেন ফিরিয়ে দিতে না হয়, তাই শীঘ্রই স্টক পূরণ করুন।',
        html: emailLayout(
          '<p><b>{{ sku }}</b>-এর মাত্র <b>{{ available }}</b>টি বাকি আছে (সীমা {{ threshold }}, হাতে {{ onHand }}টি)।</p>' +
            '<p>অর্ডার যেন ফিরিয়ে দিতে না হয়, তাই শীঘ্রই স্টক পূরণ করুন।</p>',
          'bn',
        ),
      },
    },
    sms: {
      en: { text: '{{ shop.name }}: low stock, {{ available }} left of {{ sku }}.' },
      bn: { text: '{{ shop.name }}: স্টক কম, {{ sku }}-এর {{ available }}টি বাকি।' },
    },
    push: {
      en: { subject: 'Low stock: {{ sku }}', text: '{{ available }} left (threshold {{ threshold }})' },
      bn: { subject: 'স্টক কম: {{ sku }}', text: '{{ available }}টি বাকি (সীমা {{ threshold }})' },
    },
  },
};
