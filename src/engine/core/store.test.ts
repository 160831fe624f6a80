import { describe, expect, it } from 'vitest';
import { holdsUndefined, ObjectStore, type WatchEvent } from './store';
import type { KubeObject, Pod } from './types';

const cm = (ns: string | undefined, name: string, data = '1'): KubeObject =>
  ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { namespace: ns, name }, data: { v: data } }) as KubeObject;

const pod = (name: string, labels: Record<string, string>, phase = 'Pending'): Pod =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { namespace: 'default', name, labels }, spec: { containers: [] }, status: { phase } }) as unknown as Pod;

function watched(s: ObjectStore): WatchEvent[] {
  const seen: WatchEvent[] = [];
  s.subscribe((e) => seen.push(e));
  return seen;
}

describe('ObjectStore (one slot per object, shared by its indexes)', () => {
  it('lists in creation order: a new version keeps its place, a re-created object goes last', () => {
    const s = new ObjectStore();
    for (const n of ['a', 'b', 'c']) s.put(cm('default', n));
    s.put(cm('default', 'a', '2'));
    expect(s.list('ConfigMap').map((o) => o.metadata.name)).toEqual(['a', 'b', 'c']);
    expect((s.get('ConfigMap', 'default', 'a') as unknown as { data: { v: string } }).data.v).toBe('2');
    s.remove('ConfigMap', 'default', 'a');
    s.put(cm('default', 'a', '3'));
    expect(s.list('ConfigMap').map((o) => o.metadata.name)).toEqual(['b', 'c', 'a']);
    expect(s.list('ConfigMap', 'other')).toEqual([]);
    expect(s.count('ConfigMap')).toBe(3);
  });

  it('a listener that throws does not keep the change from the listeners after it; the writer gets the error', () => {
    const s = new ObjectStore();
    const before = watched(s);
    s.subscribe((e) => {
      if (e.object.metadata.name === 'bad') throw new Error('watcher bug');
    });
    const after = watched(s);
    s.put(cm('default', 'a'));
    expect(() => s.put(cm('default', 'bad'))).toThrow('watcher bug');
    s.put(cm('default', 'b'));
    // The write itself happened, and every other listener heard all three changes.
    expect(s.get('ConfigMap', 'default', 'bad')).toBeDefined();
    expect(before.map((e) => e.key)).toEqual(['default/a', 'default/bad', 'default/b']);
    expect(after.map((e) => e.key)).toEqual(['default/a', 'default/bad', 'default/b']);
  });

  it('announces each change with the object, the version it replaced and the ns/name key', () => {
    const s = new ObjectStore();
    const seen = watched(s);
    const v1 = s.put(cm('default', 'a'));
    const v2 = s.put(cm('default', 'a', '2'));
    s.put(cm(undefined, 'top'));
    s.remove('ConfigMap', 'default', 'a');
    expect(seen.map((e) => [e.type, e.key, e.old === undefined])).toEqual([
      ['ADDED', 'default/a', true],
      ['MODIFIED', 'default/a', false],
      ['ADDED', 'top', true],
      ['DELETED', 'default/a', false],
    ]);
    expect(seen[1].old).toBe(v1);
    expect(seen[3].object).toBe(v2);
  });

  it('keeps names whose ns/name keys collide as one object, as keys always did', () => {
    const s = new ObjectStore();
    const seen = watched(s);
    s.put(cm('a', 'b/c'));
    s.put(cm('a/b', 'c'));
    expect(seen.map((e) => e.type)).toEqual(['ADDED', 'MODIFIED']);
    expect(s.list('ConfigMap').map((o) => o.metadata.namespace)).toEqual(['a/b']);
    expect(s.get('ConfigMap', 'a', 'b/c')?.metadata.namespace).toBe('a/b');
    expect(s.get('ConfigMap', undefined, 'a/b/c')?.metadata.namespace).toBe('a/b');
    expect(s.remove('ConfigMap', 'a', 'b/c')?.metadata.namespace).toBe('a/b');
    expect(s.count('ConfigMap')).toBe(0);
    // With the odd names gone, plain names are found by name again.
    s.put(cm('default', 'x'));
    expect(s.get('ConfigMap', 'default', 'x')?.metadata.name).toBe('x');
    expect(s.get('ConfigMap', undefined, 'default/x')?.metadata.name).toBe('x');
  });

  it('keeps the pod label index in step with every write and delete', () => {
    const s = new ObjectStore();
    s.put(pod('a', { app: 'web' }));
    s.put(pod('b', { app: 'web' }));
    s.put(pod('a', { app: 'web' }, 'Running'));
    const names = (sel: Record<string, string>) => s.podIndex.matchMap('default', sel).map((p) => `${p.metadata.name}:${p.status?.phase}`);
    expect(names({ app: 'web' })).toEqual(['b:Pending', 'a:Running']);
    s.put(pod('b', { app: 'db' }));
    expect(names({ app: 'web' })).toEqual(['a:Running']);
    expect(names({ app: 'db' })).toEqual(['b:Pending']);
    s.remove('Pod', 'default', 'b');
    expect(names({})).toEqual(['a:Running']);
  });

  it('stores what it is given, frozen: the same JSON, arrays as copies, stored parts shared', () => {
    const s = new ObjectStore();
    const ports: unknown[] = [];
    ports.push({ name: 'http', port: 80 });
    const first = s.put({ apiVersion: 'v1', kind: 'Service', metadata: { namespace: 'default', name: 'web' }, spec: { ports, note: undefined } } as unknown as KubeObject);
    const spec = (first as unknown as { spec: { ports: unknown[] } }).spec;
    expect(JSON.stringify(first)).toBe('{"apiVersion":"v1","kind":"Service","metadata":{"namespace":"default","name":"web"},"spec":{"ports":[{"name":"http","port":80}]}}');
    expect(Object.isFrozen(first) && Object.isFrozen(spec) && Object.isFrozen(spec.ports) && Object.isFrozen(spec.ports[0])).toBe(true);
    expect(spec.ports).toEqual(ports);
    expect(spec.ports[0]).toBe(ports[0]);
    expect(Object.keys(spec)).toEqual(['ports', 'note']);
    expect(holdsUndefined(first) && holdsUndefined(spec) && !holdsUndefined(spec.ports)).toBe(true);
    expect(s.get('Service', 'default', 'web')).toBe(first);

    // A new version that takes stored parts keeps them as they are.
    const next = s.put({ ...first, metadata: { ...first.metadata, labels: { a: 'b' } }, spec: { ports: spec.ports } } as KubeObject);
    expect((next as unknown as { spec: { ports: unknown[] } }).spec.ports).toBe(spec.ports);
    expect(holdsUndefined(next)).toBe(false);

    // `__proto__` as an own key (as JSON.parse makes it) stays plain data.
    const parsed = JSON.parse('{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"odd"},"data":{"__proto__":[1]}}') as KubeObject;
    const stored = s.put(parsed) as unknown as { data: Record<string, unknown> };
    expect(Object.getPrototypeOf(stored.data)).toBe(Object.prototype);
    expect(Object.keys(stored.data)).toEqual(['__proto__']);
    expect(JSON.stringify(stored.data)).toBe('{"__proto__":[1]}');
  });
});
