import type { z } from 'zod';
import { fieldIssues } from '@haat/common';
import type { Tx } from '@haat/database';
import type { TenantContext } from '@haat/tenant';
import type { ReportBlock } from './document/report-document.model.js';
import type { ReportDefinition } from './report.definition.js';
import { ReportKindSchema } from './report.events.js';
import { reportKindUnknown, reportParamsInvalid } from './report.errors.js';

/** What a definition produced for one report: ready to become a document. */
export interface ComposedReport {
  title: string;
  language: string;
  blocks: ReportBlock[];
}

interface RegisteredReport {
  validate(params: unknown): Record<string, unknown>;
  compose(ctx: TenantContext, params: unknown, tx: Tx): Promise<ComposedReport>;
}

function paramsIssues(error: z.ZodError) {
  return fieldIssues(error).map((issue) => ({
    ...issue,
    field: issue.field === '(root)' ? 'params' : `params.${issue.field}`,
  }));
}

/** The report kinds a service offers, by kind. */
export class ReportDefinitionRegistry {
  private readonly byKind = new Map<string, RegisteredReport>();

  /** Adds a definition; a second one with the same kind is a programming error. */
  register<S extends z.ZodType<Record<string, unknown>>, D>(definition: ReportDefinition<S, D>): this {
    ReportKindSchema.parse(definition.kind);
    if (this.byKind.has(definition.kind)) {
      throw new Error(`Report kind registered twice: ${definition.kind}`);
    }
    const parse = (params: unknown): z.output<S> => {
      const result = definition.paramsSchema.safeParse(params);
      if (!result.success) throw reportParamsInvalid(paramsIssues(result.error));
      return result.data;
    };
    this.byKind.set(definition.kind, {
      validate: parse,
      compose: async (ctx, stored, tx) => {
        const params = parse(stored);
        const data = await definition.load(ctx, params, tx);
        return {
          title: definition.title(params),
          language: definition.language ?? 'en',
          blocks: definition.compose(data, params),
        };
      },
    });
    return this;
  }

  kinds(): string[] {
    return [...this.byKind.keys()].sort();
  }

  /**
   * The parameters as stored: the schema's output for `params`. Throws 400
   * `REPORT_KIND_UNKNOWN` (field `kind`) or `REPORT_PARAMS_INVALID` (fields `params.<name>`).
   */
  validate(kind: string, params: unknown): Record<string, unknown> {
    return this.find(kind).validate(params);
  }

  /** Re-checks the stored parameters, loads the data in `tx` and composes the report's blocks. */
  compose(ctx: TenantContext, kind: string, params: unknown, tx: Tx): Promise<ComposedReport> {
    return this.find(kind).compose(ctx, params, tx);
  }

  private find(kind: string): RegisteredReport {
    const found = this.byKind.get(kind);
    if (!found) throw reportKindUnknown(kind, this.kinds());
    return found;
  }
}
