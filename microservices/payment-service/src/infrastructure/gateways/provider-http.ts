import { isAppError } from '@haat/common';
import { createServiceClient, type ServiceClient, type ServiceResponse } from '@haat/resilience';
import { providerUnavailable } from './gateway.errors.js';

/** A provider's answer with its body parsed as JSON (an object), or `undefined` when it is not. */
export interface ProviderAnswer {
  status: number;
  body: Record<string, unknown> | undefined;
  headers: ServiceResponse['headers'];
}

/**
 * The HTTP clients of the provider adapters: one keep-alive pool, timeout and circuit breaker per
 * provider origin (from `@haat/resilience`), shared by every tenant (credentials travel per call).
 */
export class ProviderHttp {
  private readonly clients = new Map<string, ServiceClient>();

  constructor(private readonly timeoutMs: number) {}

  /**
   * The client of `baseUrl`. `retries` > 0 only for providers whose unsafe calls carry an
   * idempotency key (the client retries only idempotent requests).
   */
  client(provider: string, baseUrl: string, retries = 0): ServiceClient {
    const key = `${provider}|${baseUrl}|${retries}`;
    let client = this.clients.get(key);
    if (!client) {
      client = createServiceClient({
        name: provider,
        baseUrl,
        timeoutMs: this.timeoutMs,
        retries,
        breaker: { halfOpenAfterMs: 10_000, consecutiveFailures: 10 },
        connections: 16,
      });
      this.clients.set(key, client);
    }
    return client;
  }

  /** Sends a request; a timeout, a refused connection or an open breaker becomes a 503 app error. */
  async send(
    provider: string,
    client: ServiceClient,
    request: Parameters<ServiceClient['request']>[0],
  ): Promise<ProviderAnswer> {
    let response: ServiceResponse;
    try {
      response = await client.request(request);
    } catch (err) {
      if (isAppError(err)) throw providerUnavailable(provider, err.code);
      throw err;
    }
    let body: Record<string, unknown> | undefined;
    try {
      const parsed = JSON.parse(response.text()) as unknown;
      body =
        typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
          ? (parsed as Record<string, unknown>)
          : undefined;
    } catch {
      body = undefined;
    }
    return { status: response.status, body, headers: response.headers };
  }

  async close(): Promise<void> {
    await Promise.all([...this.clients.values()].map((c) => c.close()));
    this.clients.clear();
  }
}

/** True when `err` is the adapter-level "provider did not answer" error. */
export function isProviderTimeout(err: unknown): boolean {
  return isAppError(err) && err.code === 'PAYMENT_PROVIDER_UNAVAILABLE';
}
