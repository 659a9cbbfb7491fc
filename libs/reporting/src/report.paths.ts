/** Where a service serves its reports; the gateway puts `/api` in front. */
export const DEFAULT_REPORTS_BASE_PATH = '/v1/reports';

export function reportStatusPath(basePath: string, id: string): string {
  return `${basePath}/${id}`;
}

export function reportFilePath(basePath: string, id: string): string {
  return `${basePath}/${id}/file`;
}
