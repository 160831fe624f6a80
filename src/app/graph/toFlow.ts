// Model + layout -> React Flow nodes and edges, reusing the previous object for
// every node or edge that did not change: React Flow and the memoised node
// components then skip them (a snapshot arrives several times per second).
import { MarkerType } from '@xyflow/react';
import type { Layout } from '../../graph/layout';
import type { EdgeKind, GraphModel } from '../../graph/types';
import type { FlowEdge, FlowNode } from './flowTypes';
import { HANDLE } from './layoutOrientation';

interface Memo<T> {
  sig: string;
  item: T;
}

export interface FlowCache {
  nodes: Map<string, Memo<FlowNode>>;
  edges: Map<string, Memo<FlowEdge>>;
}

export const emptyFlowCache = (): FlowCache => ({ nodes: new Map(), edges: new Map() });

export function toFlowNodes(model: GraphModel, layout: Layout, cache: FlowCache): FlowNode[] {
  const out: FlowNode[] = [];
  const next = new Map<string, Memo<FlowNode>>();
  for (const n of model.nodes) {
    const p = layout.positions.get(n.id) ?? { x: 0, y: 0 };
    const size = layout.frameSize.get(n.id) ?? { width: n.width, height: n.height };
    const sig = `${JSON.stringify(n.data)}|${p.x},${p.y}|${size.width}x${size.height}|${n.parentId ?? ''}|${n.ariaLabel}`;
    const old = cache.nodes.get(n.id);
    let item: FlowNode;
    if (old && old.sig === sig) item = old.item;
    else {
      const isChild = !!n.parentId;
      item = {
        id: n.id,
        type: n.data.kind,
        // Keep React Flow's own state (selection, measured size) of a node that changed.
        ...(old ? { selected: old.item.selected, measured: old.item.measured } : {}),
        position: p,
        data: { m: n.data },
        parentId: n.parentId,
        width: size.width,
        height: size.height,
        ariaLabel: n.ariaLabel,
        draggable: !isChild,
        connectable: false,
        deletable: false,
        zIndex: n.data.kind === 'frame' ? 0 : isChild ? 1 : 2,
      };
    }
    next.set(n.id, { sig, item });
    out.push(item);
  }
  cache.nodes = next;
  return out;
}

// Edges take React Flow's own z-order: above the frames, below the pods they point at.
const ARROW: Partial<Record<EdgeKind, string>> = { selects: 'var(--accent)', ingress: 'var(--info)', externalName: 'var(--info)', lb: 'var(--muted)', excluded: 'var(--warn)' };

/** `Pod/default/web-abc` -> `Pod web-abc`; group and external ids read as words. */
function describeId(id: string): string {
  if (id.startsWith('group/')) return `the group of ${id.slice(6).split('@')[0].split('/').pop()}`;
  if (id === 'external/cloud-load-balancer') return 'The cloud load balancer';
  if (id.startsWith('external/name/')) return `external name ${id.slice(14)}`;
  const [kind, , name] = id.split('/');
  return name ? `${kind} ${name}` : id;
}

const VERB: Record<EdgeKind, string> = {
  selects: 'selects',
  excluded: 'selects',
  endpoint: 'lists',
  owns: 'owns',
  lb: 'forwards to',
  ingress: 'routes to',
  externalName: 'is a DNS alias (CNAME) for',
};

/** What a screen reader (and an e2e test) hears for an edge. */
export function edgeAriaLabel(e: GraphModel['edges'][number]): string {
  const base = `${describeId(e.source)} ${VERB[e.kind]} ${describeId(e.target)}`;
  if (e.kind === 'excluded') return `${base} but leaves it out: ${e.label?.replace(/^excluded: /, '') ?? ''}`;
  if (e.kind === 'endpoint' && e.label) return `${base} (${e.label})`;
  if (e.kind === 'lb') return `${base} (nodePort)`;
  return base;
}

export function toFlowEdges(model: GraphModel, cache: FlowCache): FlowEdge[] {
  const out: FlowEdge[] = [];
  const next = new Map<string, Memo<FlowEdge>>();
  for (const e of model.edges) {
    const sig = `${e.source}|${e.target}|${e.kind}|${e.label ?? ''}`;
    const old = cache.edges.get(e.id);
    const item: FlowEdge =
      old && old.sig === sig
        ? old.item
        : {
            id: e.id,
            source: e.source,
            target: e.target,
            className: `gedge gedge-${e.kind}`,
            // No text on the line itself: the reason is written on the pod, where it stays legible.
            ariaLabel: edgeAriaLabel(e),
            markerEnd: ARROW[e.kind] ? { type: MarkerType.ArrowClosed, width: 14, height: 14, color: ARROW[e.kind] } : undefined,
            selectable: false,
            focusable: false,
            deletable: false,
            data: { kind: e.kind },
            // A Service and its EndpointSlice sit side by side in either orientation (src/graph/layout.ts).
            ...(e.kind === 'owns' ? { sourceHandle: HANDLE.right, targetHandle: HANDLE.left } : {}),
          };
    next.set(e.id, { sig, item });
    out.push(item);
  }
  cache.edges = next;
  return out;
}
