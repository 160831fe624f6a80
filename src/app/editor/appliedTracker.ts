// Keeps `appliedFiles` (what each tab was when last applied) in step with the
// commands that ran, wherever they came from: the editor's Apply, a terminal
// `kubectl apply -f web.yaml`, a scenario's boot commands. A tab is dirty while
// its text differs from what was last applied.

import { markApplied } from '../store/actions';
import { appliedFilesOf } from '../store/appliedFiles';
import { useStore, type TerminalEntry } from '../store/state';

let lastSeen = 0;
let installed = false;

function record(entries: readonly TerminalEntry[]): void {
  for (const e of entries) {
    if (e.id <= lastSeen) continue;
    lastSeen = e.id;
    if (e.result.exitCode !== 0) continue;
    const files = useStore.getState().files;
    for (const f of appliedFilesOf(e.line)) if (files[f] !== undefined) markApplied(f, files[f]);
  }
}

/** Starts following the store's command entries (once). */
export function installAppliedTracker(): void {
  if (installed) return;
  installed = true;
  record(useStore.getState().entries ?? []);
  useStore.subscribe((s, prev) => {
    if (s.entries !== prev.entries && s.entries) record(s.entries);
  });
}
