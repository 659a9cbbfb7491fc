import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyInternalRequest } from '@haat/tenant';

export interface StubWarehouse {
  id: string;
  code: string;
  vendorId: string;
  location: { latitude: number; longitude: number } | null;
}

/**
 * inventory-service's read API as shipping-service uses it (`GET /v1/warehouses`,
 * `GET /v1/stock`), with the same page shapes; every request must carry a valid internal signature.
 */
export class InventoryStub {
  readonly warehouses: StubWarehouse[] = [];
  /** `${warehouseId}|${sku}` → units on hand. */
  readonly onHand = new Map<string, number>();
  /** Requests that passed the signature check, by tenant. */
  readonly served: { tenantId: string | null; path: string }[] = [];
  secret = '';
  private server: Server | undefined;
  url = '';

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://stub.invalid');
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      let tenantId: string | null;
      try {
        tenantId = verifyInternalRequest({
          method: req.method ?? 'GET',
          path: req.url ?? '/',
          body: undefined,
          headers: req.headers,
          secrets: [this.secret],
        }).tenantId;
      } catch {
        send(401, { error: { code: 'INTERNAL_SIGNATURE_INVALID', message: 'bad signature', details: {} } });
        return;
      }
      this.served.push({ tenantId, path: url.pathname });
      if (url.pathname === '/v1/warehouses') {
        const vendorId = url.searchParams.get('vendorId');
        const items = this.warehouses
          .filter((w) => !vendorId || w.vendorId === vendorId)
          .map((w) => ({ ...w, active: true }));
        send(200, { items, nextCursor: null });
        return;
      }
      if (url.pathname === '/v1/stock') {
        const sku = url.searchParams.get('sku');
        const items = this.warehouses.flatMap((w) => {
          const units = this.onHand.get(`${w.id}|${sku}`);
          return units === undefined
            ? []
            : [
                {
                  warehouseId: w.id,
                  sku,
                  onHand: units,
                  reserved: 0,
                  available: units,
                  vendorId: w.vendorId,
                  warehouseActive: true,
                },
              ];
        });
        send(200, { items, nextCursor: null });
        return;
      }
      send(404, { error: { code: 'ROUTE_NOT_FOUND', message: 'no route', details: {} } });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
