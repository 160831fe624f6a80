// The inspector, loaded on first open: it is collapsed when the page starts, and
// its code (with the yaml printer) is not part of the first picture. boot.ts
// preloads it once the playground runs, so opening it rarely waits.

import { lazy, Suspense } from 'react';

const load = () => import('./InspectorPane');
const InspectorPane = lazy(() => load().then((m) => ({ default: m.InspectorPane })));

/** Fetches the inspector's code ahead of its first open (idempotent: the module is cached). */
export function preloadInspector(): void {
  void load();
}

export function LazyInspectorPane() {
  return (
    <Suspense fallback={<p className="inspector-empty-text" role="status">Loading the inspector…</p>}>
      <InspectorPane />
    </Suspense>
  );
}
