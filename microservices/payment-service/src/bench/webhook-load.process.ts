import { readFile } from 'node:fs/promises';
import autocannon from 'autocannon';

/** What the load process is given (a JSON file): where to post and what. */
export interface LoadJob {
  url: string;
  connections: number;
  deliveries: { body: string; signature: string }[];
}

/** What it reports back over IPC. */
export interface LoadResult {
  requests: number;
  seconds: number;
  p50Ms: number;
  p99Ms: number;
  statuses: Record<string, number>;
}

/**
 * Posts each delivery once with autocannon from its own process, as a provider's servers would,
 * so the load generator does not share the service's event loop.
 */
export async function runLoad(jobFile: string): Promise<LoadResult> {
  const job = JSON.parse(await readFile(jobFile, 'utf8')) as LoadJob;
  let next = 0;
  const result = await autocannon({
    url: job.url,
    connections: job.connections,
    amount: job.deliveries.length,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const d = job.deliveries[next++ % job.deliveries.length] as LoadJob['deliveries'][number];
          return {
            ...req,
            body: d.body,
            headers: { 'content-type': 'application/json', 'stripe-signature': d.signature },
          };
        },
      },
    ],
  });
  const statuses: Record<string, number> = {};
  for (const [code, stats] of Object.entries(result.statusCodeStats ?? {})) statuses[code] = stats.count ?? 0;
  return {
    requests: result.requests.total,
    seconds: result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    statuses,
  };
}
