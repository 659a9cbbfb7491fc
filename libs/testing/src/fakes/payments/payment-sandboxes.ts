import { FakeBkashServer } from './bkash/fake-bkash.server.js';
import { FakePaypalServer } from './paypal/fake-paypal.server.js';
import { FakeSslcommerzServer } from './sslcommerz/fake-sslcommerz.server.js';
import { FakeStripeServer } from './stripe/fake-stripe.server.js';

/** One shop's credentials at every sandbox, in payment-service's `PUT /v1/payments/providers/:provider` shape. */
export interface SandboxCredentials {
  bkash: { username: string; password: string; appKey: string; appSecret: string };
  sslcommerz: { storeId: string; storePassword: string };
  stripe: { secretKey: string; webhookSecret: string };
  paypal: { clientId: string; clientSecret: string; webhookId: string };
  cod: Record<string, never>;
}

/** The four provider sandboxes, started together (the embedded demo and end-to-end tests). */
export interface PaymentSandboxes {
  bkash: FakeBkashServer;
  sslcommerz: FakeSslcommerzServer;
  stripe: FakeStripeServer;
  paypal: FakePaypalServer;
  /**
   * Opens a fresh account for one shop at every sandbox. With `webhooks`, Stripe and PayPal
   * post their events to those URLs as they happen (the demo; tests usually deliver by hand).
   */
  accountsFor(label: string, webhooks?: { stripe?: string; paypal?: string }): SandboxCredentials;
  /**
   * payment-service variables pointing its sandbox base URLs and certificate allow-lists at
   * these fakes.
   */
  env(): Record<string, string>;
  close(): Promise<void>;
}

/** Starts the four sandboxes on loopback (ports from `ports`, or free ones). */
export async function startPaymentSandboxes(
  ports: { bkash?: number; sslcommerz?: number; stripe?: number; paypal?: number } = {},
): Promise<PaymentSandboxes> {
  const bkash = new FakeBkashServer();
  const sslcommerz = new FakeSslcommerzServer();
  const stripe = new FakeStripeServer();
  const paypal = new FakePaypalServer();
  await Promise.all([
    bkash.start(ports.bkash),
    sslcommerz.start(ports.sslcommerz),
    stripe.start(ports.stripe),
    paypal.start(ports.paypal),
  ]);
  const origin = (url: string) => url.replace(/[.]/g, '\\.');
  return {
    bkash,
    sslcommerz,
    stripe,
    paypal,
    accountsFor: (label, webhooks = {}) => {
      const merchant = FakeBkashServer.randomMerchant(label);
      const store = FakeSslcommerzServer.randomStore(label);
      const stripeAccount = { ...FakeStripeServer.randomAccount(), webhookUrl: webhooks.stripe };
      const paypalApp = { ...FakePaypalServer.randomApp(), webhookUrl: webhooks.paypal };
      bkash.addMerchant(merchant);
      sslcommerz.addStore(store);
      stripe.addAccount(stripeAccount);
      paypal.addApp(paypalApp);
      return {
        bkash: {
          username: merchant.username,
          password: merchant.password,
          appKey: merchant.appKey,
          appSecret: merchant.appSecret,
        },
        sslcommerz: { storeId: store.storeId, storePassword: store.storePassword },
        stripe: {
          secretKey: stripeAccount.secretKey,
          webhookSecret: stripeAccount.webhookSecrets[0] as string,
        },
        paypal: {
          clientId: paypalApp.clientId,
          clientSecret: paypalApp.clientSecret,
          webhookId: paypalApp.webhookId,
        },
        cod: {},
      };
    },
    env: () => ({
      BKASH_SANDBOX_URL: bkash.url,
      SSLCOMMERZ_SANDBOX_URL: sslcommerz.url,
      STRIPE_SANDBOX_URL: stripe.url,
      STRIPE_SANDBOX_CHECKOUT_URL: `${stripe.url}/sandbox/checkout`,
      PAYPAL_SANDBOX_URL: paypal.url,
      BKASH_SNS_CERT_URL_PATTERN: `^${origin(bkash.url)}/sns/[^?#]+\\.pem$`,
      PAYPAL_CERT_URL_PATTERN: `^${origin(paypal.url)}/v1/notifications/certs/[^?#]+$`,
    }),
    close: async () => {
      await Promise.all([bkash.close(), sslcommerz.close(), stripe.close(), paypal.close()]);
    },
  };
}
