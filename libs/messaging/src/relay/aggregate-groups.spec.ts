import { describe, expect, it } from 'vitest';
import { groupByAggregate } from './aggregate-groups.js';

describe('groupByAggregate', () => {
  it('keeps the rows of each aggregate in their original order', () => {
    const rows = [
      { aggregateType: 'order', aggregateId: '1', n: 1 },
      { aggregateType: 'order', aggregateId: '2', n: 2 },
      { aggregateType: 'order', aggregateId: '1', n: 3 },
      { aggregateType: 'cart', aggregateId: '1', n: 4 },
      { aggregateType: 'order', aggregateId: '1', n: 5 },
    ];
    expect(groupByAggregate(rows).map((g) => g.map((r) => r.n))).toEqual([[1, 3, 5], [2], [4]]);
  });
});
