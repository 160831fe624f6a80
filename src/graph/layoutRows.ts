// The rows orientation of the layout (layout.ts), for a tall or narrow pane: the
// layers top to bottom instead of left to right.
//   row 1: the outside world (your machine, load balancer, ingress, CoreDNS, external names);
//          a column at the left instead while the frames are one card wide (below)
//   row 2: each Service with its EndpointSlices beside it
//   row 3: the cluster-node frames side by side, holding their pods, each frame's
//          header below its pods (the arrows come down into the pods from above)
// Items keep their place along a row across edits (new ones take the first gap);
// a row's height only grows, so a Service whose warning comes and goes does not
// move the frames below it up and down while someone types.

import type { Layout, LayoutCache } from './layout';
import { layoutFrames, OUTSIDE_ORDER, placeAlongLane, type XY } from './layoutFrames';
import * as S from './sizes';
import type { GraphNode } from './types';

/**
 * Room between rows for the edges that run from one layer down to the next (and their
 * labels). Rows are taken in short windows, where every unit of height is zoom: 44 rather
 * than 56 draws eight pods at 1280×720 about 5% larger.
 */
const ROW_GAP = 44;
const ITEM_GAP = 28;
/** Between a Service and the EndpointSlices beside it. */
const PAIR_GAP = 30;
const SLICE_STACK_GAP = 12;
const FRAME_SPACING = 20;
/** Every Service keeps room for its slices, so a slice appearing a moment later moves nothing. */
const SERVICE_UNIT_W = S.SERVICE_W + PAIR_GAP + S.SLICE_W;
/** The Services row is always there: the first Service fits in it without pushing the frames down. */
const MIN_SERVICES_ROW = S.serviceHeight(1, true);

/** Frames this wide or narrower (three nodes of one card each, not two cards each) leave the outside world a column at the left. */
const OUTSIDE_COLUMN_MAX_FRAMES_W = 3 * (2 * S.FRAME_PAD + S.POD_W) + 2 * FRAME_SPACING;
const OUTSIDE_COLUMN_GAP = 50;
/** Kept in the cache's laneSpan: whether the outside world was a column (1) or a row (0) last time. */
const OUTSIDE_COLUMN_KEY = 'outside-column';

type Row = 'outside' | 'services';

interface Item {
  /** The node whose position is remembered (the Service of a Service-and-slices unit). */
  node: GraphNode;
  width: number;
  height: number;
  slices: GraphNode[];
}

export function layoutRows(nodes: readonly GraphNode[], prev: LayoutCache): Layout {
  const frames = layoutFrames(nodes, prev, 'below');
  const positions = new Map<string, XY>(frames.childPositions);
  const pos = new Map<string, XY>();
  const laneSpan = new Map<string, number>();

  const services = nodes.filter((n) => n.data.kind === 'service').sort((a, b) => a.id.localeCompare(b.id));
  const serviceIds = new Set(services.map((n) => n.id));
  const slicesOf = new Map<string, GraphNode[]>();
  const rows: Record<Row, Item[]> = { outside: [], services: [] };
  for (const n of [...nodes].sort((a, b) => a.id.localeCompare(b.id))) {
    if (n.data.kind !== 'slice') continue;
    const owner = `Service/${n.data.namespace}/${n.data.service}`;
    if (serviceIds.has(owner)) slicesOf.set(owner, [...(slicesOf.get(owner) ?? []), n]);
    else rows.services.push({ node: n, width: S.SLICE_W, height: n.height, slices: [] });
  }
  for (const n of services) {
    const slices = slicesOf.get(n.id) ?? [];
    const stacked = slices.reduce((h, s) => h + s.height + SLICE_STACK_GAP, -SLICE_STACK_GAP);
    rows.services.push({ node: n, width: SERVICE_UNIT_W, height: Math.max(n.height, stacked), slices });
  }
  rows.services.sort((a, b) => a.node.id.localeCompare(b.node.id));
  rows.outside = nodes
    .filter((n) => !n.parentId && n.data.kind in OUTSIDE_ORDER)
    .sort((a, b) => OUTSIDE_ORDER[a.data.kind] - OUTSIDE_ORDER[b.data.kind] || a.id.localeCompare(b.id))
    .map((n) => ({ node: n, width: n.width, height: n.height, slices: [] }));

  const spanOf = (row: Row, min: number) => {
    const span = Math.max(prev.laneSpan.get(row) ?? 0, min, ...rows[row].map((i) => i.height));
    laneSpan.set(row, span);
    return span;
  };
  const framesWidth = frames.frameOrder.reduce((w, fid) => w + frames.frameSize.get(fid)!.width + FRAME_SPACING, -FRAME_SPACING);
  // Few pods a node (frames one card wide): the outside world stands as a column at the
  // left instead of a row on top, so the picture is as wide as the short pane it is
  // drawn in rather than tall with empty margins beside it (a 1280×720 projector drew
  // the welcome example 1.3 times as large). It moves only when the frames re-flow too.
  const outsideColumn = framesWidth <= OUTSIDE_COLUMN_MAX_FRAMES_W;
  laneSpan.set(OUTSIDE_COLUMN_KEY, Number(outsideColumn));
  const keepOutside = (prev.laneSpan.get(OUTSIDE_COLUMN_KEY) ?? 0) === Number(outsideColumn);
  const x0 = outsideColumn ? S.SIDE_W + OUTSIDE_COLUMN_GAP : 0;
  const yOf: Record<Row, number> = { outside: 0, services: 0 };
  yOf.services = outsideColumn ? 0 : spanOf('outside', 0) + ROW_GAP;
  const yFrames = yOf.services + spanOf('services', MIN_SERVICES_ROW) + ROW_GAP;

  // Frames side by side, in their lasting order.
  let x = x0;
  for (const fid of frames.frameOrder) {
    positions.set(fid, { x, y: yFrames });
    pos.set(fid, { x, y: yFrames });
    x += frames.frameSize.get(fid)!.width + FRAME_SPACING;
  }

  if (outsideColumn) {
    // From the top, level with the Services: a request's path starts at the left.
    const ys = placeAlongLane(rows.outside, { size: (i) => i.height, before: (i) => (keepOutside ? prev.pos.get(i.node.id)?.y : undefined), gap: ITEM_GAP, framesSpan: 0 });
    for (const item of rows.outside) {
      const p = { x: 0, y: ys.get(item)! };
      pos.set(item.node.id, p);
      positions.set(item.node.id, p);
    }
  }
  for (const row of (outsideColumn ? ['services'] : ['outside', 'services']) as Row[]) {
    const before = (i: Item) => (row === 'outside' && !keepOutside ? undefined : prev.pos.get(i.node.id)?.x);
    const xs = placeAlongLane(rows[row], { size: (i) => i.width, before: (i) => (before(i) === undefined ? undefined : before(i)! - x0), gap: ITEM_GAP, framesSpan: framesWidth });
    for (const item of rows[row]) {
      const p = { x: x0 + xs.get(item)!, y: yOf[row] };
      pos.set(item.node.id, p);
      positions.set(item.node.id, p);
      let sliceY = p.y;
      for (const s of item.slices) {
        const sp = { x: p.x + S.SERVICE_W + PAIR_GAP, y: sliceY };
        pos.set(s.id, sp);
        positions.set(s.id, sp);
        sliceY += s.height + SLICE_STACK_GAP;
      }
    }
  }
  const { slot, frameCols, frameOrder, frameSize } = frames;
  return { positions, frameSize, cache: { orientation: 'rows', pos, slot, frameCols, frameOrder, laneSpan } };
}
