// Keeps `appliedFiles` (what each tab was when last applied) in step with the
// commands that ran, wherever they came from: the editor's Apply, a terminal
// `kubectl apply -f web.yaml`, a scenario's boot commands. A tab is dirty while
// its text differs from what was last applied.

import { markApplied } from '../store/actions';
import { useStore, type TerminalEntry } from '../store/state';

/** The files a successful, real (not dry-run) `kubectl apply -f …` line read. */
export function appliedFilesOf(line: string): string[] {
  const words = line.trim().split(/\s+/);
  if (words[0] !== 'kubectl' || !words.includes('apply')) return [];
  if (words.some((w) => w.startsWith('--dry-run') && w !== '--dry-run=none')) return [];
  const files: string[] = [];
  for (let i = 1; i < words.length; i++) {
    const w = words[i];
    if ((w === '-f' || w === '--filename') && words[i + 1]) files.push(words[++i]);
    else if (w.startsWith('--filename=')) files.push(w.slice('--filename='.length));
    else if (w.startsWith('-f') && w.length > 2) files.push(w.slice(2).replace(/^=/, ''));
  }
  return files.filter((f) => f !== '-');
}

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
