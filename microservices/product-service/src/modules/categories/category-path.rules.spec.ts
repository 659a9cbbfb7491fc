import { describe, expect, it } from 'vitest';
import { childPath, isWithin, pathIds, planMove } from './category-path.rules.js';

describe('category paths', () => {
  it('builds a child path below its parent and reads the ids back root first', () => {
    const root = childPath(null, 'a');
    const leaf = childPath(childPath(root, 'b'), 'c');
    expect(root).toBe('/a/');
    expect(leaf).toBe('/a/b/c/');
    expect(pathIds(leaf)).toEqual(['a', 'b', 'c']);
    expect(isWithin(leaf, '/a/b/')).toBe(true);
    expect(isWithin('/a/bb/', '/a/b/')).toBe(false);
  });

  it('moves a subtree under a new parent and says how its depth changes', () => {
    expect(planMove('/a/b/', '/x/y/')).toEqual({ ok: true, newPath: '/x/y/b/', depthDelta: 1 });
    expect(planMove('/a/b/c/', null)).toEqual({ ok: true, newPath: '/c/', depthDelta: -2 });
  });

  it('refuses to move a category under itself or its own descendant', () => {
    expect(planMove('/a/b/', '/a/b/')).toEqual({ ok: false, reason: 'cycle' });
    expect(planMove('/a/b/', '/a/b/c/d/')).toEqual({ ok: false, reason: 'cycle' });
  });
});
