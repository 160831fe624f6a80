// The DaemonSet controller's pure sync (daemonSetReconciler.ts) and history (daemonSetHistory.ts),
// table-driven from small builders. Upstream: pkg/controller/daemon/daemon_controller_test.go,
// update_test.go, util/daemonset_util_test.go.
import { describe, expect, it } from 'vitest';
import { defaultDaemonSet } from '../../api/strategies/workloads';
import type { DaemonSet, Node, Pod } from '../../core/types';
import { constructHistory, newDaemonSetRevision } from './daemonSetHistory';
import { type BackoffEntry, type DaemonSetAction, nodeShouldRunDaemonPod, planDaemonSet } from './daemonSetReconciler';
import { historyToClean, planDaemonSetRollingUpdate as rollingUpdate } from './daemonSetRollingUpdate';

const NOW = Date.parse('2026-01-01T00:10:00Z');
const T0 = '2026-01-01T00:00:00Z';

function newNode(name: string, extra: { labels?: Record<string, string>; taints?: { key: string; value?: string; effect: string }[]; unschedulable?: boolean } = {}): Node {
  return {
    apiVersion: 'v1', kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', ...extra.labels } },
    spec: { ...(extra.taints ? { taints: extra.taints } : {}), ...(extra.unschedulable ? { unschedulable: true } : {}) },
    status: { addresses: [] },
  } as unknown as Node;
}

function newDaemonSet(spec: Partial<DaemonSet['spec']> = {}, podSpec: Partial<Pod['spec']> = {}): DaemonSet {
  const ds: DaemonSet = {
    apiVersion: 'apps/v1', kind: 'DaemonSet',
    metadata: { name: 'agent', namespace: 'default', uid: 'ds-uid', generation: 1, annotations: { 'deprecated.daemonset.template.generation': '1' } },
    spec: { selector: { matchLabels: { app: 'agent' } }, template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'a', image: 'agent:1' }], ...podSpec } }, ...spec },
  };
  defaultDaemonSet(ds);
  return ds;
}

function newDaemonPod(name: string, node: string, hash: string, extra: { ready?: boolean; phase?: string; deleting?: boolean; created?: string; bound?: boolean } = {}): Pod {
  const ready = extra.ready ?? true;
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: {
      name, namespace: 'default', creationTimestamp: extra.created ?? T0, labels: { app: 'agent', 'controller-revision-hash': hash },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'agent', uid: 'ds-uid', controller: true }],
      ...(extra.deleting ? { deletionTimestamp: T0 } : {}),
    },
    spec: {
      containers: [],
      ...(extra.bound === false ? {} : { nodeName: node }),
      affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] }] } } },
    } as Pod['spec'],
    status: { phase: extra.phase ?? 'Running', conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: T0 }] },
  };
}

const summary = (actions: DaemonSetAction[]) => actions.map((a) => {
  switch (a.type) {
    case 'createPod': return `create ${a.node}`;
    case 'deletePod': return `delete ${a.name}`;
    case 'event': return `event ${a.reason}: ${a.message}`;
    case 'failedPodsBackoff': return `backoff ${a.key} ${a.entry.backoffMs}ms since ${(a.entry.lastUpdateMs - NOW) / 1000}s`;
    case 'requeueAfter': return `requeue after ${a.delayMs}ms`;
  }
});

