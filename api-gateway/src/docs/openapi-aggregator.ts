import { request } from 'undici';
import type { GatewayRoute } from '../routing/route.schema.js';
import { type MergeExtras, type ServiceDocument, mergeOpenApi } from './openapi-merge.js';

/** Options of {@link OpenApiAggregator}. */
export interface OpenApiAggregatorOptions {
  /** Service name → base URL; each serves its document at `/openapi.json` (unsigned). */
  services: ReadonlyMap<string, string>;
  routes: readonly GatewayRoute[];
  /** The gateway's own paths and schemas (the RPC bridge). */
  own: Pick<MergeExtras, 'paths' | 'schemas'>;
  /** How long a complete document is reused. */
  ttlMs: number;
  /** How long a document missing a service is reused before asking again. */
  retryMs?: number;
  fetchTimeoutMs?: number;
}

type Json = Record<string, unknown>;

/**
 * The aggregated OpenAPI document, built from every service's own document and cached: for
 * `ttlMs` when every service answered, briefly when one did not (it is rebuilt soon, listing
 * what is missing in `x-haat-sources`). Concurrent requests share one build.
 */
export class OpenApiAggregator {
  private cached: { document: Json; expiresAt: number } | undefined;
  private building: Promise<Json> | undefined;

  constructor(private readonly options: OpenApiAggregatorOptions) {}

  async document(): Promise<Json> {
    if (this.cached && this.cached.expiresAt > Date.now()) return this.cached.document;
    this.building ??= this.build().finally(() => {
      this.building = undefined;
    });
    return this.building;
  }

  private async build(): Promise<Json> {
    const sources: Record<string, string> = {};
    const documents: ServiceDocument[] = [];
    await Promise.all(
      [...this.options.services].map(async ([service, baseUrl]) => {
        try {
          documents.push({ service, document: await this.fetchDocument(baseUrl) });
          sources[service] = 'ok';
        } catch (error) {
          sources[service] = `unavailable: ${(error as Error).message}`.slice(0, 200);
        }
      }),
    );
    documents.sort((a, b) => a.service.localeCompare(b.service));
    const document = mergeOpenApi(documents, this.options.routes, { ...this.options.own, sources });
    const complete = documents.length === this.options.services.size;
    this.cached = {
      document,
      expiresAt: Date.now() + (complete ? this.options.ttlMs : (this.options.retryMs ?? 5_000)),
    };
    return document;
  }

  private async fetchDocument(baseUrl: string): Promise<Json> {
    const timeout = this.options.fetchTimeoutMs ?? 3_000;
    const response = await request(new URL('/openapi.json', baseUrl), {
      headersTimeout: timeout,
      bodyTimeout: timeout,
    });
    if (response.statusCode !== 200) {
      await response.body.dump();
      throw new Error(`status ${response.statusCode}`);
    }
    const body: unknown = await response.body.json();
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw new Error('not a JSON object');
    return body as Json;
  }
}
