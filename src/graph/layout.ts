// A deterministic columnar layout that stays put while someone edits:
//   outside world (your machine, load balancer, ingress, CoreDNS, external names)
//   | Services | EndpointSlices | cluster nodes as frames holding their pods.
// Positions of existing nodes come from the previous layout (the cache); new nodes
// take the first gap in their column that fits, or go to its end; pods take the
// first free slot in their frame — a replacement pod lands where a gap is.
// Frames are stacked top to bottom, so edges from Services reach every frame
// from the left without crossing the others.

import * as S from './sizes';
import type { GraphNode } from './types';

export interface XY {
  x: number;
  y: number;
}

export interface LayoutCache {
  /** Top-level nodes: absolute position. */
  pos: ReadonlyMap<string, XY>;
  /** Pods and groups: slot index in their frame. */
  slot: ReadonlyMap<string, number>;
  frameCols: ReadonlyMap<string, number>;
  frameOrder: readonly string[];
}

export interface Layout {
  /** Positions as React Flow takes them: children relative to their frame. */
  positions: Map<string, XY>;
  /** Frame sizes (they grow with their pods). */
  frameSize: Map<string, { width: number; height: number }>;
  cache: LayoutCache;
}

export const emptyLayoutCache = (): LayoutCache => ({ pos: new Map(), slot: new Map(), frameCols: new Map(), frameOrder: [] });

const GAP = 22;
const COL_GAP = 70;
const X_LEFT = 0;
const X_SERVICES = X_LEFT + S.SIDE_W + COL_GAP;
const X_SLICES = X_SERVICES + S.SERVICE_W + 60;
const X_FRAMES = X_SLICES + S.SLICE_W + COL_GAP;

type Column = 'left' | 'services' | 'slices';
const LEFT_ORDER: Record<string, number> = { workstation: 0, lb: 1, ingress: 2, coredns: 3, externalName: 4 };

function columnOf(n: GraphNode): Column | undefined {
  switch (n.data.kind) {
    case 'service':
      return 'services';
    case 'slice':
      return 'slices';
    case 'frame':
    case 'pod':
    case 'group':
      return undefined;
    default:
      return 'left';
  }
}

const colsFor = (pods: number) => (pods <= 1 ? 1 : pods <= 4 ? 2 : pods <= 9 ? 3 : 4);

/** Places `h` high in a column whose occupied intervals are `taken`: the first gap at or below `from`. */
function place(taken: [number, number][], h: number, from = 0): number {
  taken.sort((a, b) => a[0] - b[0]);
  let y = from;
  for (const [top, bottom] of taken) {
    if (bottom + GAP <= y) continue;
    if (top >= y + h + GAP) break;
    y = Math.max(y, bottom + GAP);
  }
  return y;
}

