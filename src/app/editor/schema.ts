// The editor's Kubernetes JSON Schema, built offline from the same schema data
// `kubectl explain` prints (src/engine/schema): one definition per API type,
// descriptions for hover, `required` from the required markers, enums for the
// values Kubernetes restricts, no keys beyond a type's fields, and a dispatch on `kind`
// (if/then) so each document is checked and completed against its own kind. Pure;
// served to monaco-yaml in memory.

import { KIND_SCHEMAS, SCHEMAS, type FieldSchema, type TypeSchema } from '../../engine/schema';

/** The kinds the editor knows (the ones the playground serves). */
export const EDITOR_KINDS = [
  'Service', 'Pod', 'Deployment', 'ReplicaSet', 'StatefulSet', 'Namespace', 'Endpoints', 'EndpointSlice', 'Ingress', 'IngressClass', 'NetworkPolicy', 'ServiceAccount', 'ConfigMap', 'DaemonSet',
] as const;

export type JsonSchema = { [key: string]: unknown };

/**
 * Enumerations the API restricts, added where the schema data leaves them as plain strings
 * (values from staging/src/k8s.io/api/core/v1/types.go, networking/v1/types.go).
 */
const ENUM_PATCHES: Record<string, Record<string, string[]>> = {
  ServiceSpec: {
    type: ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'],
    sessionAffinity: ['None', 'ClientIP'],
    externalTrafficPolicy: ['Cluster', 'Local'],
    internalTrafficPolicy: ['Cluster', 'Local'],
  },
  ServicePort: { protocol: ['TCP', 'UDP', 'SCTP'] },
  ContainerPort: { protocol: ['TCP', 'UDP', 'SCTP'] },
  HTTPIngressPath: { pathType: ['Exact', 'Prefix', 'ImplementationSpecific'] },
};

/** Array-of-string fields whose items are restricted. */
const ITEM_ENUM_PATCHES: Record<string, Record<string, string[]>> = {
  NetworkPolicySpec: { policyTypes: ['Ingress', 'Egress'] },
  ServiceSpec: { ipFamilies: ['IPv4', 'IPv6'] },
};

/** A field as `kubectl explain` heads it (`selector <map[string]string>`): the hover's title. */
function fieldSchema(f: FieldSchema, owner: string, name: string): JsonSchema {
  return { title: `${name} <${f.type}>${f.required ? ' -required-' : ''}`, ...fieldBody(f, owner, name) };
}

function fieldBody(f: FieldSchema, owner: string, name: string): JsonSchema {
  const description = f.description;
  const enumValues = f.enum ?? ENUM_PATCHES[owner]?.[name];
  if (f.ref) {
    const ref = { $ref: `#/definitions/${f.ref}` };
    if (f.type.startsWith('[]')) return { type: 'array', description, items: ref };
    if (f.type.startsWith('map[')) return { type: 'object', description, additionalProperties: ref };
    return { ...ref, description };
  }
  switch (f.type) {
    case 'string':
      return enumValues ? { type: 'string', description, enum: enumValues } : { type: 'string', description };
    case 'integer':
      return { type: 'integer', description };
    case 'number':
      return { type: 'number', description };
    case 'boolean':
      return { type: 'boolean', description };
    case 'IntOrString':
      return { type: ['integer', 'string'], description };
    case '[]string': {
      const itemEnum = ITEM_ENUM_PATCHES[owner]?.[name];
      return { type: 'array', description, items: itemEnum ? { type: 'string', enum: itemEnum } : { type: 'string' } };
    }
    case '[]integer':
      return { type: 'array', description, items: { type: 'integer' } };
    case 'map[string]string':
      return { type: 'object', description, additionalProperties: { type: 'string' } };
    default:
      // Object, Time, Quantity and anything the data names loosely: describe it, accept any value.
      return { description };
  }
}

function typeDefinition(id: string, t: TypeSchema): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const [name, f] of Object.entries(t.fields)) {
    properties[name] = fieldSchema(f, id, name);
    if (f.required) required.push(name);
  }
  const def: JsonSchema = { type: 'object', description: t.description, properties };
  if (required.length) def.required = required;
  // Every type lists all of its Go struct's fields (schema/unmodelled.ts), the same list the
  // API server's strict decoding refuses unknown keys against (engine/api/decoding/goTypes.ts):
  // so a key the type lacks is a typo here too, flagged while kubectl's check is not
  // available yet; once it is, kubectl's marker stands in for this one (schemaMarkers.ts).
  def.additionalProperties = false;
  return def;
}

/** `v1`, `apps/v1`, `networking.k8s.io/v1` … */
export function apiVersionOf(kind: string): string | undefined {
  const k = KIND_SCHEMAS.find((s) => s.kind === kind);
  if (!k) return undefined;
  return k.group ? `${k.group}/${k.version}` : k.version;
}

/** The whole schema: definitions for every type, a `kind` enum and one if/then branch per kind. */
export function buildKubernetesSchema(): JsonSchema {
  const definitions: Record<string, JsonSchema> = {};
  for (const [id, t] of Object.entries(SCHEMAS)) definitions[id] = typeDefinition(id, t);
  const kinds = EDITOR_KINDS.filter((k) => SCHEMAS[KIND_SCHEMAS.find((s) => s.kind === k)?.type ?? ''] !== undefined);
  const apiVersions = [...new Set(kinds.map((k) => apiVersionOf(k)!))];
  const branches = kinds.map((kind) => {
    const typeId = KIND_SCHEMAS.find((s) => s.kind === kind)!.type;
    return {
      if: { properties: { kind: { const: kind } }, required: ['kind'] },
      then: {
        allOf: [{ $ref: `#/definitions/${typeId}` }, { properties: { apiVersion: { enum: [apiVersionOf(kind)] } } }],
      },
    };
  });
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'inmemory://services-playground/kubernetes.json',
    type: 'object',
    required: ['apiVersion', 'kind'],
    properties: {
      apiVersion: { title: 'apiVersion <string>', type: 'string', description: SCHEMAS.Service.fields.apiVersion.description, enum: apiVersions },
      kind: { title: 'kind <string>', type: 'string', description: SCHEMAS.Service.fields.kind.description, enum: kinds },
      metadata: { title: 'metadata <ObjectMeta>', $ref: '#/definitions/ObjectMeta', description: SCHEMAS.Service.fields.metadata.description },
    },
    allOf: branches,
    definitions,
  };
}
