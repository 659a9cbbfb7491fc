import type { z } from 'zod';
import type { Tx } from '@haat/database';
import type { TenantContext } from '@haat/tenant';
import type { ReportBlock } from './document/report-document.model.js';

/**
 * One kind of report a service offers. `paramsSchema` is checked when the report is requested
 * (a bad field is a 400 naming `params.<field>`) and again, on the stored JSON, when it renders,
 * so it must round-trip through JSON (ISO date strings, not `Date`s). `load` reads the data in
 * the tenant's transaction; `compose` turns it into the declarative blocks a worker thread lays
 * out as PDF, so no rendering code runs on the service's threads.
 */
export interface ReportDefinition<S extends z.ZodType<Record<string, unknown>>, D> {
  /** Dotted lowercase name, unique within the service: `tenant.summary`. */
  kind: string;
  paramsSchema: S;
  /** The PDF's title (Info Title and first heading). */
  title(params: z.output<S>): string;
  load(ctx: TenantContext, params: z.output<S>, tx: Tx): Promise<D>;
  compose(data: D, params: z.output<S>): ReportBlock[];
  /** BCP 47 tag of the content (default `en`). */
  language?: string;
}

/** Declares a report definition with its types inferred: `defineReport({ kind, paramsSchema, ... })`. */
export function defineReport<S extends z.ZodType<Record<string, unknown>>, D>(
  definition: ReportDefinition<S, D>,
): ReportDefinition<S, D> {
  return definition;
}
