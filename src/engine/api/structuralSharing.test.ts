import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import { KeyQueue } from '../core/queue';
import type { Pod } from '../core/types';
import { deepFreeze, holdsUndefined, ObjectStore } from '../core/store';
import { clone } from './apiServer';
import { jsonEqual, shareForWrite } from './structuralSharing';

const stored = () =>
  deepFreeze({
    metadata: { name: 'web', labels: { app: 'web' } },
    spec: { containers: [{ name: 'c', ports: [{ containerPort: 80 }] }] },
    status: { phase: 'Pending', conditions: [{ type: 'Ready', status: 'False' }] },
  });

describe('shareForWrite: writes keep the stored parts that did not change', () => {
  it('returns the stored object itself when nothing changed', () => {
    const prev = stored();
    expect(shareForWrite(clone(prev), prev)).toBe(prev);
  });

  it('reuses unchanged subtrees and keeps the changed ones, serialising as the copy did', () => {
    const prev = stored();
    const next = clone(prev);
    next.status.conditions[0].status = 'True';
    const before = JSON.stringify(next);
    const out = shareForWrite(next, prev);
    expect(JSON.stringify(out)).toBe(before);
    expect(out).not.toBe(prev);
    expect(out.spec).toBe(prev.spec);
    expect(out.metadata).toBe(prev.metadata);
    expect(out.status).not.toBe(prev.status);
    expect(out.status.conditions[0]).not.toBe(prev.status.conditions[0]);
  });

  it('does not share a subtree whose keys are in another order or that holds an undefined key', () => {
    const prev = deepFreeze({ a: { x: 1, y: 2 }, b: { x: 1 }, c: [1, 2] });
    const next = { a: { y: 2, x: 1 }, b: { x: 1, z: undefined }, c: [1, 2, 3] };
    const out = shareForWrite(next, prev);
    expect(out.a).not.toBe(prev.a);
    expect(Object.keys(out.a)).toEqual(['y', 'x']);
    expect(out.b).not.toBe(prev.b);
    expect(out.c).not.toBe(prev.c);
  });

  it('keeps a __proto__ key as plain data', () => {
    const prev = deepFreeze(JSON.parse('{"m":{"__proto__":{"k":"v"}},"n":1}'));
    const next = JSON.parse('{"m":{"__proto__":{"k":"v"}},"n":2}');
    const out = shareForWrite(next, prev);
    expect(JSON.stringify(out)).toBe('{"m":{"__proto__":{"k":"v"}},"n":2}');
    expect(Object.getPrototypeOf(out.m)).toBe(Object.prototype);
  });
});

describe('shareForWrite (a write that changes nothing stores nothing)', () => {
  it('returns the stored object when the JSON is equal, whatever the key order or undefined keys', () => {
    const prev = stored();
    const reordered = { status: clone(prev.status), spec: clone(prev.spec), metadata: { ...clone(prev.metadata), uid: undefined } };
    expect(shareForWrite(reordered, prev)).toBe(prev);
    expect(shareForWrite(clone(prev), prev)).toBe(prev);
  });

  it('returns the shared next version when any value differs, as jsonEqual judges', () => {
    const cases: ((o: ReturnType<typeof stored>) => void)[] = [
      (o) => { o.status.phase = 'Running'; },
      (o) => { (o.status.conditions as unknown[]).push({ type: 'Other' }); },
      (o) => { (o.spec as Record<string, unknown>).nodeName = 'node-1'; },
      (o) => { (o.status as Record<string, unknown>).conditions = { type: 'Ready' }; },
      (o) => { delete (o.metadata as Record<string, unknown>).labels; },
      (o) => { (o.metadata.labels as Record<string, unknown>).app = { nested: true }; },
    ];
    for (const change of cases) {
      const prev = stored();
      const next = clone(prev);
      change(next);
      const before = JSON.stringify(next);
      const out = shareForWrite(next, prev);
      expect(out).not.toBe(prev);
      expect(jsonEqual(out, prev)).toBe(false);
      expect(JSON.stringify(out)).toBe(before);
    }
  });
});

describe('holdsUndefined (what a copy would drop)', () => {
  it('is known for every stored subtree, including ones shared with a later version', () => {
    const withHole = deepFreeze({ a: { b: undefined as string | undefined }, c: { d: 1 } });
    expect(holdsUndefined(withHole)).toBe(true);
    expect(holdsUndefined(withHole.a)).toBe(true);
    expect(holdsUndefined(withHole.c)).toBe(false);
    expect(holdsUndefined(deepFreeze({ e: 1, shared: withHole.a }))).toBe(true);
    expect(holdsUndefined(stored())).toBe(false);
  });
});

describe('KeyQueue', () => {
  it('hands out keys oldest first, ignores keys already waiting, and re-queues taken keys at the end', () => {
    const q = new KeyQueue();
    for (const k of ['a', 'b', 'a', 'c']) q.add(k);
    expect(q.length).toBe(3);
    expect(q.take()).toBe('a');
    q.add('a');
    q.add('b');
    expect([q.take(), q.take(), q.take(), q.take()]).toEqual(['b', 'c', 'a', undefined]);
    expect(q.length).toBe(0);
  });
});

describe('ApiServer.replaceFields', () => {
  it('stores exactly what updateStatus with the same assignments stores', () => {
    const write = (viaReplace: boolean) => {
      const c = createCluster({ seed: 5, nodes: 1 });
      const pod = c.context.store.list<Pod>('Pod', 'kube-system')[0];
      const build = (p: Pod) => ({ spec: { ...p.spec, nodeName: 'elsewhere' }, status: { ...p.status, phase: 'Unknown' } });
      const out = viaReplace
        ? c.context.api.replaceFields<Pod>('Pod', 'kube-system', pod.metadata.name!, build)
        : c.context.api.updateStatus<Pod>('Pod', 'kube-system', pod.metadata.name!, (p) => Object.assign(p, build(p)));
      return { out, old: pod };
    };
    const a = write(false);
    const b = write(true);
    expect(JSON.stringify(b.out)).toBe(JSON.stringify(a.out));
    expect(b.out.metadata.resourceVersion).not.toBe(b.old.metadata.resourceVersion);
    expect(b.out.metadata.labels).toBe(b.old.metadata.labels);
  });
});

describe('ObjectStore.get', () => {
  const obj = (ns: string | undefined, name: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { namespace: ns, name } });

  it('finds what was put, under the namespace/name key rules (an empty namespace is none)', () => {
    const s = new ObjectStore();
    s.put(obj('default', 'a'));
    s.put(obj(undefined, 'b'));
    expect(s.get('ConfigMap', 'default', 'a')?.metadata.name).toBe('a');
    expect(s.get('ConfigMap', '', 'b')?.metadata.name).toBe('b');
    expect(s.get('ConfigMap', undefined, 'default/a')?.metadata.name).toBe('a');
    s.remove('ConfigMap', 'default', 'a');
    expect(s.get('ConfigMap', 'default', 'a')).toBeUndefined();
  });

  it('keeps the key semantics when a name holds a slash', () => {
    const s = new ObjectStore();
    s.put(obj(undefined, 'x/y'));
    expect(s.get('ConfigMap', 'x', 'y')?.metadata.name).toBe('x/y');
    s.put(obj('x', 'y'));
    expect(s.get('ConfigMap', undefined, 'x/y')?.metadata.namespace).toBe('x');
    expect(s.list('ConfigMap')).toHaveLength(1);
  });
});
