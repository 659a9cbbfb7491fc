import type { ServiceResponse } from './service-client.types.js';

/** Wraps a fully read response. */
export function readServiceResponse(
  status: number,
  headers: Record<string, string | string[] | undefined>,
  body: Buffer,
): ServiceResponse {
  return {
    status,
    headers,
    body,
    text: () => body.toString('utf8'),
    json: <T>() => JSON.parse(body.toString('utf8')) as T,
  };
}
