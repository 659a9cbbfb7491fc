import { z } from 'zod';
import { UnprocessableError } from '@haat/common';
import { GATEWAY_ERRORS } from '../gateway.errors.js';
import type {
  GatewayAccount,
  GatewayIntent,
  PaymentGateway,
  ProviderState,
  RefundState,
  StartResult,
  VerifiedNotification,
} from '../payment-gateway.js';

/** Cash on delivery needs no credentials. */
export const CodCredentialsSchema = z.object({}).strict();
export type CodCredentials = z.infer<typeof CodCredentialsSchema>;

function unsupported(what: string): UnprocessableError {
  return new UnprocessableError(GATEWAY_ERRORS.notSupported, `Cash on delivery has no ${what}`, {
    provider: 'cod',
  });
}

/**
 * Cash on delivery: nothing to call. The payment waits (`processing`) until the courier reports
 * the collection (`shipping.cod-collected.v1`); a refund is cash or a transfer handed back by
 * staff, recorded as done.
 */
export class CodAdapter implements PaymentGateway<CodCredentials> {
  readonly provider = 'cod' as const;
  readonly credentialsSchema = CodCredentialsSchema;

  async start(_account: GatewayAccount<CodCredentials>, intent: GatewayIntent): Promise<StartResult> {
    return {
      providerRef: intent.reference,
      nextAction: null,
      state: { status: 'pending', providerRef: intent.reference },
    };
  }

  async complete(): Promise<ProviderState> {
    throw unsupported('browser return');
  }

  async sync(): Promise<ProviderState> {
    return { status: 'pending' };
  }

  async capture(): Promise<ProviderState> {
    return { status: 'pending' };
  }

  async cancel(): Promise<ProviderState> {
    return { status: 'canceled' };
  }

  async refund(): Promise<RefundState> {
    return { status: 'succeeded' };
  }

  async refundStatus(): Promise<RefundState> {
    return { status: 'succeeded' };
  }

  async verifyNotification(): Promise<VerifiedNotification> {
    throw unsupported('webhooks');
  }
}
