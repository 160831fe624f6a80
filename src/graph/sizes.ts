// Node sizes in graph units, shared by the model (which sets them on nodes so
// React Flow needs no measuring pass) and the layout.

/** 196 (was 214): the menu button left the name's line, so the name keeps its room in a narrower card; rows of frames side by side draw larger. */
export const POD_W = 196;
/** A pod card whose name takes one line. */
export const POD_H = 98;

// A pod's name is shown whole (it is what `kubectl get pods` prints and what a student
// types), wrapping after a `-` when the card is too narrow: `web-bc8f6d5d7-` / `9wqbw`.
// The card grows by a line per extra line of name, so the model sizes it from the name:
// the name's width is estimated at presenter view's 18.5 px bold (the larger of the two
// sizes in graph.css), from the widths of the characters a pod name may hold
// (DNS-1123: a–z, 0–9, '-', '.'), measured in Chromium.
/** The name's line box: the card less its 5 px state border, 1.5 px right border and 2 × 8 px padding. */
const POD_NAME_BOX = POD_W - 5 - 1.5 - 16;
/** One more line of name: 18.5 px × the 1.15 line height graph.css gives a pod's name. */
export const POD_NAME_LINE_H = 22;
/** Lines beyond this break anywhere and are cut with an ellipsis; the card's title and the inspector show the whole name. */
export const POD_NAME_MAX_LINES = 3;

/** Advance widths at 18.5 px bold (DejaVu Sans, Linux's system-ui: wider than Segoe UI or SF, so an upper bound there). */
const CHAR_PX: Record<string, number> = { i: 6.3, j: 6.3, l: 6.3, '.': 7, '-': 7.7, f: 8, t: 8.8, r: 9.1, z: 10.8, c: 11, s: 11, x: 11.9, v: 12.1, y: 12.1, k: 12.3, a: 12.5, e: 12.5, o: 12.7, w: 17.1, m: 19.3 };
/** Digits are 12.9; b d g h n p q u 13.2, the widest of the rest. */
const charPx = (c: string) => CHAR_PX[c] ?? (c >= '0' && c <= '9' ? 12.9 : 13.2);
/** graph.css sets the name -0.2 px apart; 3% more for rounding and hinting. */
const textPx = (text: string) => 1.03 * [...text].reduce((w, c) => w + charPx(c) - 0.2, 0);

/** Lines `name` takes on a pod card: greedy, breaking only after a `-` (a part longer than a line breaks anywhere). */
export function podNameLines(name: string): number {
  const parts = name.match(/[^-]*-|[^-]+$/g) ?? [name];
  let lines = 1;
  let used = 0;
  for (const part of parts) {
    const w = textPx(part);
    if (used > 0 && used + w > POD_NAME_BOX) {
      lines++;
      used = 0;
    }
    // A part wider than a line wraps anywhere (overflow-wrap: anywhere).
    const extra = Math.max(0, Math.ceil(w / POD_NAME_BOX) - 1);
    lines += extra;
    used = extra > 0 ? w - extra * POD_NAME_BOX : used + w;
  }
  return Math.min(lines, POD_NAME_MAX_LINES);
}

/** The height of every pod card in a picture (they share the frames' grid): room for the longest name. */
export function podCardHeight(names: Iterable<string>): number {
  let lines = 1;
  for (const n of names) lines = Math.max(lines, podNameLines(n));
  return POD_H + (lines - 1) * POD_NAME_LINE_H;
}
export const FRAME_PAD = 12;
export const FRAME_HEADER = 56;
export const FRAME_GAP = 10;
export const SERVICE_W = 260;
export const SLICE_W = 170;
export const SLICE_H = 60;
export const SIDE_W = 220;

export const WORKSTATION_H = 64;
export const CORE_DNS_H = 72;
export const EXTERNAL_NAME_H = 60;

/** Estimated lines a text of `chars` characters takes in a box of `width` px at ~7 px a character. */
export function lines(chars: number, width: number): number {
  return Math.max(1, Math.ceil(chars / Math.floor((width - 24) / 7)));
}

export function serviceHeight(ports: number, selector: boolean, warning?: string): number {
  let h = 58 + Math.min(ports, 3) * 20;
  if (ports > 3) h += 18;
  if (selector) h += 30;
  if (warning) h += 12 + Math.min(lines(warning.length, SERVICE_W), 5) * 17;
  return h;
}

export function loadBalancerHeight(entries: number): number {
  return 50 + Math.max(1, entries) * 36;
}

export function ingressHeight(rules: number): number {
  return 70 + Math.min(rules, 4) * 18;
}
