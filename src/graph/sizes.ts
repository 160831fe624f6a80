// Node sizes in graph units, shared by the model (which sets them on nodes so
// React Flow needs no measuring pass) and the layout.

/** 196 (was 214): the menu button left the name's line, so the name keeps its room in a narrower card; rows of frames side by side draw larger. */
export const POD_W = 196;
export const POD_H = 98;
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
