import type { Readable } from 'node:stream';

/** Which report a file belongs to; storages derive their key from it. */
export interface ReportFileRef {
  tenantId: string;
  reportId: string;
}

/**
 * Where rendered report files live. `put` must be atomic: a reader sees the old file or the
 * whole new one, never part of one. Local disk now; the media service replaces it later.
 */
export interface ReportStorage {
  /** Stores the PDF and returns the key to record in `reports.file_path`. */
  put(ref: ReportFileRef, pdf: Uint8Array): Promise<string>;
  /** A stream of the stored file, or `undefined` when nothing is stored under `key`. */
  open(key: string): Promise<Readable | undefined>;
  /** Removes the file; a missing file is not an error. */
  remove(key: string): Promise<void>;
}
