// Test support: a control plane with only the workload controllers and the
// garbage collector (no scheduler or kubelet), plus builders and a hand-driven
// "kubelet" that marks pods ready and finishes graceful deletions.

import { ApiServer } from '../../api/apiServer';
import { Registry } from '../../api/registry';
import { registerStrategies } from '../../api/strategies';
import { fullExtension } from '../../extension';
import { DEFAULT_CONFIG, type EngineContext } from '../../context';
import { SimClock } from '../../core/clock';
import { EventRecorder } from '../../core/events';
import { SeededRandom } from '../../core/random';
import { ObjectStore } from '../../core/store';
import { TimerQueue } from '../../core/timers';
import type { Deployment, KubeEvent, KubeObject, Pod, PodTemplateSpec, ReplicaSet, StatefulSet } from '../../core/types';
import { ControllerManager } from '../runtime';
import { createDeploymentController } from '../deployment';
import { createGarbageCollector } from '../garbageCollector';
import { createReplicaSetController } from '../replicaset';
import { createStatefulSetController } from '../statefulset';
import { advanceSimulatedTime } from '../../time';

export function newTemplate(labels: Record<string, string>, image = 'nginx:1.27'): PodTemplateSpec {
  return { metadata: { labels }, spec: { containers: [{ name: 'web', image, ports: [{ containerPort: 80, protocol: 'TCP' }] }] } };
}

export function newDeployment(name: string, replicas: number, extra: Partial<Deployment['spec']> = {}): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default', labels: { app: name } },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: newTemplate({ app: name }), ...extra },
  };
}

export function newReplicaSet(name: string, replicas: number, labels: Record<string, string> = { app: name }): ReplicaSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: 'default' },
    spec: { replicas, selector: { matchLabels: labels }, template: newTemplate(labels) },
  };
}

export function newStatefulSet(name: string, replicas: number, extra: Partial<StatefulSet['spec']> = {}): StatefulSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name, namespace: 'default' },
    spec: {
      replicas, serviceName: name, selector: { matchLabels: { app: name } }, template: newTemplate({ app: name }),
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } }, ...extra,
    },
  };
}

export interface TestCluster {
  ctx: EngineContext;
  settle(): void;
  /** Moves simulated time, running due timers and settling after each. */
  advance(ms: number): void;
  pods(): Pod[];
  /** Pods not being deleted. */
  activePods(): Pod[];
  /** Makes a pod Running and Ready now (what the kubelet would do), on `node`. */
  markReady(name: string, node?: string): void;
  markNotReady(name: string): void;
  /** Ends every graceful deletion (the kubelet's job). */
  finishTerminations(): void;
  events(reason?: string): KubeEvent[];
  get<T extends KubeObject>(kind: string, name: string): T | undefined;
}

export function createTestCluster(seed = 1): TestCluster {
  const clock = new SimClock();
  const store = new ObjectStore();
  const registry = new Registry();
  const rng = new SeededRandom(seed);
  const ctx: EngineContext = {
    config: { ...DEFAULT_CONFIG, seed, nodeCount: 1 },
    clock, rng, store, registry,
    api: new ApiServer(store, registry, clock, rng),
    timers: new TimerQueue(),
    events: new EventRecorder(store, clock),
    controllers: new ControllerManager(store),
    sim: { cloudProvider: true, proxyMode: 'iptables', readinessFailures: new Set(), stoppedNodes: new Map() },
  };
  registerStrategies(ctx, fullExtension);
  for (const create of [createDeploymentController, createReplicaSetController, createStatefulSetController, createGarbageCollector]) {
    ctx.controllers.add(create(ctx));
  }
  ctx.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  let ip = 10;
  const settle = () => ctx.controllers.settle();
  const pods = () => store.list<Pod>('Pod', 'default');
  return {
    ctx,
    settle,
    advance: (ms) => advanceSimulatedTime(ctx, ms),
    pods,
    activePods: () => pods().filter((p) => !p.metadata.deletionTimestamp),
    markReady(name, node = 'node-1') {
      ctx.api.systemUpdate<Pod>('Pod', 'default', name, (p) => {
        p.spec.nodeName ??= node;
        p.status = {
          phase: 'Running',
          podIP: `10.244.0.${ip++}`,
          conditions: [{ type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: clock.timestamp() }],
        };
      });
    },
    markNotReady(name) {
      ctx.api.updateStatus<Pod>('Pod', 'default', name, (p) => {
        p.status = { ...p.status, conditions: [{ type: 'Ready', status: 'False', lastTransitionTime: clock.timestamp() }] };
      });
    },
    finishTerminations() {
      for (const p of pods()) if (p.metadata.deletionTimestamp) ctx.api.removeNow('Pod', 'default', p.metadata.name!);
    },
    events: (reason) => store.list<KubeEvent>('Event', 'default').filter((e) => !reason || e.reason === reason),
    get: <T extends KubeObject>(kind: string, name: string) => store.get<T>(kind, 'default', name),
  };
}
