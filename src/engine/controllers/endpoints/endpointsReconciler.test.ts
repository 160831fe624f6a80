// Table tests for the Endpoints reconciler, named after upstream behaviour in
// pkg/controller/endpoint/endpoints_controller.go and its tests.
import { describe, expect, it } from 'vitest';
import type { Endpoints, Pod } from '../../core/types';
import { deepFreeze } from '../../core/store';
import { reconcileEndpoints } from './endpointsReconciler';
import { newPod, newService, pods } from './testBuilders';

const ips = (ep: Endpoints, field: 'addresses' | 'notReadyAddresses') => (ep.subsets ?? []).flatMap((s) => (s[field] ?? []).map((a) => a.ip));

function create(svc = newService(), ps: Pod[] = [], trigger?: string): Endpoints {
  const change = reconcileEndpoints({ service: svc, pods: ps, existing: undefined, triggerTime: trigger });
  expect(change?.op).toBe('create');
  return change!.object;
}

describe('reconcileEndpoints: which pods and where', () => {
  it.each([
    { name: 'ready pod -> addresses', pod: newPod(1), ready: ['10.244.0.3'], notReady: [] },
    { name: 'unready pod -> notReadyAddresses', pod: newPod(1, { ready: false }), ready: [], notReady: ['10.244.0.3'] },
    { name: 'terminating pod is dropped (ShouldPodBeInEndpoints includeTerminating=false)', pod: newPod(1, { terminating: true }), ready: [], notReady: [] },
    { name: 'Succeeded pod is skipped', pod: newPod(1, { phase: 'Succeeded' }), ready: [], notReady: [] },
    { name: 'Failed pod is skipped', pod: newPod(1, { phase: 'Failed', ready: false }), ready: [], notReady: [] },
    { name: 'pod without an IP is skipped', pod: newPod(1, { ip: '' }), ready: [], notReady: [] },
  ])('$name', ({ pod, ready, notReady }) => {
    const ep = create(newService(), [pod]);
    expect(ips(ep, 'addresses')).toEqual(ready);
    expect(ips(ep, 'notReadyAddresses')).toEqual(notReady);
  });

  it('publishNotReadyAddresses puts unready and terminating pods in addresses', () => {
    const ep = create(newService({ publishNotReadyAddresses: true }), [newPod(1, { ready: false }), newPod(2, { terminating: true })]);
    expect(ips(ep, 'addresses')).toEqual(['10.244.0.3', '10.244.0.4']);
    expect(ips(ep, 'notReadyAddresses')).toEqual([]);
  });

  it('writes nodeName and a targetRef with the pod uid', () => {
    const ep = create(newService(), [newPod(1, { node: 'node-2' })]);
    expect(ep.subsets![0].addresses![0]).toEqual({
      ip: '10.244.0.3',
      nodeName: 'node-2',
      targetRef: { kind: 'Pod', namespace: 'default', name: 'web-1', uid: 'uid-web-1' },
    });
  });

  it('sets hostname only when spec.subdomain names the Service (ShouldSetHostname)', () => {
    const ep = create(newService(), [newPod(1, { hostname: 'a', subdomain: 'web' }), newPod(2, { hostname: 'b', subdomain: 'other' })]);
    const addrs = ep.subsets![0].addresses!;
    expect(addrs.map((a) => a.hostname)).toEqual(['a', undefined]);
  });
});

describe('reconcileEndpoints: ports', () => {
  it('resolves a named targetPort per pod; a pod lacking the name is left out', () => {
    const ep = create(newService(), [
      newPod(1),
      newPod(2, { ports: [{ name: 'http', containerPort: 9090, protocol: 'TCP' }] }),
      newPod(3, { ports: [{ name: 'web', containerPort: 8080, protocol: 'TCP' }] }),
    ]);
    expect(ep.subsets).toEqual([
      { addresses: [expect.objectContaining({ ip: '10.244.0.3' })], ports: [{ name: 'http', port: 8080, protocol: 'TCP' }] },
      { addresses: [expect.objectContaining({ ip: '10.244.0.4' })], ports: [{ name: 'http', port: 9090, protocol: 'TCP' }] },
    ]);
  });

  it('matches the named port by protocol too (a UDP "dns" does not serve a TCP port)', () => {
    const svc = newService({ ports: [{ name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 'dns' }] });
    const ep = create(svc, [newPod(1, { ports: [{ name: 'dns', containerPort: 53, protocol: 'UDP' }] })]);
    expect(ep.subsets).toBeUndefined();
  });

  it('an integer targetPort is used as is, declared or not', () => {
    const svc = newService({ ports: [{ port: 80, protocol: 'TCP', targetPort: 3000 }] });
    const ep = create(svc, [newPod(1)]);
    expect(ep.subsets![0].ports).toEqual([{ port: 3000, protocol: 'TCP' }]);
  });

  it('repacks pods with the same ports into one subset, sorted by IP', () => {
    const svc = newService({ ports: [{ name: 'a', port: 80, protocol: 'TCP', targetPort: 8080 }, { name: 'b', port: 81, protocol: 'TCP', targetPort: 8081 }] });
    const ep = create(svc, [newPod(12), newPod(3, { ready: false }), newPod(1)]);
    expect(ep.subsets).toHaveLength(1);
    expect(ips(ep, 'addresses')).toEqual(['10.244.0.14', '10.244.0.3']); // byte order, as upstream
    expect(ips(ep, 'notReadyAddresses')).toEqual(['10.244.0.5']);
    expect(ep.subsets![0].ports!.map((p) => p.port)).toEqual([8080, 8081]);
  });

  it('headless Service without ports lists addresses with no ports', () => {
    const ep = create(newService({ headless: true, ports: [] }), [newPod(1)]);
    expect(ep.subsets).toEqual([{ addresses: [expect.objectContaining({ ip: '10.244.0.3' })] }]);
  });
});

