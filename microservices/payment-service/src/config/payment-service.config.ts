import { duration, type PlatformConfig, url } from '@haat/config';
import { z } from 'zod';

/** Development-only key of the credential cipher; distributed mode refuses to start with it. */
export const EMBEDDED_CREDENTIALS_KEY = Buffer.from('haat-embedded-payment-credential').toString('base64');

const httpUrl = url(['http', 'https']);

const regex = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .refine((source) => {
      try {
        new RegExp(source);
        return true;
      } catch {
        return false;
      }
    }, 'must be a regular expression');

const aesKey = z
  .string()
  .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64-encoded');

/** payment-service's own variables, merged with the platform's by `startService`. */
export const PaymentServiceConfigSchema = z.object({
  /** AES-256-GCM key (base64, 32 bytes) that encrypts tenants' provider credentials at rest. */
  PAYMENT_CREDENTIALS_KEY: aesKey.default(EMBEDDED_CREDENTIALS_KEY),
  /** Keys being rotated out, comma-separated: still decrypt, never encrypt. */
  PAYMENT_CREDENTIALS_PREVIOUS_KEYS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(aesKey)),
  /**
   * Where provider callbacks and return URLs point. Empty: the origin the gateway saw
   * (`x-forwarded-proto` + `x-forwarded-host`), so each tenant's callbacks go to its own host.
   */
  PAYMENT_PUBLIC_BASE_URL: httpUrl.optional(),
  /** Path prefix of this service's routes on that origin (`/api` behind the gateway, `/` for none). */
  PAYMENT_PUBLIC_PATH_PREFIX: z
    .string()
    .regex(/^\/$|^(\/[a-z0-9-]+)+$/, 'must be / or look like /api')
    .default('/api')
    .transform((v) => (v === '/' ? '' : v)),
  /** Bound of one call to a provider. */
  PAYMENT_PROVIDER_TIMEOUT: duration(15_000),
  /** How often pending refunds are checked with their provider. */
  PAYMENT_REFUND_CHECK_INTERVAL: duration(30_000),
  /** Provider origins per mode; tests and the embedded demo point the sandbox ones at the fakes. */
  BKASH_SANDBOX_URL: httpUrl.default('https://tokenized.sandbox.bka.sh'),
  BKASH_LIVE_URL: httpUrl.default('https://tokenized.pay.bka.sh'),
  BKASH_API_VERSION: z
    .string()
    .regex(/^[a-z0-9.-]+$/)
    .default('v1.2.0-beta'),
  /** Accepted `SigningCertURL`s of bKash IPNs (Amazon SNS); the URL comes from the message itself. */
  BKASH_SNS_CERT_URL_PATTERN: regex(
    '^https://sns\\.[a-zA-Z0-9-]{3,}\\.amazonaws\\.com(\\.cn)?/[^?#]+\\.pem$',
  ),
  SSLCOMMERZ_SANDBOX_URL: httpUrl.default('https://sandbox.sslcommerz.com'),
  SSLCOMMERZ_LIVE_URL: httpUrl.default('https://securepay.sslcommerz.com'),
  STRIPE_SANDBOX_URL: httpUrl.default('https://api.stripe.com'),
  STRIPE_LIVE_URL: httpUrl.default('https://api.stripe.com'),
  /** Sandbox only: a hosted card page (the fake's) customers are sent to instead of Stripe.js. */
  STRIPE_SANDBOX_CHECKOUT_URL: httpUrl.optional(),
  /** Largest age of a `Stripe-Signature` timestamp. */
  STRIPE_WEBHOOK_TOLERANCE: duration(300_000),
  PAYPAL_SANDBOX_URL: httpUrl.default('https://api-m.sandbox.paypal.com'),
  PAYPAL_LIVE_URL: httpUrl.default('https://api-m.paypal.com'),
  /** Accepted `PAYPAL-CERT-URL`s of PayPal webhooks. */
  PAYPAL_CERT_URL_PATTERN: regex(
    '^https://api(-m)?\\.(sandbox\\.)?paypal\\.com/v1/notifications/certs/[^?#]+$',
  ),
  /** Where report PDFs are stored. */
  REPORTS_DIR: z.string().min(1).default('.data/reports/payment-service'),
  /** TrueType font for report PDFs (Bangla needs one, e.g. FreeSans); pdfkit's Helvetica when unset. */
  REPORT_FONT: z.string().min(1).optional(),
});

export type PaymentServiceConfig = PlatformConfig & z.output<typeof PaymentServiceConfigSchema>;

/** Refuses production-like start-up with the development credentials key. */
export function assertPaymentSecrets(config: PaymentServiceConfig): void {
  if (config.HAAT_MODE === 'distributed' && config.PAYMENT_CREDENTIALS_KEY === EMBEDDED_CREDENTIALS_KEY) {
    throw new Error('PAYMENT_CREDENTIALS_KEY: must be set to a real key in distributed mode');
  }
}
