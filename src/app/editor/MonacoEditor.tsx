// The Monaco editor itself, in its own lazily loaded chunk (EditorPane imports it
// with React.lazy). One model per workspace file, so each tab keeps its undo
// history; every change is written to the store at once (nothing typed is lost,
// even invalid YAML); files changed elsewhere (the inspector's "copy to editor",
// a scenario) flow back into their models.

import { memo, useEffect, useRef } from 'react';
import { writeFile } from '../store/actions';
import { useStore } from '../store/state';
import { setComponentHook } from '../componentHooks';
import { setRevealer } from './editorBridge';
import { toMarkers } from './markers';
import { markerMerger, monaco } from './monacoSetup';
import type { Checked } from './useManifestChecks';

type Model = ReturnType<typeof monaco.editor.createModel>;

const uriOf = (path: string) => monaco.Uri.from({ scheme: 'file', path: `/workspace/${path}` });

function modelFor(path: string, text: string): Model {
  const uri = uriOf(path);
  return monaco.editor.getModel(uri) ?? monaco.editor.createModel(text, 'yaml', uri);
}

/**
 * What e2e tests read and set through `window.__playground.editor` (multi-line typing is
 * mangled by auto-indent). Added only when the test hooks are on (testHooks.ts, `?test-hooks=1`).
 */
export interface EditorTestHook {
  getValue(): string;
  setValue(text: string): void;
  markers(): { message: string; line: number; owner: string; severity: number }[];
  /** Page coordinates of a position (to hover it), after scrolling it into view. */
  pointAt(line: number, col: number): { x: number; y: number } | null;
  /** Puts the cursor at a position and focuses the editor. */
  setCursor(line: number, col: number): void;
}

interface Props {
  path: string;
  readOnly: boolean;
  /** What the editor says when someone types while it is read-only (Monaco's own words when undefined). */
  readOnlyMessage?: string;
  theme: 'light' | 'dark';
  fontSize: number;
  /** kubectl's latest verdict on this file (null while the first is pending, or the checks are not available). */
  checked: Checked | null;
  onSave: () => void;
  label: string;
}

// Memoised: EditorPane re-renders on every keystroke (the store's file text changes),
// while this component only needs to react to a new file, theme or verdict.
export default memo(function MonacoEditor({ path, readOnly, readOnlyMessage, theme, fontSize, checked, onSave, label }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<ReturnType<typeof monaco.editor.create> | null>(null);
  const onSaveRef = useRef(onSave);
  onSaveRef.current = onSave;

  useEffect(() => {
    const editor = monaco.editor.create(host.current!, {
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      tabSize: 2,
      insertSpaces: true,
      wordWrap: 'off',
      fixedOverflowWidgets: true,
      renderLineHighlight: 'line',
      quickSuggestions: { other: true, comments: false, strings: true },
      // Monaco hides squiggles in a read-only editor by default ('editable'). Problems are worth
      // seeing there too: a read-only embed's Problems list names them, and while the page
      // starts (read-only until the command line has loaded) the schema's warnings are the
      // only check there is (schemaMarkers.ts).
      renderValidationDecorations: 'on',
    });
    editorRef.current = editor;
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => onSaveRef.current());
    const sub = editor.onDidChangeModelContent(() => {
      const model = editor.getModel();
      if (!model) return;
      const p = decodeURIComponent(model.uri.path.replace(/^\/workspace\//, ''));
      // Straight to the store on every keystroke (it persists and feeds `kubectl apply -f`).
      const text = model.getValue();
      if (useStore.getState().files[p] !== text) writeFile(p, text);
    });
    // Files changed from elsewhere: update their models (keeping undo with an edit, not setValue).
    const unsubscribe = useStore.subscribe((s, prev) => {
      if (s.files === prev.files) return;
      for (const model of monaco.editor.getModels()) {
        if (!model.uri.path.startsWith('/workspace/')) continue;
        const p = decodeURIComponent(model.uri.path.slice('/workspace/'.length));
        const text = s.files[p];
        if (text === undefined) {
          if (editor.getModel() !== model) model.dispose();
        } else if (text !== model.getValue()) {
          model.pushEditOperations([], [{ range: model.getFullModelRange(), text }], () => null);
        }
      }
    });
    const editorHook: EditorTestHook = {
      getValue: () => editor.getValue(),
      setValue: (text) => editor.getModel()?.setValue(text),
      markers: () =>
        monaco.editor.getModelMarkers({ resource: editor.getModel()?.uri }).map((m) => ({ message: m.message, line: m.startLineNumber, owner: m.owner, severity: m.severity })),
      pointAt: (lineNumber, column) => {
        editor.revealPositionInCenter({ lineNumber, column });
        const p = editor.getScrolledVisiblePosition({ lineNumber, column });
        const r = host.current?.getBoundingClientRect();
        return p && r ? { x: r.left + p.left + 2, y: r.top + p.top + p.height / 2 } : null;
      },
      setCursor: (lineNumber, column) => {
        editor.setPosition({ lineNumber, column });
        editor.revealLineInCenterIfOutsideViewport(lineNumber);
        editor.focus();
      },
    };
    setComponentHook('editor', editorHook);
    setRevealer((lineNumber, column) => {
      editor.setPosition({ lineNumber, column });
      editor.revealLineInCenterIfOutsideViewport(lineNumber);
      editor.focus();
    });
    return () => {
      setRevealer(undefined);
      sub.dispose();
      unsubscribe();
      editor.dispose();
      setComponentHook('editor', undefined);
      editorRef.current = null;
    };
  }, []);

  useEffect(() => {
    editorRef.current?.updateOptions({ ariaLabel: label });
  }, [label]);

  useEffect(() => {
    const editor = editorRef.current;
    if (!editor) return;
    const text = useStore.getState().files[path];
    if (text === undefined) return;
    const model = modelFor(path, text);
    if (model.getValue() !== text) model.setValue(text);
    if (editor.getModel() !== model) editor.setModel(model);
  }, [path]);

  useEffect(() => {
    editorRef.current?.updateOptions({ readOnly, domReadOnly: readOnly, readOnlyMessage: readOnlyMessage ? { value: readOnlyMessage } : undefined, fontSize });
  }, [readOnly, readOnlyMessage, fontSize]);

  useEffect(() => {
    monaco.editor.setTheme(theme === 'dark' ? 'playground-dark' : 'playground-light');
  }, [theme]);

  useEffect(() => {
    // No verdict yet for a file just opened: its model keeps the markers of its last one
    // (on the same text, unless it changed meanwhile: schemaMarkers.ts) until the new one lands.
    const model = monaco.editor.getModel(uriOf(path));
    if (model && checked?.path === path) markerMerger.setKubectlVerdict(model, { text: checked.text, markers: toMarkers(checked.diagnostics) });
  }, [path, checked]);

  return <div ref={host} className="editor-monaco" data-testid="monaco-host" />;
});
