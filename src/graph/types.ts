// The graph model: what the cluster picture shows, as plain data computed from
// an engine snapshot by pure functions (model.ts). React components only draw it.

/** The object a graph node stands for (what clicking it selects in the inspector). */
export interface GraphRef {
  kind: string;
  namespace?: string;
  name: string;
}

export type PodState = 'ready' | 'notReady' | 'terminating' | 'crashLooping' | 'pending';

/** A Service that selects this pod but leaves it out of its endpoints, and why. */
export interface Exclusion {
  service: string;
  reason: string;
}

/** The Deployment, ReplicaSet or StatefulSet a pod belongs to (the thing to scale). */
export interface WorkloadRef {
  kind: 'Deployment' | 'ReplicaSet' | 'StatefulSet';
  name: string;
  replicas?: number;
}

export interface FrameData {
  kind: 'frame';
  ref?: GraphRef;
  name: string;
  internalIP?: string;
  /** Ready, NotReady (or Unknown), cordoned, powered off by `sim node stop`. */
  ready: boolean;
  cordoned: boolean;
  stopped: boolean;
  podCIDR?: string;
  podCount: number;
  /** The pseudo-frame of pods no node has accepted yet. */
  unscheduled?: boolean;
}

export interface PodData {
  kind: 'pod';
  ref: GraphRef;
  name: string;
  namespace: string;
  ip?: string;
  nodeName?: string;
  labels: [string, string][];
  state: PodState;
  /** Why the pod is in that state, in a few words (`readiness probe failing`, `CrashLoopBackOff`). */
  stateReason?: string;
  restarts: number;
  exclusions: Exclusion[];
  hasReadinessProbe: boolean;
  readinessFailing: boolean;
  workload?: WorkloadRef;
  system: boolean;
}

export interface GroupData {
  kind: 'group';
  /** The ReplicaSet/StatefulSet whose pods are collapsed. */
  ref: GraphRef;
  groupKey: string;
  namespace: string;
  ownerName: string;
  nodeName?: string;
  total: number;
  counts: Record<PodState, number>;
  /** Template labels shared by every pod in the group. */
  labels: [string, string][];
  workload?: WorkloadRef;
  expanded: boolean;
  /** Expanding would draw more pods than the graph allows. */
  tooLarge: boolean;
}

export interface ServiceData {
  kind: 'service';
  ref: GraphRef;
  name: string;
  namespace: string;
  type: string;
  clusterIP?: string;
  /** `80 → 8080/TCP`, `nodePort 30080`, as display lines. */
  ports: string[];
  /** The short form kubectl get prints: `80:30080/TCP`. */
  portsShort: string;
  selector: [string, string][];
  externalName?: string;
  loadBalancerIPs: string[];
  headless: boolean;
  endpointCount: { ready: number; notReady: number };
  /** Why the selector matches nothing (or why it has no ready endpoints). */
  warning?: string;
  hints: string[];
  system: boolean;
}

export interface SliceData {
  kind: 'slice';
  ref: GraphRef;
  name: string;
  namespace: string;
  service?: string;
  ready: number;
  notReady: number;
  ports: string;
}

export interface LoadBalancerData {
  kind: 'lb';
  entries: { service: string; namespace: string; ips: string[]; ports: string; pending: boolean }[];
  cloudProvider: boolean;
}

export interface IngressData {
  kind: 'ingress';
  ref: GraphRef;
  address?: string;
  ready: number;
  total: number;
  rules: string[];
}

export interface CoreDnsData {
  kind: 'coredns';
  ref: GraphRef;
  clusterIP?: string;
  ready: number;
  total: number;
}

export interface WorkstationData {
  kind: 'workstation';
}

export interface ExternalNameData {
  kind: 'externalName';
  host: string;
  services: string[];
}

export type NodeData =
  | FrameData
  | PodData
  | GroupData
  | ServiceData
  | SliceData
  | LoadBalancerData
  | IngressData
  | CoreDnsData
  | WorkstationData
  | ExternalNameData;

export interface GraphNode {
  id: string;
  data: NodeData;
  /** The frame (cluster node) a pod or group sits in. */
  parentId?: string;
  width: number;
  height: number;
  /** A short sentence for screen readers: `Pod web-abc, ready, 10.244.1.3 on node-2`. */
  ariaLabel: string;
}

export type EdgeKind = 'selects' | 'excluded' | 'endpoint' | 'lb' | 'ingress' | 'externalName' | 'owns';

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  kind: EdgeKind;
  /** Shown on the edge (short) and read by screen readers. */
  label?: string;
}

export interface GraphModel {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /**
   * Object ids that are not drawn themselves, mapped to the node that stands for them
   * (a pod in a collapsed group, a CoreDNS pod in the compact CoreDNS node) — the packet
   * layer uses it to find where a hop happens.
   */
  aliases: Record<string, string>;
  /** Pods drawn one by one, and pods hidden in collapsed groups. */
  stats: { pods: number; drawnPods: number; groups: number };
}
