import { describe, expect, it } from 'vitest';
import { createCluster } from '../engine';
import { WELCOME_MANIFEST } from '../scenarios/welcome';
import { emptyLayoutCache, layoutGraph, type Layout } from './layout';
import { buildGraphModel, type SnapshotLike } from './model';
import { newNode, newPod, newService } from './testing/builders';
import * as S from './sizes';
import type { GraphNode } from './types';

function welcomeNodes(): GraphNode[] {
  const c = createCluster({ seed: 1 });
  c.writeFile('web.yaml', WELCOME_MANIFEST);
  c.exec('kubectl apply -f web.yaml');
  c.advance(30_000);
  return buildGraphModel(c.snapshot()).nodes;
}

const snap = (objects: Record<string, unknown[]>): SnapshotLike => ({
  objects: objects as SnapshotLike['objects'],
  sim: { cloudProvider: true, readinessFailures: [], stoppedNodes: [] },
});
const threeNodes = [newNode('node-1', '192.168.49.2'), newNode('node-2', '192.168.49.3'), newNode('node-3', '192.168.49.4')];

function topLevelRects(nodes: readonly GraphNode[], l: Layout) {
  return nodes
    .filter((n) => !n.parentId)
    .map((n) => {
      const p = l.positions.get(n.id)!;
      const s = l.frameSize.get(n.id) ?? n;
      return { id: n.id, left: p.x, top: p.y, right: p.x + s.width, bottom: p.y + s.height };
    });
}

