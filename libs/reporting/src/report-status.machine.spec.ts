import { describe, expect, it } from 'vitest';
import { canTransition, statusesLeadingTo } from './report-status.machine.js';

describe('report status transitions', () => {
  it('lets a requested or re-delivered report start rendering', () => {
    expect(statusesLeadingTo('rendering')).toEqual(['requested', 'rendering']);
  });

  it('finishes a report only from rendering', () => {
    expect(statusesLeadingTo('ready')).toEqual(['rendering']);
    expect(statusesLeadingTo('failed')).toEqual(['rendering']);
  });

  it('never moves a ready or failed report again', () => {
    for (const to of ['requested', 'rendering', 'ready', 'failed'] as const) {
      expect(canTransition('ready', to)).toBe(false);
      expect(canTransition('failed', to)).toBe(false);
    }
  });

  it('does not skip rendering', () => {
    expect(canTransition('requested', 'ready')).toBe(false);
  });
});
