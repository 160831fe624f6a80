import { describe, expect, it } from 'vitest';
import { groupKeyOf, groupPods, type GroupablePod } from './grouping';
import type { PodState } from './types';

const pods = (owner: string, node: string, n: number, state: PodState = 'ready'): GroupablePod[] =>
  Array.from({ length: n }, (_, i) => ({ id: `${owner}-${node}-${i}`, ownerKey: owner, nodeKey: node, state }));

describe('groupPods', () => {
  it('draws small workloads pod by pod', () => {
    const g = groupPods([...pods('rs/web', 'node-1', 12), ...pods('rs/api', 'node-2', 3)]);
    expect(g.groups).toEqual([]);
    expect(g.singles).toHaveLength(15);
  });

  it('collapses more than the threshold of one owner on one node, with counts by state', () => {
    const input = [...pods('rs/web', 'node-1', 10), ...pods('rs/web', 'node-1', 3, 'pending'), ...pods('rs/web', 'node-2', 2)];
    const g = groupPods(input);
    expect(g.singles.map((p) => p.nodeKey)).toEqual(['node-2', 'node-2']);
    expect(g.groups).toHaveLength(1);
    expect(g.groups[0].key).toBe(groupKeyOf('rs/web', 'node-1'));
    expect(g.groups[0].counts).toEqual({ ready: 10, notReady: 0, terminating: 0, crashLooping: 0, pending: 3 });
  });

  it('never collapses pods without an owner by the threshold', () => {
    expect(groupPods(pods('', 'node-1', 20)).groups).toEqual([]);
  });

  it('expands a group a person asked for', () => {
    const input = pods('rs/web', 'node-1', 20);
    const g = groupPods(input, { expanded: new Set([groupKeyOf('rs/web', 'node-1')]) });
    expect(g.groups).toEqual([]);
    expect(g.singles).toHaveLength(20);
  });

  it('keeps the drawn pods under the cap, collapsing the largest first', () => {
    const input = [...pods('rs/a', 'node-1', 10), ...pods('rs/b', 'node-1', 8), ...pods('rs/c', 'node-1', 5)];
    const g = groupPods(input, { maxDrawn: 15 });
    expect(g.groups.map((x) => x.ownerKey)).toEqual(['rs/a']);
    expect(g.singles).toHaveLength(13);
  });

  it('marks an expanded group too large when the cap forbids it', () => {
    const key = groupKeyOf('rs/a', 'node-1');
    const g = groupPods(pods('rs/a', 'node-1', 500), { expanded: new Set([key]) });
    expect(g.groups).toHaveLength(1);
    expect(g.groups[0].tooLarge).toBe(true);
  });

  it('draws no more than a few hundred pods of a 10,000-pod cluster', () => {
    const input = Array.from({ length: 10 }, (_, n) => pods(`rs/w${n}`, `node-${n}`, 1000)).flat();
    const g = groupPods(input);
    expect(g.singles.length).toBeLessThanOrEqual(300);
    expect(g.groups.reduce((n, x) => n + x.pods.length, 0) + g.singles.length).toBe(10_000);
  });
});
