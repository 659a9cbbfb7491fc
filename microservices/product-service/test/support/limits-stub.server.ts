import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyInternalRequest } from '@haat/tenant';

export interface LimitCall {
  tenantId: string | null;
  body: { resource: string; current: number; adding: number };
}

/**
 * A stand-in for tenant-service speaking its `POST /v1/limits/check` contract
 * (`{ resource, current, adding }` → `{ allowed, limit, remaining }`), refusing unsigned calls.
 * Limits are set per tenant; unset means unlimited.
 */
export class LimitsStub {
  readonly limits = new Map<string, number>();
  readonly calls: LimitCall[] = [];
  private server: Server | undefined;
  url = '';

  constructor(private readonly secret: string) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.answer(req).then(({ status, body }) => {
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  private async answer(req: IncomingMessage): Promise<{ status: number; body: unknown }> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    if (req.method !== 'POST' || req.url !== '/v1/limits/check') return { status: 404, body: {} };
    let tenantId: string | null;
    try {
      tenantId = verifyInternalRequest({
        method: 'POST',
        path: req.url,
        body: raw,
        headers: req.headers,
        secrets: [this.secret],
      }).tenantId;
    } catch {
      return { status: 401, body: { error: { code: 'INTERNAL_SIGNATURE_INVALID' } } };
    }
    const body = JSON.parse(raw.toString('utf8')) as LimitCall['body'];
    this.calls.push({ tenantId, body });
    const limit = tenantId ? this.limits.get(tenantId) : undefined;
    if (limit === undefined) return { status: 200, body: { allowed: true, limit: null, remaining: null } };
    const remaining = Math.max(0, limit - body.current);
    return { status: 200, body: { allowed: body.adding <= remaining, limit, remaining } };
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}
