import { newId } from '@haat/common';

const CLIENT_REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

/**
 * The request's id: the client's (or the edge's) `X-Request-Id` when it is a plain token of 8 to
 * 128 characters, so one id follows a request from nginx to the last service; otherwise a new
 * UUIDv7. Anything else a client sends there could forge or break log lines, so it is replaced.
 */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && CLIENT_REQUEST_ID.test(value) ? value : newId();
}
