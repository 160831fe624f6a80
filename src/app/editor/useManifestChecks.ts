// Runs the kubectl checks of the open file after typing pauses (~300 ms), and,
// when "apply as you type" is on, applies it after a longer pause (~800 ms) if the
// text has no errors. Nothing here runs on the keystroke itself: typing only
// writes the store (EditorPane), so it never waits for a dry run.

import { useEffect, useRef, useState } from 'react';
import { commandLineReady } from '../../engine/lean';
import type { Diagnostic } from '../../manifests/diagnostics';
import { applyFile } from '../store/actions';
import { useStore } from '../store/state';
import { applySummary } from './markers';

// The checks parse YAML (the yaml package) and dry-run kubectl: loaded with the
// command line, after the first picture, never in the page's initial JavaScript.
const loadChecks = () => import('./checkManifest');

export const CHECK_DELAY_MS = 300;
export const APPLY_DELAY_MS = 800;

export interface Checked {
  path: string;
  text: string;
  diagnostics: Diagnostic[];
}

export interface ApplyOutcome {
  ok: boolean;
  text: string;
  path: string;
  auto: boolean;
}

export function useManifestChecks(path: string, text: string | undefined, onApplied: (o: ApplyOutcome) => void): Checked | null {
  const [checked, setChecked] = useState<Checked | null>(null);
  const applyAsYouType = useStore((s) => s.applyAsYouType);
  const readOnly = useStore((s) => s.embed.readOnly);
  // A command run elsewhere (a namespace created, an object deleted) can change the verdict.
  const commandsRun = useStore((s) => s.entries.length);
  // The cluster the page starts with is replaced once the command line has loaded (boot.ts): check again then.
  const cluster = useStore((s) => s.cluster);
  const onAppliedRef = useRef(onApplied);
  onAppliedRef.current = onApplied;

  useEffect(() => {
    if (text === undefined || !commandLineReady()) return;
    // A `kubectl edit` buffer is not a manifest to apply: the server's fields and edit's header are in it.
    if (useStore.getState().editing[path] !== undefined) {
      setChecked({ path, text, diagnostics: [] });
      return;
    }
    let idle: number | undefined;
    let cancelled = false;
    const run = () => {
      idle = undefined;
      void loadChecks().then(({ checkManifest }) => {
        if (!cancelled) setChecked({ path, text, diagnostics: checkManifest(useStore.getState().cluster, path, text) });
      });
    };
    // After the pause, and when the browser is idle, so a check never lands between two keystrokes.
    const timer = setTimeout(() => {
      if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(run, { timeout: 300 });
      else run();
    }, CHECK_DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
      if (idle !== undefined) cancelIdleCallback(idle);
    };
  }, [path, text, commandsRun, cluster]);

  useEffect(() => {
    if (!applyAsYouType || readOnly || text === undefined || !commandLineReady()) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      void loadChecks().then(({ checkManifest, hasErrors }) => {
        const s = useStore.getState();
        if (cancelled || s.files[path] !== text || s.appliedFiles[path] === text || !text.trim()) return;
        // Never apply a `kubectl edit` buffer: kubectl edit sends it when its editor closes.
        if (s.editing[path] !== undefined) return;
        if (hasErrors(checkManifest(s.cluster, path, text))) return;
        const result = applyFile(path);
        onAppliedRef.current({ ok: result.exitCode === 0, text: applySummary(result), path, auto: true });
      });
    }, APPLY_DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [applyAsYouType, readOnly, path, text, cluster]);

  return checked && checked.path === path ? checked : null;
}