describe('planDaemonSet (pkg/controller/daemon: manage, podsShouldBeOnNode, rollingUpdate)', () => {
  const nodes = [newNode('node-1'), newNode('node-2'), newNode('node-3')];
  const cases: { name: string; ds?: DaemonSet; nodes?: Node[]; pods: Pod[]; backoff?: [string, BackoffEntry][]; want: string[] }[] = [
    { name: 'creates one pod on every node without one', pods: [newDaemonPod('agent-a', 'node-1', 'h1')], want: ['create node-2', 'create node-3'] },
    {
      name: 'skips nodes the template\'s nodeSelector rules out and deletes the pod already there',
      ds: newDaemonSet({}, { nodeSelector: { disk: 'ssd' } }),
      nodes: [newNode('node-1', { labels: { disk: 'ssd' } }), newNode('node-2')],
      pods: [newDaemonPod('agent-b', 'node-2', 'h1')],
      want: ['create node-1', 'delete agent-b'],
    },
    {
      name: 'places no pod on a node with an untolerated NoSchedule taint, but keeps the one running there',
      nodes: [newNode('node-1', { taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }] }), newNode('node-2', { taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }] })],
      pods: [newDaemonPod('agent-a', 'node-1', 'h1')],
      want: [],
    },
    {
      name: 'deletes the pod on a node with an untolerated NoExecute taint',
      nodes: [newNode('node-1', { taints: [{ key: 'dedicated', effect: 'NoExecute' }] })],
      pods: [newDaemonPod('agent-a', 'node-1', 'h1')],
      want: ['delete agent-a'],
    },
    {
      name: 'runs on cordoned and not-ready nodes (the automatic tolerations)',
      nodes: [newNode('node-1', { unschedulable: true, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }] }), newNode('node-2', { taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' }] })],
      pods: [],
      want: ['create node-1', 'create node-2'],
    },
    {
      name: 'keeps the oldest of two pods on a node',
      nodes: [newNode('node-1')],
      pods: [newDaemonPod('agent-new', 'node-1', 'h1', { created: '2026-01-01T00:05:00Z' }), newDaemonPod('agent-old', 'node-1', 'h1')],
      want: ['delete agent-new'],
    },
    {
      name: 'deletes a failed pod with a FailedDaemonPod event and waits for it before creating another',
      nodes: [newNode('node-1')],
      pods: [newDaemonPod('agent-a', 'node-1', 'h1', { phase: 'Failed' })],
      want: ['backoff ds-uid/0/node-1 1000ms since 0s', 'event FailedDaemonPod: Found failed daemon pod default/agent-a on node node-1, will try to kill it', 'delete agent-a'],
    },
    {
      name: 'failedPodsBackoff: a failed pod within the backoff since the last deletion waits, re-queued after the whole backoff',
      nodes: [newNode('node-1')],
      pods: [newDaemonPod('agent-b', 'node-1', 'h1', { phase: 'Failed' })],
      backoff: [['ds-uid/0/node-1', { backoffMs: 2000, lastUpdateMs: NOW - 1500 }]],
      want: ['requeue after 2000ms'],
    },
    {
      name: 'failedPodsBackoff: once the backoff has passed the pod goes and the backoff doubles',
      nodes: [newNode('node-1')],
      pods: [newDaemonPod('agent-b', 'node-1', 'h1', { phase: 'Failed' })],
      backoff: [['ds-uid/0/node-1', { backoffMs: 2000, lastUpdateMs: NOW - 2000 }]],
      want: ['backoff ds-uid/0/node-1 4000ms since 0s', 'event FailedDaemonPod: Found failed daemon pod default/agent-b on node node-1, will try to kill it', 'delete agent-b'],
    },
    {
      name: 'failedPodsBackoff: the backoff stops doubling at 15 minutes',
      nodes: [newNode('node-1')],
      pods: [newDaemonPod('agent-b', 'node-1', 'h1', { phase: 'Failed' })],
      backoff: [['ds-uid/0/node-1', { backoffMs: 600_000, lastUpdateMs: NOW - 600_000 }]],
      want: ['backoff ds-uid/0/node-1 900000ms since 0s', 'event FailedDaemonPod: Found failed daemon pod default/agent-b on node node-1, will try to kill it', 'delete agent-b'],
    },
    {
      name: 'failedPodsBackoff: an entry not updated for twice the maximum (30 minutes) starts over at 1 s',
      nodes: [newNode('node-1')],
      pods: [newDaemonPod('agent-b', 'node-1', 'h1', { phase: 'Failed' })],
      backoff: [['ds-uid/0/node-1', { backoffMs: 900_000, lastUpdateMs: NOW - 1_800_001 }]],
      want: ['backoff ds-uid/0/node-1 1000ms since 0s', 'event FailedDaemonPod: Found failed daemon pod default/agent-b on node node-1, will try to kill it', 'delete agent-b'],
    },
    {
      name: 'failedPodsBackoff: per node and per observed generation (failedPodsBackoffKey)',
      nodes: [newNode('node-1'), newNode('node-2')],
      pods: [newDaemonPod('agent-a', 'node-1', 'h1', { phase: 'Failed' }), newDaemonPod('agent-b', 'node-2', 'h1', { phase: 'Failed' })],
      backoff: [['ds-uid/0/node-2', { backoffMs: 1000, lastUpdateMs: NOW }], ['ds-uid/7/node-1', { backoffMs: 1000, lastUpdateMs: NOW }]],
      want: ['backoff ds-uid/0/node-1 1000ms since 0s', 'event FailedDaemonPod: Found failed daemon pod default/agent-a on node node-1, will try to kill it', 'requeue after 1000ms', 'delete agent-a'],
    },
    {
      name: 'failedPodsBackoff: of two failed pods on one node, one goes per backoff window',
      nodes: [newNode('node-1')],
      pods: [newDaemonPod('agent-a', 'node-1', 'h1', { phase: 'Failed' }), newDaemonPod('agent-b', 'node-1', 'h1', { phase: 'Failed' })],
      want: ['backoff ds-uid/0/node-1 1000ms since 0s', 'event FailedDaemonPod: Found failed daemon pod default/agent-a on node node-1, will try to kill it', 'requeue after 1000ms', 'delete agent-a'],
    },
    {
      name: 'deletes an unbound pod pinned to a node that no longer exists',
      nodes: [newNode('node-1')],
      pods: [newDaemonPod('agent-a', 'node-1', 'h1'), newDaemonPod('agent-gone', 'node-9', 'h1', { bound: false })],
      want: ['delete agent-gone'],
    },
    {
      name: 'rolling update: replaces one old pod at a time (maxUnavailable 1)',
      pods: [newDaemonPod('agent-a', 'node-1', 'h0'), newDaemonPod('agent-b', 'node-2', 'h0'), newDaemonPod('agent-c', 'node-3', 'h0')],
      want: ['delete agent-a'],
    },
    {
      name: 'rolling update: waits while an updated pod is not yet available',
      pods: [newDaemonPod('agent-a2', 'node-1', 'h1', { ready: false }), newDaemonPod('agent-b', 'node-2', 'h0'), newDaemonPod('agent-c', 'node-3', 'h0')],
      want: [],
    },
    {
      name: 'rolling update: an unavailable old pod is replaced at once, beyond maxUnavailable',
      pods: [newDaemonPod('agent-a', 'node-1', 'h0'), newDaemonPod('agent-b', 'node-2', 'h0', { ready: false }), newDaemonPod('agent-c', 'node-3', 'h0')],
      want: ['delete agent-b', 'delete agent-a'],
    },
    {
      name: 'rolling update: maxUnavailable 2 replaces two at once',
      ds: newDaemonSet({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 2, maxSurge: 0 } } }),
      pods: [newDaemonPod('agent-a', 'node-1', 'h0'), newDaemonPod('agent-b', 'node-2', 'h0'), newDaemonPod('agent-c', 'node-3', 'h0')],
      want: ['delete agent-a', 'delete agent-b'],
    },
    {
      name: 'rolling update with maxSurge 1: a new pod beside the old one first',
      ds: newDaemonSet({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } } }),
      pods: [newDaemonPod('agent-a', 'node-1', 'h0'), newDaemonPod('agent-b', 'node-2', 'h0'), newDaemonPod('agent-c', 'node-3', 'h0')],
      want: ['create node-1'],
    },
    {
      name: 'OnDelete: old pods stay',
      ds: newDaemonSet({ updateStrategy: { type: 'OnDelete' } }),
      pods: [newDaemonPod('agent-a', 'node-1', 'h0'), newDaemonPod('agent-b', 'node-2', 'h0'), newDaemonPod('agent-c', 'node-3', 'h0')],
      want: [],
    },
  ];
  for (const tc of cases) {
    it(tc.name, () => {
      const ds = tc.ds ?? newDaemonSet();
      const failedPodsBackoff = new Map(tc.backoff);
      const before = JSON.stringify([ds, tc.pods, [...failedPodsBackoff]]);
      const plan = planDaemonSet({ ds, nodes: tc.nodes ?? nodes, pods: tc.pods, hash: 'h1', nowMs: NOW, rollingUpdate, failedPodsBackoff });
      expect(summary(plan.actions)).toEqual(tc.want);
      expect(JSON.stringify([ds, tc.pods, [...failedPodsBackoff]])).toBe(before);
    });
  }

  it('builds each pod from the template: labels, the automatic tolerations and the node affinity that pins it', () => {
    const ds = newDaemonSet({}, { hostNetwork: true, tolerations: [{ operator: 'Exists' }] });
    const [create] = planDaemonSet({ ds, nodes: [newNode('node-2')], pods: [], hash: 'h1', nowMs: NOW, rollingUpdate }).actions;
    expect(create.type).toBe('createPod');
    const pod = (create as { pod: Pod }).pod;
    expect(pod.metadata.generateName).toBe('agent-');
    expect(pod.metadata.labels).toEqual({ app: 'agent', 'pod-template-generation': '1', 'controller-revision-hash': 'h1' });
    expect(pod.spec.tolerations).toEqual([
      { operator: 'Exists' },
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
      { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' },
    ]);
    expect((pod.spec as { affinity?: unknown }).affinity).toEqual({
      nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-2'] }] }] } },
    });
    expect(pod.spec.nodeName).toBeUndefined();
  });

  it('counts the status per node from its oldest pod', () => {
    const ds = newDaemonSet({}, { nodeSelector: { 'kubernetes.io/os': 'linux' } });
    const plan = planDaemonSet({
      ds,
      nodes: [...nodes, newNode('win-1', { labels: { 'kubernetes.io/os': 'windows' } })],
      pods: [newDaemonPod('agent-a', 'node-1', 'h1'), newDaemonPod('agent-b', 'node-2', 'h0', { ready: false }), newDaemonPod('agent-w', 'win-1', 'h1')],
      hash: 'h1',
      nowMs: NOW,
    });
    expect(plan.status).toEqual({
      currentNumberScheduled: 2, numberMisscheduled: 1, desiredNumberScheduled: 3, numberReady: 1,
      observedGeneration: 1, updatedNumberScheduled: 1, numberAvailable: 1, numberUnavailable: 2,
    });
  });

  it('nodeShouldRunDaemonPod: [shouldRun, shouldContinueRunning]', () => {
    const ds = newDaemonSet();
    expect(nodeShouldRunDaemonPod(newNode('a'), ds)).toEqual([true, true]);
    expect(nodeShouldRunDaemonPod(newNode('a', { taints: [{ key: 'x', effect: 'NoSchedule' }] }), ds)).toEqual([false, true]);
    expect(nodeShouldRunDaemonPod(newNode('a', { taints: [{ key: 'x', effect: 'NoExecute' }] }), ds)).toEqual([false, false]);
    expect(nodeShouldRunDaemonPod(newNode('a', { taints: [{ key: 'node.kubernetes.io/network-unavailable', effect: 'NoSchedule' }] }), ds)).toEqual([false, true]);
    expect(nodeShouldRunDaemonPod(newNode('a', { taints: [{ key: 'node.kubernetes.io/network-unavailable', effect: 'NoSchedule' }] }), newDaemonSet({}, { hostNetwork: true }))).toEqual([true, true]);
  });
});

