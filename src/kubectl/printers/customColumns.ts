// `-o custom-columns=NAME:.metadata.name,IP:.status.podIP` and `--sort-by=<jsonpath>`.
// Sources: staging/src/k8s.io/kubectl/pkg/cmd/get/customcolumn.go (NewCustomColumnsPrinterFromSpec,
// printOneObject), get/sorter.go (SortObjects, isLess), github.com/fvbommel/sortorder (NaturalLess).

import type { KubeObject } from '../../engine/core/types';
import { KubectlError } from '../errors';
import { compileJSONPath, goPlain, JSONPathError, relaxedJSONPathExpression, type CompiledJSONPath } from '../jsonpath';
import { TABLE_SETTINGS, tabwrite } from './tabwriter';

export interface CustomColumn {
  header: string;
  fieldSpec: string;
}

function relaxed(expr: string): string {
  try {
    return relaxedJSONPathExpression(expr);
  } catch (e) {
    throw new KubectlError((e as Error).message);
  }
}

function compile(spec: string): CompiledJSONPath {
  try {
    return compileJSONPath(spec, { allowMissingKeys: true });
  } catch (e) {
    throw new KubectlError((e as Error).message);
  }
}

function find(path: CompiledJSONPath, obj: unknown): unknown[][] {
  try {
    return path.findResults(obj);
  } catch (e) {
    if (e instanceof JSONPathError) throw new KubectlError(e.message);
    throw e;
  }
}

export function parseCustomColumns(spec: string): CustomColumn[] {
  return spec.split(',').map((part) => {
    const colon = part.indexOf(':');
    if (colon < 0) throw new KubectlError(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    return { header: part.slice(0, colon), fieldSpec: relaxed(part.slice(colon + 1)) };
  });
}

/** One table for all objects: headers as given, `<none>` for no value, several values comma-joined. */
export function printCustomColumns(objects: KubeObject[], columns: CustomColumn[], noHeaders: boolean): string {
  const paths = columns.map((c) => compile(c.fieldSpec));
  const lines: string[] = [];
  if (!noHeaders) lines.push(columns.map((c) => c.header).join('\t'));
  for (const obj of objects) {
    lines.push(
      paths
        .map((p) => {
          const values = find(p, obj);
          const cells = values.length === 0 || values[0].length === 0 ? ['<none>'] : [];
          for (const set of values) for (const v of set) cells.push(goPlain(v));
          return cells.join(',');
        })
        .join('\t'),
    );
  }
  return tabwrite(lines.map((l) => `${l}\n`).join(''), TABLE_SETTINGS);
}

const isDigit = (c: string) => c >= '0' && c <= '9';

/** sortorder.NaturalLess: digit runs compare as numbers (`web-9` < `web-10`). */
export function naturalLess(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const c1 = a[i];
    const c2 = b[j];
    const d1 = isDigit(c1);
    const d2 = isDigit(c2);
    if (d1 !== d2) return d1;
    if (!d1) {
      if (c1 !== c2) return c1 < c2;
      i++;
      j++;
      continue;
    }
    while (i < a.length && a[i] === '0') i++;
    while (j < b.length && b[j] === '0') j++;
    const nz1 = i;
    const nz2 = j;
    while (i < a.length && isDigit(a[i])) i++;
    while (j < b.length && isDigit(b[j])) j++;
    if (i - nz1 !== j - nz2) return i - nz1 < j - nz2;
    const n1 = a.slice(nz1, i);
    const n2 = b.slice(nz2, j);
    if (n1 !== n2) return n1 < n2;
    if (nz1 !== nz2) return nz1 < nz2;
  }
  return a.length < b.length;
}

function isLess(x: unknown, y: unknown): boolean {
  if (x === null || x === undefined) return y !== null && y !== undefined;
  if (y === null || y === undefined) return false;
  if (typeof x === 'number' && typeof y === 'number') return x < y;
  if (typeof x === 'string' && typeof y === 'string') return naturalLess(x, y);
  if (typeof x === 'boolean' && typeof y === 'boolean') return !x && y;
  throw new KubectlError(`unsortable type: ${typeof x}`);
}

/** `--sort-by`: objects ordered by the first value at `field`; those without it first. */
export function sortObjectsBy<T extends KubeObject>(objects: T[], field: string): T[] {
  if (objects.length === 0) return objects;
  const spec = relaxed(field);
  const path = compile(spec);
  const keys = objects.map((o) => {
    const v = find(path, o);
    return v.length === 0 || v[0].length === 0 ? { has: false, value: undefined as unknown } : { has: true, value: v[0][0] };
  });
  if (!keys.some((k) => k.has)) throw new KubectlError(`couldn't find any field with path ${JSON.stringify(spec)} in the list of objects`);
  const order = objects.map((_, i) => i);
  order.sort((a, b) => {
    const ka = keys[a];
    const kb = keys[b];
    if (!ka.has || !kb.has) return ka.has === kb.has ? 0 : ka.has ? 1 : -1;
    return isLess(ka.value, kb.value) ? -1 : isLess(kb.value, ka.value) ? 1 : 0;
  });
  return order.map((i) => objects[i]);
}
