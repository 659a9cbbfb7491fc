import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the upstream received. */
export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

export type UpstreamHandler = (req: ReceivedRequest, res: ServerResponse, attempt: number) => void;

/** A real HTTP upstream on a random loopback port whose behaviour a test scripts per request. */
export class UpstreamServer {
  readonly received: ReceivedRequest[] = [];
  /** Responses the client abandoned before the upstream finished them. */
  abandoned = 0;
  private readonly server: Server;
  private handler: UpstreamHandler = (_req, res) => res.end();

  private constructor() {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const received = {
          method: req.method ?? '',
          url: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks),
        };
        this.received.push(received);
        res.on('close', () => {
          if (!res.writableFinished) this.abandoned++;
        });
        this.handler(received, res, this.received.length);
      });
    });
  }

  static async start(): Promise<UpstreamServer> {
    const upstream = new UpstreamServer();
    await new Promise<void>((resolve) => upstream.server.listen(0, '127.0.0.1', resolve));
    return upstream;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Scripts the answers; `attempt` counts requests since the server started (1-based). */
  respond(handler: UpstreamHandler): void {
    this.handler = handler;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
