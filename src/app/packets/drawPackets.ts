// Canvas drawing of packets and markers. Shapes as well as colours tell states
// apart (colour-blind safe): a request is a circle, a DNS question or answer a
// diamond, a reply a square; refused is an X, dropped a fading hollow square,
// a name that did not resolve a hollow diamond. Nothing here allocates: the frame
// loop calls these for every packet, every frame.

import type { PacketMarker, PacketStyle } from '../../graph/packetPath';

export interface Palette {
  packet: string;
  dns: string;
  response: string;
  bad: string;
  warn: string;
  outline: string;
}

export function readPalette(): Palette {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    packet: v('--packet', '#cc79a7'),
    dns: v('--info', '#0072b2'),
    response: v('--ok', '#009e73'),
    bad: v('--bad', '#d55e00'),
    warn: v('--warn', '#e69f00'),
    outline: v('--panel', '#ffffff'),
  };
}

function styleColour(p: Palette, style: PacketStyle): string {
  return style === 'dns' ? p.dns : style === 'response' ? p.response : p.packet;
}

/** One packet's body at (x, y), radius r. */
export function drawDot(ctx: CanvasRenderingContext2D, p: Palette, style: PacketStyle, x: number, y: number, r: number, outline: boolean): void {
  ctx.beginPath();
  if (style === 'dns') {
    const d = r * 1.3;
    ctx.moveTo(x, y - d);
    ctx.lineTo(x + d, y);
    ctx.lineTo(x, y + d);
    ctx.lineTo(x - d, y);
    ctx.closePath();
  } else if (style === 'response') {
    ctx.rect(x - r, y - r, r * 2, r * 2);
  } else {
    ctx.arc(x, y, r, 0, Math.PI * 2);
  }
  ctx.fillStyle = styleColour(p, style);
  ctx.fill();
  if (outline) {
    ctx.lineWidth = 2;
    ctx.strokeStyle = p.outline;
    ctx.stroke();
  }
}

/** The marker left where a request ended badly (caller sets globalAlpha for fading). */
export function drawMarker(ctx: CanvasRenderingContext2D, p: Palette, marker: PacketMarker, x: number, y: number, r: number): void {
  const s = r * 1.6;
  ctx.lineCap = 'round';
  if (marker === 'refused') {
    // A filled stop disc with an X.
    ctx.beginPath();
    ctx.arc(x, y, s * 1.25, 0, Math.PI * 2);
    ctx.fillStyle = p.bad;
    ctx.fill();
    ctx.beginPath();
    ctx.moveTo(x - s * 0.6, y - s * 0.6);
    ctx.lineTo(x + s * 0.6, y + s * 0.6);
    ctx.moveTo(x + s * 0.6, y - s * 0.6);
    ctx.lineTo(x - s * 0.6, y + s * 0.6);
    ctx.lineWidth = 3;
    ctx.strokeStyle = p.outline;
    ctx.stroke();
    return;
  }
  ctx.beginPath();
  if (marker === 'dropped') {
    ctx.rect(x - s, y - s, s * 2, s * 2);
  } else {
    ctx.moveTo(x, y - s * 1.3);
    ctx.lineTo(x + s * 1.3, y);
    ctx.lineTo(x, y + s * 1.3);
    ctx.lineTo(x - s * 1.3, y);
    ctx.closePath();
  }
  ctx.fillStyle = p.outline;
  ctx.fill();
  ctx.lineWidth = 3;
  ctx.strokeStyle = p.warn;
  ctx.setLineDash(marker === 'dropped' ? DASH : NO_DASH);
  ctx.stroke();
  ctx.setLineDash(NO_DASH);
}

const DASH = [4, 3];
const NO_DASH: number[] = [];
