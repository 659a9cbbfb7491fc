import type { ServiceClient } from '@haat/resilience';
import type { Logger } from 'pino';
import type { GatewayConfig } from '../config/gateway.config.js';
import type { GatewayMetrics } from '../metrics/gateway-metrics.js';
import { AccessTokenAuthenticator } from './access-token.authenticator.js';
import { ApiTokenAuthenticator } from './api-token.authenticator.js';
import { AuthServiceClient } from './auth-service.client.js';
import type { Authenticator } from './authenticator.js';
import { JwksKeySet } from './jwks-key-set.js';
import { OperatorTokenAuthenticator } from './operator-token.authenticator.js';
import { RevocationPoller } from './revocation.poller.js';
import { RevokedSessions } from './revoked-sessions.js';

/** The gateway's authentication: its authenticators and the revocation feed behind them. */
export interface IdentitySetup {
  /** Asked in order: extra ones, the bootstrap operator token, API tokens, access tokens. */
  authenticators: readonly Authenticator[];
  /** Loads the revoked-session list (waits for the first attempt) and starts polling. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface IdentityDeps {
  /** auth-service's resilience client (shared with its routes: one breaker per upstream). */
  authService: ServiceClient;
  logger: Logger;
  metrics: GatewayMetrics;
  /** Asked before the built-in authenticators. */
  extra?: readonly Authenticator[];
}

/** Wires auth-service's access tokens, API tokens and the operator token as ADR 0013 describes. */
export function setUpIdentity(config: GatewayConfig, deps: IdentityDeps): IdentitySetup {
  const auth = new AuthServiceClient(deps.authService, config.INTERNAL_SIGNING_SECRET);
  const sessions = new RevokedSessions(config.AUTH_REVOCATION_POLL_INTERVAL);
  const poller = new RevocationPoller({
    fetch: (since, signal) => auth.revocationsSince(since, signal),
    sessions,
    intervalMs: config.AUTH_REVOCATION_POLL_INTERVAL,
    lookbackMs: config.AUTH_REVOCATION_LOOKBACK,
    logger: deps.logger,
    onPoll: (ok, revoked) => deps.metrics.recordRevocationPoll(ok, revoked),
  });
  const keys = new JwksKeySet({
    fetch: () => auth.jwks(),
    minRefetchIntervalMs: config.AUTH_JWKS_MIN_REFETCH_INTERVAL,
    onFetch: (reason, ok) => deps.metrics.recordJwksFetch(reason, ok),
    onBackgroundError: (error) =>
      deps.logger.warn({ err: error }, 'JWKS refresh failed; keeping the keys in hand'),
  });
  const authenticators: Authenticator[] = [
    ...(deps.extra ?? []),
    ...(config.HAAT_OPERATOR_TOKEN ? [new OperatorTokenAuthenticator(config.HAAT_OPERATOR_TOKEN)] : []),
    new ApiTokenAuthenticator({
      introspect: (token, requestId) => auth.introspect(token, requestId),
      onIntrospect: (active) => deps.metrics.recordIntrospection(active),
    }),
    new AccessTokenAuthenticator({
      keys,
      sessions,
      issuer: config.AUTH_ISSUER,
      audience: config.AUTH_AUDIENCE,
      clockToleranceMs: config.AUTH_CLOCK_TOLERANCE,
    }),
  ];
  return {
    authenticators,
    start: () => poller.start(),
    stop: () => poller.stop(),
  };
}
