// Where the hop callout goes: beside the place the packet is at, on the side with
// free space. It must not cover the nodes the hop is about (where the packet is,
// where it came from, where it goes next, and the EndpointSlices a Service's DNAT
// picked from), and it avoids the other nodes and the graph's panels when it can.
// Pure (rectangles in, a position out) so it is tested in Node.

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Obstacle {
  rect: Rect;
  /** One of the hop's own nodes: covering it costs far more than covering anything else. */
  hop: boolean;
}

export interface Size {
  width: number;
  height: number;
}

/** Space between the callout and the place it explains. */
export const CALLOUT_GAP = 12;
/** Space kept between the callout and the pane's edges. */
export const PANE_MARGIN = 8;
/** A hop node's covered area counts this many times an ordinary node's. */
const HOP_WEIGHT = 100;
/** Per pixel of distance from the place: among equally free spots, the nearest wins. */
const DISTANCE_WEIGHT = 0.5;

function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return w > 0 && h > 0 ? w * h : 0;
}

/** Positions tried along each side of the anchor, besides the centred one. */
const SLIDES = 9;
/** Along a side, the callout still faces at least this much of the anchor. */
const MIN_FACING = 16;

/**
 * Candidate top-left corners around the anchor: centred above, below, right and left
 * (ties keep this order), then slid along each side, then the four corners, then
 * beyond the edges of whatever lies over the anchor.
 */
function candidates(size: Size, a: Rect, obstacles: readonly Obstacle[]): [number, number][] {
  const { width: w, height: h } = size;
  const g = CALLOUT_GAP;
  const cx = (a.left + a.right) / 2;
  const cy = (a.top + a.bottom) / 2;
  const above = a.top - g - h;
  const below = a.bottom + g;
  const right = a.right + g;
  const left = a.left - g - w;
  const out: [number, number][] = [
    [cx - w / 2, above],
    [cx - w / 2, below],
    [right, cy - h / 2],
    [left, cy - h / 2],
  ];
  for (let k = 0; k < SLIDES; k++) {
    const u = k / (SLIDES - 1);
    const x = a.left - w + MIN_FACING + u * (a.right - a.left + w - 2 * MIN_FACING);
    const y = a.top - h + MIN_FACING + u * (a.bottom - a.top + h - 2 * MIN_FACING);
    out.push([x, above], [x, below], [right, y], [left, y]);
  }
  out.push([right, above], [left, above], [right, below], [left, below]);
  // Something over the anchor (a panel such as the open hop list, or the frame around a
  // pod): every spot beside the anchor overlaps it, so try just beyond each of its edges.
  for (const { rect: o } of obstacles) {
    if (overlapArea(o, a) === 0) continue;
    out.push([cx - w / 2, o.top - g - h], [cx - w / 2, o.bottom + g], [o.right + g, cy - h / 2], [o.left - g - w, cy - h / 2]);
  }
  return out;
}

/**
 * The callout's top-left corner, inside the pane: of the spots around the anchor
 * (the box of the place the packet is at), the one covering the least of the hop's
 * nodes, then of everything else, then the nearest.
 */
export function placeCallout(size: Size, anchor: Rect, obstacles: readonly Obstacle[], pane: Size): { left: number; top: number } {
  const maxLeft = Math.max(PANE_MARGIN, pane.width - PANE_MARGIN - size.width);
  const maxTop = Math.max(PANE_MARGIN, pane.height - PANE_MARGIN - size.height);
  const ax = (anchor.left + anchor.right) / 2;
  const ay = (anchor.top + anchor.bottom) / 2;
  let best = { left: PANE_MARGIN, top: PANE_MARGIN };
  let bestScore = Infinity;
  for (const [x, y] of candidates(size, anchor, obstacles)) {
    const left = Math.min(Math.max(x, PANE_MARGIN), maxLeft);
    const top = Math.min(Math.max(y, PANE_MARGIN), maxTop);
    const box = { left, top, right: left + size.width, bottom: top + size.height };
    // The place itself is always a hop node, whether or not the caller listed it.
    let score = HOP_WEIGHT * overlapArea(box, anchor);
    for (const o of obstacles) score += (o.hop ? HOP_WEIGHT : 1) * overlapArea(box, o.rect);
    score += DISTANCE_WEIGHT * Math.hypot(left + size.width / 2 - ax, top + size.height / 2 - ay);
    if (score < bestScore) {
      bestScore = score;
      best = { left, top };
    }
  }
  return { left: Math.round(best.left), top: Math.round(best.top) };
}
