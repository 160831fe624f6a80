// The three controllers wired into a cluster: objects go in through the API
// server, pod status is written by hand (standing in for the kubelet), and the
// controller manager settles.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../index';
import type { EngineContext } from '../../context';
import type { Endpoints, EndpointSlice, Pod, Service } from '../../core/types';

function cluster() {
  return createCluster({ seed: 3 }).context;
}

/** The pods' IPs as the kubelet assigned them, by pod name order. */
function podIPsOf(ctx: EngineContext, ...names: string[]): string[] {
  return names.map((n) => ctx.store.get<Pod>('Pod', 'default', n)!.status!.podIP!);
}

const sortIPs = (ips: string[]) => [...ips].sort();

function addService(ctx: EngineContext, name: string, spec: Partial<Service['spec']>): void {
  ctx.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec });
}

function addPod(ctx: EngineContext, name: string, port = 8080): void {
  ctx.api.create({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels: { app: 'web' } },
    spec: { nodeName: 'node-1', containers: [{ name: 'app', image: 'nginx', ports: [{ name: 'http', containerPort: port, protocol: 'TCP' }] }] },
  });
}

function setReady(ctx: EngineContext, name: string, ready: boolean): void {
  ctx.api.updateStatus<Pod>('Pod', 'default', name, (p) => {
    const cond = p.status!.conditions!.find((x) => x.type === 'Ready')!;
    cond.status = ready ? 'True' : 'False';
    cond.lastTransitionTime = ctx.clock.timestamp();
  });
}

function slicesOf(ctx: EngineContext, svc: string, managedBy = 'endpointslice-controller.k8s.io'): EndpointSlice[] {
  return ctx.store
    .list<EndpointSlice>('EndpointSlice', 'default')
    .filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === svc && s.metadata.labels['endpointslice.kubernetes.io/managed-by'] === managedBy);
}

const webSpec = { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 'http' }] };

