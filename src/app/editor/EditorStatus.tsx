// The line under the editor: what kubectl says about the open file (problems,
// each a button that moves the cursor to it), the outcome of the last apply, the
// "apply as you type" switch and the Apply button; while the page starts, why
// editing and Apply are off.

import { memo } from 'react';
import type { Diagnostic } from '../../manifests/diagnostics';
import { setApplyAsYouType } from '../store/actions';
import { useStore } from '../store/state';
import { revealProblem } from './editorBridge';
import { ErrorIcon, OkIcon, PlayIcon, WarnIcon } from './icons';
import { problemSummary } from './markers';
import { APPLY_WAITS, startupNote } from './startupNote';
import type { ApplyOutcome } from './useManifestChecks';

interface Props {
  diagnostics: readonly Diagnostic[] | null;
  outcome: ApplyOutcome | null;
  canApply: boolean;
  onApply: () => void;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
export const SAVE_SHORTCUT = isMac ? '⌘S' : 'Ctrl+S';
const STARTUP_NOTE_ID = 'editor-startup-note';

export const EditorStatus = memo(function EditorStatus({ diagnostics, outcome, canApply, onApply }: Props) {
  const applyAsYouType = useStore((s) => s.applyAsYouType);
  const readOnly = useStore((s) => s.embed.readOnly);
  const note = useStore((s) => startupNote(s.startup, s.embed.readOnly));
  const problems = diagnostics ?? [];
  return (
    <div className="editor-status">
      {problems.length > 0 && (
        <ul className="editor-problems" aria-label="Problems">
          {problems.map((d, i) => (
            <li key={i} className={`editor-problem ${d.severity}`}>
              <button type="button" onClick={() => revealProblem(d.line, d.col)} title="Show in the editor">
                <span className="editor-problem-icon">{d.severity === 'error' ? <ErrorIcon /> : <WarnIcon />}</span>
                <span className="editor-problem-line">Line {d.line}</span>
                <span className="editor-problem-text">{d.message}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {note && (
        <p id={STARTUP_NOTE_ID} className="editor-startup" role="status">
          {note}
        </p>
      )}
      <div className="editor-status-row">
        {!note && (
          <span className={`editor-check ${problems.some((d) => d.severity === 'error') ? 'bad' : problems.length ? 'warn' : 'ok'}`} aria-live="polite">
            {diagnostics === null ? 'Checking…' : problemSummary(problems)}
          </span>
        )}
        <span className={`editor-outcome ${outcome ? (outcome.ok ? 'ok' : 'bad') : ''}`} role="status">
          {outcome && (
            <>
              {outcome.ok ? <OkIcon /> : <ErrorIcon />}
              <span className="editor-outcome-text" title={outcome.text}>
                {outcome.auto ? 'Auto-applied: ' : ''}
                {outcome.text}
              </span>
            </>
          )}
        </span>
        {readOnly ? (
          <span className="editor-readonly-badge">Read-only</span>
        ) : (
          <>
            <label className="editor-switch" title="Apply the file automatically while it has no errors">
              <input type="checkbox" role="switch" checked={applyAsYouType} onChange={(e) => setApplyAsYouType(e.target.checked)} />
              <span>Apply as you type</span>
            </label>
            <button
              type="button"
              className="editor-btn editor-apply"
              onClick={onApply}
              disabled={!canApply || !!note}
              aria-describedby={note ? STARTUP_NOTE_ID : undefined}
              aria-keyshortcuts={isMac ? 'Meta+S' : 'Control+S'}
              title={note ? APPLY_WAITS : `kubectl apply -f (${SAVE_SHORTCUT})`}
            >
              <PlayIcon />
              <span>Apply</span>
              <kbd>{SAVE_SHORTCUT}</kbd>
            </button>
          </>
        )}
      </div>
    </div>
  );
});
