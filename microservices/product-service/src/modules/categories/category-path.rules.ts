/**
 * Materialized paths: `/<root id>/<child id>/…/<own id>/`. A category's subtree is every path
 * that starts with its own; its breadcrumbs are the ids in its path.
 */
export function childPath(parentPath: string | null, id: string): string {
  return `${parentPath ?? '/'}${id}/`;
}

/** The ids in a path, root first. */
export function pathIds(path: string): string[] {
  return path.split('/').filter(Boolean);
}

/** True when `path` is `ancestorPath` itself or lies below it. */
export function isWithin(path: string, ancestorPath: string): boolean {
  return path.startsWith(ancestorPath);
}

/**
 * Where a subtree moves: `nodePath` goes under `newParentPath` (null = to the root). Refuses a
 * move into the node's own subtree, which would make a cycle.
 */
export function planMove(
  nodePath: string,
  newParentPath: string | null,
): { ok: true; newPath: string; depthDelta: number } | { ok: false; reason: 'cycle' } {
  if (newParentPath !== null && isWithin(newParentPath, nodePath)) return { ok: false, reason: 'cycle' };
  const ids = pathIds(nodePath);
  const id = ids[ids.length - 1] as string;
  const newPath = childPath(newParentPath, id);
  return { ok: true, newPath, depthDelta: pathIds(newPath).length - ids.length };
}