describe('DaemonSet history (update.go constructHistory, cleanupHistory)', () => {
  it('creates revision 1, keeps it while the template is the same, and makes revision 2 for a new template', () => {
    const ds = newDaemonSet();
    const first = constructHistory(ds, []);
    expect(first.write).toBe('create');
    expect(first.current.revision).toBe(1);
    expect(first.current.metadata.name).toMatch(/^agent-[4-9bcdf]{9,10}$/);
    expect(first.current.metadata.labels).toEqual({ app: 'agent', 'controller-revision-hash': first.current.metadata.name!.slice('agent-'.length) });
    expect(first.current.metadata.annotations).toEqual({ 'deprecated.daemonset.template.generation': '1' });
    expect(constructHistory(ds, [first.current]).write).toBe('none');
    const changed = newDaemonSet({}, { containers: [{ name: 'a', image: 'agent:2' }] });
    const second = constructHistory(changed, [first.current]);
    expect([second.write, second.current.revision, second.old.map((r) => r.revision)]).toEqual(['create', 2, [1]]);
    // Rolling back to the first template re-numbers its revision.
    const back = constructHistory(ds, [first.current, { ...second.current }]);
    expect([back.write, back.current.metadata.name, back.current.revision]).toEqual(['renumber', first.current.metadata.name, 3]);
  });

  it('cleans the oldest revisions beyond revisionHistoryLimit that no pod uses', () => {
    const ds = newDaemonSet({ revisionHistoryLimit: 1 });
    const old = [1, 2, 3].map((n) => newDaemonSetRevision(newDaemonSet({}, { containers: [{ name: 'a', image: `agent:${n}` }] }), n));
    const hashOf = (i: number) => old[i].metadata.labels!['controller-revision-hash'];
    const pods = [newDaemonPod('agent-a', 'node-1', hashOf(0))];
    // Three old revisions, room for one: two go, skipping revision 1 that agent-a was made from.
    expect(historyToClean(ds, old, pods).map((r) => r.revision)).toEqual([2, 3]);
  });
});