describe('layoutGraph in rows', () => {
  const welcome = welcomeNodes();
  const l = layoutGraph(welcome, emptyLayoutCache(), 'rows');
  const at = (id: string) => l.positions.get(id)!;

  it('puts each Service with its EndpointSlice beside it, then the node frames side by side; the outside world, with one card a frame, as a column at the left', () => {
    const service = at('Service/default/web');
    const slice = welcome.find((n) => n.data.kind === 'slice')!;
    // A row on top made the picture tall, with wide empty margins in a short projector pane.
    const outside = welcome.filter((n) => !n.parentId && ['workstation', 'ingress', 'coredns'].includes(n.data.kind)).map((n) => at(n.id));
    expect(outside.length).toBeGreaterThan(1);
    for (const o of outside) {
      expect(o.x).toBe(0);
      expect(o.x + S.SIDE_W).toBeLessThan(service.x);
    }
    expect(at(slice.id).y).toBe(service.y);
    expect(at(slice.id).x).toBeGreaterThan(service.x);
    const frames = ['Node//node-1', 'Node//node-2', 'Node//node-3'].map(at);
    expect(new Set(frames.map((f) => f.y)).size).toBe(1);
    expect(frames[0].x).toBeLessThan(frames[1].x);
    expect(frames[1].x).toBeLessThan(frames[2].x);
    expect(frames[0].y).toBeGreaterThan(service.y + welcome.find((n) => n.id === 'Service/default/web')!.height);
  });

  it('overlaps nothing and is deterministic', () => {
    const rects = topLevelRects(welcome, l);
    for (const a of rects)
      for (const b of rects) {
        if (a === b) continue;
        const overlap = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
        expect(overlap, `${a.id} / ${b.id}`).toBe(false);
      }
    expect([...layoutGraph(welcome, emptyLayoutCache('rows')).positions]).toEqual([...l.positions]);
  });

  it('keeps pods in their slots when the orientation changes', () => {
    const columns = layoutGraph(welcome, emptyLayoutCache());
    const rows = layoutGraph(welcome, columns.cache, 'rows');
    expect([...rows.cache.slot]).toEqual([...columns.cache.slot]);
    for (const n of welcome.filter((x) => x.parentId)) expect(rows.positions.get(n.id)!.x, n.id).toBe(columns.positions.get(n.id)!.x);
    expect(rows.cache.orientation).toBe('rows');
  });

  it("writes each frame's header below its pods, so the arrows coming down into the pods cross no text", () => {
    // Columns: the header on top (the arrows come in from the left).
    const columns = layoutGraph(welcome, emptyLayoutCache());
    for (const layout of [l, columns]) {
      for (const frame of welcome.filter((n) => n.data.kind === 'frame')) {
        const kids = welcome.filter((n) => n.parentId === frame.id).map((n) => layout.positions.get(n.id)!.y);
        const height = layout.frameSize.get(frame.id)!.height;
        if (layout === l) {
          expect(Math.min(...kids), frame.id).toBe(S.FRAME_PAD);
          const podH = welcome.find((n) => n.parentId === frame.id)!.height;
          expect(height - (Math.max(...kids) + podH), frame.id).toBe(S.FRAME_HEADER);
        } else expect(Math.min(...kids), frame.id).toBe(S.FRAME_HEADER);
      }
    }
  });

  it('puts the outside world on top once the frames are two cards wide, and back at the left when they are one again', () => {
    const pods = (n: number) => Array.from({ length: n }, (_, i) => newPod(`p${i}`, { node: `node-${(i % 3) + 1}` }));
    const few = buildGraphModel(snap({ Node: threeNodes, Pod: pods(3), Service: [newService('s', {})] }));
    const many = buildGraphModel(snap({ Node: threeNodes, Pod: pods(6), Service: [newService('s', {})] }));
    const l1 = layoutGraph(few.nodes, emptyLayoutCache('rows'));
    const l2 = layoutGraph(many.nodes, l1.cache);
    const l3 = layoutGraph(few.nodes, l2.cache);
    const ws = (x: Layout) => x.positions.get('external/workstation')!;
    const svc = (x: Layout) => x.positions.get('Service/default/s')!;
    expect(ws(l1).y).toBe(svc(l1).y);
    expect(ws(l1).x).toBeLessThan(svc(l1).x);
    expect(ws(l2).y).toBeLessThan(svc(l2).y);
    expect(ws(l3)).toEqual(ws(l1));
    expect(svc(l3)).toEqual(svc(l1));
  });

  it('keeps existing nodes where they were when objects come and go', () => {
    const before = buildGraphModel(snap({ Node: threeNodes, Pod: [newPod('a'), newPod('b')], Service: [newService('m', {}), newService('z', {})] }));
    const l1 = layoutGraph(before.nodes, emptyLayoutCache('rows'));
    const after = buildGraphModel(snap({ Node: threeNodes, Pod: [newPod('b'), newPod('c')], Service: [newService('a', {}), newService('m', {}), newService('z', {})] }));
    const l2 = layoutGraph(after.nodes, l1.cache);
    for (const id of ['Service/default/m', 'Service/default/z', 'Pod/default/b', 'Node//node-1', 'Node//node-3', 'external/workstation']) {
      expect(l2.positions.get(id), id).toEqual(l1.positions.get(id));
    }
    expect(l2.positions.get('Pod/default/c')).toEqual(l1.positions.get('Pod/default/a'));
    const xs = ['a', 'm', 'z'].map((n) => l2.positions.get(`Service/default/${n}`)!.x);
    expect(new Set(xs).size).toBe(3);
  });

  it('does not move the frames up and down while a Service warning comes and goes', () => {
    const pod = newPod('x', { labels: { app: 'x' } });
    const matching = buildGraphModel(snap({ Node: threeNodes, Pod: [pod], Service: [newService('s', { app: 'x' })] }));
    const l1 = layoutGraph(matching.nodes, emptyLayoutCache('rows'));
    // A selector typed wrong: the Service selects nothing and shows a warning (it grows taller).
    const wrong = buildGraphModel(snap({ Node: threeNodes, Pod: [pod], Service: [newService('s', { app: 'typo' })] }));
    const l2 = layoutGraph(wrong.nodes, l1.cache);
    const fixed = layoutGraph(matching.nodes, l2.cache);
    const frameY = (x: Layout) => x.positions.get('Node//node-1')!.y;
    const serviceBottom = l2.positions.get('Service/default/s')!.y + wrong.nodes.find((n) => n.id === 'Service/default/s')!.height;
    expect(frameY(l2)).toBeGreaterThan(serviceBottom);
    expect(frameY(fixed)).toBe(frameY(l2));
  });
});
