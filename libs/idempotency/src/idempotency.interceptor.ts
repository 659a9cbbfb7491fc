import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  Logger,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { from, lastValueFrom, type Observable, of } from 'rxjs';
import { InternalError, renderError, requestIdOf } from '@haat/common';
import type { RequestWithContext } from '@haat/tenant';
import { idempotencyKeyRequired } from './idempotency.errors.js';
import { IDEMPOTENCY_KEY_HEADER, parseIdempotencyKey } from './idempotency-key.parser.js';
import {
  type IdempotencyAttempt,
  IdempotencyService,
  type IdempotentResponse,
} from './idempotency.service.js';
import { IdempotentMetadata } from './idempotent.metadata.js';
import { fingerprintRequest } from './request.fingerprint.js';

/** Set on a replayed response. */
export const IDEMPOTENT_REPLAYED_HEADER = 'idempotent-replayed';

const HANDLED = Symbol('haat.idempotency.handled');

interface IdempotentRequest extends RequestWithContext {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  rawBody?: Buffer;
  body?: unknown;
  id?: string;
  [HANDLED]?: true;
}

interface IdempotentReply {
  statusCode: number;
  status(code: number): unknown;
  header(name: string, value: string): unknown;
  getHeaders(): Record<string, unknown>;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE']);
// Headers that describe this transfer or this request rather than the response: not replayed.
const UNSTORED_HEADERS = new Set([
  'connection',
  'content-length',
  'date',
  'keep-alive',
  'set-cookie',
  'traceparent',
  'transfer-encoding',
  'x-request-id',
  IDEMPOTENT_REPLAYED_HEADER,
]);
// 4xx answers that depend on the moment, not on the request: a retry must run again.
const TRANSIENT_CLIENT_ERRORS = new Set([408, 425, 429]);

function storableHeaders(headers: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const n = name.toLowerCase();
    if (UNSTORED_HEADERS.has(n)) continue;
    if (typeof value === 'string' || typeof value === 'number') out[n] = String(value);
  }
  return out;
}

function bodyOf(req: IdempotentRequest): Buffer | string | undefined {
  if (req.rawBody) return req.rawBody;
  if (req.body === undefined || typeof req.body === 'string') return req.body;
  return JSON.stringify(req.body);
}

/**
 * Runs a route marked `@Idempotent()` at most once per `Idempotency-Key`, tenant and user (see
 * `IdempotencyService`). Stores the handler's response, and the error response of a 4xx it
 * throws; forgets the key when the handler fails with a 5xx or an unexpected error.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Idempotency');

  constructor(
    private readonly reflector: Reflector,
    private readonly idempotency: IdempotencyService,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const options = this.reflector.getAllAndOverride(IdempotentMetadata, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!options || context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<IdempotentRequest>();
    const reply = context.switchToHttp().getResponse<IdempotentReply>();
    // Installed twice (decorator and globally) it must still claim the key once.
    if (req[HANDLED] || SAFE_METHODS.has(req.method.toUpperCase())) return next.handle();
    req[HANDLED] = true;

    const key = parseIdempotencyKey(req.headers[IDEMPOTENCY_KEY_HEADER]);
    if (key === undefined) {
      if (options.required) throw idempotencyKeyRequired();
      return next.handle();
    }
    const ctx = req.haatContext;
    if (!ctx) {
      throw new InternalError('CONTEXT_MISSING', 'No request context: is the InternalAuthGuard installed?');
    }
    const outcome = await this.idempotency.begin(
      ctx,
      key,
      fingerprintRequest(req.method, req.url, bodyOf(req)),
    );
    if (outcome.kind === 'replay') {
      const { status, headers, body } = outcome.response;
      reply.status(status);
      for (const [name, value] of Object.entries(headers)) reply.header(name, value);
      reply.header(IDEMPOTENT_REPLAYED_HEADER, 'true');
      return of(body);
    }
    // Run and record as a promise of its own: what happens to the key must not depend on
    // whether the framework still listens (a client that went away).
    return from(this.runFirst(outcome.attempt, next, req, reply));
  }

  private async runFirst(
    attempt: IdempotencyAttempt,
    next: CallHandler,
    req: IdempotentRequest,
    reply: IdempotentReply,
  ): Promise<unknown> {
    let body: unknown;
    try {
      body = await lastValueFrom(next.handle(), { defaultValue: undefined });
    } catch (err) {
      await this.recordFailure(attempt, err, requestIdOf(req));
      throw err;
    }
    await this.record(attempt, {
      status: reply.statusCode,
      headers: storableHeaders(reply.getHeaders()),
      body,
    });
    return body;
  }

  private async recordFailure(attempt: IdempotencyAttempt, err: unknown, requestId?: string): Promise<void> {
    const rendered = renderError(err, requestId);
    if (rendered.status >= 400 && rendered.status < 500 && !TRANSIENT_CLIENT_ERRORS.has(rendered.status)) {
      await this.record(attempt, { status: rendered.status, headers: rendered.headers, body: rendered.body });
      return;
    }
    try {
      await this.idempotency.release(attempt);
    } catch (releaseErr) {
      // The key stays in progress and unblocks after the stale timeout; the handler's own
      // error is what the client must see.
      this.logger.error({ err: releaseErr, key: attempt.scope.key }, 'could not release idempotency key');
    }
  }

  private async record(attempt: IdempotencyAttempt, response: IdempotentResponse): Promise<void> {
    try {
      const stored = await this.idempotency.complete(attempt, response);
      if (!stored) {
        this.logger.warn(
          { key: attempt.scope.key },
          'idempotency key was taken over before this request completed',
        );
      }
    } catch (err) {
      // The effect has happened: answering with it is better than a 500 that invites a retry.
      // The key stays in progress (409) until the stale timeout, then a retry runs again.
      this.logger.error({ err, key: attempt.scope.key }, 'could not store idempotent response');
    }
  }
}
