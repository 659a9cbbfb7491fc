import { v7 as uuidv7, validate, version } from 'uuid';
import { z } from 'zod';

/** A new time-ordered id (UUIDv7): sorts by creation, indexes well. */
export function newId(): string {
  return uuidv7();
}

export function isUuid(value: string): boolean {
  return validate(value);
}

export function isUuidV7(value: string): boolean {
  return validate(value) && version(value) === 7;
}

/** An id in a path or body: any UUID (ids from before v7 stay valid). */
export const IdSchema = z.string().uuid();
