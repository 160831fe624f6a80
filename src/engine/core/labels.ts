// Label selectors: matching (the `-l` syntax is parsed in labelSelectorParser.ts, which
// only kubectl needs), and the index that lets a Service find its pods without scanning every pod.
// Source: staging/src/k8s.io/apimachinery/pkg/labels/selector.go.

import type { LabelSelector } from './types';

/** `gt`/`lt` (`n>3`, `n<3`) come only from the string syntax; LabelSelector has no such operator. */
export type Requirement =
  | { key: string; op: '=' | '!='; value: string }
  | { key: string; op: 'in' | 'notin'; values: string[] }
  | { key: string; op: 'exists' | '!' }
  | { key: string; op: 'gt' | 'lt'; value: string };

export type Selector = Requirement[];

export function matchesRequirement(labels: Record<string, string> | undefined, r: Requirement): boolean {
  const has = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, r.key);
  const v = has ? labels![r.key] : undefined;
  switch (r.op) {
    case '=': return has && v === r.value;
    case '!=': return !has || v !== r.value;
    case 'in': return has && r.values.includes(v!);
    case 'notin': return !has || !r.values.includes(v!);
    case 'exists': return has;
    case '!': return !has;
    case 'gt': case 'lt': return has && comparesAsInteger(v!, r.op, r.value);
  }
}

/** Requirement.Matches for Gt/Lt: both sides parse as int64 (a label that does not never matches). */
function comparesAsInteger(labelValue: string, op: 'gt' | 'lt', bound: string): boolean {
  const n = parseInt64(labelValue);
  const m = parseInt64(bound);
  if (n === undefined || m === undefined) return false;
  return op === 'gt' ? n > m : n < m;
}

export function matchesSelector(labels: Record<string, string> | undefined, sel: Selector): boolean {
  return sel.every((r) => matchesRequirement(labels, r));
}

/** A Service-style selector (map): every key present with an equal value. */
export function matchesMap(labels: Record<string, string> | undefined, selector: Record<string, string>): boolean {
  for (const k in selector) {
    if (!labels || labels[k] !== selector[k]) return false;
  }
  return true;
}

/** metav1.LabelSelectorAsSelector; an empty selector matches everything. */
export function fromLabelSelector(ls: LabelSelector | undefined): Selector {
  const out: Selector = [];
  for (const [key, value] of Object.entries(ls?.matchLabels ?? {})) out.push({ key, op: '=', value });
  for (const e of ls?.matchExpressions ?? []) {
    switch (e.operator) {
      case 'In': out.push({ key: e.key, op: 'in', values: e.values ?? [] }); break;
      case 'NotIn': out.push({ key: e.key, op: 'notin', values: e.values ?? [] }); break;
      case 'Exists': out.push({ key: e.key, op: 'exists' }); break;
      case 'DoesNotExist': out.push({ key: e.key, op: '!' }); break;
    }
  }
  return out;
}

export function selectorToString(sel: Selector): string {
  return sel
    .map((r) => {
      switch (r.op) {
        case '=': return `${r.key}=${r.value}`;
        case '!=': return `${r.key}!=${r.value}`;
        case 'in': return `${r.key} in (${r.values.join(',')})`;
        case 'notin': return `${r.key} notin (${r.values.join(',')})`;
        case 'exists': return r.key;
        case '!': return `!${r.key}`;
        case 'gt': return `${r.key}>${r.value}`;
        case 'lt': return `${r.key}<${r.value}`;
      }
    })
    .join(',');
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** strconv.ParseInt(s, 10, 64): an optional sign and decimal digits, within int64. */
export function parseInt64(s: string): bigint | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const n = BigInt(s);
  return n < INT64_MIN || n > INT64_MAX ? undefined : n;
}

function sameLabels(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  let n = 0;
  for (const k in a) {
    if (a[k] !== b[k] || !Object.prototype.hasOwnProperty.call(b, k)) return false;
    n++;
  }
  for (const _ in b) n--;
  return n === 0;
}

/**
 * One indexed object, with the count of writes when it was last written. The caller owns
 * the entry (the store's slot for the object) and keeps `obj` current; the index fills in
 * `stamp`. Entries rather than keys: a write finds its place with no map look-up.
 */
export interface IndexEntry<T> {
  obj: T;
  stamp: number;
}

/** The objects of one namespace: all of them, and by label key then value. */
interface NamespaceEntries<T> {
  all: Set<IndexEntry<T>>;
  byLabel: Map<string, Map<string, Set<IndexEntry<T>>>>;
}

/**
 * Index of objects by namespace and label (key, value), so equality selectors intersect
 * small sets. Nested maps rather than `key=value` strings: a look-up builds no string,
 * and no two pairs can share a slot.
 */
export class LabelIndex<T extends { metadata: { namespace?: string; labels?: Record<string, string> } }> {
  private namespaces = new Map<string, NamespaceEntries<T>>();
  /**
   * Writes so far. Matches come back in the order of their entries' last write (oldest
   * first), as if every write re-filed the object at the end of its sets, without
   * touching the sets on the status writes that keep labels.
   */
  private writes = 0;

