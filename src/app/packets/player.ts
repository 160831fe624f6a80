// The packet player: an imperative animation engine, one per page. It turns the
// store's traces into packets, advances them by the playback speed, and draws
// them on ONE canvas (DESIGN.md: packets are never React elements). The
// requestAnimationFrame loop runs only while packets move; per frame the work is
// O(packets) and allocates nothing. React sees only the focused trace's step
// (store.packetFocus), which changes a few times per second at most.

import { objectNodeId } from '../../graph/ids';
import { groupKeyOf } from '../../graph/grouping';
import { packetPath, stepTimes, type PacketPath, type PodNodeLookup, type StepTiming, type TimingOptions } from '../../graph/packetPath';
import type { KubeObject } from '../../engine';
import { useStore, type PlaygroundState } from '../store/state';
import { placeCallout, type Obstacle, type Rect } from './calloutPlacement';
import { drawDot, drawMarker, readPalette, type Palette } from './drawPackets';
import { providePlayer } from './playerHandle';

/** Requests the traffic generator made: drawn small and fast, sampled, never explained. */
const generated = new WeakSet<object>();
export function markGenerated(request: object): void {
  generated.add(request);
}

export interface Packet {
  traceId: number;
  path: PacketPath;
  timing: StepTiming;
  /** Elapsed packet time (ms at 1×). */
  t: number;
  bulk: boolean;
  cursor: number;
}

/** What the layer gives the player: where graph nodes are and how the viewport is. */
export interface Surface {
  canvas: HTMLCanvasElement;
  callout: HTMLElement;
  calloutTitle: HTMLElement;
  calloutText: HTMLElement;
  calloutStep: HTMLElement;
  /** Writes the flow position of the first drawn id into out; false when none is drawn. */
  locate(ids: readonly string[], out: Point): boolean;
  /**
   * Fills `out` with the boxes, in pane pixels, of everything drawn over the pane (nodes
   * and panels), marking as the hop's the nodes of `places` (each a list of ids, the
   * first drawn one counts) and the EndpointSlices of a Service among them. Returns the
   * box of the first place, or null when it is not drawn.
   */
  obstacles(places: readonly (readonly string[])[], out: Obstacle[]): Rect | null;
  /** [x, y, zoom] of the viewport. */
  transform(): readonly [number, number, number];
}

export interface Point {
  x: number;
  y: number;
}

const FOCUS: TimingOptions = { travelMs: 750, dwellMs: 1500, markerMs: 2500 };
const BULK: TimingOptions = { travelMs: 420, dwellMs: 60, markerMs: 700 };
/** Generator packets drawn at once; more are counted but not drawn (sampling). */
export const MAX_BULK_IN_FLIGHT = 200;
const CALLOUT_LINGER_MS = 9000;

class Player {
  private surface: Surface | null = null;
  private packets: Packet[] = [];
  private focus: Packet | null = null;
  private lastId = 0;
  private raf = 0;
  private last = 0;
  private playing = true;
  private speed = 1;
  private palette: Palette | null = null;
  private shownStep = -2;
  private calloutX = NaN;
  private calloutY = NaN;
  /** Reused for each placement of the callout (only when the step or the view changes). */
  private obstacleList: Obstacle[] = [];
  private focusDoneAt = -1;
  private dpr = 1;
  private width = 0;
  private height = 0;
  sampledOut = 0;
  /** Packets moving now (generator packets plus the focused one); `npm run bench` reads it. */
  get inFlight(): number {
    const f = this.focus;
    return this.packets.length + (f && f.t < f.timing.total ? 1 : 0);
  }
  // Scratch points: reused every frame.
  private a: Point = { x: 0, y: 0 };
  private b: Point = { x: 0, y: 0 };

  attach(surface: Surface): () => void {
    this.surface = surface;
    this.palette = readPalette();
    this.shownStep = -2;
    const s = useStore.getState();
    this.playing = s.playback.playing;
    this.speed = s.playback.speed;
    // Show the last trace a person made before the graph mounted, parked at its end.
    this.lastId = s.traces.length ? s.traces[s.traces.length - 1].id : 0;
    const unsub = useStore.subscribe((st, prev) => this.onStore(st, prev));
    this.requestDraw();
    return () => {
      unsub();
      if (this.raf) cancelAnimationFrame(this.raf);
      this.raf = 0;
      this.surface = null;
    };
  }

