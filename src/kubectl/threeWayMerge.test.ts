// Client-side apply's merge, table-tested (strategicpatch semantics, merge keys and merged
// lists of scalars from core/v1 and meta/v1 types.go):
// the live object patched by the three-way patch between the last applied configuration, the
// new manifest and the live object, as apply.ts does it (patcher.go patchSimple).
import { describe, expect, it } from 'vitest';
import { applyStrategicMergePatch, createThreeWayMergePatch } from './strategicPatch';

type Obj = Record<string, unknown>;
const threeWayMerge = (kind: string, original: Obj | undefined, modified: Obj, current: Obj): Obj =>
  applyStrategicMergePatch(kind, current, createThreeWayMergePatch(kind, original, modified, current)) as Obj;
const deepFrozen = <T>(v: T): T => v === undefined ? v : JSON.parse(JSON.stringify(v), (_k, x) => (x && typeof x === 'object' ? Object.freeze(x) : x));

const cases: { name: string; kind: string; original?: Obj; modified: Obj; current: Obj; want: Obj }[] = [
  {
    name: 'server defaults inside a Service port survive (ports merged by port)',
    kind: 'Service',
    original: { spec: { ports: [{ port: 80 }] } },
    modified: { spec: { ports: [{ port: 80, name: 'http' }] } },
    current: { spec: { ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }], clusterIP: '10.96.0.20' } },
    want: { spec: { ports: [{ port: 80, protocol: 'TCP', targetPort: 80, name: 'http' }], clusterIP: '10.96.0.20' } },
  },
  {
    name: 'a port the last apply set and this one dropped is removed; a new one added',
    kind: 'Service',
    original: { spec: { ports: [{ port: 80 }, { port: 443 }] } },
    modified: { spec: { ports: [{ port: 80 }, { port: 8080 }] } },
    current: { spec: { ports: [{ port: 80, protocol: 'TCP' }, { port: 443, protocol: 'TCP' }] } },
    want: { spec: { ports: [{ port: 80, protocol: 'TCP' }, { port: 8080 }] } },
  },
  {
    name: 'containers by name, container ports by containerPort, env by name',
    kind: 'Pod',
    original: { spec: { containers: [{ name: 'web', image: 'nginx:1', env: [{ name: 'A', value: '1' }] }] } },
    modified: { spec: { containers: [{ name: 'web', image: 'nginx:2', ports: [{ containerPort: 80 }], env: [{ name: 'B', value: '2' }] }] } },
    current: { spec: { containers: [{ name: 'web', image: 'nginx:1', imagePullPolicy: 'IfNotPresent', env: [{ name: 'A', value: '1' }, { name: 'C', value: 'server' }] }] } },
    want: { spec: { containers: [{ name: 'web', image: 'nginx:2', imagePullPolicy: 'IfNotPresent', ports: [{ containerPort: 80 }], env: [{ name: 'B', value: '2' }, { name: 'C', value: 'server' }] }] } },
  },
  {
    name: 'lists without a merge key are replaced',
    kind: 'Service',
    original: { spec: { externalIPs: ['1.2.3.4'] } },
    modified: { spec: { externalIPs: ['5.6.7.8'] } },
    current: { spec: { externalIPs: ['1.2.3.4', '9.9.9.9'] } },
    want: { spec: { externalIPs: ['5.6.7.8'] } },
  },
  {
    name: 'merged lists of scalars (metadata.finalizers, Node spec.podCIDRs): additions merged, removals by $deleteFromPrimitiveList, others kept',
    kind: 'Node',
    original: { metadata: { finalizers: ['a', 'b'] }, spec: { podCIDRs: ['10.244.0.0/24'] } },
    modified: { metadata: { finalizers: ['a', 'c'] }, spec: { podCIDRs: ['10.244.0.0/24'] } },
    current: { metadata: { finalizers: ['x', 'a', 'b'] }, spec: { podCIDRs: ['10.244.0.0/24', 'fd00::/64'] } },
    want: { metadata: { finalizers: ['x', 'a', 'c'] }, spec: { podCIDRs: ['10.244.0.0/24', 'fd00::/64'] } },
  },
  {
    name: 'no last-applied: nothing is deleted, the manifest wins where it speaks',
    kind: 'Service',
    modified: { metadata: { labels: { a: '1' } } },
    current: { metadata: { labels: { b: '2' } }, status: { x: 1 } },
    want: { metadata: { labels: { b: '2', a: '1' } }, status: { x: 1 } },
  },
  {
    name: 'an explicit null removes the field',
    kind: 'Service',
    original: {},
    modified: { spec: { sessionAffinity: null } },
    current: { spec: { sessionAffinity: 'ClientIP', type: 'ClusterIP' } },
    want: { spec: { type: 'ClusterIP' } },
  },
];

describe('threeWayMerge', () => {
  it.each(cases)('$name', ({ kind, original, modified, current, want }) => {
    const o = deepFrozen(original);
    const m = deepFrozen(modified);
    const cur = deepFrozen(current);
    expect(threeWayMerge(kind, o, m, cur)).toEqual(want);
  });

  it('keys such as __proto__ and constructor stay plain data', () => {
    const modified = JSON.parse('{"metadata":{"labels":{"__proto__":"x","constructor":"y"}}}');
    const out = threeWayMerge('Service', undefined, modified, { metadata: {} }) as { metadata: { labels: Obj } };
    expect(Object.keys(out.metadata.labels)).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(out.metadata.labels)).toBe(Object.prototype);
  });
});
