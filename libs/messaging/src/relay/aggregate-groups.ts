/**
 * Splits rows into per-aggregate groups, keeping their order inside each group and the order of
 * first appearance between groups. Groups are published in parallel, a group's rows in sequence.
 */
export function groupByAggregate<R extends { aggregateType: string; aggregateId: string }>(
  rows: readonly R[],
): R[][] {
  const groups = new Map<string, R[]>();
  for (const row of rows) {
    const key = `${row.aggregateType}\u0000${row.aggregateId}`;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return [...groups.values()];
}
