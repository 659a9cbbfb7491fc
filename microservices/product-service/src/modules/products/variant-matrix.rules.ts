import type { FieldIssue } from '@haat/common';
import type { ProductOption } from './products.schema.js';

export type OptionValues = Record<string, string>;

/**
 * Every combination of the options' values, in order (size × colour → S/Red, S/Blue, M/Red…).
 * No options give one combination without values: the product's single variant.
 */
export function variantMatrix(options: readonly ProductOption[]): OptionValues[] {
  return options.reduce<OptionValues[]>(
    (combos, option) => combos.flatMap((c) => option.values.map((v) => ({ ...c, [option.name]: v }))),
    [{}],
  );
}

/** One combination's identity: its values in the product's option order. */
export function optionKey(options: readonly ProductOption[], values: OptionValues): string {
  return options.map((o) => values[o.name] ?? '').join('\u001f');
}

/** A generated SKU: the prefix and each value, upper-cased and hyphenated (`TEE-M-RED`). */
export function generatedSku(
  prefix: string,
  values: OptionValues,
  options: readonly ProductOption[],
): string {
  const parts = options.map((o) =>
    (values[o.name] ?? '')
      .toUpperCase()
      .replace(/[^A-Z0-9]+/g, '-')
      .replace(/^-|-$/g, ''),
  );
  return [prefix, ...parts.filter(Boolean)].join('-');
}

/** Option names and values are unique, case-insensitively. */
export function checkOptions(options: readonly ProductOption[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const names = new Set<string>();
  options.forEach((o, i) => {
    const n = o.name.toLowerCase();
    if (names.has(n))
      issues.push({ field: `options.${i}.name`, message: 'duplicate option', code: 'duplicate' });
    names.add(n);
    const seen = new Set<string>();
    o.values.forEach((v, j) => {
      if (seen.has(v.toLowerCase())) {
        issues.push({ field: `options.${i}.values.${j}`, message: 'duplicate value', code: 'duplicate' });
      }
      seen.add(v.toLowerCase());
    });
  });
  return issues;
}

/**
 * Each variant names exactly the product's options with declared values, no combination twice,
 * no SKU twice. Issues name `<path>.<index>.<field>`.
 */
export function checkVariants(
  options: readonly ProductOption[],
  variants: readonly { sku: string; options: OptionValues }[],
  path = 'variants',
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const keys = new Set<string>();
  const skus = new Set<string>();
  variants.forEach((v, i) => {
    const given = Object.keys(v.options);
    for (const name of given) {
      if (!options.some((o) => o.name === name)) {
        issues.push({
          field: `${path}.${i}.options.${name}`,
          message: 'not an option of this product',
          code: 'unknown_option',
        });
      }
    }
    for (const o of options) {
      const value = v.options[o.name];
      if (value === undefined) {
        issues.push({ field: `${path}.${i}.options.${o.name}`, message: 'required', code: 'required' });
      } else if (!o.values.includes(value)) {
        issues.push({
          field: `${path}.${i}.options.${o.name}`,
          message: `must be one of: ${o.values.join(', ')}`,
          code: 'invalid_value',
        });
      }
    }
    const key = optionKey(options, v.options);
    if (keys.has(key))
      issues.push({
        field: `${path}.${i}.options`,
        message: 'this combination is already a variant',
        code: 'duplicate',
      });
    keys.add(key);
    const sku = v.sku.toUpperCase();
    if (skus.has(sku))
      issues.push({ field: `${path}.${i}.sku`, message: 'duplicate SKU', code: 'duplicate' });
    skus.add(sku);
  });
  return issues;
}
