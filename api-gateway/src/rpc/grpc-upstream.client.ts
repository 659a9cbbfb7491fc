import { Client, Metadata, type ServiceError, status as Status, credentials } from '@grpc/grpc-js';
import { UnavailableError } from '@haat/common';
import { UPSTREAM_ERRORS } from '@haat/resilience';
import {
  CircuitState,
  ConsecutiveBreaker,
  circuitBreaker,
  handleWhen,
  isBrokenCircuitError,
} from 'cockatiel';
import { isGrpcServiceError } from './grpc-status.mapper.js';
import type { RpcMethodDefinition } from './proto-method.loader.js';

/** Options of {@link GrpcUpstream}. */
export interface GrpcUpstreamOptions {
  /** Service name (errors, metrics). */
  name: string;
  /** `host:port`. */
  address: string;
  timeoutMs: number;
  consecutiveFailures: number;
  halfOpenAfterMs: number;
}

/** Statuses that mean "the server is down or overloaded", as the breaker counts failures. */
const TRANSPORT_FAILURES = new Set([Status.UNAVAILABLE, Status.DEADLINE_EXCEEDED]);

/**
 * Unary calls to one upstream gRPC server through a cockatiel circuit breaker (`@haat/resilience`
 * is HTTP-only): after `consecutiveFailures` unreachable or timed-out calls, calls fail fast with
 * 503 `UPSTREAM_UNAVAILABLE` and a retry-after until one half-open probe succeeds. The bridge
 * serves POSTs, so nothing is retried.
 */
export class GrpcUpstream {
  private readonly client: Client;
  private readonly breaker;
  private openedAt = 0;

  constructor(private readonly options: GrpcUpstreamOptions) {
    this.client = new Client(options.address, credentials.createInsecure());
    this.breaker = circuitBreaker(
      handleWhen((error) => isGrpcServiceError(error) && TRANSPORT_FAILURES.has(error.code)),
      {
        halfOpenAfter: options.halfOpenAfterMs,
        breaker: new ConsecutiveBreaker(options.consecutiveFailures),
      },
    );
    this.breaker.onStateChange((state) => {
      if (state === CircuitState.Open) this.openedAt = Date.now();
    });
  }

  get name(): string {
    return this.options.name;
  }

  /** Sends the already-serialised request; resolves to the decoded response object. */
  async call(method: RpcMethodDefinition, request: Buffer, headers: Record<string, string>): Promise<object> {
    const metadata = new Metadata();
    for (const [key, value] of Object.entries(headers)) metadata.set(key, value);
    try {
      return await this.breaker.execute(() => this.unary(method, request, metadata));
    } catch (error) {
      if (isBrokenCircuitError(error)) {
        throw new UnavailableError(
          UPSTREAM_ERRORS.unavailable,
          `${this.options.name} is unavailable (circuit open)`,
          {
            upstream: this.options.name,
            retryAfterMs: Math.max(0, this.openedAt + this.options.halfOpenAfterMs - Date.now()),
          },
        );
      }
      throw error;
    }
  }

  private unary(method: RpcMethodDefinition, request: Buffer, metadata: Metadata): Promise<object> {
    return new Promise((resolve, reject) => {
      this.client.makeUnaryRequest(
        method.path,
        (bytes: Buffer) => bytes,
        method.responseDeserialize,
        request,
        metadata,
        { deadline: Date.now() + this.options.timeoutMs },
        (error: ServiceError | null, response?: object) => {
          if (error) reject(error);
          else resolve(response ?? {});
        },
      );
    });
  }

  close(): void {
    this.client.close();
  }
}
