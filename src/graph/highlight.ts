// Which drawn objects a highlighted label or selector lights up — the "labels and
// loose coupling" picture: a label chip lights every object carrying or selecting
// key=value; a Service's selector lights every pod it matches and every Service
// with the same selector.

import type { NodeData } from './types';

export type HighlightSpec =
  | { kind: 'label'; key: string; value: string }
  | { kind: 'selector'; namespace: string; selector: Record<string, string> };

const has = (pairs: readonly [string, string][], k: string, v: string) => pairs.some(([pk, pv]) => pk === k && pv === v);

export function matchesHighlight(h: HighlightSpec, d: NodeData): boolean {
  if (h.kind === 'label') {
    switch (d.kind) {
      case 'pod':
      case 'group':
        return has(d.labels, h.key, h.value);
      case 'service':
        return has(d.selector, h.key, h.value);
      default:
        return false;
    }
  }
  const pairs = Object.entries(h.selector);
  if (pairs.length === 0) return false;
  switch (d.kind) {
    case 'pod':
    case 'group':
      return d.namespace === h.namespace && pairs.every(([k, v]) => has(d.labels, k, v));
    case 'service':
      return d.namespace === h.namespace && d.selector.length === pairs.length && pairs.every(([k, v]) => has(d.selector, k, v));
    case 'slice':
      return false;
    default:
      return false;
  }
}
