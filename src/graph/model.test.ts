import { describe, expect, it } from 'vitest';
import { createCluster } from '../engine';
import { WELCOME_MANIFEST } from '../scenarios/welcome';
import { CLOUD_LB_NODE_ID, WORKSTATION_NODE_ID, externalNameNodeId, objectNodeId } from './ids';
import { CORE_DNS_NODE_ID, INGRESS_NODE_ID, buildGraphModel, type SnapshotLike } from './model';
import { newNode, newObject, newPod, newService } from './testing/builders';
import type { PodData, ServiceData } from './types';

function welcome() {
  const c = createCluster({ seed: 1 });
  c.writeFile('web.yaml', WELCOME_MANIFEST);
  c.exec('kubectl apply -f web.yaml');
  c.advance(30_000);
  return c;
}

const snap = (objects: Record<string, unknown[]>, sim: Partial<SnapshotLike['sim']> = {}): SnapshotLike => ({
  objects: objects as SnapshotLike['objects'],
  sim: { cloudProvider: true, readinessFailures: [], stoppedNodes: [], ...sim },
});

describe('buildGraphModel on the welcome example', () => {
  const c = welcome();
  const model = buildGraphModel(c.snapshot());
  const byKind = (k: string) => model.nodes.filter((n) => n.data.kind === k);

  it('draws three node frames holding three web pods', () => {
    expect(byKind('frame').map((n) => n.id)).toEqual(['Node//node-1', 'Node//node-2', 'Node//node-3']);
    const pods = byKind('pod');
    expect(pods).toHaveLength(3);
    expect(new Set(pods.map((p) => p.parentId))).toEqual(new Set(['Node//node-1', 'Node//node-2', 'Node//node-3']));
    for (const p of pods) {
      expect((p.data as PodData).state).toBe('ready');
      expect(p.ariaLabel).toMatch(/^Pod web-[a-z0-9]+-[a-z0-9]{5}, ready, 10\.244\.\d\.\d+ on node-\d$/);
    }
  });

  it('draws the web Service with its NodePort and edges to its pods', () => {
    const web = model.nodes.find((n) => n.id === 'Service/default/web')!;
    const d = web.data as ServiceData;
    expect(d.type).toBe('NodePort');
    expect(d.portsShort).toMatch(/^80:3\d{4}\/TCP$/);
    expect(d.ports[0]).toMatch(/^80 → 80 · nodePort 3\d{4}$/);
    expect(d.warning).toBeUndefined();
    const sel = model.edges.filter((e) => e.source === web.id && e.kind === 'selects');
    expect(sel.map((e) => e.target).sort()).toEqual(byKind('pod').map((p) => p.id).sort());
  });

  it('draws the EndpointSlice with edges to its endpoints', () => {
    const slice = byKind('slice');
    expect(slice).toHaveLength(1);
    expect(model.edges.filter((e) => e.source === slice[0].id && e.kind === 'endpoint')).toHaveLength(3);
  });

  it('keeps system namespaces compact: CoreDNS and the ingress controller, no system pods', () => {
    expect(model.nodes.find((n) => n.id === CORE_DNS_NODE_ID)?.ariaLabel).toBe('CoreDNS, Service kube-dns 10.96.0.10 port 53, 2 of 2 pods ready');
    expect(model.nodes.some((n) => n.id === INGRESS_NODE_ID)).toBe(true);
    expect(model.nodes.some((n) => n.id === WORKSTATION_NODE_ID)).toBe(true);
    expect(model.nodes.some((n) => n.id === 'Service/default/kubernetes')).toBe(false);
    const corePod = c.snapshot().objects.Pod.find((p) => p.metadata.namespace === 'kube-system')!;
    expect(model.aliases[objectNodeId('Pod', 'kube-system', corePod.metadata.name!)]).toBe(CORE_DNS_NODE_ID);
  });

  it('shows system pods when asked', () => {
    const full = buildGraphModel(c.snapshot(), { showSystem: true });
    // 3 user pods, 2 CoreDNS, 1 ingress-nginx, one kube-proxy (DaemonSet) pod per node and
    // the control plane's 4 mirror pods on node-1.
    const pods = full.nodes.filter((n) => n.data.kind === 'pod');
    expect(pods).toHaveLength(13);
    expect(pods.filter((n) => n.id.endsWith('-node-1') && n.id.startsWith('Pod/kube-system/')).map((n) => n.parentId)).toEqual(Array(4).fill('Node//node-1'));
    expect(pods.filter((n) => n.id.startsWith('Pod/kube-system/kube-proxy-')).map((n) => n.parentId).sort()).toEqual(['Node//node-1', 'Node//node-2', 'Node//node-3']);
    expect(full.nodes.some((n) => n.id === 'Service/default/kubernetes')).toBe(true);
  });

  it('says a pod on a stopped node is not ready because of its node', () => {
    const cl = welcome();
    cl.exec('sim node stop node-2');
    cl.advance(60_000);
    const m = buildGraphModel(cl.snapshot());
    const pod = m.nodes.find((n) => n.data.kind === 'pod' && n.data.nodeName === 'node-2')!.data as PodData;
    expect(pod.state).toBe('notReady');
    expect(pod.exclusions).toEqual([{ service: 'web', reason: 'its node is NotReady' }]);
  });

  it('marks a crashed pod and a stopped node', () => {
    const cl = welcome();
    const pod = cl.snapshot().objects.Pod.find((p) => p.metadata.namespace === 'default')!;
    cl.exec(`sim pod crash ${pod.metadata.name}`);
    cl.exec('sim node stop node-3');
    cl.exec('kubectl cordon node-2');
    const m = buildGraphModel(cl.snapshot());
    const crashed = m.nodes.find((n) => n.id === objectNodeId('Pod', 'default', pod.metadata.name!))!.data as PodData;
    expect(crashed.state).toBe('crashLooping');
    expect(crashed.exclusions).toEqual([{ service: 'web', reason: 'container nginx not running' }]);
    expect(m.edges.find((e) => e.target === objectNodeId('Pod', 'default', pod.metadata.name!) && e.source === 'Service/default/web')?.kind).toBe('excluded');
    expect(m.nodes.find((n) => n.id === 'Node//node-3')?.ariaLabel).toBe('Node node-3, Ready, powered off, 192.168.49.4');
    expect(m.nodes.find((n) => n.id === 'Node//node-2')?.ariaLabel).toBe('Node node-2, Ready, cordoned, 192.168.49.3');
  });
});

