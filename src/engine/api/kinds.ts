// Resource names of every kind the simulated API server serves, as
// `kubectl api-resources` lists them on a v1.32 cluster.

import type { KindInfo } from './registry';

const info = (i: Omit<KindInfo, 'hasGeneration'> & { hasGeneration?: boolean }): KindInfo => ({ hasGeneration: false, ...i });

export const KINDS = {
  Namespace: info({ kind: 'Namespace', group: '', version: 'v1', resource: 'namespaces', singular: 'namespace', shortNames: ['ns'], namespaced: false }),
  Node: info({ kind: 'Node', group: '', version: 'v1', resource: 'nodes', singular: 'node', shortNames: ['no'], namespaced: false }),
  // Pods have no metadata.generation before v1.33 (PodObservedGenerationTracking); our baseline is v1.32.
  Pod: info({ kind: 'Pod', group: '', version: 'v1', resource: 'pods', singular: 'pod', shortNames: ['po'], namespaced: true, categories: ['all'] }),
  Service: info({ kind: 'Service', group: '', version: 'v1', resource: 'services', singular: 'service', shortNames: ['svc'], namespaced: true, categories: ['all'] }),
  Endpoints: info({ kind: 'Endpoints', group: '', version: 'v1', resource: 'endpoints', singular: 'endpoints', shortNames: ['ep'], namespaced: true }),
  ServiceAccount: info({ kind: 'ServiceAccount', group: '', version: 'v1', resource: 'serviceaccounts', singular: 'serviceaccount', shortNames: ['sa'], namespaced: true }),
  ConfigMap: info({ kind: 'ConfigMap', group: '', version: 'v1', resource: 'configmaps', singular: 'configmap', shortNames: ['cm'], namespaced: true }),
  Event: info({ kind: 'Event', group: '', version: 'v1', resource: 'events', singular: 'event', shortNames: ['ev'], namespaced: true }),
  EndpointSlice: info({ kind: 'EndpointSlice', group: 'discovery.k8s.io', version: 'v1', resource: 'endpointslices', singular: 'endpointslice', shortNames: [], namespaced: true, hasGeneration: true }),
  ReplicaSet: info({ kind: 'ReplicaSet', group: 'apps', version: 'v1', resource: 'replicasets', singular: 'replicaset', shortNames: ['rs'], namespaced: true, hasGeneration: true, categories: ['all'] }),
  Deployment: info({ kind: 'Deployment', group: 'apps', version: 'v1', resource: 'deployments', singular: 'deployment', shortNames: ['deploy'], namespaced: true, hasGeneration: true, categories: ['all'] }),
  StatefulSet: info({ kind: 'StatefulSet', group: 'apps', version: 'v1', resource: 'statefulsets', singular: 'statefulset', shortNames: ['sts'], namespaced: true, hasGeneration: true, categories: ['all'] }),
  DaemonSet: info({ kind: 'DaemonSet', group: 'apps', version: 'v1', resource: 'daemonsets', singular: 'daemonset', shortNames: ['ds'], namespaced: true, hasGeneration: true, categories: ['all'] }),
  ControllerRevision: info({ kind: 'ControllerRevision', group: 'apps', version: 'v1', resource: 'controllerrevisions', singular: 'controllerrevision', shortNames: [], namespaced: true }),
  Ingress: info({ kind: 'Ingress', group: 'networking.k8s.io', version: 'v1', resource: 'ingresses', singular: 'ingress', shortNames: ['ing'], namespaced: true, hasGeneration: true }),
  IngressClass: info({ kind: 'IngressClass', group: 'networking.k8s.io', version: 'v1', resource: 'ingressclasses', singular: 'ingressclass', shortNames: [], namespaced: false, hasGeneration: true }),
  NetworkPolicy: info({ kind: 'NetworkPolicy', group: 'networking.k8s.io', version: 'v1', resource: 'networkpolicies', singular: 'networkpolicy', shortNames: ['netpol'], namespaced: true, hasGeneration: true }),
} satisfies Record<string, KindInfo>;