  /** Indexes a new entry (its object written now). */
  add(entry: IndexEntry<T>): void {
    entry.stamp = ++this.writes;
    this.index(entry, entry.obj);
  }

  /** Re-indexes an entry whose object was just written, `old` being the version it replaced. */
  update(entry: IndexEntry<T>, old: T): void {
    entry.stamp = ++this.writes;
    const obj = entry.obj;
    // Most writes (status) keep namespace and labels: the index entries stay as they are.
    if (old.metadata.namespace === obj.metadata.namespace && sameLabels(old.metadata.labels, obj.metadata.labels)) return;
    this.unindex(entry, old);
    this.index(entry, obj);
  }

  /** Forgets an entry (its object deleted). */
  remove(entry: IndexEntry<T>): void {
    this.unindex(entry, entry.obj);
  }

  private index(entry: IndexEntry<T>, obj: T): void {
    const ns = obj.metadata.namespace ?? '';
    let inNs = this.namespaces.get(ns);
    if (!inNs) this.namespaces.set(ns, (inNs = { all: new Set(), byLabel: new Map() }));
    inNs.all.add(entry);
    const labels = obj.metadata.labels;
    // for-in over own keys: Object.entries order without building the entries.
    for (const k in labels) {
      if (!Object.prototype.hasOwnProperty.call(labels, k)) continue;
      let byValue = inNs.byLabel.get(k);
      if (!byValue) inNs.byLabel.set(k, (byValue = new Map()));
      const v = labels[k];
      let set = byValue.get(v);
      if (!set) byValue.set(v, (set = new Set()));
      set.add(entry);
    }
  }

  /** Objects in `namespace` whose labels include every pair of `selector` (an empty map matches all). */
  matchMap(namespace: string, selector: Record<string, string>): T[] {
    const inNs = this.namespaces.get(namespace);
    if (!inNs) return [];
    // The smallest set of one pair, then the other pairs checked on its members.
    let smallest: Set<IndexEntry<T>> | undefined;
    let pairs = 0;
    for (const k in selector) {
      if (!Object.prototype.hasOwnProperty.call(selector, k)) continue;
      pairs++;
      const set = inNs.byLabel.get(k)?.get(selector[k]);
      if (!set) return [];
      if (!smallest || set.size < smallest.size) smallest = set;
    }
    // No pair: every object matches; one pair: its set holds exactly the matches.
    if (pairs <= 1) return inWriteOrder([...(pairs === 0 ? inNs.all : smallest!)]);
    const found: IndexEntry<T>[] = [];
    for (const e of smallest!) if (matchesMap(e.obj.metadata.labels, selector)) found.push(e);
    return inWriteOrder(found);
  }

  /** Objects in `namespace` (all namespaces when undefined) matching a general selector. */
  match(namespace: string | undefined, sel: Selector): T[] {
    const eq: Record<string, string> = {};
    for (const r of sel) if (r.op === '=') eq[r.key] = r.value;
    const namespaces = namespace === undefined ? [...this.namespaces.keys()] : [namespace];
    const out: T[] = [];
    for (const ns of namespaces) {
      for (const obj of this.matchMap(ns, eq)) if (matchesSelector(obj.metadata.labels, sel)) out.push(obj);
    }
    return out;
  }

  private unindex(entry: IndexEntry<T>, obj: T): void {
    const inNs = this.namespaces.get(obj.metadata.namespace ?? '');
    if (!inNs) return;
    inNs.all.delete(entry);
    const labels = obj.metadata.labels;
    for (const k in labels) {
      if (!Object.prototype.hasOwnProperty.call(labels, k)) continue;
      const byValue = inNs.byLabel.get(k);
      const set = byValue?.get(labels[k]);
      if (set) {
        set.delete(entry);
        if (set.size === 0) byValue!.delete(labels[k]);
      }
    }
  }
}

/**
 * The entries' objects, oldest write first: sorted in place, then each entry replaced by
 * its object, so a match allocates one array. Stamps are distinct, so any sort gives the
 * same order. Matches are usually a few pods: those are sorted by insertion without the
 * work array Array#sort allocates.
 */
function inWriteOrder<T>(found: IndexEntry<T>[]): T[] {
  const n = found.length;
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) if (found[i - 1].stamp > found[i].stamp) sorted = false;
  if (!sorted) {
    if (n <= SMALL_SORT) insertionSortByStamp(found);
    else found.sort(byStamp);
  }
  const out = found as unknown as T[];
  for (let i = 0; i < n; i++) out[i] = found[i].obj;
  return out;
}

const SMALL_SORT = 16;

function insertionSortByStamp(a: IndexEntry<unknown>[]): void {
  for (let i = 1; i < a.length; i++) {
    const e = a[i];
    let j = i - 1;
    while (j >= 0 && a[j].stamp > e.stamp) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = e;
  }
}

function byStamp(a: IndexEntry<unknown>, b: IndexEntry<unknown>): number {
  return a.stamp - b.stamp;
}
