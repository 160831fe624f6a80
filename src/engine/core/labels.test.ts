import { describe, expect, it } from 'vitest';
import { type IndexEntry, LabelIndex, matchesSelector, parseSelector } from './labels';
import { SeededRandom } from './random';

interface Obj {
  metadata: { namespace?: string; name: string; labels?: Record<string, string> };
  v?: number;
}

const obj = (name: string, labels: Record<string, string>, v = 0, namespace = 'default'): Obj => ({ metadata: { namespace, name, labels }, v });
const names = (xs: Obj[]) => xs.map((o) => `${o.metadata.name}@${o.v}`);

/** An index used as the store uses it: one entry per object key, whose `obj` the caller keeps current. */
function keyedIndex() {
  const index = new LabelIndex<Obj>();
  const entries = new Map<string, IndexEntry<Obj>>();
  return {
    set(key: string, o: Obj): void {
      const entry = entries.get(key);
      if (!entry) {
        const fresh = { obj: o, stamp: 0 };
        entries.set(key, fresh);
        index.add(fresh);
        return;
      }
      const old = entry.obj;
      entry.obj = o;
      index.update(entry, old);
    },
    delete(key: string): void {
      const entry = entries.get(key);
      if (entry) index.remove(entry);
      entries.delete(key);
    },
    matchMap: index.matchMap.bind(index),
    match: index.match.bind(index),
  };
}

describe('LabelIndex', () => {
  it('finds objects by every pair of a map selector, within one namespace', () => {
    const idx = keyedIndex();
    idx.set('default/a', obj('a', { app: 'web', tier: 'fe' }));
    idx.set('default/b', obj('b', { app: 'web' }));
    idx.set('other/c', obj('c', { app: 'web', tier: 'fe' }, 0, 'other'));
    expect(names(idx.matchMap('default', { app: 'web' }))).toEqual(['a@0', 'b@0']);
    expect(names(idx.matchMap('default', { app: 'web', tier: 'fe' }))).toEqual(['a@0']);
    expect(names(idx.matchMap('default', { app: 'db' }))).toEqual([]);
    expect(names(idx.matchMap('default', {}))).toEqual(['a@0', 'b@0']);
  });

  it('returns matches oldest write first: a status write (same labels) moves the object to the end', () => {
    const idx = keyedIndex();
    for (const n of ['a', 'b', 'c']) idx.set(`default/${n}`, obj(n, { app: 'web' }));
    idx.set('default/a', obj('a', { app: 'web' }, 1));
    expect(names(idx.matchMap('default', { app: 'web' }))).toEqual(['b@0', 'c@0', 'a@1']);
    expect(names(idx.matchMap('default', {}))).toEqual(['b@0', 'c@0', 'a@1']);
    idx.set('default/b', obj('b', { app: 'web' }, 2));
    expect(names(idx.match('default', parseSelector('app=web')))).toEqual(['c@0', 'a@1', 'b@2']);
  });

  it('orders small and large match sets by last write, whatever the rewrite order', () => {
    const rng = new SeededRandom(3);
    for (const size of [5, 16, 17, 40]) {
      const idx = keyedIndex();
      const lastWrite: string[] = [];
      const write = (n: string, v: number) => {
        idx.set(`default/${n}`, obj(n, { app: 'web', tier: Number(n.slice(1)) % 2 ? 'odd' : 'even' }, v));
        const at = lastWrite.indexOf(n);
        if (at >= 0) lastWrite.splice(at, 1);
        lastWrite.push(n);
      };
      for (let i = 0; i < size; i++) write(`p${i}`, 0);
      for (let v = 1; v <= 3 * size; v++) write(`p${rng.int(size)}`, v);
      const want = [...lastWrite];
      const got = (sel: Record<string, string>) => idx.matchMap('default', sel).map((o) => o.metadata.name);
      expect(got({ app: 'web' })).toEqual(want);
      expect(got({})).toEqual(want);
      expect(got({ app: 'web', tier: 'odd' })).toEqual(want.filter((n) => Number(n.slice(1)) % 2));
    }
  });

  it('re-files an object whose labels change, and forgets deleted ones', () => {
    const idx = keyedIndex();
    idx.set('default/a', obj('a', { app: 'web' }));
    idx.set('default/b', obj('b', { app: 'web' }));
    idx.set('default/a', obj('a', { app: 'wbe' }, 1));
    expect(names(idx.matchMap('default', { app: 'web' }))).toEqual(['b@0']);
    expect(names(idx.matchMap('default', { app: 'wbe' }))).toEqual(['a@1']);
    idx.delete('default/b');
    expect(names(idx.matchMap('default', { app: 'web' }))).toEqual([]);
    expect(names(idx.matchMap('default', {}))).toEqual(['a@1']);
  });

  it('keeps pairs apart even when a key or value holds the separator characters', () => {
    const idx = keyedIndex();
    idx.set('default/a', obj('a', { 'x=y': 'z' }));
    idx.set('default/b', obj('b', { x: 'y=z' }));
    expect(names(idx.matchMap('default', { 'x=y': 'z' }))).toEqual(['a@0']);
    expect(names(idx.matchMap('default', { x: 'y=z' }))).toEqual(['b@0']);
    expect(names(idx.matchMap('other', {}))).toEqual([]);
  });

  it('general selectors filter the equality matches (set-based requirements)', () => {
    const idx = keyedIndex();
    idx.set('default/a', obj('a', { app: 'web', env: 'prod' }));
    idx.set('default/b', obj('b', { app: 'web', env: 'dev' }));
    const sel = parseSelector('app=web,env notin (dev)');
    expect(names(idx.match(undefined, sel))).toEqual(['a@0']);
    expect(matchesSelector({ app: 'web', env: 'dev' }, sel)).toBe(false);
  });
});
