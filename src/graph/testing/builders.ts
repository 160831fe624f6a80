// Small builders for graph tests (in the spirit of the EndpointSlice reconciler's newPod/newService).
import type { KubeObject, Node, Pod, Service } from '../../engine';

export interface PodOpts {
  ns?: string;
  labels?: Record<string, string>;
  node?: string;
  ip?: string;
  ready?: boolean;
  phase?: string;
  terminating?: boolean;
  ports?: { name?: string; containerPort: number }[];
  probe?: boolean;
  owner?: { kind: string; name: string };
  restarts?: number;
  waiting?: string;
}

export function newPod(name: string, o: PodOpts = {}): Pod {
  const phase = o.phase ?? 'Running';
  const ready = o.ready ?? phase === 'Running';
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: o.ns ?? 'default',
      labels: o.labels ?? {},
      ...(o.terminating ? { deletionTimestamp: '2026-01-01T00:05:00Z' } : {}),
      ...(o.owner ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: o.owner.kind, name: o.owner.name, uid: 'u', controller: true }] } : {}),
    },
    spec: {
      nodeName: o.node ?? (phase === 'Pending' ? undefined : 'node-1'),
      containers: [{ name: 'app', image: 'nginx', ports: o.ports ?? [{ containerPort: 80 }], ...(o.probe ? { readinessProbe: { httpGet: { port: 80 } } } : {}) }],
    },
    status: {
      phase,
      podIP: phase === 'Running' ? (o.ip ?? '10.244.0.9') : undefined,
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', reason: ready ? undefined : 'ContainersNotReady' }],
      containerStatuses: [
        {
          name: 'app',
          image: 'nginx',
          imageID: '',
          ready,
          started: phase === 'Running',
          restartCount: o.restarts ?? 0,
          state: o.waiting ? { waiting: { reason: o.waiting } } : phase === 'Running' ? { running: {} } : { waiting: { reason: 'ContainerCreating' } },
          lastState: {},
        },
      ],
    },
  };
}

export function newService(name: string, selector: Record<string, string> | undefined, o: { ns?: string; type?: string; ports?: Service['spec']['ports']; externalName?: string; lbIP?: string; clusterIP?: string } = {}): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: o.ns ?? 'default' },
    spec: {
      type: o.type ?? 'ClusterIP',
      selector,
      clusterIP: o.type === 'ExternalName' ? undefined : (o.clusterIP ?? '10.96.0.50'),
      ports: o.ports ?? [{ port: 80, targetPort: 80, protocol: 'TCP' }],
      externalName: o.externalName,
    },
    status: o.lbIP ? { loadBalancer: { ingress: [{ ip: o.lbIP }] } } : { loadBalancer: {} },
  };
}

export function newNode(name: string, ip: string, o: { ready?: boolean; unschedulable?: boolean } = {}): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name },
    spec: { podCIDR: '10.244.0.0/24', unschedulable: o.unschedulable },
    status: { addresses: [{ type: 'InternalIP', address: ip }], conditions: [{ type: 'Ready', status: o.ready === false ? 'Unknown' : 'True' }] },
  };
}

export function newObject(kind: string, name: string, ns: string | undefined, rest: Record<string, unknown> = {}, meta: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'v1', kind, metadata: { name, namespace: ns, ...meta }, ...rest };
}
