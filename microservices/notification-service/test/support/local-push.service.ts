import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PushRequest {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/**
 * A push service on loopback (what FCM or Mozilla autopush are to a browser): HTTPS with a
 * throwaway self-signed certificate, recording every message. Endpoints under `/gone/` answer
 * 410 like a push service whose subscription expired; the others 201 with a `Location`.
 */
export class LocalPushService {
  readonly received: PushRequest[] = [];

  private constructor(
    private readonly server: Server,
    private readonly dir: string,
    readonly certificate: string,
  ) {}

  static async start(): Promise<LocalPushService> {
    const dir = mkdtempSync(join(tmpdir(), 'haat-push-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    const certificate = readFileSync(join(dir, 'cert.pem'), 'utf8');
    const server = createServer({ key: readFileSync(join(dir, 'key.pem')), cert: certificate });
    const service = new LocalPushService(server, dir, certificate);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const path = req.url ?? '/';
        service.received.push({ path, headers: req.headers, body: Buffer.concat(chunks) });
        if (path.startsWith('/gone/')) {
          res.writeHead(410).end('subscription expired');
          return;
        }
        res.writeHead(201, { location: `${service.origin}/message/${service.received.length}` }).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return service;
  }

  get origin(): string {
    return `https://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    rmSync(this.dir, { recursive: true, force: true });
  }
}
