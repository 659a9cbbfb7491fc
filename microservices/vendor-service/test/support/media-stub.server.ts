import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyInternalRequest } from '@haat/tenant';

export interface MediaStub {
  url: string;
  /** Asset statuses by tenant and id, as media-service would answer `GET /v1/media/:id`. */
  put(
    tenantId: string,
    assetId: string,
    status: 'ready' | 'processing' | 'awaiting_upload' | 'failed',
    error?: string,
  ): void;
  /** Requests that arrived without a valid internal signature. */
  unsigned: number;
  close(): Promise<void>;
}

/**
 * media-service's `GET /v1/media/:id` as seen from vendor-service: answers for the signed tenant
 * only (404 otherwise) and refuses unsigned calls, like the real one. A stand-in because a service
 * may not import another service's code.
 */
export async function startMediaStub(secret: string): Promise<MediaStub> {
  const assets = new Map<string, { status: string; error: string | null }>();
  const stub = { unsigned: 0 };
  const server: Server = createServer((req, res) => {
    const headers = Object.fromEntries(
      Object.entries(req.headers).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])),
    );
    let tenantId: string | null;
    try {
      tenantId = verifyInternalRequest({
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        headers,
        secrets: [secret],
      }).tenantId;
    } catch {
      stub.unsigned += 1;
      res
        .writeHead(401, { 'content-type': 'application/json' })
        .end('{"error":{"code":"INTERNAL_SIGNATURE_INVALID"}}');
      return;
    }
    const id = /^\/v1\/media\/([0-9a-f-]{36})$/.exec(req.url ?? '')?.[1];
    const asset = id && assets.get(`${tenantId}/${id}`);
    if (!id || !asset) {
      res
        .writeHead(404, { 'content-type': 'application/json' })
        .end('{"error":{"code":"MEDIA_NOT_FOUND","message":"No such asset"}}');
      return;
    }
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ id, kind: 'file', ...asset }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    put: (tenantId, assetId, status, error) =>
      assets.set(`${tenantId}/${assetId}`, { status, error: error ?? null }),
    get unsigned() {
      return stub.unsigned;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
