import type { OpenAPIRegistry } from '@haat/contracts/openapi';
import { registerAccountsOpenApi } from '../../modules/accounts/accounts.openapi.js';
import { registerApiTokensOpenApi } from '../../modules/api-tokens/api-tokens.openapi.js';
import { registerOperatorsOpenApi } from '../../modules/operators/operators.openapi.js';
import { registerRolesOpenApi } from '../../modules/roles/roles.openapi.js';

/** Every public route of auth-service, for its OpenAPI document. */
export function registerAuthOpenApi(registry: OpenAPIRegistry): void {
  registerAccountsOpenApi(registry);
  registerRolesOpenApi(registry);
  registerApiTokensOpenApi(registry);
  registerOperatorsOpenApi(registry);
}
