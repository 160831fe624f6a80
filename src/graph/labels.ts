// Equality-based label selection (what a Service's `spec.selector` is), with an
// index per namespace so a Service looks up candidates instead of scanning
// every pod (DESIGN.md: "Label selection uses an index").

export type Labels = Readonly<Record<string, string>> | undefined;

export function matchesMap(labels: Labels, selector: Readonly<Record<string, string>>): boolean {
  for (const [k, v] of Object.entries(selector)) if (labels?.[k] !== v) return false;
  return true;
}

export const formatPair = (k: string, v: string) => `${k}=${v}`;

export function formatSelector(selector: Readonly<Record<string, string>>): string {
  return Object.entries(selector)
    .map(([k, v]) => formatPair(k, v))
    .join(',');
}

interface Labelled {
  metadata: { namespace?: string; labels?: Record<string, string> };
}

/** namespace -> key -> value -> items carrying key=value. */
export class LabelIndex<T extends Labelled> {
  private readonly byNs = new Map<string, Map<string, Map<string, T[]>>>();
  private readonly all = new Map<string, T[]>();

  constructor(items: readonly T[]) {
    for (const item of items) {
      const ns = item.metadata.namespace ?? '';
      let keys = this.byNs.get(ns);
      if (!keys) this.byNs.set(ns, (keys = new Map()));
      let list = this.all.get(ns);
      if (!list) this.all.set(ns, (list = []));
      list.push(item);
      for (const [k, v] of Object.entries(item.metadata.labels ?? {})) {
        let values = keys.get(k);
        if (!values) keys.set(k, (values = new Map()));
        const bucket = values.get(v);
        if (bucket) bucket.push(item);
        else values.set(v, [item]);
      }
    }
  }

  namespaces(): string[] {
    return [...this.byNs.keys()].sort();
  }

  inNamespace(ns: string): readonly T[] {
    return this.all.get(ns) ?? [];
  }

  /** Items in `ns` with key=value. */
  withPair(ns: string, key: string, value: string): readonly T[] {
    return this.byNs.get(ns)?.get(key)?.get(value) ?? [];
  }

  /** value -> items, for items in `ns` that carry `key` with any value. */
  valuesOf(ns: string, key: string): ReadonlyMap<string, readonly T[]> {
    return this.byNs.get(ns)?.get(key) ?? new Map();
  }

  keys(ns: string): string[] {
    return [...(this.byNs.get(ns)?.keys() ?? [])];
  }

  /** Items in `ns` matching every pair of `selector` (an empty selector matches nothing here). */
  select(ns: string, selector: Readonly<Record<string, string>>): T[] {
    const pairs = Object.entries(selector);
    if (pairs.length === 0) return [];
    let smallest: readonly T[] | undefined;
    for (const [k, v] of pairs) {
      const hit = this.withPair(ns, k, v);
      if (!smallest || hit.length < smallest.length) smallest = hit;
      if (hit.length === 0) return [];
    }
    return (smallest ?? []).filter((item) => matchesMap(item.metadata.labels, selector));
  }
}

/** Levenshtein distance, for "did you mean" hints on label keys and values. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}