describe('reconcileEndpoints: object shape', () => {
  it('creates an empty Endpoints (no subsets) when nothing matches, with Service labels and trigger time', () => {
    const ep = create(newService({ labels: { app: 'web', tier: 'front' } }), [], '2026-01-01T00:00:00Z');
    expect(ep).toEqual({
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: {
        name: 'web',
        namespace: 'default',
        labels: { app: 'web', tier: 'front' },
        annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': '2026-01-01T00:00:00Z' },
      },
    });
  });

  it('labels a headless Service\'s Endpoints service.kubernetes.io/headless=""', () => {
    expect(create(newService({ headless: true }), []).metadata.labels).toEqual({ 'service.kubernetes.io/headless': '' });
  });

  it('truncates over 1000 addresses, ready first, with the over-capacity annotation', () => {
    const many = [...pods(900), ...Array.from({ length: 300 }, (_, i) => newPod(900 + i, { ready: false }))];
    const ep = create(newService(), many);
    expect(ips(ep, 'addresses')).toHaveLength(900);
    expect(ips(ep, 'notReadyAddresses')).toHaveLength(100);
    expect(ep.metadata.annotations!['endpoints.kubernetes.io/over-capacity']).toBe('truncated');

    const allReady = create(newService(), pods(1200));
    expect(ips(allReady, 'addresses')).toHaveLength(1000);
  });

  it('no write when the endpoint set is unchanged; an update when a pod turns unready', () => {
    const svc = newService();
    const ps = pods(3);
    const stored = deepFreeze({ ...create(svc, ps, '2026-01-01T00:00:00Z'), metadata: { ...create(svc, ps).metadata, uid: 'e1', resourceVersion: '7' } }) as Endpoints;
    expect(reconcileEndpoints({ service: svc, pods: ps, existing: stored, triggerTime: '2026-01-01T00:05:00Z' })).toBeUndefined();

    const flipped = [ps[0], newPod(1, { ready: false }), ps[2]];
    const change = reconcileEndpoints({ service: svc, pods: flipped, existing: stored, triggerTime: '2026-01-01T00:05:00Z' });
    expect(change?.op).toBe('update');
    expect(change!.object.metadata.uid).toBe('e1');
    expect(ips(change!.object, 'notReadyAddresses')).toEqual(['10.244.0.3']);
    expect(change!.object.metadata.annotations!['endpoints.kubernetes.io/last-change-trigger-time']).toBe('2026-01-01T00:05:00Z');
  });

  it('does not mutate its inputs', () => {
    const svc = newService();
    const ps = pods(5);
    const before = JSON.stringify([svc, ps]);
    reconcileEndpoints({ service: svc, pods: ps, existing: undefined, triggerTime: undefined });
    expect(JSON.stringify([svc, ps])).toBe(before);
  });
});

describe('reconcileEndpoints: stored addresses are reused', () => {
  it('a pod that turns Ready keeps its stored address object; one stored with other keys is rebuilt, the same JSON', () => {
    const stored = deepFreeze(create(newService(), [newPod(1, { ready: false }), newPod(2, { ready: false })]));
    const next = reconcileEndpoints({ service: newService(), pods: [newPod(1), newPod(2)], existing: stored, triggerTime: undefined });
    const before = stored.subsets![0].notReadyAddresses!;
    const after = next!.object.subsets![0].addresses!;
    expect(after.map((a) => a.ip)).toEqual(['10.244.0.3', '10.244.0.4']);
    expect(after[0]).toBe(before[0]);

    // Keys in another order (say, written by hand): not reused, so the write keeps podAddress's order.
    const { ip, nodeName, targetRef } = before[1];
    const reordered = deepFreeze({ ...stored, subsets: [{ notReadyAddresses: [before[0], { nodeName, ip, targetRef }], ports: stored.subsets![0].ports }] });
    const again = reconcileEndpoints({ service: newService(), pods: [newPod(1), newPod(2)], existing: reordered, triggerTime: undefined });
    const rebuilt = again!.object.subsets![0].addresses![1];
    expect(rebuilt).not.toBe(reordered.subsets![0].notReadyAddresses![1]);
    expect(JSON.stringify(rebuilt)).toBe(JSON.stringify(before[1]));
  });
});
