import { slugify } from 'transliteration';
import { z } from 'zod';

/** A slug as clients may set it: lower-case ASCII words joined by single hyphens. */
export const SlugSchema = z
  .string()
  .trim()
  .min(1)
  .max(120)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case letters, digits and single hyphens');

const MAX_SLUG_LENGTH = 80;

/**
 * A URL slug from a name in English or Bangla: Bangla is transliterated to Latin letters
 * (`জামদানি শাড়ি` → `jaamdaani-shaadd-i`), the rest lower-cased and hyphenated. Empty when
 * nothing usable remains (emoji, punctuation): callers then fall back to an id-based slug.
 */
export function slugFromName(name: string): string {
  const slug = slugify(name, { lowercase: true, separator: '-', trim: true })
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '');
  return slug.slice(0, MAX_SLUG_LENGTH).replace(/-+$/, '');
}

/** A short suffix from an id's random tail, to make a taken slug unique (`kurta-9f2c1a7b`). */
export function slugWithIdSuffix(base: string, id: string): string {
  const suffix = id.replace(/-/g, '').slice(-8).toLowerCase();
  return base ? `${base}-${suffix}` : `item-${suffix}`;
}
