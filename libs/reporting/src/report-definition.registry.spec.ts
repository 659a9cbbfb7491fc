import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { isAppError } from '@haat/common';
import { defineReport } from './report.definition.js';
import { ReportDefinitionRegistry } from './report-definition.registry.js';

const salesDaily = defineReport({
  kind: 'sales.daily',
  paramsSchema: z.object({ day: z.iso.date(), currency: z.string().length(3).default('BDT') }),
  title: (p) => `Sales ${p.day}`,
  load: async () => [],
  compose: () => [],
});

function errorOf(fn: () => unknown) {
  try {
    fn();
  } catch (err) {
    if (isAppError(err)) return err;
    throw err;
  }
  throw new Error('expected an error');
}

describe('ReportDefinitionRegistry', () => {
  const registry = new ReportDefinitionRegistry().register(salesDaily);

  it('stores the parameters with the schema defaults applied', () => {
    expect(registry.validate('sales.daily', { day: '2026-02-03' })).toEqual({
      day: '2026-02-03',
      currency: 'BDT',
    });
  });

  it('names the kind field and lists known kinds for an unknown kind', () => {
    const err = errorOf(() => registry.validate('sales.weekly', {}));
    expect(err.code).toBe('REPORT_KIND_UNKNOWN');
    expect(err.status).toBe(400);
    expect(err.details).toMatchObject({ fields: [{ field: 'kind' }], known: ['sales.daily'] });
  });

  it('names each bad parameter under params', () => {
    const err = errorOf(() => registry.validate('sales.daily', { day: 'yesterday', currency: 'TAKA' }));
    expect(err.code).toBe('REPORT_PARAMS_INVALID');
    expect((err.details.fields as { field: string }[]).map((f) => f.field)).toEqual([
      'params.day',
      'params.currency',
    ]);
  });

  it('refuses a second definition of one kind', () => {
    expect(() => new ReportDefinitionRegistry().register(salesDaily).register(salesDaily)).toThrow(
      /registered twice/,
    );
  });

  it('refuses a kind that is not a dotted lowercase name', () => {
    expect(() => new ReportDefinitionRegistry().register({ ...salesDaily, kind: 'Sales Daily' })).toThrow();
  });
});