  resize(width: number, height: number): void {
    const surface = this.surface;
    if (!surface) return;
    this.dpr = window.devicePixelRatio || 1;
    this.width = width;
    this.height = height;
    surface.canvas.width = Math.round(width * this.dpr);
    surface.canvas.height = Math.round(height * this.dpr);
    this.requestDraw();
  }

  /** The graph's nodes moved or changed size: place the callout again. */
  layoutChanged(): void {
    this.calloutX = NaN;
    this.requestDraw();
  }

  themeChanged(): void {
    this.palette = readPalette();
    this.requestDraw();
  }

  private onStore(s: PlaygroundState, prev: PlaygroundState): void {
    if (s.playback !== prev.playback) {
      this.playing = s.playback.playing;
      this.speed = s.playback.speed;
      this.last = performance.now();
      this.requestDraw();
    }
    if (s.traces !== prev.traces) this.ingest(s);
    if (s.cluster !== prev.cluster) {
      // A new cluster (scenario switch): forget the old one's packets.
      this.packets.length = 0;
      this.focus = null;
      this.shownStep = -2;
      this.lastId = s.traces.length ? s.traces[s.traces.length - 1].id : 0;
      this.publishFocus();
      this.requestDraw();
    }
  }

  private ingest(s: PlaygroundState): void {
    const traces = s.traces;
    let start = traces.length;
    while (start > 0 && traces[start - 1].id > this.lastId) start--;
    if (start === traces.length) return;
    const lookup = podFallbacks(s);
    let bulkInFlight = 0;
    for (const p of this.packets) if (p.bulk) bulkInFlight++;
    for (let i = start; i < traces.length; i++) {
      const { id, trace } = traces[i];
      this.lastId = id;
      const bulk = generated.has(trace.request);
      if (bulk && bulkInFlight >= MAX_BULK_IN_FLIGHT) {
        this.sampledOut++;
        continue;
      }
      const path = packetPath(trace, lookup);
      const base = bulk ? BULK : FOCUS;
      const timing = stepTimes(path, s.reducedMotion ? { ...base, travelMs: 0 } : base);
      const packet: Packet = { traceId: id, path, timing, t: 0, bulk, cursor: 0 };
      if (bulk) {
        bulkInFlight++;
        this.packets.push(packet);
        continue;
      }
      // A request a person sent takes the focus; the previous one finishes unexplained.
      if (this.focus && this.focus.t < this.focus.timing.total) this.packets.push(this.focus);
      this.focus = packet;
      this.focusDoneAt = -1;
      this.shownStep = -2; // a new trace: its first step is news even if it has the old one's index
      if (!s.playback.playing) useStore.setState({ playback: { ...s.playback, playing: true } });
    }
    this.requestDraw();
  }

  // ---- playback controls (PlaybackControls calls these) ----

  stepForward(): void {
    this.stepBy(1);
  }

  stepBack(): void {
    this.stepBy(-1);
  }

  /** Play after the focused trace ended replays it. */
  replayIfDone(): void {
    const f = this.focus;
    if (f && f.t >= f.timing.total) {
      f.t = 0;
      f.cursor = 0;
      this.focusDoneAt = -1;
    }
  }

  private stepBy(delta: number): void {
    const f = this.focus;
    const s = useStore.getState();
    if (s.playback.playing) useStore.setState({ playback: { ...s.playback, playing: false } });
    if (!f || f.path.steps.length === 0) return;
    const n = f.path.steps.length;
    const current = Math.min(this.currentStep(f), n - 1);
    const next = Math.max(0, Math.min(n - 1, current + delta));
    f.t = f.timing.arrive[next];
    f.cursor = next;
    this.focusDoneAt = -1;
    this.requestDraw();
  }

  private currentStep(p: Packet): number {
    const arrive = p.timing.arrive;
    let i = -1;
    for (let k = 0; k < arrive.length && arrive[k] <= p.t; k++) i = k;
    return i;
  }

  requestDraw(): void {
    if (!this.raf && this.surface) {
      this.last = performance.now();
      this.raf = requestAnimationFrame(this.frame);
    }
  }