describe('endpoints controllers in a cluster', () => {
  it('a Service with three ready pods gets Endpoints and one EndpointSlice named web-xxxxx', () => {
    const c = createCluster({ seed: 3 });
    const ctx = c.context;
    addService(ctx, 'web', webSpec);
    for (const i of [0, 1, 2]) addPod(ctx, `web-${i}`);
    c.advance(30_000); // the kubelet starts them and marks them Ready
    const ips = sortIPs(podIPsOf(ctx, 'web-0', 'web-1', 'web-2'));

    const ep = ctx.store.get<Endpoints>('Endpoints', 'default', 'web')!;
    expect(ep.subsets).toHaveLength(1);
    expect(ep.subsets![0].addresses!.map((a) => a.ip)).toEqual(ips);
    expect(ep.subsets![0].ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }]);

    const slices = slicesOf(ctx, 'web');
    expect(slices).toHaveLength(1);
    expect(slices[0].metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(slices[0].metadata.ownerReferences![0]).toMatchObject({ kind: 'Service', name: 'web', controller: true });
    expect(sortIPs(slices[0].endpoints!.map((e) => e.addresses[0]))).toEqual(ips);
    expect(slices[0].endpoints!.every((e) => e.conditions.ready)).toBe(true);
  });

  it('one pod turning unready updates Endpoints and only that slice; a no-op pod update writes nothing', () => {
    const c = createCluster({ seed: 3 });
    const ctx = c.context;
    addService(ctx, 'web', webSpec);
    addPod(ctx, 'web-0');
    addPod(ctx, 'web-1');
    c.advance(30_000);
    const [ip0, ip1] = podIPsOf(ctx, 'web-0', 'web-1');
    const rv = slicesOf(ctx, 'web')[0].metadata.resourceVersion;

    // A status change that touches neither readiness nor IPs queues no sync.
    ctx.api.updateStatus<Pod>('Pod', 'default', 'web-0', (p) => { p.status!.message = 'just a note'; });
    ctx.controllers.settle();
    expect(slicesOf(ctx, 'web')[0].metadata.resourceVersion).toBe(rv);

    setReady(ctx, 'web-1', false); // as the kubelet writes it when a readiness probe fails
    ctx.controllers.settle();
    const ep = ctx.store.get<Endpoints>('Endpoints', 'default', 'web')!;
    expect(ep.subsets![0].addresses!.map((a) => a.ip)).toEqual([ip0]);
    expect(ep.subsets![0].notReadyAddresses!.map((a) => a.ip)).toEqual([ip1]);
    const [slice] = slicesOf(ctx, 'web');
    expect(slice.metadata.resourceVersion).not.toBe(rv);
    expect(slice.endpoints!.find((e) => e.addresses[0] === ip1)!.conditions).toEqual({ ready: false, serving: false, terminating: false });
  });

  it('a selector that matches nothing yields an empty Endpoints and a placeholder slice', () => {
    const ctx = cluster();
    addService(ctx, 'lonely', { selector: { app: 'nothing' }, ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }] });
    ctx.controllers.settle();
    expect(ctx.store.get<Endpoints>('Endpoints', 'default', 'lonely')!.subsets).toBeUndefined();
    const slices = slicesOf(ctx, 'lonely');
    expect(slices).toHaveLength(1);
    expect(slices[0].endpoints).toBeNull();
    expect(slices[0].ports).toBeNull();
  });

  it('ExternalName gets no Endpoints and no slices, even with a selector', () => {
    const ctx = cluster();
    addService(ctx, 'ext', { type: 'ExternalName', externalName: 'example.com', selector: { app: 'web' } });
    addPod(ctx, 'web-0');
    ctx.controllers.settle();
    expect(ctx.store.get('Endpoints', 'default', 'ext')).toBeUndefined();
    expect(slicesOf(ctx, 'ext')).toEqual([]);
  });

  it('a selectorless Service keeps the user\'s Endpoints, mirrored into a slice', () => {
    const ctx = cluster();
    addService(ctx, 'db', { ports: [{ port: 5432, protocol: 'TCP', targetPort: 5432 }] });
    ctx.api.create({
      apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'db', namespace: 'default' },
      subsets: [{ addresses: [{ ip: '192.168.10.5' }], ports: [{ port: 5432, protocol: 'TCP' }] }],
    });
    ctx.controllers.settle();
    expect(ctx.store.get<Endpoints>('Endpoints', 'default', 'db')!.subsets![0].addresses).toEqual([{ ip: '192.168.10.5' }]);
    expect(slicesOf(ctx, 'db')).toEqual([]);
    const mirrored = slicesOf(ctx, 'db', 'endpointslicemirroring-controller.k8s.io');
    expect(mirrored).toHaveLength(1);
    expect(mirrored[0].endpoints).toEqual([{ addresses: ['192.168.10.5'], conditions: { ready: true } }]);

    ctx.api.delete('Endpoints', 'default', 'db');
    ctx.controllers.settle();
    expect(slicesOf(ctx, 'db', 'endpointslicemirroring-controller.k8s.io')).toEqual([]);
  });

  it('recreates a managed slice someone deleted, and deletes the Endpoints with the Service', () => {
    const ctx = cluster();
    addService(ctx, 'web', webSpec);
    addPod(ctx, 'web-0');
    ctx.controllers.settle();
    const [slice] = slicesOf(ctx, 'web');
    ctx.api.delete('EndpointSlice', 'default', slice.metadata.name!);
    ctx.controllers.settle();
    expect(slicesOf(ctx, 'web').map((s) => s.endpoints!.length)).toEqual([1]);

    ctx.api.delete('Service', 'default', 'web');
    ctx.controllers.settle();
    expect(ctx.store.get('Endpoints', 'default', 'web')).toBeUndefined();
  });

  it('the same seed gives the same slice names', () => {
    const names = () => {
      const ctx = cluster();
      addService(ctx, 'web', webSpec);
      addPod(ctx, 'web-0');
      ctx.controllers.settle();
      return slicesOf(ctx, 'web').map((s) => s.metadata.name);
    };
    expect(names()).toEqual(names());
  });
});
