import { describe, expect, it } from 'vitest';
import { PANE_MARGIN, placeCallout, type Obstacle, type Rect } from './calloutPlacement';

const box = (left: number, top: number, width: number, height: number): Rect => ({ left, top, right: left + width, bottom: top + height });
const hop = (rect: Rect): Obstacle => ({ rect, hop: true });
const other = (rect: Rect): Obstacle => ({ rect, hop: false });
const overlaps = (a: Rect, b: Rect) => a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;

const PANE = { width: 1000, height: 600 };
const SIZE = { width: 340, height: 90 };
// The welcome example at 1440x900: Service web in the middle, its EndpointSlice just right of it.
const SERVICE = box(290, 240, 226, 94);
const SLICE = box(568, 240, 148, 52);
const WORKSTATION = box(36, 200, 192, 56);
const NODE_1 = box(776, 50, 207, 144);
const POD_1 = box(786, 99, 186, 85);

interface Case {
  name: string;
  anchor: Rect;
  obstacles: Obstacle[];
  pane?: { width: number; height: number };
  /** Boxes the callout must not cover. */
  free: Rect[];
}

const cases: Case[] = [
  {
    name: 'a Service DNAT: neither the Service nor the EndpointSlice it picked from',
    anchor: SERVICE,
    obstacles: [hop(SERVICE), hop(SLICE), hop(NODE_1), hop(POD_1), other(WORKSTATION)],
    free: [SERVICE, SLICE, NODE_1, POD_1, WORKSTATION],
  },
  {
    name: 'a node frame at the right edge: stays in the pane, off the frame and the Service the packet goes to next',
    anchor: NODE_1,
    obstacles: [hop(NODE_1), other(POD_1), hop(WORKSTATION), hop(SERVICE), other(SLICE)],
    free: [NODE_1, SERVICE, WORKSTATION],
  },
  {
    name: 'a pod inside its node frame: off the pod, the frame and the Service',
    anchor: POD_1,
    obstacles: [hop(POD_1), other(NODE_1), hop(SERVICE), other(SLICE)],
    free: [POD_1, NODE_1, SERVICE, SLICE],
  },
  {
    name: 'above taken by a hop node, below free: below',
    anchor: box(400, 300, 200, 60),
    obstacles: [hop(box(300, 150, 400, 140))],
    free: [box(400, 300, 200, 60), box(300, 150, 400, 140)],
  },
  {
    name: 'the anchor in a corner of a small pane: inside the pane, off the anchor',
    anchor: box(560, 330, 130, 60),
    obstacles: [],
    pane: { width: 700, height: 400 },
    free: [box(560, 330, 130, 60)],
  },
];

describe('placeCallout', () => {
  it.each(cases)('$name', ({ anchor, obstacles, pane = PANE, free }) => {
    const before = JSON.stringify({ anchor, obstacles });
    const { left, top } = placeCallout(SIZE, anchor, obstacles, pane);
    const callout = box(left, top, SIZE.width, SIZE.height);
    for (const r of free) expect(overlaps(callout, r), `covers ${JSON.stringify(r)} at ${left},${top}`).toBe(false);
    expect(left).toBeGreaterThanOrEqual(PANE_MARGIN);
    expect(top).toBeGreaterThanOrEqual(PANE_MARGIN);
    expect(callout.right).toBeLessThanOrEqual(pane.width - PANE_MARGIN);
    expect(callout.bottom).toBeLessThanOrEqual(pane.height - PANE_MARGIN);
    expect(JSON.stringify({ anchor, obstacles })).toBe(before); // inputs untouched
  });

  it('with no free spot, covers an ordinary node rather than one of the hop', () => {
    const anchor = box(420, 250, 160, 60);
    // Ordinary nodes on three sides, a hop node below; nothing else fits in this pane.
    const ring = [other(box(300, 120, 400, 125)), other(box(250, 240, 165, 80)), other(box(585, 240, 165, 80)), hop(box(300, 315, 400, 125))];
    const { left, top } = placeCallout(SIZE, anchor, ring, { width: 1000, height: 460 });
    const callout = box(left, top, SIZE.width, SIZE.height);
    expect(overlaps(callout, ring[3].rect)).toBe(false);
    expect(overlaps(callout, anchor)).toBe(false);
  });

  it('prefers the spot right above the place when everything is free', () => {
    const anchor = box(400, 300, 200, 60);
    expect(placeCallout(SIZE, anchor, [], PANE)).toEqual({ left: 330, top: 300 - 12 - 90 });
  });
});

describe('placeCallout with a panel over the place', () => {
  it('the open hop list over Your machine: beyond the list, not over it or the nodes beside it (1280x720, rows)', () => {
    // Measured in the built site: the hop list opened at the SEND step, over Your machine.
    const list = box(8, 8, 380, 223);
    const workstation = box(16, 40, 205, 57);
    const ingress = box(16, 110, 205, 57);
    const coreDns = box(16, 180, 205, 57);
    const service = box(380, 10, 240, 100);
    const obstacles = [hop(workstation), hop(ingress), other(coreDns), other(service), other(list)];
    const { left, top } = placeCallout({ width: 340, height: 104 }, workstation, obstacles, { width: 925, height: 420 });
    const callout = box(left, top, 340, 104);
    for (const r of [list, workstation, ingress]) expect(overlaps(callout, r), `covers ${JSON.stringify(r)} at ${left},${top}`).toBe(false);
  });
});