  private frame = (now: number): void => {
    this.raf = 0;
    const surface = this.surface;
    if (!surface) return;
    const dt = Math.min(now - this.last, 100);
    this.last = now;
    const advance = this.playing ? dt * this.speed : 0;
    const ctx = surface.canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    ctx.clearRect(0, 0, this.width, this.height);
    const [tx, ty, zoom] = surface.transform();
    const z = zoom < 0.6 ? 0.6 : zoom > 1.5 ? 1.5 : zoom;
    let moving = false;
    // Generator packets first (under), the focused one last (on top).
    const list = this.packets;
    for (let i = 0; i < list.length; ) {
      const p = list[i];
      p.t += advance;
      if (p.t >= p.timing.total) {
        list[i] = list[list.length - 1];
        list.pop();
        continue;
      }
      moving = true;
      this.drawPacket(ctx, surface, p, tx, ty, zoom, p.bulk ? 4 * z : 6 * z, false);
      i++;
    }
    const f = this.focus;
    if (f) {
      if (f.t < f.timing.total) {
        f.t += advance;
        if (f.t > f.timing.total) f.t = f.timing.total;
        moving = true;
      } else if (this.focusDoneAt < 0) this.focusDoneAt = now;
      if (f.t < f.timing.total || !this.playing) this.drawPacket(ctx, surface, f, tx, ty, zoom, 7 * z, true);
      this.updateCallout(surface, f, tx, ty, zoom, now);
    } else {
      this.hideCallout(surface);
    }
    if (this.playing && (moving || (this.focusDoneAt >= 0 && now - this.focusDoneAt < CALLOUT_LINGER_MS))) {
      this.raf = requestAnimationFrame(this.frame);
    }
  };

  private drawPacket(ctx: CanvasRenderingContext2D, surface: Surface, p: Packet, tx: number, ty: number, zoom: number, r: number, focused: boolean): void {
    const steps = p.path.steps;
    if (steps.length === 0) return;
    const { arrive, leave } = p.timing;
    const t = p.t;
    let i = p.cursor;
    while (i + 1 < steps.length && arrive[i + 1] <= t) i++;
    while (i > 0 && arrive[i] > t) i--;
    p.cursor = i;
    const palette = this.palette!;
    const a = this.a;
    const b = this.b;
    // Travelling from the previous place (or the client) to step i, or from step i to the next.
    let fromIds: readonly string[] | null = null;
    let toIdx = i;
    let u = 1;
    if (t < arrive[i]) {
      fromIds = i === 0 ? p.path.origin : steps[i - 1].at;
      const startT = i === 0 ? 0 : leave[i - 1];
      u = (t - startT) / (arrive[i] - startT);
    } else if (t >= leave[i] && i + 1 < steps.length && steps[i + 1].travel) {
      fromIds = steps[i].at;
      toIdx = i + 1;
      u = (t - leave[i]) / (arrive[i + 1] - leave[i]);
    }
    const step = steps[toIdx];
    if (!surface.locate(step.at, b)) return;
    const bx = b.x * zoom + tx;
    const by = b.y * zoom + ty;
    if (fromIds && surface.locate(fromIds, a)) {
      const ax = a.x * zoom + tx;
      const ay = a.y * zoom + ty;
      // A short trail behind the packet, fading.
      for (let k = 4; k >= 1; k--) {
        const uk = u - k * 0.06;
        if (uk <= 0) continue;
        const e = ease(uk);
        ctx.globalAlpha = 0.5 - k * 0.1;
        drawDot(ctx, palette, step.style, ax + (bx - ax) * e, ay + (by - ay) * e, r * (1 - k * 0.12), false);
      }
      ctx.globalAlpha = 1;
      const e = ease(u < 0 ? 0 : u > 1 ? 1 : u);
      drawDot(ctx, palette, step.style, ax + (bx - ax) * e, ay + (by - ay) * e, r, focused);
      return;
    }
    if (step.marker && t >= arrive[toIdx]) {
      const fade = t > leave[toIdx] ? 1 - (t - leave[toIdx]) / ((p.bulk ? BULK : FOCUS).markerMs ?? 1) : 1;
      ctx.globalAlpha = fade < 0 ? 0 : fade;
      drawMarker(ctx, palette, step.marker, bx, by, r);
      ctx.globalAlpha = 1;
      return;
    }
    drawDot(ctx, palette, step.style, bx, by, r, focused);
  }

