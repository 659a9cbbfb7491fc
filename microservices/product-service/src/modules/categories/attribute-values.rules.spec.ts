import { describe, expect, it } from 'vitest';
import {
  type AttributeDefinition,
  checkAttributeValues,
  effectiveAttributes,
} from './attribute-values.rules.js';

const clothing: AttributeDefinition[] = [
  { code: 'material', type: 'enum', options: ['cotton', 'silk'], required: true },
  { code: 'handmade', type: 'boolean', options: [], required: false },
];
const sarees: AttributeDefinition[] = [
  { code: 'length_m', type: 'number', options: [], required: true },
  { code: 'material', type: 'enum', options: ['silk', 'muslin'], required: true },
];

describe('category attribute sets', () => {
  it('inherits ancestors’ attributes, the nearest category winning', () => {
    const set = effectiveAttributes([clothing, sarees]);
    expect([...set.keys()].sort()).toEqual(['handmade', 'length_m', 'material']);
    expect(set.get('material')?.options).toEqual(['silk', 'muslin']);
  });

  it('coerces CSV text to the attribute types and names each bad value', () => {
    const set = effectiveAttributes([clothing, sarees]);
    const r = checkAttributeValues(
      { material: 'muslin', handmade: 'yes', length_m: '5.5', colour: 'red' },
      set,
      { requireAll: false },
    );
    expect(r.values).toEqual({ material: 'muslin', handmade: true, length_m: 5.5 });
    expect(r.issues).toEqual([
      { field: 'attributes.colour', message: 'not an attribute of this category', code: 'unknown_attribute' },
    ]);
    const bad = checkAttributeValues({ material: 'cotton', length_m: 'long' }, set, { requireAll: false });
    expect(bad.issues.map((i) => i.field)).toEqual(['attributes.material', 'attributes.length_m']);
  });

  it('requires the required attributes only when asked (an active product)', () => {
    const set = effectiveAttributes([clothing]);
    expect(checkAttributeValues({}, set, { requireAll: false }).issues).toEqual([]);
    expect(checkAttributeValues({}, set, { requireAll: true }).issues).toEqual([
      { field: 'attributes.material', message: 'required', code: 'required' },
    ]);
  });
});
