import { describe, expect, it } from 'vitest';
import { layoutGraph } from './layout';
import { buildGraphModel, type SnapshotLike } from './model';
import { newNode, newPod, newService } from './testing/builders';

const snap = (objects: Record<string, unknown[]>): SnapshotLike => ({
  objects: objects as SnapshotLike['objects'],
  sim: { cloudProvider: true, readinessFailures: [], stoppedNodes: [] },
});
const nodes = [newNode('node-1', '192.168.49.2'), newNode('node-2', '192.168.49.3')];

describe('layoutGraph', () => {
  it('puts the outside world left, Services in the middle and node frames stacked on the right', () => {
    const m = buildGraphModel(snap({ Node: nodes, Pod: [newPod('a', { labels: { app: 'a' } })], Service: [newService('a', { app: 'a' })] }));
    const l = layoutGraph(m.nodes);
    const x = (id: string) => l.positions.get(id)!.x;
    expect(x('external/workstation')).toBeLessThan(x('Service/default/a'));
    expect(x('Service/default/a')).toBeLessThan(x('Node//node-1'));
    expect(x('Node//node-1')).toBe(x('Node//node-2'));
    expect(l.positions.get('Node//node-1')!.y).toBeLessThan(l.positions.get('Node//node-2')!.y);
    // Pods are placed inside their frame (relative position).
    expect(l.positions.get('Pod/default/a')!.x).toBeLessThan(l.frameSize.get('Node//node-1')!.width);
  });

  it('is deterministic', () => {
    const m = buildGraphModel(snap({ Node: nodes, Service: [newService('a', {}), newService('b', {})] }));
    expect([...layoutGraph(m.nodes).positions]).toEqual([...layoutGraph(m.nodes).positions]);
  });

  it('keeps existing nodes where they were when objects come and go', () => {
    const before = buildGraphModel(snap({ Node: nodes, Pod: [newPod('a'), newPod('b')], Service: [newService('m', {}), newService('z', {})] }));
    const l1 = layoutGraph(before.nodes);
    // A Service sorting before the others, a pod replaced: nothing that stayed may move.
    const after = buildGraphModel(snap({ Node: nodes, Pod: [newPod('b'), newPod('c')], Service: [newService('a', {}), newService('m', {}), newService('z', {})] }));
    const l2 = layoutGraph(after.nodes, l1.cache);
    for (const id of ['Service/default/m', 'Service/default/z', 'Pod/default/b', 'Node//node-1', 'external/workstation']) {
      expect(l2.positions.get(id), id).toEqual(l1.positions.get(id));
    }
    // The replacement pod takes the slot the deleted one left.
    expect(l2.positions.get('Pod/default/c')).toEqual(l1.positions.get('Pod/default/a'));
    // The new Service takes a free place without overlapping.
    const ys = ['a', 'm', 'z'].map((n) => l2.positions.get(`Service/default/${n}`)!.y);
    expect(new Set(ys).size).toBe(3);
  });

  it('pushes a node down only when the one above grew into it', () => {
    const a = newService('a', { app: 'a' });
    const b = newService('b', {});
    const m1 = buildGraphModel(snap({ Service: [a, b], Pod: [newPod('x', { labels: { app: 'a' } })] }));
    const l1 = layoutGraph(m1.nodes);
    // `a` now selects nothing, so it carries a warning and is taller.
    const m2 = buildGraphModel(snap({ Service: [a, b], Pod: [newPod('x', { labels: { app: 'b' } })] }));
    const l2 = layoutGraph(m2.nodes, l1.cache);
    const aNode = m2.nodes.find((n) => n.id === 'Service/default/a')!;
    expect(aNode.height).toBeGreaterThan(m1.nodes.find((n) => n.id === 'Service/default/a')!.height);
    expect(l2.positions.get('Service/default/b')!.y).toBeGreaterThanOrEqual(l2.positions.get('Service/default/a')!.y + aNode.height);
  });

  it('grows a frame with its pods', () => {
    const few = layoutGraph(buildGraphModel(snap({ Node: nodes, Pod: [newPod('a')] })).nodes);
    const many = layoutGraph(buildGraphModel(snap({ Node: nodes, Pod: Array.from({ length: 8 }, (_, i) => newPod(`p${i}`)) })).nodes);
    expect(many.frameSize.get('Node//node-1')!.height).toBeGreaterThan(few.frameSize.get('Node//node-1')!.height);
    expect(many.frameSize.get('Node//node-1')!.width).toBeGreaterThan(few.frameSize.get('Node//node-1')!.width);
  });
});