  private updateCallout(surface: Surface, f: Packet, tx: number, ty: number, zoom: number, now: number): void {
    const steps = f.path.steps;
    const i = Math.min(this.currentStep(f), steps.length - 1);
    const lingering = this.focusDoneAt >= 0 && this.playing && now - this.focusDoneAt >= CALLOUT_LINGER_MS;
    if (i < 0 || lingering) {
      this.hideCallout(surface);
      if (i !== this.shownStep) this.showStep(surface, f, i);
      return;
    }
    if (i !== this.shownStep) this.showStep(surface, f, i);
    if (!surface.locate(steps[i].at, this.b)) return;
    const x = this.b.x * zoom + tx;
    const y = this.b.y * zoom + ty;
    if (x !== this.calloutX || y !== this.calloutY || surface.callout.hidden) {
      this.calloutX = x;
      this.calloutY = y;
      surface.callout.hidden = false;
      const size = { width: surface.callout.offsetWidth, height: surface.callout.offsetHeight };
      // Beside the place, on a side that leaves the hop's nodes in view: where the packet
      // is, where it came from, where it goes next (and a Service's EndpointSlices).
      const places = [steps[i].at, i > 0 ? steps[i - 1].at : f.path.origin];
      if (i + 1 < steps.length) places.push(steps[i + 1].at);
      const anchor = surface.obstacles(places, this.obstacleList) ?? { left: x, top: y, right: x, bottom: y };
      const { left, top } = placeCallout(size, anchor, this.obstacleList, { width: this.width, height: this.height });
      surface.callout.style.transform = `translate(${left}px, ${top}px)`;
    }
  }

  private hideCallout(surface: Surface): void {
    if (!surface.callout.hidden) surface.callout.hidden = true;
    this.calloutX = NaN;
  }

  private showStep(surface: Surface, f: Packet, i: number): void {
    this.shownStep = i;
    if (i >= 0) {
      const step = f.path.steps[i];
      surface.calloutTitle.textContent = step.title;
      surface.calloutText.textContent = step.label;
      surface.calloutStep.textContent = `Step ${i + 1} of ${f.path.steps.length}`;
      surface.callout.dataset.marker = step.marker ?? step.style;
    }
    this.calloutX = NaN;
    this.publishFocus();
  }

  private publishFocus(): void {
    const f = this.focus;
    const next = f ? { traceId: f.traceId, step: Math.min(this.currentStep(f), f.path.steps.length - 1) } : null;
    const cur = useStore.getState().packetFocus;
    if (cur?.traceId === next?.traceId && cur?.step === next?.step) return;
    useStore.setState({ packetFocus: next });
  }
}

function ease(u: number): number {
  return u < 0.5 ? 2 * u * u : 1 - 2 * (1 - u) * (1 - u);
}

/** Group node and node frame of every pod, for pods without a drawn node of their own. */
let fallbackCache: { pods: readonly KubeObject[] | undefined; lookup: PodNodeLookup } | null = null;
export function podFallbacks(s: PlaygroundState): PodNodeLookup {
  const pods = s.snapshot.objects.Pod;
  if (fallbackCache && fallbackCache.pods === pods) return fallbackCache.lookup;
  const byKey = new Map<string, string[]>();
  for (const pod of pods ?? []) {
    const ns = pod.metadata.namespace ?? 'default';
    const nodeName = (pod as KubeObject & { spec?: { nodeName?: string } }).spec?.nodeName ?? '';
    const owner = pod.metadata.ownerReferences?.find((o) => o.controller) ?? pod.metadata.ownerReferences?.[0];
    const ids: string[] = [];
    if (owner) ids.push(groupKeyOf(`${owner.kind}/${ns}/${owner.name}`, nodeName));
    if (nodeName) ids.push(objectNodeId('Node', undefined, nodeName));
    byKey.set(`${ns}/${pod.metadata.name}`, ids);
  }
  const lookup: PodNodeLookup = (ns, name) => byKey.get(`${ns}/${name}`);
  fallbackCache = { pods, lookup };
  return lookup;
}

export const player = new Player();
providePlayer(player);
