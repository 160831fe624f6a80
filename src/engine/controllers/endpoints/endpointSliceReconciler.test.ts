// Table tests for the EndpointSlice reconciler, after
// staging/src/k8s.io/endpointslice/reconciler_test.go.
import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../../core/store';
import type { EndpointSlice, Node, Pod, Service } from '../../core/types';
import { reconcileEndpointSlices, type SliceChange } from './endpointSliceReconciler';
import { newNode, newPod, newService, pods } from './testBuilders';

const NODES: Record<string, Node> = { 'node-1': newNode('node-1', 'zone-a'), 'node-2': newNode('node-2') };

function run(service: Service, ps: readonly Pod[], existing: readonly EndpointSlice[] = []) {
  return reconcileEndpointSlices({ service, pods: ps, existingSlices: existing, node: (n) => NODES[n], triggerTime: '2026-01-01T00:00:10Z' });
}

/** Stores the changes the way the API server would (names from generateName, uid), giving the next "existing". */
function store(existing: readonly EndpointSlice[], changes: SliceChange[]): EndpointSlice[] {
  const byName = new Map(existing.map((s) => [s.metadata.name!, s]));
  let n = byName.size;
  for (const c of changes) {
    if (c.op === 'delete') byName.delete(c.name);
    else {
      const name = c.slice.metadata.name ?? `${c.slice.metadata.generateName}${String(++n).padStart(5, 'x')}`;
      byName.set(name, deepFreeze({ ...c.slice, metadata: { ...c.slice.metadata, name, uid: `s-${name}` } }));
    }
  }
  return [...byName.values()];
}

const created = (r: { changes: SliceChange[] }) => r.changes.filter((c) => c.op === 'create').map((c) => (c as { slice: EndpointSlice }).slice);

describe('reconcileEndpointSlices: endpoints and conditions (§9.2)', () => {
  it.each([
    { name: 'ready pod', pod: newPod(1), conditions: { ready: true, serving: true, terminating: false } },
    { name: 'unready pod', pod: newPod(1, { ready: false }), conditions: { ready: false, serving: false, terminating: false } },
    { name: 'terminating ready pod is kept, not ready', pod: newPod(1, { terminating: true }), conditions: { ready: false, serving: true, terminating: true } },
    { name: 'terminating unready pod', pod: newPod(1, { terminating: true, ready: false }), conditions: { ready: false, serving: false, terminating: true } },
  ])('$name', ({ pod, conditions }) => {
    const [slice] = created(run(newService(), [pod]));
    expect(slice.endpoints![0].conditions).toEqual(conditions);
  });

  it('publishNotReadyAddresses makes every endpoint ready', () => {
    const [slice] = created(run(newService({ publishNotReadyAddresses: true }), [newPod(1, { ready: false, terminating: true })]));
    expect(slice.endpoints![0].conditions).toEqual({ ready: true, serving: false, terminating: true });
  });

  it('skips Succeeded/Failed pods and pods without an IP', () => {
    const [slice] = created(run(newService(), [newPod(1, { phase: 'Succeeded' }), newPod(2, { phase: 'Failed' }), newPod(3, { ip: '' })]));
    expect(slice.endpoints).toBeNull();
  });

  it('writes addresses, targetRef, nodeName and the zone of the node', () => {
    const [slice] = created(run(newService(), [newPod(1)]));
    expect(slice.endpoints![0]).toEqual({
      addresses: ['10.244.0.3'],
      conditions: { ready: true, serving: true, terminating: false },
      targetRef: { kind: 'Pod', namespace: 'default', name: 'web-1', uid: 'uid-web-1' },
      nodeName: 'node-1',
      zone: 'zone-a',
    });
  });

  it('leaves out a pod whose Node does not exist and reports it', () => {
    const r = run(newService(), [newPod(1), newPod(2, { node: 'node-9' })]);
    expect(created(r)[0].endpoints!.map((e) => e.targetRef!.name)).toEqual(['web-1']);
    expect(r.errors).toEqual(['skipping Pod web-2 for Service default/web: Node node-9 Not Found']);
  });
});