describe('buildGraphModel from small snapshots', () => {
  it('warns why a selector matches nothing', () => {
    const m = buildGraphModel(snap({ Node: [newNode('node-1', '192.168.49.2')], Pod: [newPod('web-1', { labels: { app: 'web' } })], Service: [newService('typo', { app: 'wbe' })] }));
    const svc = m.nodes.find((n) => n.id === 'Service/default/typo')!;
    expect((svc.data as ServiceData).warning).toBe('no pod has app=wbe; 1 pod has app=web');
    expect(svc.ariaLabel).toContain('warning: no pod has app=wbe; 1 pod has app=web');
    expect(m.edges.filter((e) => e.source === svc.id)).toEqual([]);
  });

  it('draws LoadBalancer entries with their IP or <pending>, and edges to every node', () => {
    const m = buildGraphModel(
      snap({
        Node: [newNode('node-1', '192.168.49.2'), newNode('node-2', '192.168.49.3')],
        Service: [newService('lb', { app: 'web' }, { type: 'LoadBalancer', lbIP: '203.0.113.5' }), newService('wait', { app: 'web' }, { type: 'LoadBalancer' })],
      }),
    );
    const lb = m.nodes.find((n) => n.id === CLOUD_LB_NODE_ID)!;
    expect(lb.ariaLabel).toBe('Cloud load balancer: lb 203.0.113.5, wait pending');
    expect(m.edges.filter((e) => e.source === CLOUD_LB_NODE_ID).map((e) => e.target)).toEqual(['Node//node-1', 'Node//node-2']);
  });

  it('links ExternalName Services to their target outside the cluster', () => {
    const m = buildGraphModel(snap({ Service: [newService('db', undefined, { type: 'ExternalName', externalName: 'db.example.com' })] }));
    expect(m.nodes.some((n) => n.id === externalNameNodeId('db.example.com'))).toBe(true);
    expect(m.edges).toContainEqual({ id: 'ext:Service/default/db', source: 'Service/default/db', target: externalNameNodeId('db.example.com'), kind: 'externalName', label: 'CNAME' });
  });

  it('collapses a large ReplicaSet into groups per node and points edges at the group', () => {
    const pods = Array.from({ length: 40 }, (_, i) => newPod(`big-${i}`, { labels: { app: 'big' }, node: 'node-1', owner: { kind: 'ReplicaSet', name: 'big-rs' } }));
    const rs = newObject('ReplicaSet', 'big-rs', 'default', { spec: { replicas: 40, selector: {}, template: { spec: { containers: [] } } } });
    const m = buildGraphModel(snap({ Node: [newNode('node-1', '192.168.49.2')], Pod: pods, ReplicaSet: [rs], Service: [newService('big', { app: 'big' })] }));
    const groups = m.nodes.filter((n) => n.data.kind === 'group');
    expect(groups).toHaveLength(1);
    expect(groups[0].ariaLabel).toBe('40 pods of big-rs on node-1: 40 ready, 0 not ready, 0 pending, 0 terminating, 0 crash-looping');
    expect(m.aliases['Pod/default/big-7']).toBe(groups[0].id);
    expect(m.edges.filter((e) => e.source === 'Service/default/big')).toEqual([{ id: `sel:Service/default/big->${groups[0].id}`, source: 'Service/default/big', target: groups[0].id, kind: 'selects', label: undefined }]);
    const open = buildGraphModel(snap({ Node: [newNode('node-1', '192.168.49.2')], Pod: pods, ReplicaSet: [rs] }), { expandedGroups: new Set([groups[0].id]) });
    expect(open.nodes.filter((n) => n.data.kind === 'pod')).toHaveLength(40);
  });

  it('puts pods no node has taken into a "Not scheduled" frame', () => {
    const m = buildGraphModel(snap({ Node: [newNode('node-1', '192.168.49.2')], Pod: [newPod('p', { phase: 'Pending' })] }));
    expect(m.nodes.find((n) => n.id === 'Pod/default/p')?.parentId).toBe('frame/unscheduled');
  });
});
