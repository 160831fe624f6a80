// The default sizes of the editor column and the terminal follow the window, so a
// 1280×720 projector or a 1024×768 laptop leaves the graph room to be read: the
// store's DEFAULT_SIZES (420 px editor, 220 px terminal) are right from 1440×900 up
// and take a third of the graph's width and over half its height below that.
// A size the person chose (dragged, or set with the keyboard) is kept as it is;
// one still at the store's default follows the window.

import type { PaneSizes } from "../store/state";

/** [window size, pane size] points; the size is interpolated between them and held past the ends. */
type Curve = readonly (readonly [number, number])[];

/** Editor width by window width: 300 px at 1024, 340 at 1280, the store's 420 from 1440. */
const EDITOR_BY_WIDTH: Curve = [
  [1024, 300],
  [1280, 340],
  [1440, 420],
];

/** Terminal height by window height: about seven lines at 720, the store's 220 from 900. */
const TERMINAL_BY_HEIGHT: Curve = [
  [720, 160],
  [900, 220],
];

function along(curve: Curve, x: number): number {
  const [first] = curve;
  const last = curve[curve.length - 1];
  if (x <= first[0]) return first[1];
  if (x >= last[0]) return last[1];
  for (let i = 1; i < curve.length; i++) {
    const [x1, y1] = curve[i];
    if (x > x1) continue;
    const [x0, y0] = curve[i - 1];
    return Math.round(y0 + ((y1 - y0) * (x - x0)) / (x1 - x0));
  }
  return last[1];
}

/** The default sizes for a window of w×h CSS px (the inspector keeps the store's). */
export function windowDefaultSizes(
  stored: PaneSizes,
  w: number,
  h: number,
): PaneSizes {
  return {
    editor: along(EDITOR_BY_WIDTH, w),
    inspector: stored.inspector,
    terminal: along(TERMINAL_BY_HEIGHT, h),
  };
}

/**
 * The sizes to draw: each size still at the store's default (`storeDefaults`) takes
 * the window's (`byWindow`, windowDefaultSizes); any other was chosen by the person and is kept.
 */
export function paneSizesFor(
  sizes: PaneSizes,
  storeDefaults: PaneSizes,
  byWindow: PaneSizes,
): PaneSizes {
  const pick = (k: keyof PaneSizes) =>
    sizes[k] === storeDefaults[k] ? byWindow[k] : sizes[k];
  return {
    editor: pick("editor"),
    inspector: pick("inspector"),
    terminal: pick("terminal"),
  };
}

/**
 * A hair under the store's default: what a size the person chose to be exactly the
 * store's default is stored as, so it is not taken for "still at the default" (the
 * store has no flag for that; a 0.001 px difference draws the same and shows the same
 * rounded value on the splitter).
 */
const CHOSEN_DEFAULT_OFFSET = 0.001;

/**
 * What to store for a size set to `value`: the window's default is stored as the
 * store's default, so a pane reset (double-click, Enter) follows the window again;
 * the store's default chosen in a window whose default differs stays chosen.
 */
export function storedSize(value: number, windowDefault: number, storeDefault: number): number {
  if (value === windowDefault) return storeDefault;
  return value === storeDefault ? storeDefault - CHOSEN_DEFAULT_OFFSET : value;
}
