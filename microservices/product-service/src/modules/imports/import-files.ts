import { join } from 'node:path';

/** Where an uploaded import file waits: `<dir>/<tenantId>/<importId>.csv`. */
export function importFilePath(dir: string, tenantId: string, importId: string): string {
  return join(dir, tenantId, `${importId}.csv`);
}
