// Runs the kubectl checks of the open file after typing pauses (~300 ms), and,
// when "apply as you type" is on, applies it after a longer pause (~800 ms) if the
// text has no errors. Nothing here runs on the keystroke itself: typing only
// writes the store (EditorPane), so it never waits for a dry run.

import { useEffect, useRef, useState } from 'react';
import { hasErrors, type Diagnostic } from '../../manifests/diagnostics';
import { applyFile } from '../store/actions';
import { useStore } from '../store/state';
import { checkManifest } from './checkManifest';
import { applySummary } from './markers';

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
  const onAppliedRef = useRef(onApplied);
  onAppliedRef.current = onApplied;

  useEffect(() => {
    if (text === undefined) return;
    let idle: number | undefined;
    const run = () => {
      idle = undefined;
      const { cluster } = useStore.getState();
      setChecked({ path, text, diagnostics: checkManifest(cluster, path, text) });
    };
    // After the pause, and when the browser is idle, so a check never lands between two keystrokes.
    const timer = setTimeout(() => {
      if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(run, { timeout: 300 });
      else run();
    }, CHECK_DELAY_MS);
    return () => {
      clearTimeout(timer);
      if (idle !== undefined) cancelIdleCallback(idle);
    };
  }, [path, text, commandsRun]);

  useEffect(() => {
    if (!applyAsYouType || readOnly || text === undefined) return;
    const timer = setTimeout(() => {
      const s = useStore.getState();
      if (s.files[path] !== text || s.appliedFiles[path] === text || !text.trim()) return;
      if (hasErrors(checkManifest(s.cluster, path, text))) return;
      const result = applyFile(path);
      onAppliedRef.current({ ok: result.exitCode === 0, text: applySummary(result), path, auto: true });
    }, APPLY_DELAY_MS);
    return () => clearTimeout(timer);
  }, [applyAsYouType, readOnly, path, text]);

  return checked && checked.path === path ? checked : null;
}
