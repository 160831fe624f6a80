// Small builders for the endpoints controllers' table tests (as upstream's
// reconciler_test.go newPod/newServiceAndEndpointMeta). Test-only.

import { deepFreeze } from '../../core/store';
import type { ContainerPort, Node, Pod, Service, ServicePort } from '../../core/types';

export interface PodOptions {
  ip?: string;
  ready?: boolean;
  phase?: string;
  terminating?: boolean;
  node?: string;
  labels?: Record<string, string>;
  ports?: ContainerPort[];
  hostname?: string;
  subdomain?: string;
  readySince?: string;
}

/** A Running pod `web-<i>` on node-1 with IP 10.244.0.<i+10>, labelled app=web, Ready unless told otherwise. */
export function newPod(i: number, o: PodOptions = {}): Pod {
  const ready = o.ready ?? true;
  return deepFreeze({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `web-${i}`,
      namespace: 'default',
      uid: `uid-web-${i}`,
      labels: o.labels ?? { app: 'web' },
      ...(o.terminating ? { deletionTimestamp: '2026-01-01T00:01:00Z' } : {}),
    },
    spec: {
      nodeName: o.node ?? 'node-1',
      containers: [{ name: 'app', image: 'nginx', ports: o.ports ?? [{ name: 'http', containerPort: 8080, protocol: 'TCP' }] }],
      ...(o.hostname ? { hostname: o.hostname } : {}),
      ...(o.subdomain ? { subdomain: o.subdomain } : {}),
    },
    status: {
      phase: o.phase ?? 'Running',
      ...(o.ip === '' ? {} : { podIP: o.ip ?? `10.244.${Math.floor(i / 250)}.${(i % 250) + 2}`, podIPs: [{ ip: o.ip ?? `10.244.${Math.floor(i / 250)}.${(i % 250) + 2}` }] }),
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: o.readySince ?? '2026-01-01T00:00:10Z' }],
    },
  } as Pod);
}

export interface ServiceOptions {
  name?: string;
  selector?: Record<string, string> | null;
  ports?: ServicePort[];
  headless?: boolean;
  type?: string;
  publishNotReadyAddresses?: boolean;
  labels?: Record<string, string>;
}

/** Service `web` (ClusterIP 10.96.0.50, IPv4) selecting app=web, port 80 -> targetPort "http". */
export function newService(o: ServiceOptions = {}): Service {
  return deepFreeze({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: o.name ?? 'web',
      namespace: 'default',
      uid: `uid-svc-${o.name ?? 'web'}`,
      creationTimestamp: '2026-01-01T00:00:00Z',
      ...(o.labels ? { labels: o.labels } : {}),
    },
    spec: {
      type: o.type ?? 'ClusterIP',
      ...(o.selector === null ? {} : { selector: o.selector ?? { app: 'web' } }),
      ports: o.ports ?? [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 'http' }],
      clusterIP: o.headless ? 'None' : '10.96.0.50',
      clusterIPs: [o.headless ? 'None' : '10.96.0.50'],
      ipFamilies: ['IPv4'],
      ...(o.publishNotReadyAddresses ? { publishNotReadyAddresses: true } : {}),
    },
  } as Service);
}

export function newNode(name: string, zone?: string): Node {
  return deepFreeze({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...(zone ? { 'topology.kubernetes.io/zone': zone } : {}) } },
    spec: {},
    status: { addresses: [], conditions: [] },
  } as Node);
}

export function pods(n: number, o: PodOptions = {}): Pod[] {
  return Array.from({ length: n }, (_, i) => newPod(i, o));
}
