// The schema registry: every TypeSchema by id (its export name) and the kinds it roots.
// Read by `kubectl explain`, the editor's completion and hover docs, and the request decoder.
import * as common from './common';
import * as configuration from './configuration';
import * as daemonSet from './daemonSet';
import * as networking from './networking';
import * as podDetails from './podDetails';
import * as service from './service';
import type { KindSchema, TypeSchema } from './types';
import * as unmodelled from './unmodelled';
import * as workloads from './workloads';

export type { FieldSchema, KindSchema, TypeSchema } from './types';

const isType = (v: unknown): v is TypeSchema => !!v && typeof v === 'object' && 'fields' in v && 'name' in v;

const withExtraFields = ([id, t]: [string, TypeSchema]): [string, TypeSchema] => {
  const extra = unmodelled.EXTRA_FIELDS[id];
  return [id, extra ? { ...t, fields: { ...t.fields, ...extra } } : t];
};

/**
 * Every type by id (`ServiceSpec`, `DiscoveryEndpointPort` …); FieldSchema.ref names these ids.
 * Each type has all of its Go struct's fields (the unmodelled ones from unmodelled.ts), which
 * the request decoder's unknown-field check relies on.
 */
export const SCHEMAS: Readonly<Record<string, TypeSchema>> = Object.fromEntries(
  [common, service, workloads, daemonSet, podDetails, networking, configuration, unmodelled]
    .flatMap((m) => Object.entries(m).filter((e): e is [string, TypeSchema] => isType(e[1])))
    .map(withExtraFields),
);

const k = (kind: string, group: string, version = 'v1'): KindSchema => ({ kind, group, version, type: kind });

export const KIND_SCHEMAS: readonly KindSchema[] = [
  k('Pod', ''), k('Service', ''), k('Endpoints', ''), k('Namespace', ''), k('Node', ''), k('ServiceAccount', ''), k('ConfigMap', ''),
  k('Deployment', 'apps'), k('ReplicaSet', 'apps'), k('StatefulSet', 'apps'), k('DaemonSet', 'apps'),
  k('EndpointSlice', 'discovery.k8s.io'),
  k('Ingress', 'networking.k8s.io'), k('IngressClass', 'networking.k8s.io'), k('NetworkPolicy', 'networking.k8s.io'),
];

export function kindSchema(kind: string): KindSchema | undefined {
  return KIND_SCHEMAS.find((s) => s.kind === kind);
}
