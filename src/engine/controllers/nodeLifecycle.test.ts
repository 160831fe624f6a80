import { describe, expect, it } from 'vitest';
import type { KubeEvent, Node, Pod } from '../core/types';
import { createCluster } from '../index';
import { evictionTime, NODE_MONITOR_GRACE_PERIOD_MS } from './nodeLifecycle';

// The tolerations the DefaultTolerationSeconds admission plugin adds to every pod.
const DEFAULT_TOLERATIONS = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
];

function newPod(name: string, nodeName: string, tolerations: unknown[] = DEFAULT_TOLERATIONS): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { nodeName, tolerations: tolerations as Pod['spec']['tolerations'], containers: [{ name: 'app', image: 'nginx' }] } };
}

describe('evictionTime (taint-eviction controller)', () => {
  const taints = [{ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: '2026-01-01T00:00:00Z' }];
  const t0 = Date.parse('2026-01-01T00:00:00Z');
  it.each([
    ['default toleration: 300s after the taint', DEFAULT_TOLERATIONS, t0 + 300_000],
    ['no toleration: at once', [], t0],
    ['toleration without seconds: never', [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' }], undefined],
    ['shorter tolerationSeconds wins', [{ operator: 'Exists', tolerationSeconds: 60 }], t0 + 60_000],
  ])('%s', (_n, tolerations, expected) => {
    expect(evictionTime(newPod('p', 'node-2', tolerations), taints)).toBe(expected);
  });
});

describe('node stop / start', () => {
  it(`NotReady after ${NODE_MONITOR_GRACE_PERIOD_MS / 1000}s, pods not ready, evicted 300s later, Terminating until the node returns`, () => {
    const c = createCluster({ seed: 5 });
    const { api, store } = c.context;
    api.create(newPod('web', 'node-2'));
    c.advance(5000);
    expect(store.get<Pod>('Pod', 'default', 'web')!.status?.phase).toBe('Running');
    expect(c.exec('sim node stop node-2').stdout).toBe('node/node-2 stopped\n');
    c.advance(NODE_MONITOR_GRACE_PERIOD_MS - 1000);
    let node = store.get<Node>('Node', undefined, 'node-2')!;
    expect(node.status.conditions.find((x) => x.type === 'Ready')?.status).toBe('True');
    c.advance(1000);
    node = store.get<Node>('Node', undefined, 'node-2')!;
    expect(node.status.conditions.find((x) => x.type === 'Ready')).toMatchObject({ status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' });
    expect(node.spec.taints?.map((t) => `${t.key}:${t.effect}`)).toEqual(['node.kubernetes.io/unreachable:NoSchedule', 'node.kubernetes.io/unreachable:NoExecute']);
    let pod = store.get<Pod>('Pod', 'default', 'web')!;
    expect(pod.status?.conditions?.find((x) => x.type === 'Ready')?.status).toBe('False');
    const podEvents = store.list<KubeEvent>('Event', 'default').filter((e) => e.involvedObject.name === 'web');
    expect(podEvents.some((e) => e.reason === 'NodeNotReady' && e.message === 'Node is not ready' && e.source.component === 'node-controller')).toBe(true);
    // New pods avoid the unreachable node.
    api.create({ ...newPod('later', ''), spec: { containers: [{ name: 'app', image: 'nginx' }] } });
    c.advance(299_000);
    expect(store.get<Pod>('Pod', 'default', 'later')!.spec.nodeName).not.toBe('node-2');
    expect(store.get<Pod>('Pod', 'default', 'web')!.metadata.deletionTimestamp).toBeUndefined();
    c.advance(1000);
    pod = store.get<Pod>('Pod', 'default', 'web')!;
    expect(pod.metadata.deletionTimestamp).toBeDefined();
    expect(store.list<KubeEvent>('Event', 'default').some((e) => e.reason === 'TaintManagerEviction' && e.message === 'Marking for deletion Pod default/web')).toBe(true);
    c.advance(600_000);
    expect(store.get<Pod>('Pod', 'default', 'web')).toBeDefined(); // the dead kubelet cannot finish the deletion
    expect(c.exec('sim node start node-2').stdout).toBe('node/node-2 started\n');
    c.advance(1000);
    expect(store.get<Pod>('Pod', 'default', 'web')).toBeUndefined();
    node = store.get<Node>('Node', undefined, 'node-2')!;
    expect(node.status.conditions.find((x) => x.type === 'Ready')?.status).toBe('True');
    expect(node.spec.taints).toBeUndefined();
  });

  it('a node back before the eviction keeps its pods, whose containers restart', () => {
    const c = createCluster({ seed: 5 });
    c.context.api.create(newPod('web', 'node-3'));
    c.advance(5000);
    c.exec('sim node stop node-3');
    c.advance(120_000);
    c.exec('sim node start node-3');
    c.advance(400_000);
    const pod = c.context.store.get<Pod>('Pod', 'default', 'web')!;
    expect(pod.metadata.deletionTimestamp).toBeUndefined();
    const cs = pod.status!.containerStatuses![0];
    expect(cs.restartCount).toBe(1);
    expect(cs.lastState.terminated).toMatchObject({ exitCode: 255, reason: 'Unknown' });
    expect(pod.status?.conditions?.find((x) => x.type === 'Ready')?.status).toBe('True');
  });
});
