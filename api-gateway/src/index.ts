export {
  createGateway,
  AUTH_SERVICE,
  TENANT_DIRECTORY_SERVICE,
  type Gateway,
  type GatewayOptions,
} from './gateway.factory.js';
export { loadGatewayConfig, platformHosts, type GatewayConfig } from './config/gateway.config.js';
export { GatewaySettingsSchema, type GatewaySettings } from './config/gateway-settings.schema.js';
export { UpstreamEndpointSchema, type UpstreamEndpoint } from './config/upstream-endpoints.loader.js';
export { ROUTES } from './routing/routes.js';
export { UPSTREAM_SERVICES, type UpstreamServiceDefinition } from './routing/upstream-services.js';
export {
  GatewayRouteSchema,
  RouteScopeSchema,
  type GatewayRoute,
  type RouteScope,
} from './routing/route.schema.js';
export { PUBLIC_RPC_METHODS, type PublicRpcMethod } from './rpc/public-rpc-methods.js';
export { PROTO_LOADER_OPTIONS } from './rpc/proto-method.loader.js';
export { GRPC_ERROR_CODE_METADATA } from './rpc/grpc-status.mapper.js';
export {
  ANONYMOUS,
  type Authentication,
  type Authenticator,
  type Identity,
} from './identity/authenticator.js';
export { IDENTITY_ERRORS } from './identity/identity.errors.js';
export { OPERATOR_IDENTITY, OperatorTokenAuthenticator } from './identity/operator-token.authenticator.js';
export { RESOLVE_HOST_PATH } from './tenancy/tenant-resolver.js';
