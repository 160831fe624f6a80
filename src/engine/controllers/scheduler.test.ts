import { describe, expect, it } from 'vitest';
import type { KubeEvent, Node, Pod } from '../core/types';
import { createCluster } from '../index';
import { boundStatus, chooseNode, fitErrorMessage } from './scheduler';

function newNode(name: string, extra: { unschedulable?: boolean; labels?: Record<string, string>; taints?: Node['spec']['taints'] } = {}): Node {
  return {
    apiVersion: 'v1', kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...extra.labels } },
    spec: { unschedulable: extra.unschedulable, taints: extra.taints },
    status: { addresses: [], conditions: [] },
  };
}

function newPod(name: string, spec: Partial<Pod['spec']> = {}): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { containers: [{ name: 'app', image: 'nginx' }], ...spec } };
}

const UNREACHABLE = [{ key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' }];

describe('chooseNode (filters + even spread)', () => {
  const counts = (m: Record<string, number>) => (n: string) => m[n] ?? 0;
  it.each([
    ['fewest pods wins', [newNode('node-1'), newNode('node-2'), newNode('node-3')], { 'node-1': 2, 'node-2': 1, 'node-3': 2 }, newPod('p'), 'node-2'],
    ['ties go to the first name', [newNode('node-2'), newNode('node-1')], {}, newPod('p'), 'node-1'],
    ['skips a cordoned node', [newNode('node-1', { unschedulable: true }), newNode('node-2')], { 'node-2': 9 }, newPod('p'), 'node-2'],
    ['honours nodeSelector', [newNode('node-1'), newNode('node-2', { labels: { disk: 'ssd' } })], { 'node-2': 5 }, newPod('p', { nodeSelector: { disk: 'ssd' } }), 'node-2'],
    ['skips an untolerated NoSchedule taint', [newNode('node-1', { taints: UNREACHABLE }), newNode('node-2')], { 'node-2': 5 }, newPod('p'), 'node-2'],
    ['a toleration lets the pod onto the tainted node', [newNode('node-1', { taints: UNREACHABLE }), newNode('node-2')], { 'node-2': 5 }, newPod('p', { tolerations: [{ operator: 'Exists' }] }), 'node-1'],
  ] as const)('%s', (_n, nodes, podCounts, pod, expected) => {
    expect(chooseNode(pod, nodes, counts(podCounts))).toEqual({ node: expected });
  });

  it('reports FitError with sorted reason counts and the preemption verdict', () => {
    const nodes = [newNode('node-1', { unschedulable: true }), newNode('node-2'), newNode('node-3')];
    expect(chooseNode(newPod('p', { nodeSelector: { disk: 'ssd' } }), nodes, () => 0)).toEqual({
      message: "0/3 nodes are available: 1 node(s) were unschedulable, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    });
  });

  it('names the untolerated taint', () => {
    expect(fitErrorMessage(1, new Map([['node(s) had untolerated taint {node.kubernetes.io/unreachable: }', 1]]))).toBe(
      '0/1 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.',
    );
  });

  it('does not mutate its inputs', () => {
    const nodes = Object.freeze([Object.freeze(newNode('node-1'))]);
    const pod = Object.freeze(newPod('p'));
    expect(chooseNode(pod, nodes, () => 0)).toEqual({ node: 'node-1' });
  });
});

describe('scheduler in the cluster', () => {
  it('spreads pods evenly and records Scheduled', () => {
    const c = createCluster({ seed: 7 });
    for (let i = 0; i < 6; i++) c.context.api.create(newPod(`web-${i}`));
    c.advance(0);
    const pods = c.context.store.list<Pod>('Pod', 'default');
    const perNode = new Map<string, number>();
    for (const p of pods) perNode.set(p.spec.nodeName!, (perNode.get(p.spec.nodeName!) ?? 0) + 1);
    expect(Object.fromEntries(perNode)).toEqual({ 'node-1': 2, 'node-2': 2, 'node-3': 2 });
    const ev = c.context.store.list<KubeEvent>('Event', 'default').find((e) => e.reason === 'Scheduled' && e.involvedObject.name === 'web-0');
    expect(ev?.message).toBe(`Successfully assigned default/web-0 to ${pods[0].spec.nodeName}`);
    expect(ev?.source).toEqual({ component: 'default-scheduler' });
    expect(pods[0].status?.conditions?.find((x) => x.type === 'PodScheduled')?.status).toBe('True');
  });

  it('leaves an unplaceable pod Pending with FailedScheduling, and places it when a node changes', () => {
    const c = createCluster({ seed: 7 });
    c.context.api.create(newPod('picky', { nodeSelector: { disk: 'ssd' } }));
    c.advance(5000);
    let pod = c.context.store.get<Pod>('Pod', 'default', 'picky')!;
    expect(pod.spec.nodeName).toBeUndefined();
    expect(pod.status?.phase).toBe('Pending');
    const cond = pod.status?.conditions?.find((x) => x.type === 'PodScheduled');
    expect(cond).toMatchObject({ status: 'False', reason: 'Unschedulable' });
    expect(cond?.message).toBe("0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.");
    const failed = c.context.store.list<KubeEvent>('Event', 'default').find((e) => e.reason === 'FailedScheduling');
    expect(failed).toMatchObject({ type: 'Warning', message: cond?.message, source: { component: 'default-scheduler' } });
    c.context.api.systemUpdate<Node>('Node', undefined, 'node-3', (n) => { n.metadata.labels = { ...n.metadata.labels, disk: 'ssd' }; });
    c.advance(0);
    pod = c.context.store.get<Pod>('Pod', 'default', 'picky')!;
    expect(pod.spec.nodeName).toBe('node-3');
  });

  it('never touches a pod whose nodeName is set', () => {
    const c = createCluster({ seed: 7 });
    c.context.api.systemUpdate<Node>('Node', undefined, 'node-2', (n) => { n.spec.unschedulable = true; });
    c.context.api.create(newPod('pinned', { nodeName: 'node-2' }));
    c.advance(5000);
    const pod = c.context.store.get<Pod>('Pod', 'default', 'pinned')!;
    expect(pod.spec.nodeName).toBe('node-2');
    expect(pod.status?.phase).toBe('Running');
    expect(c.context.store.list<KubeEvent>('Event', 'default').some((e) => e.reason === 'Scheduled')).toBe(false);
  });
});

describe('NodeResourcesFit pod count (kubelet maxPods)', () => {
  it('leaves a pod Pending with "Too many pods" when every node is full, and places it when a slot frees', async () => {
    const { createCluster } = await import('../index');
    // The system pods (the control plane's 4 mirror pods, 2 CoreDNS, 1 ingress-nginx
    // controller, 1 kube-proxy: the kubelet's maxPods counts hostNetwork and mirror pods too)
    // run on the single node first; with room for 10, two more fit and the third does not.
    const c = createCluster({ seed: 3, nodes: 1, maxPodsPerNode: 10 });
    for (const name of ['a', 'b', 'c']) {
      c.exec(`kubectl run ${name} --image=nginx`);
    }
    c.advance(5_000);
    const pods = c.snapshot().objects.Pod as Pod[];
    const pending = pods.find((p) => p.metadata.name === 'c')!;
    expect(pending.spec.nodeName).toBeUndefined();
    expect(pending.status?.conditions?.find((x) => x.type === 'PodScheduled')?.message).toBe(
      '0/1 nodes are available: 1 Too many pods. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
    );
    c.exec('kubectl delete pod a');
    c.advance(40_000);
    const placed = (c.snapshot().objects.Pod as Pod[]).find((p) => p.metadata.name === 'c')!;
    expect(placed.spec.nodeName).toBe('node-1');
  });

  it('a pod that completes frees its slot once: deleting it later does not count it again', () => {
    // 8 system pods on the node (4 control-plane mirror pods, CoreDNS x2, ingress-nginx, kube-proxy), room for 10: a job pod and a server fill it.
    const c = createCluster({ seed: 3, nodes: 1, maxPodsPerNode: 10 });
    c.exec('kubectl run job --image=busybox --restart=Never -- sleep 2');
    c.exec('kubectl run web --image=nginx');
    c.advance(10_000);
    const phase = (name: string) => (c.snapshot().objects.Pod as Pod[]).find((p) => p.metadata.name === name)?.status?.phase;
    expect(phase('job')).toBe('Succeeded');
    // The completed job no longer counts: one more pod fits, the next does not.
    c.exec('kubectl run more --image=nginx');
    c.exec('kubectl run full --image=nginx');
    c.advance(5_000);
    const nodeOf = (name: string) => (c.snapshot().objects.Pod as Pod[]).find((p) => p.metadata.name === name)?.spec.nodeName;
    expect(nodeOf('more')).toBe('node-1');
    expect(nodeOf('full')).toBeUndefined();
    // Deleting the completed pod frees nothing it still held.
    c.exec('kubectl delete pod job');
    c.advance(40_000);
    expect(nodeOf('full')).toBeUndefined();
    c.exec('kubectl delete pod web');
    c.advance(40_000);
    expect(nodeOf('full')).toBe('node-1');
  });
});

describe('boundStatus (pods/binding: registry/core/pod/storage assignPod)', () => {
  const NOW = '2026-01-01T00:00:05Z';
  const scheduled = { lastProbeTime: null, lastTransitionTime: NOW, status: 'True', type: 'PodScheduled' };
  it.each([
    ['no status: phase Pending', undefined, { phase: 'Pending', conditions: [scheduled] }],
    ['the API server\'s Pending status: key order kept, conditions last', { phase: 'Pending', qosClass: 'BestEffort' }, { phase: 'Pending', qosClass: 'BestEffort', conditions: [scheduled] }],
    ['an unschedulable verdict is replaced in place', {
      phase: 'Pending',
      conditions: [{ type: 'Custom', status: 'True' }, { lastProbeTime: null, lastTransitionTime: 'x', message: 'm', reason: 'Unschedulable', status: 'False', type: 'PodScheduled' }],
      qosClass: 'BestEffort',
    }, { phase: 'Pending', conditions: [{ type: 'Custom', status: 'True' }, scheduled], qosClass: 'BestEffort' }],
    ['an empty condition list', { conditions: [] }, { conditions: [scheduled], phase: 'Pending' }],
  ] as [string, Pod['status'], Pod['status']][])('%s', (_name, status, expected) => {
    const out = boundStatus(status, NOW);
    expect(JSON.stringify(out)).toBe(JSON.stringify(expected));
    // Its input is left as it was.
    if (status) expect(status.conditions?.some((c) => c.type === 'PodScheduled' && c.status === 'True')).not.toBe(true);
  });

  it('pods bound in a row from one stored Pending status share one frozen status; another second gets its own', () => {
    const stored = Object.freeze({ phase: 'Pending', qosClass: 'Burstable' });
    const a = boundStatus(stored, NOW);
    expect(boundStatus(stored, NOW)).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    const later = boundStatus(stored, '2026-01-01T00:00:06Z');
    expect(later).not.toBe(a);
    expect(later.conditions![0].lastTransitionTime).toBe('2026-01-01T00:00:06Z');
    // A status that is not stored (not frozen) is not shared.
    expect(Object.isFrozen(boundStatus({ phase: 'Pending' }, NOW))).toBe(false);
  });
});
