// Everything the cluster's components share: configuration, the clock, the
// seeded generator, the store, the API server, timers, the event recorder and
// the playground's fault switches. Built once per cluster by createCluster.

import type { ApiServer } from './api/apiServer';
import type { Registry } from './api/registry';
import type { SimClock } from './core/clock';
import type { EventRecorder } from './core/events';
import type { SeededRandom } from './core/random';
import type { ObjectStore } from './core/store';
import type { TimerQueue } from './core/timers';
import type { ControllerManager } from './controllers/runtime';

export interface ClusterConfig {
  seed: number;
  nodeCount: number;
  /** 10.96.0.0/12, kubeadm's DefaultServicesSubnet. */
  serviceCIDR: string;
  nodePortBase: number;
  nodePortSize: number;
  clusterDomain: string;
  /** Node i (1-based) gets pod CIDR 10.244.<i-1>.0/24 … as kubeadm with flannel's 10.244.0.0/16. */
  clusterCIDR: string;
  /** First node InternalIP is 192.168.49.2 (minikube's network), then upward. */
  firstNodeIP: string;
  /** kube-controller-manager's --node-cidr-mask-size: each node's pod CIDR prefix length (24 → 254 pod IPs). */
  nodeCIDRMaskSize: number;
  /** kubelet's maxPods: the node's pod capacity (110 by default). */
  maxPodsPerNode: number;
  /** Simulated cloud controller's delay before a LoadBalancer gets its IP. */
  loadBalancerDelayMs: number;
}

/** Switches that the `sim` commands flip; the kubelet and cloud provider consult them. */
export interface SimState {
  /** Whether the simulated cloud provider hands out LoadBalancer IPs (off = minikube's `<pending>`). */
  cloudProvider: boolean;
  proxyMode: 'iptables' | 'ipvs';
  /** `ns/pod/container` (container may be `*`) whose readiness endpoint is made to fail. */
  readinessFailures: Set<string>;
  /** Nodes that are powered off (kubelet stops posting status), with when (simulated ms): its Lease's last renewal. */
  stoppedNodes: Map<string, number>;
}

export interface EngineContext {
  config: ClusterConfig;
  clock: SimClock;
  rng: SeededRandom;
  store: ObjectStore;
  registry: Registry;
  api: ApiServer;
  timers: TimerQueue;
  events: EventRecorder;
  controllers: ControllerManager;
  sim: SimState;
}

export const DEFAULT_CONFIG: Omit<ClusterConfig, 'seed' | 'nodeCount'> = {
  serviceCIDR: '10.96.0.0/12',
  nodePortBase: 30000,
  nodePortSize: 2768,
  clusterDomain: 'cluster.local',
  clusterCIDR: '10.244.0.0/16',
  firstNodeIP: '192.168.49.2',
  nodeCIDRMaskSize: 24,
  maxPodsPerNode: 110,
  loadBalancerDelayMs: 3000,
};
