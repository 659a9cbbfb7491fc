import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** One request as a fake provider received it. */
export interface FakeRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
  /** Path parameters (`:id` segments of the route). */
  params: Record<string, string>;
  /** Which provider credential the handler recognised (a merchant username, a key id…). */
  credential?: string;
}

/** What a handler answers. A non-string, non-Buffer body is sent as JSON. */
export interface FakeResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export type FakeHandler = (req: FakeRequest) => FakeResponse | Promise<FakeResponse>;

/** A request the fake served, kept for assertions (`calls`). */
export interface RecordedCall {
  method: string;
  path: string;
  query: string;
  headers: IncomingHttpHeaders;
  body: string;
  credential?: string;
  status: number;
  at: Date;
}

/**
 * A fault injected into the next matching requests:
 * - `respond`: answer this instead of running the handler (5xx, 503 maintenance, 429);
 * - `delayAfter`: run the handler (its effect is committed) and answer only after `ms` —
 *   the client times out although the operation happened;
 * - `delayBefore`: wait `ms`, then run the handler.
 */
export type FakeFault =
  | { kind: 'respond'; response: FakeResponse }
  | { kind: 'delayAfter'; ms: number }
  | { kind: 'delayBefore'; ms: number };

interface Route {
  method: string;
  pattern: RegExp;
  keys: string[];
  handler: FakeHandler;
}

interface PendingFault {
  method?: string;
  path: string | RegExp;
  fault: FakeFault;
  remaining: number;
}

