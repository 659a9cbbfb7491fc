import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { OpenApiAggregator } from './openapi-aggregator.js';

/** Swagger UI needs its inline styles; everything else comes from the gateway itself. */
export const DOCS_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "connect-src 'self'; font-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Haat API</title>
<link rel="stylesheet" href="/docs/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/docs/swagger-ui-bundle.js"></script>
<script src="/docs/docs-initializer.js"></script>
</body>
</html>
`;

const INITIALIZER = `window.ui = SwaggerUIBundle({ url: '/docs/openapi.json', dom_id: '#swagger-ui', deepLinking: true });\n`;

/**
 * `/docs` (Swagger UI from the `swagger-ui-dist` package, served from memory) and
 * `/docs/openapi.json` (the aggregated document).
 */
export async function registerDocsRoutes(app: FastifyInstance, aggregator: OpenApiAggregator): Promise<void> {
  const dist = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  const [bundle, css] = await Promise.all([
    readFile(join(dist, 'swagger-ui-bundle.js')),
    readFile(join(dist, 'swagger-ui.css')),
  ]);
  const asset = (url: string, type: string, body: Buffer | string) =>
    app.get(url, async (_request, reply) =>
      reply
        .type(type)
        .header('cache-control', 'public, max-age=3600')
        .header('content-security-policy', DOCS_CSP)
        .send(body),
    );
  asset('/docs', 'text/html; charset=utf-8', PAGE);
  asset('/docs/swagger-ui-bundle.js', 'text/javascript; charset=utf-8', bundle);
  asset('/docs/swagger-ui.css', 'text/css; charset=utf-8', css);
  asset('/docs/docs-initializer.js', 'text/javascript; charset=utf-8', INITIALIZER);
  app.get('/docs/openapi.json', async (_request, reply) =>
    reply.header('cache-control', 'no-cache').send(await aggregator.document()),
  );
}
