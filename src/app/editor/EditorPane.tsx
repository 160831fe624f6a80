// The YAML editor pane: file tabs, the editor (Monaco, loaded lazily; a read-only
// view of the text until then, so the page is useful at once), what kubectl says
// about the file, and Apply (button, Ctrl/Cmd+S, or as you type). Until the
// example or the saved session has started (boot.ts) the editor is read-only and
// Apply is off, since the start replaces the files (startupNote.ts).
// The pane carries the class `nokey`: React Flow listens for Space and Backspace on
// the window and would otherwise swallow them while someone types here (SETUP-NOTES.md).

import { lazy, Suspense, useCallback, useEffect, useState, type KeyboardEvent } from 'react';
import { applyFile, closeEditor } from '../store/actions';
import { useStore } from '../store/state';
import { installAppliedTracker } from './appliedTracker';
import { EditorStatus } from './EditorStatus';
import { EditWaitBar } from './EditWaitBar';
import { FileTabs, tabId } from './FileTabs';
import { startupTypingMessage } from './startupNote';
import { applySummary } from './markers';
import { useManifestChecks, type ApplyOutcome } from './useManifestChecks';
import './editor.css';

const MonacoEditor = lazy(() => import('./MonacoEditor'));

installAppliedTracker();

/** Starts loading Monaco once the page has painted and gone idle, so the graph comes first. */
function useWhenIdle(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(() => setReady(true), { timeout: 1200 });
      return () => cancelIdleCallback(id);
    }
    const id = setTimeout(() => setReady(true), 200);
    return () => clearTimeout(id);
  }, []);
  return ready;
}

function PlainText({ path, text }: { path: string; text: string }) {
  return (
    <pre className="editor-fallback" aria-label={`${path} (the editor is loading)`} tabIndex={0}>
      {text}
    </pre>
  );
}

export function EditorPane() {
  const activeFile = useStore((s) => s.activeFile);
  const text = useStore((s) => (s.activeFile ? s.files[s.activeFile] : undefined));
  const readOnly = useStore((s) => s.embed.readOnly);
  const startup = useStore((s) => s.startup);
  const theme = useStore((s) => s.theme);
  const presenter = useStore((s) => s.presenter);
  // A file `kubectl edit` waits on: Ctrl/Cmd+S means Done there, not apply (EditWaitBar).
  const kubectlEditing = useStore((s) => s.editing[s.activeFile] !== undefined);
  const [outcome, setOutcome] = useState<ApplyOutcome | null>(null);
  const checked = useManifestChecks(activeFile, text, setOutcome);
  const idle = useWhenIdle();
  const hasFile = text !== undefined;

  const apply = useCallback(() => {
    const { activeFile: path, files, embed, startup: now, editing } = useStore.getState();
    if (editing[path] !== undefined) return closeEditor(path);
    // While the page starts the cluster has no command line yet, and the start replaces it (the status line says so).
    if (embed.readOnly || now !== 'running' || files[path] === undefined) return;
    const result = applyFile(path);
    setOutcome({ ok: result.exitCode === 0, text: applySummary(result), path, auto: false });
  }, []);

  const onKeyDown = (e: KeyboardEvent) => {
    // Monaco handles Ctrl/Cmd+S itself while it has focus (and prevents the default).
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's' && !e.defaultPrevented) {
      e.preventDefault();
      apply();
    }
  };

  return (
    // The shell's pane is the labelled region; this is its content.
    <div className="editor-pane nokey" onKeyDown={onKeyDown}>
      <FileTabs />
      {hasFile && <EditWaitBar path={activeFile} />}
      <div id="editor-tabpanel" role="tabpanel" className="editor-body" aria-labelledby={hasFile ? tabId(activeFile) : undefined}>
        {!hasFile ? (
          <p className="editor-empty">No file open. Create one with the + button.</p>
        ) : idle ? (
          <Suspense fallback={<PlainText path={activeFile} text={text} />}>
            <MonacoEditor
              path={activeFile}
              readOnly={readOnly || startup !== 'running'}
              readOnlyMessage={startupTypingMessage(startup)}
              theme={theme}
              fontSize={presenter ? 18 : 14}
              checked={checked}
              onSave={apply}
              label={`YAML editor: ${activeFile}`}
            />
          </Suspense>
        ) : (
          <PlainText path={activeFile} text={text} />
        )}
      </div>
      <EditorStatus diagnostics={hasFile ? (checked?.diagnostics ?? null) : []} outcome={outcome?.path === activeFile ? outcome : null} canApply={hasFile && !kubectlEditing} onApply={apply} />
    </div>
  );
}
