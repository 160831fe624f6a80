// `kubectl edit` typed in the page: kubectl's $EDITOR is the editor pane. The file a running
// edit waits on (RunningCommand.editing, engine/running.ts) opens as a tab; Done (or closing
// the tab) is the editor exiting (closeEditor), after which kubectl applies the file, ends,
// or reopens the edit in a new temp file with its errors on top (the tab follows it). Kept
// apart from actions.ts, which calls in.
// The store's `editing` is the one record of the running edits: initStore empties it with
// the cluster, and whether an edit still waits is read from its handle.
//
// Replay (persistence.ts): the edit is recorded as a running command (its start), and each
// Done as a `close` input with the file's text then, so a reload replays the edit as it went.

import type { RunningCommand } from '../../engine';
import { Workspace } from '../../engine/workspace';
import { type PlaygroundState, useStore } from './state';

/** A command just started: if it waits on an editor, its file becomes the open tab (the editor pane unfolds). */
export function trackEditor(handle: RunningCommand, recordClose: (path: string, text: string) => void): void {
  const file = handle.editing;
  if (!file) return;
  // The store's (workspace's) name for the path kubectl prints: `/tmp/a.yaml` is `tmp/a.yaml`.
  const name = Workspace.normalise(file.path);
  useStore.setState((s) => ({
    editing: { ...s.editing, [name]: { handle, recordClose, returnTo: s.activeFile } },
    activeFile: name,
    collapsed: s.collapsed.editor ? { ...s.collapsed, editor: false } : s.collapsed,
  }));
}

/** The person closed the editor on `name`: kubectl reads it and carries on. False when no edit waits on it. */
export function closeEditorSession(name: string): boolean {
  const { editing, files } = useStore.getState();
  const session = editing[name];
  if (!session) return false;
  session.recordClose(name, files[name] ?? '');
  session.handle.closeEditor?.();
  return true;
}

/**
 * After the cluster changed (an edit ended, was reopened or interrupted): the files still
 * waited on, and the open tab — an ended edit's tab, once kubectl removed its file (it keeps
 * a copy of refused changes), gives way to the one open before. refresh() calls it on every
 * change: with no edit running it only reads the two fields.
 */
export function editsAfterChange(
  s: Pick<PlaygroundState, 'editing' | 'activeFile'>,
  files: Readonly<Record<string, string>>,
  order: readonly string[],
): Pick<PlaygroundState, 'editing' | 'activeFile'> {
  let { editing, activeFile } = s;
  for (const name in s.editing) {
    const session = s.editing[name];
    const file = session.handle.editing;
    const now = file && Workspace.normalise(file.path);
    if (now === name) continue;
    if (editing === s.editing) editing = { ...s.editing };
    delete editing[name];
    if (now) {
      // Reopened after a refused save: kubectl's editor runs again on a new temp file (editor.go
      // LaunchTempFile), and the tab follows it; the old file stays until the next save is read.
      editing[now] = session;
      if (name === activeFile) activeFile = now;
      continue;
    }
    if (name === activeFile && !(name in files)) activeFile = session.returnTo in files ? session.returnTo : (order[0] ?? '');
  }
  return { editing, activeFile };
}
