export { createServiceClient } from './service-client.factory.js';
export { UPSTREAM_ERRORS } from './resilience.errors.js';
export {
  BreakerOptionsSchema,
  ServiceClientOptionsSchema,
  type BreakerOptions,
  type ServiceClientOptions,
} from './service-client.options.js';
export type {
  BreakerState,
  HttpMethod,
  JsonRequestOptions,
  QueryValue,
  RequestSigner,
  ServiceClient,
  ServiceRequest,
  ServiceResponse,
  SignableRequest,
} from './service-client.types.js';
