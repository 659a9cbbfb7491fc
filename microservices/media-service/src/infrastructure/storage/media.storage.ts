import type { Readable } from 'node:stream';

/** A stored object as read back. */
export interface StoredObject {
  stream: Readable;
  bytes: number;
}

/**
 * Where media files live: local disk (embedded default) or an S3-compatible bucket. Keys are
 * `<tenantId>/<assetId>/<name>`; every write is whole-or-nothing (a reader never sees half a
 * file). Renditions are written once under content-hashed names and never overwritten.
 */
export interface MediaStorage {
  /** Stores bytes, or the file at a local path, under `key`. */
  put(key: string, body: Buffer | { path: string }, contentType: string): Promise<void>;
  /** The object, or undefined when nothing is stored under `key`. */
  get(key: string): Promise<StoredObject | undefined>;
  /** Copies the object to a local file (ffmpeg reads files); false when it does not exist. */
  download(key: string, path: string): Promise<boolean>;
  /** Removes one object; a missing one is not an error. */
  remove(key: string): Promise<void>;
  /** Removes every object whose key starts with `prefix` (an asset's files). */
  removePrefix(prefix: string): Promise<void>;
}

export const MEDIA_STORAGE = Symbol.for('haat.media-storage');
