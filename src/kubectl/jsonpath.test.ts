// client-go/util/jsonpath behaviour (cases after jsonpath_test.go).
import { describe, expect, it } from 'vitest';
import { compileJSONPath, relaxedJSONPathExpression } from './jsonpath';

const data = {
  kind: 'List',
  items: [
    { metadata: { name: 'a', labels: { app: 'web' } }, status: { podIP: '10.0.0.1', conditions: [{ type: 'Ready', status: 'True' }] }, spec: { ports: [{ port: 80 }, { port: 443 }] } },
    { metadata: { name: 'b' }, status: { conditions: [{ type: 'Ready', status: 'False' }] }, spec: { ports: [{ port: 8080 }] } },
  ],
};
const run = (t: string, d: unknown = data, allow = true) => compileJSONPath(t, { allowMissingKeys: allow }).execute(d);

describe('jsonpath (client-go/util/jsonpath)', () => {
  it('fields, wildcards and spaces between the values of one expression', () => {
    expect(run('{.items[*].metadata.name}')).toBe('a b');
    expect(run('{.items[0].status.podIP}')).toBe('10.0.0.1');
    expect(run('{.items[-1].metadata.name}')).toBe('b');
    expect(run('{.items[*].spec.ports[*].port}')).toBe('80 443 8080');
    expect(run('{.items[0:1].metadata.name}')).toBe('a');
    expect(run('{.items[0,1].metadata.name}')).toBe('a b');
    expect(run("{.items[0]['metadata']['name']}")).toBe('a');
    expect(run('{..podIP}')).toBe('10.0.0.1');
  });
  it('range/end with literal text, maps and lists as compact JSON', () => {
    expect(run('{range .items[*]}{.metadata.name}{"\\t"}{.status.podIP}{"\\n"}{end}')).toBe('a\t10.0.0.1\nb\t\n');
    expect(run('{.items[0].metadata.labels}')).toBe('{"app":"web"}');
    expect(run('{.items[1].spec.ports}')).toBe('[{"port":8080}]');
    expect(run('name: {.items[0].metadata.name}!')).toBe('name: a!');
  });
  it('filters', () => {
    expect(run('{.items[*].status.conditions[?(@.type=="Ready")].status}')).toBe('True False');
    expect(run('{.items[?(@.status.podIP)].metadata.name}')).toBe('a');
    expect(run('{.items[*].spec.ports[?(@.port>100)].port}')).toBe('443 8080');
  });
  it('missing keys: empty with allowMissingKeys, an error without', () => {
    expect(run('{.items[0].status.loadBalancer.ingress[0].ip}')).toBe('');
    expect(() => run('{.items[0].nope}', data, false)).toThrow('nope is not found');
  });
  it('parser and evaluation errors keep their texts', () => {
    expect(() => run('{.items[}')).toThrow('unterminated array');
    expect(() => run('{.items')).toThrow('unclosed action');
    expect(() => run('{.items[5]}')).toThrow('array index out of bounds: index 5, length 2');
    expect(() => run('{.items[x]}')).toThrow('invalid array index x');
    expect(() => run('{end}')).toThrow('not in range, nothing to end');
    expect(() => run('{.kind[0]}')).toThrow('string is not array or slice');
  });
  it('relaxed expressions (custom-columns, --sort-by)', () => {
    expect(relaxedJSONPathExpression('.metadata.name')).toBe('{.metadata.name}');
    expect(relaxedJSONPathExpression('metadata.name')).toBe('{.metadata.name}');
    expect(relaxedJSONPathExpression('{.metadata.name}')).toBe('{.metadata.name}');
  });
});