function compile(path: string): { pattern: RegExp; keys: string[] } {
  const keys: string[] = [];
  const source = path
    .split('/')
    .map((segment) => {
      if (segment.startsWith(':')) {
        keys.push(segment.slice(1));
        return '([^/]+)';
      }
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { pattern: new RegExp(`^${source}$`), keys };
}

/** JSON body of a request, or undefined when it is not JSON. */
export function jsonBody(req: FakeRequest): unknown {
  if (req.rawBody.length === 0) return undefined;
  try {
    return JSON.parse(req.rawBody.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** Form fields of a request: `application/x-www-form-urlencoded` or `multipart/form-data`. */
export async function formBody(req: FakeRequest): Promise<URLSearchParams> {
  const type = String(req.headers['content-type'] ?? '');
  if (type.startsWith('multipart/form-data')) {
    // The platform's own multipart parser (undici's Request), no dependency needed.
    const parsed = await new Request('http://fake.invalid/', {
      method: 'POST',
      headers: { 'content-type': type },
      body: req.rawBody,
    }).formData();
    const out = new URLSearchParams();
    for (const [key, value] of parsed.entries()) if (typeof value === 'string') out.append(key, value);
    return out;
  }
  return new URLSearchParams(req.rawBody.toString('utf8'));
}

/** The first value of a header. */
export function header(req: FakeRequest, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** Escapes text for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A small HTML page of a sandbox (hosted checkout, approval, 3-D Secure). */
export function htmlPage(title: string, inner: string): FakeResponse {
  return {
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title><style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem;color:#222}button{display:block;width:100%;margin:.5rem 0;padding:.8rem;font-size:1rem;border-radius:.4rem;border:1px solid #888;background:#f6f6f6;cursor:pointer}button.primary{background:#1a7f37;color:#fff;border-color:#1a7f37}.note{color:#666;font-size:.85rem}</style></head><body><h1>${escapeHtml(title)}</h1>${inner}<p class="note">Sandbox: no real money moves.</p></body></html>`,
  };
}

/** A page that POSTs `fields` to `action` as soon as it loads (how gateways return a browser). */
export function autoPostPage(action: string, fields: Record<string, string>): FakeResponse {
  const inputs = Object.entries(fields)
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join('');
  return htmlPage(
    'Returning to the shop…',
    `<form id="back" method="post" action="${escapeHtml(action)}">${inputs}<button class="primary" type="submit">Continue</button></form><script>document.getElementById('back').submit()</script>`,
  );
}

/** A 302 to `location`. */
export function redirect(location: string): FakeResponse {
  return { status: 302, headers: { location }, body: '' };
}

/** Appends query parameters to a URL that may already have a query string. */
export function withQuery(url: string, params: Record<string, string>): string {
  const target = new URL(url);
  for (const [k, v] of Object.entries(params)) target.searchParams.set(k, v);
  return target.toString();
}

/**
 * A tiny HTTP server for provider fakes: routes with `:params`, recorded calls, injected
 * faults. Built on `node:http` so the fakes need no dependency and answer byte-exact bodies.
 */
export class FakeHttpServer {
  private readonly routes: Route[] = [];
  private readonly faults: PendingFault[] = [];
  private server: Server | undefined;
  private baseUrl = '';
  /** Every request served, oldest first. */
  readonly calls: RecordedCall[] = [];

  constructor(private readonly notFound: FakeResponse = { status: 404, body: { message: 'Not Found' } }) {}

  route(method: string, path: string, handler: FakeHandler): this {
    this.routes.push({ method, ...compile(path), handler });
    return this;
  }

  /** Injects `fault` into the next `times` requests matching `method` and `path`. */
  inject(match: { method?: string; path: string | RegExp }, fault: FakeFault, times = 1): void {
    this.faults.push({ ...match, fault, remaining: times });
  }

  /** Forgets pending faults and recorded calls. */
  reset(): void {
    this.faults.length = 0;
    this.calls.length = 0;
  }

  /** `http://127.0.0.1:<port>` once started. */
  get url(): string {
    if (!this.baseUrl) throw new Error('The fake server is not started');
    return this.baseUrl;
  }

  async start(port = 0, host = '127.0.0.1'): Promise<string> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const target = new URL(req.url ?? '/', 'http://fake.invalid');
        const request: FakeRequest = {
          method: req.method ?? 'GET',
          path: target.pathname,
          query: target.searchParams,
          headers: req.headers,
          rawBody: Buffer.concat(chunks),
          params: {},
        };
        void this.serve(request, res);
      });
    });
    server.keepAliveTimeout = 1_000;
    await new Promise<void>((resolve) => server.listen(port, host, resolve));
    this.server = server;
    this.baseUrl = `http://${host}:${(server.address() as AddressInfo).port}`;
    return this.baseUrl;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private takeFault(req: FakeRequest): FakeFault | undefined {
    const i = this.faults.findIndex(
      (f) =>
        (f.method === undefined || f.method === req.method) &&
        (typeof f.path === 'string' ? f.path === req.path : f.path.test(req.path)),
    );
    if (i < 0) return undefined;
    const found = this.faults[i] as PendingFault;
    found.remaining -= 1;
    if (found.remaining <= 0) this.faults.splice(i, 1);
    return found.fault;
  }

  private async serve(req: FakeRequest, res: ServerResponse): Promise<void> {
    let response: FakeResponse;
    const fault = this.takeFault(req);
    try {
      if (fault?.kind === 'delayBefore') await sleep(fault.ms);
      response = fault?.kind === 'respond' ? fault.response : await this.dispatch(req);
    } catch (err) {
      response = { status: 500, body: { message: err instanceof Error ? err.message : String(err) } };
    }
    // Recorded when handled, before any delayed answer: the effect has happened by now.
    this.calls.push({
      method: req.method,
      path: req.path,
      query: req.query.toString(),
      headers: req.headers,
      body: req.rawBody.toString('utf8'),
      credential: req.credential,
      status: response.status,
      at: new Date(),
    });
    if (fault?.kind === 'delayAfter') await sleep(fault.ms);
    if (res.destroyed) return;
    const isRaw = typeof response.body === 'string' || Buffer.isBuffer(response.body);
    const body = response.body === undefined ? '' : isRaw ? response.body : JSON.stringify(response.body);
    res.writeHead(response.status, {
      ...(isRaw || response.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...response.headers,
    });
    res.end(body);
  }

  private async dispatch(req: FakeRequest): Promise<FakeResponse> {
    for (const route of this.routes) {
      if (route.method !== req.method) continue;
      const match = route.pattern.exec(req.path);
      if (!match) continue;
      route.keys.forEach((key, i) => {
        req.params[key] = decodeURIComponent(match[i + 1] ?? '');
      });
      return route.handler(req);
    }
    return this.notFound;
  }
}

/** POSTs a webhook/IPN to `url` and reports the listener's answer. */
export async function deliverWebhook(
  url: string,
  request: { headers: Record<string, string>; body: string },
): Promise<{ status: number; body: string }> {
  const res = await fetch(url, { method: 'POST', headers: request.headers, body: request.body });
  return { status: res.status, body: await res.text() };
}
