// Converts one parsed YAML document into plain JSON data, safely:
// - keys such as `__proto__` and `constructor` become ordinary own properties
//   (Object.defineProperty), so a manifest can never reach a prototype;
// - aliases are expanded with a budget, so a "billion laughs" document is refused
//   after a bounded amount of work instead of eating the tab's memory;
// - nesting deeper than MAX_DEPTH is refused;
// - each mapping key's position is recorded under its JSON path (`spec.ports[0].port`)
//   for editor diagnostics.

import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';

export const MAX_DEPTH = 100;

export interface SourcePosition {
  /** 1-based line in the whole file. */
  line: number;
  /** 1-based column. */
  col: number;
}

export class ConversionError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

export interface ConversionOptions {
  lineCounter: LineCounter;
  /** The file's text, for scalars whose source form must be kept (YAML 1.1 timestamps). */
  text: string;
  /** Record key positions by JSON path. */
  positions?: Map<string, SourcePosition>;
}

/** JSON path child segment, as field errors spell paths. */
function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent ? `${parent}.${key}` : key;
}

function scalarKey(value: unknown): string {
  // go-yaml → JSON turns non-string keys into their text (`80: x` → "80").
  if (value === null || value === undefined) return 'null';
  return String(value);
}

export function toPlain(doc: Document, opts: ConversionOptions): unknown {
  // go-yaml refuses documents whose alias expansion dwarfs the source; keep a similar ratio.
  let budget = -1;
  const visit = (node: Node | null | undefined, path: string, depth: number): unknown => {
    if (depth > MAX_DEPTH) throw new ConversionError(`exceeded max depth of ${MAX_DEPTH}`, node?.range?.[0] ?? 0);
    if (budget >= 0 && --budget < 0) throw new ConversionError('document contains excessive aliasing', node?.range?.[0] ?? 0);
    if (node === null || node === undefined) return null;
    if (isAlias(node)) {
      const target = node.resolve(doc);
      if (!target) throw new ConversionError(`unknown anchor '${node.source}' referenced`, node.range?.[0] ?? 0);
      return visit(target, path, depth);
    }
    if (isScalar(node)) {
      // go-yaml leaves an untagged timestamp as the string it was written as.
      if (node.value instanceof Date && node.range) return opts.text.slice(node.range[0], node.range[1]).trim();
      return plainScalar(node.value);
    }
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      const merged: unknown[] = [];
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as Node | null;
        // With `merge: true` the parser marks an unquoted `<<` key with a symbol value.
        if (isScalar(keyNode) && (typeof keyNode.value === 'symbol' || (keyNode.value === '<<' && !keyNode.type?.includes('QUOTE')))) {
          // YAML 1.1 merge key (go-yaml honours it): explicit keys win whatever their order.
          const v = visit(pair.value as Node | null, path, depth + 1);
          merged.push(...(Array.isArray(v) ? v : [v]));
          continue;
        }
        const key = isScalar(keyNode) ? scalarKey(keyNode.value) : scalarKey(visit(keyNode, path, depth + 1));
        const p = childPath(path, key);
        if (opts.positions && keyNode?.range) {
          const lp = opts.lineCounter.linePos(keyNode.range[0]);
          opts.positions.set(p, { line: lp.line, col: lp.col });
        }
        const value = visit(pair.value as Node | null, p, depth + 1);
        // defineProperty: never the `__proto__` setter, always a plain own property.
        Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      }
      for (const m of merged) {
        if (!m || typeof m !== 'object' || Array.isArray(m)) throw new ConversionError('map merge requires map or sequence of maps as the value', node.range?.[0] ?? 0);
        for (const [k, v] of Object.entries(m)) {
          if (!Object.prototype.hasOwnProperty.call(out, k)) {
            Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
          }
        }
      }
      return out;
    }
    if (isSeq(node)) {
      return node.items.map((item, i) => {
        const p = childPath(path, i);
        if (opts.positions && (item as Node | null)?.range) {
          const lp = opts.lineCounter.linePos((item as Node).range![0]);
          opts.positions.set(p, { line: lp.line, col: lp.col });
        }
        return visit(item as Node | null, p, depth + 1);
      });
    }
    return null;
  };
  // Count the source's nodes first: the alias budget scales with the document.
  budget = countNodes(doc.contents as Node | null) * 10 + 10_000;
  return visit(doc.contents as Node | null, '', 0);
}

function countNodes(root: Node | null): number {
  let n = 0;
  const stack: unknown[] = [root];
  while (stack.length) {
    const node = stack.pop();
    if (!node) continue;
    n++;
    if (isMap(node)) for (const p of node.items) stack.push(p.key, p.value);
    else if (isSeq(node)) for (const i of node.items) stack.push(i);
  }
  return n;
}

function plainScalar(v: unknown): unknown {
  if (v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return v.toISOString().replace('.000Z', 'Z');
  if (typeof v === 'number' && !Number.isFinite(v)) return null; // JSON has no NaN/Infinity
  if (v instanceof Uint8Array) return null;
  return v;
}
