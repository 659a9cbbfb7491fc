import type { FieldIssue } from '@haat/common';
import type { AttributeType } from './categories.schema.js';

export type AttributeValue = string | number | boolean;

/** One attribute a category defines, as the rules need it. */
export interface AttributeDefinition {
  code: string;
  type: AttributeType;
  options: readonly string[];
  required: boolean;
}

/**
 * The attribute set of a category: its own definitions and its ancestors', the nearest
 * category winning when two define the same code. `chain` is root first.
 */
export function effectiveAttributes<D extends AttributeDefinition>(
  chain: readonly (readonly D[])[],
): Map<string, D> {
  const out = new Map<string, D>();
  for (const defs of chain) for (const d of defs) out.set(d.code, d);
  return out;
}

const TRUE_WORDS = new Set(['true', 'yes', '1', 'y']);
const FALSE_WORDS = new Set(['false', 'no', '0', 'n']);

function coerce(def: AttributeDefinition, raw: unknown): AttributeValue | { error: string } {
  switch (def.type) {
    case 'text':
      return typeof raw === 'string' && raw.length <= 2_000 ? raw : { error: 'must be text' };
    case 'number': {
      const n =
        typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
      return Number.isFinite(n) ? n : { error: 'must be a number' };
    }
    case 'boolean': {
      if (typeof raw === 'boolean') return raw;
      const w = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
      if (TRUE_WORDS.has(w)) return true;
      if (FALSE_WORDS.has(w)) return false;
      return { error: 'must be true or false' };
    }
    case 'enum':
      return typeof raw === 'string' && def.options.includes(raw)
        ? raw
        : { error: `must be one of: ${def.options.join(', ')}` };
  }
}

/**
 * Checks a product's attribute values against its category's set: unknown codes, wrong types
 * and enum values outside the options are issues naming `attributes.<code>`; with
 * `requireAll` (an active product) a missing required attribute is one too. Text from a CSV
 * cell is coerced to the attribute's type.
 */
export function checkAttributeValues(
  values: Readonly<Record<string, unknown>>,
  defs: ReadonlyMap<string, AttributeDefinition>,
  options: { requireAll: boolean },
): { values: Record<string, AttributeValue>; issues: FieldIssue[] } {
  const out: Record<string, AttributeValue> = {};
  const issues: FieldIssue[] = [];
  for (const [code, raw] of Object.entries(values)) {
    const def = defs.get(code);
    const field = `attributes.${code}`;
    if (!def) {
      issues.push({ field, message: 'not an attribute of this category', code: 'unknown_attribute' });
      continue;
    }
    const value = coerce(def, raw);
    if (typeof value === 'object') issues.push({ field, message: value.error, code: 'invalid_type' });
    else out[code] = value;
  }
  if (options.requireAll) {
    for (const def of defs.values()) {
      if (def.required && !(def.code in out)) {
        issues.push({ field: `attributes.${def.code}`, message: 'required', code: 'required' });
      }
    }
  }
  return { values: out, issues };
}
