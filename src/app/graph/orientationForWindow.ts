// Which way the graph's layout runs, chosen from the window's size alone. In a short
// window — a 1280×720 or 1024×768 projector, a 1366×768 laptop — the graph pane is
// wide and short, and the familiar columns (node frames stacked top to bottom) are
// limited by its height: rows (frames side by side, src/graph/layoutRows.ts) draw
// the welcome example 1.17 times as large and eight pods 1.33 times (measured with
// fit-view in those panes). From 1440×900 up, and in an embed (blog authors expect
// the docs' picture), the columns stay. Only the window decides: opening the
// inspector or dragging a splitter re-fits the picture but never re-arranges it
// (an earlier attempt did, and the picture jumped there and back on every click).
import { useEffect, useState } from 'react';
import type { Orientation } from '../../graph/layout';

/** Windows shorter than this get rows: 1280×800 and 1366×768 do, 1440×900 does not. */
const ROWS_BELOW_HEIGHT = 880;
/** How long a window's size must hold before the picture is re-arranged (dragging a window's edge is many resizes). */
const SETTLE_MS = 250;

export function orientationForWindow(height: number, embed: boolean): Orientation {
  return !embed && height < ROWS_BELOW_HEIGHT ? 'rows' : 'columns';
}

export function useWindowOrientation(embed: boolean): Orientation {
  // What the window's height gives outside an embed, not the height itself: a resize that keeps it re-renders nothing.
  const [forWindow, setForWindow] = useState(() => orientationForWindow(window.innerHeight, false));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onResize = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setForWindow(orientationForWindow(window.innerHeight, false)), SETTLE_MS);
    };
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      clearTimeout(timer);
    };
  }, []);
  // An embed keeps the columns whatever its height (orientationForWindow).
  return embed ? 'columns' : forWindow;
}
