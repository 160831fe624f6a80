// The graph pane's place in the first picture. The graph's code (GraphPane,
// React Flow with d3, the graph model and layout, the packet player, the context
// menus and fault dialogs, the legend) is a chunk of its own, about a third of
// the page's JavaScript. main.tsx starts loading it first of all, in parallel
// with the cluster's boot and the command line's chunk (the example's pods wait
// for that anyway), so the shell paints at once and the graph follows without a
// waterfall. Until it arrives the pane holds a placeholder with the same box.
//
// Not React.lazy + Suspense on purpose: a lazy component suspends on its first
// render even when its module has already arrived, and React 19 holds back the
// content of a boundary that showed its fallback for up to 300 ms (it batches
// reveals), which would delay the graph. Here the pane renders GraphPane in the
// same commit as the store update that says the module has loaded.

import { useEffect, useSyncExternalStore } from 'react';
import './graphFrame.css';

type GraphModule = typeof import('./GraphPane');
type Status = { state: 'loading' } | { state: 'loaded'; module: GraphModule } | { state: 'failed' };

let status: Status = { state: 'loading' };
let loading: Promise<GraphModule> | undefined;
const listeners = new Set<() => void>();

function setStatus(next: Status): void {
  status = next;
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Starts loading the graph's chunk (idempotent). Rejects when it could not be
 * loaded; the pane then says so, and the caller decides whether to tell more.
 */
export function loadGraphPane(): Promise<GraphModule> {
  loading ??= import('./GraphPane').then(
    (module) => {
      setStatus({ state: 'loaded', module });
      return module;
    },
    (e: unknown) => {
      setStatus({ state: 'failed' });
      throw e;
    },
  );
  return loading;
}

export function LazyGraphPane() {
  const current = useSyncExternalStore(subscribe, () => status);
  // main.tsx has normally started the load long before; this covers any other mount.
  useEffect(() => {
    loadGraphPane().catch(() => undefined); // reported by the placeholder (and by main.tsx)
  }, []);
  if (current.state === 'loaded') return <current.module.GraphPane />;
  return <GraphPlaceholder failed={current.state === 'failed'} />;
}

/** The graph pane's box (same element, class and name as GraphPane's) with a short status. */
function GraphPlaceholder({ failed }: { failed: boolean }) {
  return (
    <section className="graph-pane" aria-label="Cluster graph" aria-busy={!failed}>
      <div className="graph-canvas graph-placeholder">
        {failed ? (
          <p className="graph-placeholder-text is-failed">The graph could not load. Reload the page to try again.</p>
        ) : (
          <p className="graph-placeholder-text" role="status">
            Loading the graph…
          </p>
        )}
      </div>
    </section>
  );
}
