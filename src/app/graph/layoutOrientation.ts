// Which way the layout runs (src/graph/layout.ts), for the node components'
// edge handles: left to right in columns, top to bottom in rows. Through context
// so the memoised nodes re-render only when it changes (a pane resize).
import { createContext, useContext } from 'react';
import type { Orientation } from '../../graph/layout';

export const LayoutOrientationContext = createContext<Orientation>('columns');

export const useLayoutOrientation = () => useContext(LayoutOrientationContext);

/** Handle ids: an edge between a Service and its EndpointSlice always runs right to left (they sit side by side in both orientations). */
export const HANDLE = { left: 'l', right: 'r', top: 't', bottom: 'b' } as const;
