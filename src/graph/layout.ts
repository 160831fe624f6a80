// A deterministic layout that stays put while someone edits, in one of two
// orientations:
//   columns (the usual picture, the one in the docs): outside world | Services |
//     EndpointSlices | node frames stacked top to bottom — a request's path read
//     left to right;
//   rows: the same layers top to bottom — outside world, then each Service with its
//     EndpointSlices beside it, then the node frames side by side (layoutRows.ts).
//     Taken in a short window, where it draws the graph larger (see
//     src/app/graph/orientationForWindow.ts).
// Positions of existing nodes come from the previous layout (the cache); new nodes
// take the first gap in their lane that fits, or go to its end; pods take the
// first free slot in their frame — a replacement pod lands where a gap is. Only a
// change of orientation (the window changed size) re-arranges the picture.

import { layoutFrames, OUTSIDE_ORDER, placeAlongLane, type XY } from './layoutFrames';
import { layoutRows } from './layoutRows';
import * as S from './sizes';
import type { GraphNode } from './types';

export type { XY } from './layoutFrames';

export type Orientation = 'columns' | 'rows';

export interface LayoutCache {
  orientation: Orientation;
  /** Top-level nodes: absolute position. */
  pos: ReadonlyMap<string, XY>;
  /** Pods and groups: slot index in their frame. */
  slot: ReadonlyMap<string, number>;
  frameCols: ReadonlyMap<string, number>;
  frameOrder: readonly string[];
  /** Rows orientation: how tall each row of layers has been; a row grows, it never shrinks back (no jump when a warning comes and goes). */
  laneSpan: ReadonlyMap<string, number>;
}

export interface Layout {
  /** Positions as React Flow takes them: children relative to their frame. */
  positions: Map<string, XY>;
  /** Frame sizes (they grow with their pods). */
  frameSize: Map<string, { width: number; height: number }>;
  cache: LayoutCache;
}

export const emptyLayoutCache = (orientation: Orientation = 'columns'): LayoutCache => ({ orientation, pos: new Map(), slot: new Map(), frameCols: new Map(), frameOrder: [], laneSpan: new Map() });

const GAP = 22;
const COL_GAP = 70;
const X_LEFT = 0;
const X_SERVICES = X_LEFT + S.SIDE_W + COL_GAP;
const X_SLICES = X_SERVICES + S.SERVICE_W + 60;
const X_FRAMES = X_SLICES + S.SLICE_W + COL_GAP;

type Column = 'left' | 'services' | 'slices';

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

/**
 * Lays the graph out in `orientation` (by default the previous one). Changing the
 * orientation drops the remembered positions of top-level nodes (they move once,
 * because the pane changed shape); pods keep their slots either way.
 */
export function layoutGraph(nodes: readonly GraphNode[], prev: LayoutCache = emptyLayoutCache(), orientation: Orientation = prev.orientation): Layout {
  const from = orientation === prev.orientation ? prev : { ...prev, orientation, pos: new Map(), laneSpan: new Map() };
  return orientation === 'rows' ? layoutRows(nodes, from) : layoutColumns(nodes, from);
}

function layoutColumns(nodes: readonly GraphNode[], prev: LayoutCache): Layout {
  const frames = layoutFrames(nodes, prev);
  const positions = new Map<string, XY>(frames.childPositions);
  const pos = new Map<string, XY>();

  // Frames, stacked top to bottom.
  let y = 0;
  for (const fid of frames.frameOrder) {
    positions.set(fid, { x: X_FRAMES, y });
    pos.set(fid, { x: X_FRAMES, y });
    y += frames.frameSize.get(fid)!.height + 20;
  }
  const framesBottom = Math.max(0, y - 20);

  // The three columns on the left.
  const xOf: Record<Column, number> = { left: X_LEFT, services: X_SERVICES, slices: X_SLICES };
  const byColumn: Record<Column, GraphNode[]> = { left: [], services: [], slices: [] };
  for (const n of nodes) {
    const c = columnOf(n);
    if (c) byColumn[c].push(n);
  }
  byColumn.left.sort((a, b) => OUTSIDE_ORDER[a.data.kind] - OUTSIDE_ORDER[b.data.kind] || a.id.localeCompare(b.id));
  byColumn.services.sort((a, b) => a.id.localeCompare(b.id));
  byColumn.slices.sort((a, b) => a.id.localeCompare(b.id));
  // Services first, so a new slice can line up with its Service.
  for (const col of ['left', 'services', 'slices'] as Column[]) {
    const ys = placeAlongLane(byColumn[col], {
      size: (n) => n.height,
      before: (n) => prev.pos.get(n.id)?.y,
      gap: GAP,
      framesSpan: framesBottom,
      from: (n, start) => (n.data.kind === 'slice' ? pos.get(`Service/${n.data.namespace}/${n.data.service}`)?.y ?? start : start),
    });
    for (const n of byColumn[col]) {
      const p = { x: xOf[col], y: ys.get(n)! };
      pos.set(n.id, p);
      positions.set(n.id, p);
    }
  }
  const { slot, frameCols, frameOrder, frameSize } = frames;
  return { positions, frameSize, cache: { orientation: 'columns', pos, slot, frameCols, frameOrder, laneSpan: new Map() } };
}