describe('reconcileEndpointSlices: slices', () => {
  it('names, labels and owns a new slice like newEndpointSlice', () => {
    const [slice] = created(run(newService({ labels: { tier: 'front' } }), [newPod(1)]));
    expect(slice.metadata).toEqual({
      generateName: 'web-',
      namespace: 'default',
      labels: { tier: 'front', 'kubernetes.io/service-name': 'web', 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' },
      annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': '2026-01-01T00:00:10Z' },
      ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name: 'web', uid: 'uid-svc-web', controller: true, blockOwnerDeletion: true }],
    });
    expect(slice.addressType).toBe('IPv4');
    expect(slice.ports).toEqual([{ name: 'http', protocol: 'TCP', port: 8080 }]);
  });

  it('adds service.kubernetes.io/headless to a headless Service\'s slices', () => {
    const [slice] = created(run(newService({ headless: true }), [newPod(1)]));
    expect(slice.metadata.labels!['service.kubernetes.io/headless']).toBe('');
  });

  it('pods whose named targetPort resolves differently land in different slices; a pod lacking it in a port-less one', () => {
    const ps = [newPod(1), newPod(2, { ports: [{ name: 'http', containerPort: 9090, protocol: 'TCP' }] }), newPod(3, { ports: [] })];
    const slices = created(run(newService(), ps));
    expect(slices.map((s) => [s.ports?.map((p) => p.port) ?? null, s.endpoints!.map((e) => e.targetRef!.name)])).toEqual([
      [[8080], ['web-1']],
      [[9090], ['web-2']],
      [null, ['web-3']],
    ]);
  });

  it('fills new slices to capacity: 150 pods -> 100 + 50', () => {
    const slices = created(run(newService(), pods(150)));
    expect(slices.map((s) => s.endpoints!.length)).toEqual([100, 50]);
  });

  it('keeps one placeholder slice (no endpoints, no ports) when no pod matches, and does not rewrite it', () => {
    const r = run(newService(), []);
    const [placeholder] = created(r);
    expect(placeholder.endpoints).toBeNull();
    expect(placeholder.ports).toBeNull();
    expect(run(newService(), [], store([], r.changes)).changes).toEqual([]);
  });

  it('reuses the placeholder for the first pods (an update, not create + delete)', () => {
    const existing = store([], run(newService(), []).changes);
    const r = run(newService(), pods(2));
    const next = reconcileEndpointSlices({ service: newService(), pods: pods(2), existingSlices: existing, node: (n) => NODES[n], triggerTime: undefined });
    expect(created(r)).toHaveLength(1);
    expect(next.changes.map((c) => c.op)).toEqual(['update']);
    const updated = (next.changes[0] as { slice: EndpointSlice }).slice;
    expect(updated.metadata.name).toBe(existing[0].metadata.name);
    expect(updated.endpoints).toHaveLength(2);
  });

  it('no write when nothing changed', () => {
    const svc = newService();
    const ps = pods(150);
    const existing = store([], run(svc, ps).changes);
    expect(run(svc, ps, existing).changes).toEqual([]);
  });

  it('one pod turning unready touches only its slice', () => {
    const svc = newService();
    const ps = pods(150);
    const existing = store([], run(svc, ps).changes);
    const flipped = ps.map((p, i) => (i === 120 ? newPod(120, { ready: false }) : p));
    const r = run(svc, flipped, existing);
    expect(r.changes.map((c) => c.op)).toEqual(['update']);
    const slice = (r.changes[0] as { slice: EndpointSlice }).slice;
    expect(slice.endpoints!.find((e) => e.targetRef!.name === 'web-120')!.conditions.ready).toBe(false);
    expect(slice.endpoints).toHaveLength(existing.find((s) => s.metadata.name === slice.metadata.name)!.endpoints!.length);
  });

  it('a removed pod leaves its slice; a new pod fills the slice closest to full', () => {
    const svc = newService();
    const existing = store([], run(svc, pods(150)).changes);
    const r = run(svc, [...pods(150).slice(1), newPod(150)], existing);
    // web-0 goes from the 100-slice, web-150 fills its place: one update.
    expect(r.changes.map((c) => c.op)).toEqual(['update']);
  });

  it('a pod that comes back under the same name with a new IP is a new endpoint, not the old one updated', () => {
    const svc = newService();
    const existing = store([], run(svc, pods(3)).changes);
    const moved = [newPod(0), newPod(1, { ip: '10.244.9.9' }), newPod(2)];
    const r = run(svc, moved, existing);
    expect(r.changes.map((c) => c.op)).toEqual(['update']);
    // The old endpoint of web-1 is dropped; the new one joins at the end, as upstream's set by hash does.
    const slice = (r.changes[0] as { slice: EndpointSlice }).slice;
    expect(slice.endpoints!.map((e) => [e.targetRef!.name, e.addresses[0]])).toEqual([['web-0', '10.244.0.2'], ['web-2', '10.244.0.4'], ['web-1', '10.244.9.9']]);
  });

  it('deletes slices of another Service with the same name (not owned) and creates its own', () => {
    const foreign = store([], run(newService(), pods(1)).changes).map((s) => deepFreeze({ ...s, metadata: { ...s.metadata, ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name: 'web', uid: 'old' }] } }));
    const r = run(newService(), pods(1), foreign);
    expect(r.changes.map((c) => c.op)).toEqual(['create', 'delete']);
  });

  it('does not mutate its inputs', () => {
    const svc = newService();
    const ps = pods(120);
    const existing = store([], run(svc, pods(110)).changes);
    const before = JSON.stringify([svc, ps, existing]);
    run(svc, ps, existing);
    expect(JSON.stringify([svc, ps, existing])).toBe(before);
  });
});
