import type { TemplateDefinition } from '../template.definition.js';
import { emailLayout } from './email-layout.js';

export const authOtpTemplate: TemplateDefinition = {
  key: 'auth.otp',
  category: 'otp',
  description: 'A one-time sign-in code (auth.otp-requested.v1)',
  variables: {
    code: 'The one-time code',
    expiresInMinutes: 'Minutes until the code expires',
    purpose: 'Why the code was asked for (sign-in)',
  },
  channels: {
    sms: {
      en: {
        text: '{{ code }} is your {{ shop.name }} code. It expires in {{ expiresInMinutes }} minutes. Never share it.',
      },
      bn: {
        text: '{{ shop.name }}-এ আপনার কোড {{ code }}। কোডটি {{ expiresInMinutes }} মিনিটে মেয়াদোত্তীর্ণ হবে। কাউকে জানাবেন না।',
      },
    },
    email: {
      en: {
        subject: 'Your {{ shop.name }} code: {{ code }}',
        text:
          'Your one-time code is {{ code }}.\n\nIt expires in {{ expiresInMinutes }} minutes. ' +
          'If you did not ask for it, ignore this email. Never share the code with anyone.',
        html: emailLayout(
          '<p>Your one-time code is</p><p style="font-size:28px;letter-spacing:4px"><b>{{ code }}</b></p>' +
            '<p>It expires in {{ expiresInMinutes }} minutes. If you did not ask for it, ignore this email. ' +
            'Never share the code with anyone.</p>',
          'en',
        ),
      },
      bn: {
        subject: 'আপনার {{ shop.name }} কোড: {{ code }}',
        text:
          'আপনার এককালীন কোড {{ code }}।\n\nকোডটি {{ expiresInMinutes }} মিনিটে মেয়াদোত্তীর্ণ হবে। ' +
          'আপনি এটি না চাইলে এই ইমেইলটি উপেক্ষা করুন। কোডটি কাউকে জানাবেন না।',
        html: emailLayout(
          '<p>আপনার এককালীন কোড</p><p style="font-size:28px;letter-spacing:4px"><b>{{ code }}</b></p>' +
            '<p>কোডটি {{ expiresInMinutes }} মিনিটে মেয়াদোত্তীর্ণ হবে। আপনি এটি না চাইলে এই ইমেইলটি উপেক্ষা করুন। ' +
            'কোডটি কাউকে জানাবেন না।</p>',
          'bn',
        ),
      },
    },
  },
};