export function layoutGraph(nodes: readonly GraphNode[], prev: LayoutCache = emptyLayoutCache()): Layout {
  const positions = new Map<string, XY>();
  const frameSize = new Map<string, { width: number; height: number }>();
  const pos = new Map<string, XY>();
  const slot = new Map<string, number>();
  const frameCols = new Map<string, number>();

  // Frames, stacked top to bottom, and their children in a grid shared by all frames.
  const children = new Map<string, GraphNode[]>();
  for (const n of nodes) if (n.parentId) children.set(n.parentId, [...(children.get(n.parentId) ?? []), n]);
  const frames = nodes.filter((n) => n.data.kind === 'frame');
  const known = prev.frameOrder.filter((id) => frames.some((f) => f.id === id));
  const fresh = frames.filter((f) => !known.includes(f.id)).map((f) => f.id);
  const frameOrder = [...known, ...fresh.sort((a, b) => Number(a === 'frame/unscheduled') - Number(b === 'frame/unscheduled') || a.localeCompare(b, undefined, { numeric: true }))];
  // Every frame gets the same width, so they line up; it changes only when the
  // busiest frame crosses 1, 4 or 9 pods, and the pods then re-flow once.
  const cols = colsFor(Math.max(0, ...frameOrder.map((f) => children.get(f)?.length ?? 0)));
  let y = 0;
  for (const fid of frameOrder) {
    const kids = children.get(fid) ?? [];
    const reuse = prev.frameCols.get(fid) === cols;
    const used = new Set<number>();
    const pending: GraphNode[] = [];
    for (const k of kids) {
      const s = reuse ? prev.slot.get(k.id) : undefined;
      if (s !== undefined && !used.has(s)) {
        used.add(s);
        slot.set(k.id, s);
      } else pending.push(k);
    }
    let next = 0;
    for (const k of pending) {
      while (used.has(next)) next++;
      used.add(next);
      slot.set(k.id, next);
    }
    const maxSlot = Math.max(-1, ...used);
    const rows = Math.max(1, Math.ceil((maxSlot + 1) / cols));
    for (const k of kids) {
      const s = slot.get(k.id)!;
      positions.set(k.id, { x: S.FRAME_PAD + (s % cols) * (S.POD_W + S.FRAME_GAP), y: S.FRAME_HEADER + Math.floor(s / cols) * (S.POD_H + S.FRAME_GAP) });
    }
    const width = 2 * S.FRAME_PAD + cols * S.POD_W + (cols - 1) * S.FRAME_GAP;
    const height = S.FRAME_HEADER + rows * (S.POD_H + S.FRAME_GAP) - S.FRAME_GAP + S.FRAME_PAD;
    frameCols.set(fid, cols);
    frameSize.set(fid, { width, height });
    positions.set(fid, { x: X_FRAMES, y });
    pos.set(fid, { x: X_FRAMES, y });
    y += height + 20;
  }
  const framesBottom = Math.max(0, y - 20);

  // The three columns on the left.
  const xOf: Record<Column, number> = { left: X_LEFT, services: X_SERVICES, slices: X_SLICES };
  const byColumn: Record<Column, GraphNode[]> = { left: [], services: [], slices: [] };
  for (const n of nodes) {
    const c = columnOf(n);
    if (c) byColumn[c].push(n);
  }
  byColumn.left.sort((a, b) => LEFT_ORDER[a.data.kind] - LEFT_ORDER[b.data.kind] || a.id.localeCompare(b.id));
  byColumn.services.sort((a, b) => a.id.localeCompare(b.id));
  byColumn.slices.sort((a, b) => a.id.localeCompare(b.id));
  // Services first, so a new slice can line up with its Service.
  for (const col of ['left', 'services', 'slices'] as Column[]) {
    const taken: [number, number][] = [];
    const kept = byColumn[col].filter((n) => prev.pos.has(n.id)).sort((a, b) => prev.pos.get(a.id)!.y - prev.pos.get(b.id)!.y);
    const fresh = byColumn[col].filter((n) => !prev.pos.has(n.id));
    let bottom = -Infinity;
    for (const n of kept) {
      // Kept where it was; pushed down only if a neighbour above grew into it.
      const y = Math.max(prev.pos.get(n.id)!.y, bottom + GAP);
      bottom = y + n.height;
      taken.push([y, bottom]);
      pos.set(n.id, { x: xOf[col], y });
    }
    // A column drawn for the first time is centred against the node frames.
    const freshHeight = fresh.reduce((h, n) => h + n.height + GAP, -GAP);
    const start = kept.length === 0 ? Math.max(0, Math.round((framesBottom - freshHeight) / 2)) : 0;
    for (const n of fresh) {
      let from = start;
      if (n.data.kind === 'slice') from = pos.get(`Service/${n.data.namespace}/${n.data.service}`)?.y ?? start;
      const y = place(taken, n.height, from);
      taken.push([y, y + n.height]);
      pos.set(n.id, { x: xOf[col], y });
    }
    for (const n of byColumn[col]) positions.set(n.id, pos.get(n.id)!);
  }
  return { positions, frameSize, cache: { pos, slot, frameCols, frameOrder } };
}
