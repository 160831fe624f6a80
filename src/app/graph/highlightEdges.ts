// While a label or selector is highlighted, edges between two matching objects
// stay bright and the rest fade, like the nodes.
import { matchesHighlight, type HighlightSpec } from '../../graph/highlight';
import type { GraphModel } from '../../graph/types';
import type { FlowEdge } from './flowTypes';

export function highlightEdges(edges: FlowEdge[], model: GraphModel, h: HighlightSpec | null): FlowEdge[] {
  if (!h) return edges;
  const lit = new Set(model.nodes.filter((n) => matchesHighlight(h, n.data)).map((n) => n.id));
  return edges.map((e) => ({ ...e, className: `${e.className ?? ''} ${lit.has(e.source) && lit.has(e.target) ? 'is-lit' : 'is-dim'}` }));
}
