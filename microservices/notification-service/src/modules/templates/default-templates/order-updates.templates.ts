import type { TemplateDefinition } from '../template.definition.js';
import { emailLayout } from './email-layout.js';

const orderVariables = {
  orderNumber: 'The order number the customer sees',
  customerName: 'The customer’s name (may be empty)',
  total: 'Order total in minor units; format with `{{ total | money: currency }}`',
  currency: 'ISO 4217 currency of the total',
};

export const orderConfirmedTemplate: TemplateDefinition = {
  key: 'order.confirmed',
  category: 'order',
  description: 'The order was confirmed (payment captured or cash on delivery accepted)',
  variables: orderVariables,
  channels: {
    email: {
      en: {
        subject: 'Order {{ orderNumber }} confirmed',
        text:
          "Hi {{ customerName | default: 'there' }},\n\nThank you for shopping at {{ shop.name }}. " +
          'Your order {{ orderNumber }} for {{ total | money: currency }} is confirmed.',
        html: emailLayout(
          "<p>Hi {{ customerName | default: 'there' }},</p><p>Thank you for shopping at {{ shop.name }}. " +
            'Your order <b>{{ orderNumber }}</b> for <b>{{ total | money: currency }}</b> is confirmed.</p>',
          'en',
        ),
      },
      bn: {
        subject: 'অর্ডার {{ orderNumber }} নিশ্চিত হয়েছে',
        text:
          "প্রিয় {{ customerName | default: 'গ্রাহক' }},\n\n{{ shop.name }} থেকে কেনাকাটার জন্য ধন্যবাদ। " +
          'আপনার অর্ডার {{ orderNumber }} ({{ total | money: currency }}) নিশ্চিত হয়েছে।',
        html: emailLayout(
          "<p>প্রিয় {{ customerName | default: 'গ্রাহক' }},</p><p>{{ shop.name }} থেকে কেনাকাটার জন্য ধন্যবাদ। " +
            'আপনার অর্ডার <b>{{ orderNumber }}</b> (<b>{{ total | money: currency }}</b>) নিশ্চিত হয়েছে।</p>',
          'bn',
        ),
      },
    },
    sms: {
      en: { text: '{{ shop.name }}: order {{ orderNumber }} ({{ total | money: currency }}) is confirmed.' },
      bn: { text: '{{ shop.name }}: অর্ডার {{ orderNumber }} ({{ total | money: currency }}) নিশ্চিত হয়েছে।' },
    },
    push: {
      en: { subject: 'Order {{ orderNumber }} confirmed', text: 'Total {{ total | money: currency }}' },
      bn: { subject: 'অর্ডার {{ orderNumber }} নিশ্চিত', text: 'মোট {{ total | money: currency }}' },
    },
  },
};

export const orderShippedTemplate: TemplateDefinition = {
  key: 'order.shipped',
  category: 'order',
  description: 'A shipment of the order left the warehouse',
  variables: { ...orderVariables, trackingUrl: 'Where to follow the parcel (may be empty)' },
  channels: {
    email: {
      en: {
        subject: 'Order {{ orderNumber }} is on its way',
        text: 'Your order {{ orderNumber }} is on its way.{% if trackingUrl %} Track it: {{ trackingUrl }}{% endif %}',
        html: emailLayout(
          '<p>Your order <b>{{ orderNumber }}</b> is on its way.</p>' +
            '{% if trackingUrl %}<p><a href="{{ trackingUrl }}">Track your parcel</a></p>{% endif %}',
          'en',
        ),
      },
      bn: {
        subject: 'অর্ডার {{ orderNumber }} পাঠানো হয়েছে',
        text: 'আপনার অর্ডার {{ orderNumber }} পাঠানো হয়েছে।{% if trackingUrl %} ট্র্যাক করুন: {{ trackingUrl }}{% endif %}',
        html: emailLayout(
          '<p>আপনার অর্ডার <b>{{ orderNumber }}</b> পাঠানো হয়েছে।</p>' +
            '{% if trackingUrl %}<p><a href="{{ trackingUrl }}">পার্সেল ট্র্যাক করুন</a></p>{% endif %}',
          'bn',
        ),
      },
    },
    sms: {
      en: {
        text: '{{ shop.name }}: order {{ orderNumber }} shipped.{% if trackingUrl %} {{ trackingUrl }}{% endif %}',
      },
      bn: {
        text: '{{ shop.name }}: অর্ডার {{ orderNumber }} পাঠানো হয়েছে।{% if trackingUrl %} {{ trackingUrl }}{% endif %}',
      },
    },
    push: {
      en: { subject: 'Order {{ orderNumber }} shipped', text: 'Your parcel is on its way' },
      bn: { subject: 'অর্ডার {{ orderNumber }} পাঠানো হয়েছে', text: 'আপনার পার্সেল পথে আছে' },
    },
  },
};

export const orderDeliveredTemplate: TemplateDefinition = {
  key: 'order.delivered',
  category: 'order',
  description: 'The courier delivered the order',
  variables: orderVariables,
  channels: {
    email: {
      en: {
        subject: 'Order {{ orderNumber }} delivered',
        text: 'Your order {{ orderNumber }} was delivered. Thank you for shopping at {{ shop.name }}!',
        html: emailLayout(
          '<p>Your order <b>{{ orderNumber }}</b> was delivered. Thank you for shopping at {{ shop.name }}!</p>',
          'en',
        ),
      },
      bn: {
        subject: 'অর্ডার {{ orderNumber }} পৌঁছে গেছে',
        text: 'আপনার অর্ডার {{ orderNumber }} পৌঁছে গেছে। {{ shop.name }} থেকে কেনাকাটার জন্য ধন্যবাদ!',
        html: emailLayout(
          '<p>আপনার অর্ডার <b>{{ orderNumber }}</b> পৌঁছে গেছে। {{ shop.name }} থেকে কেনাকাটার জন্য ধন্যবাদ!</p>',
          'bn',
        ),
      },
    },
    sms: {
      en: { text: '{{ shop.name }}: order {{ orderNumber }} delivered. Thank you!' },
      bn: { text: '{{ shop.name }}: অর্ডার {{ orderNumber }} পৌঁছে গেছে। ধন্যবাদ!' },
    },
    push: {
      en: { subject: 'Order {{ orderNumber }} delivered', text: 'Thank you for shopping with us' },
      bn: { subject: 'অর্ডার {{ orderNumber }} পৌঁছে গেছে', text: 'আমাদের সাথে কেনাকাটার জন্য ধন্যবাদ' },
    },
  },
};
