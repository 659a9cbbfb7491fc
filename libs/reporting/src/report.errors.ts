import { ConflictError, type FieldIssue, ForbiddenError, NotFoundError, ValidationError } from '@haat/common';
import type { ReportStatus } from './report-status.machine.js';

/** Stable error codes of the reporting endpoints. Never rename one. */
export const REPORT_ERRORS = {
  notFound: 'REPORT_NOT_FOUND',
  notReady: 'REPORT_NOT_READY',
  fileMissing: 'REPORT_FILE_MISSING',
  kindUnknown: 'REPORT_KIND_UNKNOWN',
  paramsInvalid: 'REPORT_PARAMS_INVALID',
  tenantRequired: 'REPORT_TENANT_REQUIRED',
} as const;

export function reportNotFound(id: string): NotFoundError {
  return new NotFoundError(REPORT_ERRORS.notFound, 'Report not found', { id });
}

export function reportNotReady(id: string, status: ReportStatus): ConflictError {
  return new ConflictError(REPORT_ERRORS.notReady, `Report is ${status}, not ready`, { id, status });
}

export function reportFileMissing(id: string): NotFoundError {
  return new NotFoundError(REPORT_ERRORS.fileMissing, 'The report file is no longer stored', { id });
}

export function reportKindUnknown(kind: string, known: string[]): ValidationError {
  const fields: FieldIssue[] = [
    { field: 'kind', message: `Unknown report kind: ${kind}`, code: 'unknown_kind' },
  ];
  return new ValidationError(REPORT_ERRORS.kindUnknown, `Invalid body: kind: unknown report kind ${kind}`, {
    in: 'body',
    fields,
    known,
  });
}

/** Bad report parameters: `fields` are already prefixed with `params.`. */
export function reportParamsInvalid(fields: FieldIssue[]): ValidationError {
  const first = fields[0];
  return new ValidationError(
    REPORT_ERRORS.paramsInvalid,
    first ? `Invalid body: ${first.field}: ${first.message}` : 'Invalid body: params',
    { in: 'body', fields },
  );
}

export function reportTenantRequired(): ForbiddenError {
  return new ForbiddenError(
    REPORT_ERRORS.tenantRequired,
    'Reports belong to a tenant: call on the tenant’s host',
  );
}
