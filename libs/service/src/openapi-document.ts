import { ErrorBodySchema } from '@haat/common';
import { OpenAPIRegistry, OpenApiGeneratorV31, type ResponseConfig } from '@haat/contracts/openapi';

/** Builds a service's OpenAPI 3.1 document from the Zod schemas its routes registered. */
export function buildOpenApiDocument(
  service: string,
  register?: (registry: OpenAPIRegistry) => void,
): unknown {
  const registry = new OpenAPIRegistry();
  register?.(registry);
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: service, version: '1' },
  });
}

const errorResponse = (description: string): ResponseConfig => ({
  description,
  content: { 'application/json': { schema: ErrorBodySchema } },
});

/** The error responses every route can give, to spread into a route's `responses`. */
export const standardErrorResponses: Record<number, ResponseConfig> = {
  400: errorResponse('Invalid request: `details.fields` names each bad field'),
  401: errorResponse('Not signed in, or the internal signature is missing or wrong'),
  403: errorResponse('Not allowed'),
  404: errorResponse('Not found'),
  409: errorResponse('Conflicts with the current state'),
  429: errorResponse('Rate limited'),
};
