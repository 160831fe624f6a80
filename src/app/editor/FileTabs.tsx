// The workspace files as tabs (the names `kubectl apply -f NAME` reads): a WAI-ARIA
// tablist with a roving tabindex (←/→/Home/End move between tabs), F2 or a
// double-click to rename, Delete to delete (after a confirmation), and a
// toolbar to create, rename and delete (off while the page starts). Tabs keep
// the order the files were created in. A dot marks a tab whose text differs from
// what was last applied, except while the page itself is about to apply it (an
// example starting).

import { memo, useState, type KeyboardEvent } from 'react';
import { closeEditor, createFile, deleteFile, renameFile, setActiveFile } from '../store/actions';
import { useStore } from '../store/state';
import { fileNameProblem, untitledName } from './fileNames';
import { DirtyDot, PencilIcon, PlusIcon, TrashIcon } from './icons';
import { tabState, tabTitle } from './tabState';

export const tabId = (path: string) => `editor-tab-${path.replace(/[^A-Za-z0-9_-]/g, '_')}`;

const Tab = memo(function Tab(props: { path: string; active: boolean; onRename: (p: string) => void; onKey: (e: KeyboardEvent, p: string) => void }) {
  const { path, active } = props;
  // Each tab subscribes to its own state, so typing re-renders one tab, not the list.
  const state = useStore((s) => tabState(s.files[path], s.appliedFiles[path], s.startingFiles[path]));
  // A file `kubectl edit` waits on is never applied: it says so instead of a dirty dot.
  const editing = useStore((s) => s.editing[path] !== undefined);
  const dirty = !editing && (state === 'changed' || state === 'unapplied');
  return (
    <button
      type="button"
      role="tab"
      id={tabId(path)}
      aria-selected={active}
      aria-controls="editor-tabpanel"
      tabIndex={active ? 0 : -1}
      className="editor-tab"
      onClick={() => setActiveFile(path)}
      onDoubleClick={() => props.onRename(path)}
      onKeyDown={(e) => props.onKey(e, path)}
      title={editing ? `${path} — kubectl edit is waiting for it` : tabTitle(path, state)}
    >
      {/* In a narrow pane (a 700×450 embed) the badge after a long temp-file name was cut off: a
          compact marker before the name takes its place there (editor.css), the badge's words stay for screen readers. */}
      {editing && (
        <span className="editor-tab-editing-mark" aria-hidden="true">
          <PencilIcon />
        </span>
      )}
      <span className="editor-tab-name">{path}</span>
      {editing && <span className="editor-tab-editing">kubectl edit</span>}
      {dirty && (
        <span className="editor-tab-dirty">
          <DirtyDot />
          <span className="visually-hidden"> (not applied)</span>
        </span>
      )}
    </button>
  );
});

export const FileTabs = memo(function FileTabs() {
  // The names only, in the tabs' order: typing changes a file's text, not this array.
  const names = useStore((s) => s.fileOrder);
  const activeFile = useStore((s) => s.activeFile);
  const readOnly = useStore((s) => s.embed.readOnly);
  // While the page starts, the start replaces the files: a file made, renamed or deleted now would be undone.
  const starting = useStore((s) => s.startup !== 'running');
  const [renaming, setRenaming] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const [confirming, setConfirming] = useState<string | null>(null);
  const problem = renaming ? fileNameProblem(draft, names, renaming) : undefined;

  const waits = (title: string) => (starting ? `${title}: once the cluster is running` : title);
  const focusTab = (path: string) => requestAnimationFrame(() => document.getElementById(tabId(path))?.focus());
  const isEditing = (path: string) => useStore.getState().editing[path] !== undefined;
  /** Deleting (closing) a file `kubectl edit` waits on closes its editor, as quitting $EDITOR would. */
  const askDelete = (path: string) => (isEditing(path) ? closeEditor(path) : setConfirming(path));
  const startRename = (path: string) => {
    if (readOnly || starting || isEditing(path)) return;
    setConfirming(null);
    setRenaming(path);
    setDraft(path);
  };
  const commitRename = () => {
    if (!renaming) return;
    const name = draft.trim();
    if (problem) return;
    const from = renaming;
    setRenaming(null);
    if (name !== from) renameFile(from, name);
    focusTab(name);
  };
  const onKey = (e: KeyboardEvent, path: string) => {
    const i = names.indexOf(path);
    const go = (j: number) => {
      const next = names[(j + names.length) % names.length];
      setActiveFile(next);
      focusTab(next);
      e.preventDefault();
    };
    if (e.key === 'ArrowRight') go(i + 1);
    else if (e.key === 'ArrowLeft') go(i - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(names.length - 1);
    else if (e.key === 'F2') {
      e.preventDefault();
      startRename(path);
    } else if (e.key === 'Delete' && !readOnly && !starting) {
      e.preventDefault();
      askDelete(path);
    }
  };

  return (
    <div className="editor-tabs-bar">
      <div role="tablist" aria-label="Workspace files" className="editor-tabs">
        {names.map((path) =>
          renaming === path ? (
            <input
              key={path}
              className="editor-tab-rename"
              aria-label={`New name for ${path}`}
              aria-invalid={!!problem}
              aria-describedby={problem ? 'editor-rename-problem' : undefined}
              value={draft}
              autoFocus
              onFocus={(e) => e.currentTarget.setSelectionRange(0, Math.max(0, draft.lastIndexOf('.')))}
              onChange={(e) => setDraft(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') commitRename();
                else if (e.key === 'Escape') {
                  setRenaming(null);
                  focusTab(path);
                }
              }}
              onBlur={() => (problem ? setRenaming(null) : commitRename())}
            />
          ) : (
            <Tab key={path} path={path} active={path === activeFile} onRename={startRename} onKey={onKey} />
          ),
        )}
      </div>
      {!readOnly && (
        <div className="editor-file-actions" role="group" aria-label="File actions">
          <button type="button" className="icon-button" aria-label="New file" title={waits('New file')} disabled={starting} onClick={() => createFile(untitledName(names))}>
            <PlusIcon />
          </button>
          <button type="button" className="icon-button" aria-label="Rename file" title={waits('Rename file (F2)')} disabled={!activeFile || starting} onClick={() => startRename(activeFile)}>
            <PencilIcon />
          </button>
          <button type="button" className="icon-button" aria-label="Delete file" title={waits('Delete file (Delete)')} disabled={!activeFile || starting} onClick={() => askDelete(activeFile)}>
            <TrashIcon />
          </button>
        </div>
      )}
      {problem && (
        <p id="editor-rename-problem" role="alert" className="editor-inline-problem">
          {problem}
        </p>
      )}
      {confirming && (
        <div role="alertdialog" aria-label={`Delete ${confirming}?`} className="editor-confirm">
          <span>
            Delete <strong>{confirming}</strong>? Objects already applied stay in the cluster.
          </span>
          <button
            type="button"
            className="editor-btn danger"
            onClick={() => {
              deleteFile(confirming);
              setConfirming(null);
              const next = useStore.getState().activeFile;
              if (next) focusTab(next);
            }}
          >
            Delete
          </button>
          <button type="button" className="editor-btn" autoFocus onClick={() => { const p = confirming; setConfirming(null); focusTab(p); }}>
            Cancel
          </button>
        </div>
      )}
    </div>
  );
});
