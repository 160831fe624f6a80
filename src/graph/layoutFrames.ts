// The part of the layout both orientations share: which order the cluster-node
// frames come in, which slot each pod (or group) takes in its frame, and the
// frames' sizes. Pods keep their slot across edits — a replacement pod lands
// where a gap is — so the inside of a frame never jumps, whichever way the
// frames themselves are arranged.

import * as S from './sizes';
import type { GraphNode } from './types';

export interface XY {
  x: number;
  y: number;
}

export interface FrameLayout {
  /** Frames in the order they are drawn: known ones first, new ones by name, "Not scheduled" last. */
  frameOrder: string[];
  slot: Map<string, number>;
  frameCols: Map<string, number>;
  /** Pods and groups, relative to their frame (as React Flow takes children). */
  childPositions: Map<string, XY>;
  frameSize: Map<string, { width: number; height: number }>;
}

/** The order of the outside world (your machine, load balancer, ingress, CoreDNS, external names), in either orientation. */
export const OUTSIDE_ORDER: Record<string, number> = { workstation: 0, lb: 1, ingress: 2, coredns: 3, externalName: 4 };

const colsFor = (pods: number) => (pods <= 1 ? 1 : pods <= 4 ? 2 : pods <= 9 ? 3 : 4);

/**
 * Where a frame's header (node name, IP, Ready, pod CIDR) goes: above the pods when the
 * edges come in from the left (columns), below them when the edges come down from the
 * Services above (rows), so no arrow into a pod is drawn across the header's text.
 */
export type FrameHeader = 'above' | 'below';

export function layoutFrames(
  nodes: readonly GraphNode[],
  prev: { slot: ReadonlyMap<string, number>; frameCols: ReadonlyMap<string, number>; frameOrder: readonly string[] },
  header: FrameHeader = 'above',
): FrameLayout {
  // The frame is as tall either way; only the pods sit higher when the header is below them.
  const podsTop = header === 'above' ? S.FRAME_HEADER : S.FRAME_PAD;
  const slot = new Map<string, number>();
  const frameCols = new Map<string, number>();
  const childPositions = new Map<string, XY>();
  const frameSize = new Map<string, { width: number; height: number }>();

  const children = new Map<string, GraphNode[]>();
  for (const n of nodes) if (n.parentId) children.set(n.parentId, [...(children.get(n.parentId) ?? []), n]);
  const frames = nodes.filter((n) => n.data.kind === 'frame');
  const known = prev.frameOrder.filter((id) => frames.some((f) => f.id === id));
  const fresh = frames.filter((f) => !known.includes(f.id)).map((f) => f.id);
  const frameOrder = [...known, ...fresh.sort((a, b) => Number(a === 'frame/unscheduled') - Number(b === 'frame/unscheduled') || a.localeCompare(b, undefined, { numeric: true }))];
  // Every frame gets the same width, so they line up; it changes only when the
  // busiest frame crosses 1, 4 or 9 pods, and the pods then re-flow once.
  const cols = colsFor(Math.max(0, ...frameOrder.map((f) => children.get(f)?.length ?? 0)));
  // Pod cards share one height, taller when a pod's name takes more lines (sizes.ts podCardHeight).
  const podH = Math.max(S.POD_H, ...nodes.filter((n) => n.parentId).map((n) => n.height));
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
      childPositions.set(k.id, { x: S.FRAME_PAD + (s % cols) * (S.POD_W + S.FRAME_GAP), y: podsTop + Math.floor(s / cols) * (podH + S.FRAME_GAP) });
    }
    const width = 2 * S.FRAME_PAD + cols * S.POD_W + (cols - 1) * S.FRAME_GAP;
    const height = S.FRAME_HEADER + rows * (podH + S.FRAME_GAP) - S.FRAME_GAP + S.FRAME_PAD;
    frameCols.set(fid, cols);
    frameSize.set(fid, { width, height });
  }
  return { frameOrder, slot, frameCols, childPositions, frameSize };
}

/** How to place the items of one lane (a column top to bottom, a row left to right). */
export interface Lane<T> {
  /** An item's length along the lane. */
  size(item: T): number;
  /** Where the previous layout put it (undefined: it is new). */
  before(item: T): number | undefined;
  gap: number;
  /** The node frames' length along the lane: a lane drawn for the first time is centred against it. */
  framesSpan: number;
  /** Where a new item starts looking for a gap (by default `start`, where the lane's new items begin). */
  from?(item: T, start: number): number;
}

/**
 * Where each item goes along its lane, so the picture stays put while someone edits: an
 * item placed before keeps its place, pushed on only if a neighbour before it grew into it;
 * a new one takes the first gap that fits. Items in the order they are given (new ones
 * are placed in that order).
 */
export function placeAlongLane<T>(items: readonly T[], lane: Lane<T>): Map<T, number> {
  const at = new Map<T, number>();
  const taken: [number, number][] = [];
  const kept = items.filter((i) => lane.before(i) !== undefined).sort((a, b) => lane.before(a)! - lane.before(b)!);
  const fresh = items.filter((i) => lane.before(i) === undefined);
  let end = -Infinity;
  for (const item of kept) {
    const start = Math.max(lane.before(item)!, end + lane.gap);
    end = start + lane.size(item);
    taken.push([start, end]);
    at.set(item, start);
  }
  const freshSpan = fresh.reduce((n, i) => n + lane.size(i) + lane.gap, -lane.gap);
  const start = kept.length === 0 ? Math.max(0, Math.round((lane.framesSpan - freshSpan) / 2)) : 0;
  for (const item of fresh) {
    const size = lane.size(item);
    const p = placeInLane(taken, size, lane.gap, lane.from ? lane.from(item, start) : start);
    taken.push([p, p + size]);
    at.set(item, p);
  }
  return at;
}

/** Places an item `size` long in a lane whose occupied intervals are `taken`: the first gap at or after `from`. */
function placeInLane(taken: [number, number][], size: number, gap: number, from = 0): number {
  taken.sort((a, b) => a[0] - b[0]);
  let at = from;
  for (const [start, end] of taken) {
    if (end + gap <= at) continue;
    if (start >= at + size + gap) break;
    at = Math.max(at, end + gap);
  }
  return at;
}
