import { describe, expect, it } from 'vitest';
import { unknownFields } from '../../engine/api/decoding/bodyCheck';
import { SCHEMAS } from '../../engine/schema';
import { apiVersionOf, buildKubernetesSchema, EDITOR_KINDS, type JsonSchema } from './schema';

type Def = { properties: Record<string, JsonSchema>; required?: string[]; description: string; additionalProperties?: unknown };

/**
 * The keys a JSON Schema validator refuses under `additionalProperties: false`, as JSON
 * paths (`spec.ports[0].targetport`): a small walker over $ref, items, properties and maps.
 */
function unknownKeys(schema: JsonSchema, obj: Record<string, unknown>): string[] {
  const defs = schema.definitions as Record<string, JsonSchema>;
  const kindDef = defs[obj.kind as string];
  const out: string[] = [];
  const walk = (v: unknown, s: JsonSchema | undefined, path: string): void => {
    if (!s || v === null || typeof v !== 'object') return;
    if (typeof s.$ref === 'string') return walk(v, defs[s.$ref.replace('#/definitions/', '')], path);
    if (Array.isArray(v)) return v.forEach((item, i) => walk(item, s.items as JsonSchema | undefined, `${path}[${i}]`));
    const props = s.properties as Record<string, JsonSchema> | undefined;
    for (const [key, value] of Object.entries(v)) {
      const child = path ? `${path}.${key}` : key;
      if (props?.[key]) walk(value, props[key], child);
      else if (s.additionalProperties === false) out.push(child);
      else if (typeof s.additionalProperties === 'object') walk(value, s.additionalProperties as JsonSchema, child);
    }
  };
  walk(obj, kindDef, '');
  return out.sort();
}

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

  it('allows exactly the fields of each type, in every type (PodSpec, Container, ObjectMeta too)', () => {
    for (const [id, def] of Object.entries(defs)) {
      expect(def.additionalProperties, id).toBe(false);
      expect(Object.keys(def.properties).sort(), id).toEqual(Object.keys(SCHEMAS[id].fields).sort());
    }
  });

  it('refuses exactly the keys the API server\'s strict decoding refuses (apimachinery NewStrictDecodingError)', () => {
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', lables: { app: 'web' }, annotations: { 'any.key/at-all': 'x' } },
      spec: {
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: {
            restartpolicy: 'Always',
            volumes: [{ name: 'v', emptyDir: {} }],
            containers: [
              { name: 'a', image: 'nginx', ports: [{ containerPort: 80 }] },
              { name: 'b', image: 'nginx', imagepullpolicy: 'Always', ports: [{ containerport: 80 }], resources: { limits: { cpu: '1' } } },
            ],
          },
        },
      },
    };
    const service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { selecter: { app: 'web' }, ports: [{ port: 80, targetport: 8080 }] } };
    for (const obj of [deployment, service]) {
      expect(unknownKeys(schema, obj), obj.kind).toEqual(unknownFields(obj.kind, obj as never).map((e) => /"(.*)"/.exec(e)![1]).sort());
    }
    expect(unknownKeys(schema, deployment)).toEqual([
      'metadata.lables',
      'spec.template.spec.containers[1].imagepullpolicy',
      'spec.template.spec.containers[1].ports[0].containerport',
      'spec.template.spec.restartpolicy',
    ]);
  });

  it('is plain JSON (no functions, no cycles) and does not touch the explain data', () => {
    const before = JSON.stringify(SCHEMAS);
    const again = JSON.parse(JSON.stringify(buildKubernetesSchema()));
    expect(again).toEqual(schema);
    expect(JSON.stringify(SCHEMAS)).toBe(before);
  });
});
