import { fileURLToPath } from 'node:url';
import { type Clock, systemClock } from '@haat/common';
import type { ServiceDefinition } from '@haat/service';
import { AppModule } from './app.module.js';
import { assertAuthSecrets, AuthServiceConfigSchema } from './config/auth-service.config.js';
import { registerAuthOpenApi } from './infrastructure/http/auth.openapi.js';

export interface AuthServiceOptions {
  /** The clock for expiries, windows and token times; tests pass a manual one. */
  clock?: Clock;
}

/**
 * auth-service: accounts per tenant (and operators on the platform), password, OTP and social
 * sign-in, access tokens (EdDSA JWT, JWKS, rotation) and rotating refresh tokens, sessions and
 * devices, roles and permissions, API tokens, brute-force throttling.
 */
export function createAuthService(
  options: AuthServiceOptions = {},
): ServiceDefinition<typeof AuthServiceConfigSchema> {
  return {
    name: 'auth-service',
    configSchema: AuthServiceConfigSchema,
    rootModule: (runtime) => {
      assertAuthSecrets(runtime.config);
      return AppModule.forRoot(runtime.database, options.clock ?? systemClock);
    },
    // `../migrations` from both src/ (tests) and dist/ (built).
    migrationsFolder: fileURLToPath(new URL('../migrations', import.meta.url)),
    openapi: registerAuthOpenApi,
  };
}

export const authService = createAuthService();
