import { createHash } from 'node:crypto';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ResolvedTenant } from '@haat/contracts';
import { type RequestContext, verifyInternalRequest } from '@haat/tenant';

/** What the fake saw of one proxied request. */
export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
  /** The identity the signature proves, or why verification failed. */
  context: RequestContext | { error: string };
}

/** Options of {@link FakeUpstream}. */
export interface FakeUpstreamOptions {
  name: string;
  secret: string;
  /** Hosts this fake resolves (it plays tenant-service's directory when given). */
  tenants?: Map<string, ResolvedTenant>;
  /** Its `/openapi.json`. */
  openapi?: Record<string, unknown>;
  port?: number;
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string | string[]> = {},
): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(json),
    ...headers,
  });
  res.end(json);
}

/**
 * A real HTTP server standing in for a Haat service: it verifies the gateway's signature on
 * every call with `verifyInternalRequest`, answers tenant resolution (when given tenants), its
 * health and OpenAPI document, and echoes every other request as JSON.
 */
export class FakeUpstream {
  readonly received: ReceivedRequest[] = [];
  /** Hosts asked of the tenant directory, with the identity each call was signed for. */
  readonly resolved: { host: string; context: RequestContext }[] = [];
  /** URLs of requests whose caller hung up before the answer (`?delay=<ms>` answers late). */
  readonly cancelled: string[] = [];
  private server: Server | undefined;
  private port = 0;

  private constructor(private readonly options: FakeUpstreamOptions) {}

  static async start(options: FakeUpstreamOptions): Promise<FakeUpstream> {
    const fake = new FakeUpstream(options);
    await fake.listen(options.port ?? 0);
    return fake;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Requests under `prefix` the upstream received. */
  receivedUnder(prefix: string): ReceivedRequest[] {
    return this.received.filter((r) => r.url.startsWith(prefix));
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Starts again on the same port (the upstream "returns"). */
  async restart(): Promise<void> {
    await this.listen(this.port);
  }

  private async listen(port: number): Promise<void> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => this.handle(req, res, Buffer.concat(chunks)));
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  private verify(req: IncomingMessage, body: Buffer): RequestContext | { error: string } {
    try {
      return verifyInternalRequest({
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        body,
        headers: req.headers,
        secrets: [this.options.secret],
      });
    } catch (error) {
      return { error: (error as { code?: string }).code ?? String(error) };
    }
  }

  private handle(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
    const url = req.url ?? '/';
    if (url === '/health/ready') return send(res, 200, { status: 'ok', checks: {} });
    if (url === '/openapi.json')
      return send(res, 200, this.options.openapi ?? { openapi: '3.1.0', paths: {} });
    const context = this.verify(req, body);
    if (url.startsWith('/internal/v1/tenants/resolve')) return this.resolve(res, url, context);
    this.received.push({ method: req.method ?? '', url, headers: req.headers, body, context });
    if ('error' in context)
      return send(res, 401, { error: { code: context.error, message: 'bad signature', details: {} } });
    // `?status=<code>` makes the echo answer with that status (status and headers pass through).
    const query = new URL(url, 'http://x').searchParams;
    const status = Number(query.get('status') ?? 200);
    const delay = Number(query.get('delay') ?? 0);
    if (delay > 0) {
      res.once('close', () => {
        if (!res.writableEnded) this.cancelled.push(url);
      });
      setTimeout(() => {
        if (!res.destroyed) send(res, status, { service: this.options.name, url, context });
      }, delay);
      return;
    }
    return send(
      res,
      status,
      {
        service: this.options.name,
        method: req.method,
        url,
        context,
        bodySha256: createHash('sha256').update(body).digest('hex'),
      },
      { 'x-upstream': this.options.name, 'set-cookie': ['a=1; Path=/', 'b=2; Path=/'] },
    );
  }

  private resolve(res: ServerResponse, url: string, context: RequestContext | { error: string }): void {
    if ('error' in context)
      return send(res, 401, { error: { code: context.error, message: 'bad signature', details: {} } });
    const host = new URL(url, 'http://x').searchParams.get('host') ?? '';
    this.resolved.push({ host, context });
    const tenant = this.options.tenants?.get(host);
    if (!tenant)
      return send(res, 404, {
        error: { code: 'TENANT_NOT_FOUND', message: `No tenant at ${host}`, details: {} },
      });
    return send(res, 200, tenant);
  }
}
