import type { TemplateDefinition } from '../template.definition.js';
import { emailLayout } from './email-layout.js';

export const marketingAnnouncementTemplate: TemplateDefinition = {
  key: 'marketing.announcement',
  category: 'marketing',
  description: 'News or an offer the shop sends to people who did not opt out of marketing',
  variables: { title: 'Headline', message: 'The announcement', url: 'A link to the offer (may be empty)' },
  channels: {
    email: {
      en: {
        subject: '{{ title }}',
        text:
          '{{ message }}{% if url %}\n\n{{ url }}{% endif %}\n\n--\nYou receive news from {{ shop.name }} because ' +
          'you did not opt out. Change this in your account’s notification settings.',
        html: emailLayout(
          '<h3>{{ title }}</h3><p>{{ message }}</p>{% if url %}<p><a href="{{ url }}">{{ url }}</a></p>{% endif %}' +
            '<p style="color:#777;font-size:12px">You receive news from {{ shop.name }} because you did not opt out. ' +
            'Change this in your account’s notification settings.</p>',
          'en',
        ),
      },
      bn: {
        subject: '{{ title }}',
        text:
          '{{ message }}{% if url %}\n\n{{ url }}{% endif %}\n\n--\nআপনি অপ্ট-আউট করেননি বলে {{ shop.name }}-এর খবর পাচ্ছেন। ' +
          'আপনার অ্যাকাউন্টের নোটিফিকেশন সেটিংস থেকে এটি বদলাতে পারেন।',
        html: emailLayout(
          '<h3>{{ title }}</h3><p>{{ message }}</p>{% if url %}<p><a href="{{ url }}">{{ url }}</a></p>{% endif %}' +
            '<p style="color:#777;font-size:12px">আপনি অপ্ট-আউট করেননি বলে {{ shop.name }}-এর খবর পাচ্ছেন। ' +
            'আপনার অ্যাকাউন্টের নোটিফিকেশন সেটিংস থেকে এটি বদলাতে পারেন।</p>',
          'bn',
        ),
      },
    },
    sms: {
      en: { text: '{{ shop.name }}: {{ title }}. {{ message }}{% if url %} {{ url }}{% endif %}' },
      bn: { text: '{{ shop.name }}: {{ title }}। {{ message }}{% if url %} {{ url }}{% endif %}' },
    },
    push: {
      en: { subject: '{{ title }}', text: '{{ message }}' },
      bn: { subject: '{{ title }}', text: '{{ message }}' },
    },
  },
};
