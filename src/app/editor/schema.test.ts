import { describe, expect, it } from 'vitest';
import { SCHEMAS } from '../../engine/schema';
import { apiVersionOf, buildKubernetesSchema, EDITOR_KINDS, type JsonSchema } from './schema';

type Def = { properties: Record<string, JsonSchema>; required?: string[]; description: string; additionalProperties?: unknown };

describe('buildKubernetesSchema', () => {
  const schema = buildKubernetesSchema();
  const defs = schema.definitions as Record<string, Def>;

  it('has a definition for every type of the explain data, with its description', () => {
    expect(Object.keys(defs).sort()).toEqual(Object.keys(SCHEMAS).sort());
    expect(defs.ServiceSpec.description).toBe(SCHEMAS.ServiceSpec.description);
  });

  it('dispatches on kind, pinning each kind to its apiVersion', () => {
    const branches = schema.allOf as { if: JsonSchema; then: { allOf: JsonSchema[] } }[];
    expect(branches).toHaveLength(EDITOR_KINDS.length);
    const svc = branches.find((b) => JSON.stringify(b.if).includes('"Service"'))!;
    expect(svc.then.allOf).toEqual([{ $ref: '#/definitions/Service' }, { properties: { apiVersion: { enum: ['v1'] } } }]);
    expect(apiVersionOf('Deployment')).toBe('apps/v1');
    expect(apiVersionOf('Ingress')).toBe('networking.k8s.io/v1');
    expect((schema.properties as Record<string, { enum: string[] }>).kind.enum).toEqual([...EDITOR_KINDS]);
  });

  it('carries the enums Kubernetes restricts', () => {
    const spec = defs.ServiceSpec.properties;
    expect(spec.type.enum).toEqual(expect.arrayContaining(['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName']));
    expect(spec.sessionAffinity.enum).toEqual(expect.arrayContaining(['ClientIP', 'None']));
    expect(spec.externalTrafficPolicy.enum).toEqual(expect.arrayContaining(['Cluster', 'Local']));
    expect(spec.internalTrafficPolicy.enum).toEqual(expect.arrayContaining(['Cluster', 'Local']));
    expect(defs.ServicePort.properties.protocol.enum).toEqual(expect.arrayContaining(['TCP', 'UDP', 'SCTP']));
    expect(defs.HTTPIngressPath.properties.pathType.enum).toEqual(expect.arrayContaining(['Exact', 'Prefix', 'ImplementationSpecific']));
  });

  it('maps field types: refs keep their own description, lists, maps, IntOrString, required', () => {
    const spec = defs.ServiceSpec.properties;
    expect(spec.ports).toMatchObject({ type: 'array', items: { $ref: '#/definitions/ServicePort' } });
    expect(spec.selector).toMatchObject({ type: 'object', additionalProperties: { type: 'string' } });
    expect(spec.sessionAffinityConfig).toMatchObject({ $ref: '#/definitions/SessionAffinityConfig', description: SCHEMAS.ServiceSpec.fields.sessionAffinityConfig.description });
    expect(defs.ServicePort.properties.targetPort.type).toEqual(['integer', 'string']);
    expect(defs.ServicePort.required).toEqual(['port']);
    // Hover titles read like `kubectl explain`.
    expect(spec.selector.title).toBe('selector <map[string]string>');
    expect(defs.ServicePort.properties.port.title).toBe('port <integer> -required-');
  });

  it('flags unknown keys only where the field list is complete', () => {
    expect(defs.ServiceSpec.additionalProperties).toBe(false);
    expect(defs.PodSpec.additionalProperties).toBeUndefined();
  });

  it('is plain JSON (no functions, no cycles) and does not touch the explain data', () => {
    const before = JSON.stringify(SCHEMAS);
    const again = JSON.parse(JSON.stringify(buildKubernetesSchema()));
    expect(again).toEqual(schema);
    expect(JSON.stringify(SCHEMAS)).toBe(before);
  });
});
