import { describe, expect, it } from 'vitest';
import { type IndexEntry, LabelIndex, matchesSelector, type Selector } from './labels';
import { parseSelector } from './labelSelectorParser';
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

// labels.Parse, staging/src/k8s.io/apimachinery/pkg/labels/selector.go: the Lexer's tokens
// (whitespace ' ', \t, \r, \n; the symbols = ! ( ) , > <), Parser.parse's grammar, values as a
// sorted set (sets.String.List), requirements sorted by key.
describe('parseSelector (labels.Parse)', () => {
  it.each<[string, Selector]>([
    ['', []],
    [' \t ', []],
    ['app', [{ key: 'app', op: 'exists' }]],
    ['!app', [{ key: 'app', op: '!' }]],
    ['app=web', [{ key: 'app', op: '=', value: 'web' }]],
    ['app==web', [{ key: 'app', op: '=', value: 'web' }]],
    ['app!=web', [{ key: 'app', op: '!=', value: 'web' }]],
    ['app = web', [{ key: 'app', op: '=', value: 'web' }]],
    ['app\t=\nweb', [{ key: 'app', op: '=', value: 'web' }]],
    // parseExactValue: `,` or the end right after the operator is the empty value.
    ['app=', [{ key: 'app', op: '=', value: '' }]],
    ['app!=,tier', [{ key: 'app', op: '!=', value: '' }, { key: 'tier', op: 'exists' }]],
    ['n>3', [{ key: 'n', op: 'gt', value: '3' }]],
    ['n<10', [{ key: 'n', op: 'lt', value: '10' }]],
    ['env in (prod,dev,prod)', [{ key: 'env', op: 'in', values: ['dev', 'prod'] }]],
    ['env notin (qa)', [{ key: 'env', op: 'notin', values: ['qa'] }]],
    ['env in ()', [{ key: 'env', op: 'in', values: [''] }]],
    // The doc comment's example: a missing value between commas is the empty value.
    ['x in (foo,,baz),y,z notin ()', [{ key: 'x', op: 'in', values: ['', 'baz', 'foo'] }, { key: 'y', op: 'exists' }, { key: 'z', op: 'notin', values: [''] }]],
    ['x in (a,)', [{ key: 'x', op: 'in', values: ['', 'a'] }]],
    // `in` and `notin` are identifiers wherever no operator is expected.
    ['in in (in,notin)', [{ key: 'in', op: 'in', values: ['in', 'notin'] }]],
    ['a=notin', [{ key: 'a', op: '=', value: 'notin' }]],
    ['tier=fe,!canary,app in (web)', [{ key: 'app', op: 'in', values: ['web'] }, { key: 'canary', op: '!' }, { key: 'tier', op: '=', value: 'fe' }]],
    ['example.com/app=web', [{ key: 'example.com/app', op: '=', value: 'web' }]],
  ])('accepts %j', (text, want) => {
    expect(parseSelector(text)).toEqual(want);
  });

  const LABEL_VALUE_RULE = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
  const NAME_PART_RULE = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
  const OPERATORS = 'in, notin, =, ==, !=, gt, lt';

  it.each<[string, string]>([
    // Parser.parse, between requirements: no prefix.
    ['a=b=c', "found '=', expected: ',' or 'end of string'"],
    ['a=b c', "found 'c', expected: ',' or 'end of string'"],
    ['!a=b', "found '=', expected: ',' or 'end of string'"],
    ['a,', "found '', expected: identifier after ','"],
    ['a,,b', "found ',', expected: identifier after ','"],
    [',a', "found ',', expected: !, identifier, or 'end of string'"],
    ['=a', "found '=', expected: !, identifier, or 'end of string'"],
    // Inside a requirement: `unable to parse requirement: ` in front.
    ['a b', `unable to parse requirement: found 'b', expected: ${OPERATORS}`],
    ['a!', `unable to parse requirement: found '!', expected: ${OPERATORS}`],
    ['a >= 1', "unable to parse requirement: found '=', expected: identifier"],
    ['!', "unable to parse requirement: found '', expected: identifier"],
    ['a=(', "unable to parse requirement: found '(', expected: identifier"],
    ['a in b', "unable to parse requirement: found 'b' expected: '('"],
    ['a in (b', "unable to parse requirement: found '', expected: ',' or ')'"],
    ['a in (b c)', "unable to parse requirement: found 'c', expected: ',' or ')'"],
    ['a in (=)', "unable to parse requirement: found '=', expected: ',', ')' or identifier"],
    ['a in (b,=)', "unable to parse requirement: found '=', expected: ',', or identifier"],
    // validateLabelKey with the parser's nil *field.Path, which prints as <nil>.
    ['-x', `unable to parse requirement: <nil>: Invalid value: "-x": ${NAME_PART_RULE}`],
    ['app:web', `unable to parse requirement: <nil>: Invalid value: "app:web": ${NAME_PART_RULE}`],
    // NewRequirement: values[i][key] for a bad value, values[i] for a bad gt/lt bound.
    ['a=-x', `unable to parse requirement: values[0][a]: Invalid value: "-x": ${LABEL_VALUE_RULE}`],
    ['a in (ok,-y)', `unable to parse requirement: values[0][a]: Invalid value: "-y": ${LABEL_VALUE_RULE}`],
    ['n>x', `unable to parse requirement: values[0]: Invalid value: "x": for 'Gt', 'Lt' operators, the value must be an integer`],
    ['n>99999999999999999999', `unable to parse requirement: values[0]: Invalid value: "99999999999999999999": for 'Gt', 'Lt' operators, the value must be an integer`],
    ['n<-1', `unable to parse requirement: values[0][n]: Invalid value: "-1": ${LABEL_VALUE_RULE}`],
    ['n>-x', `unable to parse requirement: [values[0]: Invalid value: "-x": for 'Gt', 'Lt' operators, the value must be an integer, values[0][n]: Invalid value: "-x": ${LABEL_VALUE_RULE}]`],
  ])('refuses %j', (text, message) => {
    expect(() => parseSelector(text)).toThrow(new Error(message));
  });

  it('matches like Requirement.Matches: gt/lt compare integers, a missing or non-integer label never matches', () => {
    const sel = parseSelector('n>3,m<10');
    expect(matchesSelector({ n: '4', m: '9' }, sel)).toBe(true);
    expect(matchesSelector({ n: '3', m: '9' }, sel)).toBe(false);
    expect(matchesSelector({ n: '4', m: '10' }, sel)).toBe(false);
    expect(matchesSelector({ n: 'four', m: '9' }, sel)).toBe(false);
    expect(matchesSelector({ m: '9' }, sel)).toBe(false);
    expect(matchesSelector({ n: '0004', m: '-5' }, sel)).toBe(true);
  });

  it('an empty value in a set matches a label with the empty value', () => {
    expect(matchesSelector({ env: '' }, parseSelector('env in ()'))).toBe(true);
    expect(matchesSelector({ env: '' }, parseSelector('env notin (,prod)'))).toBe(false);
    expect(matchesSelector({ env: 'qa' }, parseSelector('env notin (,prod)'))).toBe(true);
    expect(matchesSelector({ env: '' }, parseSelector('env='))).toBe(true);
  });
});
