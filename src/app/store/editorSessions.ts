// `kubectl edit` typed in the page: kubectl's $EDITOR is the editor pane. The file a running
// edit waits on (RunningCommand.editing, engine/running.ts) opens as a tab; Done (or closing
// the tab) is the editor exiting (closeEditor), after which kubectl applies the file, ends,
// or reopens the same file with its errors on top. Kept apart from actions.ts, which calls in.
//
// Replay (persistence.ts): the edit is recorded as a running command (its start), and each
// Done as a `close` input with the file's text then, so a reload replays the edit as it went.

import type { RunningCommand } from '../../engine';
import { Workspace } from '../../engine/workspace';
import { useStore } from './state';

interface EditorSession {
  handle: RunningCommand;
  line: string;
  /** Records a Done: the file's workspace name and its text then. */
  recordClose: (path: string, text: string) => void;
  /** The tab that was open when the edit began: it opens again when the edit's file goes away. */
  returnTo: string;
}

/** Running edits by the workspace name of their file (`tmp/kubectl-edit-x1y2z.yaml`). */
const sessions = new Map<string, EditorSession>();

/** The store's (workspace's) name for a path kubectl prints: `/tmp/a.yaml` is `tmp/a.yaml`. */
export const workspaceName = (path: string) => Workspace.normalise(path);

/** A command just started: if it waits on an editor, its file becomes the open tab (the editor pane unfolds). */
export function trackEditor(handle: RunningCommand, recordClose: (path: string, text: string) => void): void {
  const file = handle.editing;
  if (!file) return;
  const name = workspaceName(file.path);
  sessions.set(name, { handle, line: handle.line, recordClose, returnTo: useStore.getState().activeFile });
  useStore.setState((s) => ({
    editing: { ...s.editing, [name]: handle.line },
    activeFile: name,
    collapsed: s.collapsed.editor ? { ...s.collapsed, editor: false } : s.collapsed,
  }));
}

/** The person closed the editor on `name`: kubectl reads it and carries on. False when no edit waits on it. */
export function closeEditorSession(name: string): boolean {
  const session = sessions.get(name);
  if (!session) return false;
  session.recordClose(name, useStore.getState().files[name] ?? '');
  session.handle.closeEditor?.();
  return true;
}

/** Tabs to open again when an ended edit's file is gone (kubectl removes it unless it keeps a copy). */
const returnTo = new Map<string, string>();

/** The open tab after the cluster changed: an ended edit's tab, once its file is gone, gives way to the one open before. */
export function activeAfterEdits(active: string, files: Readonly<Record<string, string>>, order: readonly string[]): string {
  const previous = returnTo.get(active);
  if (previous === undefined || active in files) return active;
  returnTo.delete(active);
  return previous in files ? previous : (order.find((name) => name in files) ?? '');
}

/** The files still waited on, after the cluster changed (an edit ended, was reopened or interrupted). */
export function editingSynced(current: Record<string, string>): Record<string, string> {
  let changed = false;
  for (const [name, session] of sessions) {
    const file = session.handle.editing;
    if (file && workspaceName(file.path) === name) continue;
    sessions.delete(name);
    returnTo.set(name, session.returnTo);
    changed = true;
  }
  if (!changed && Object.keys(current).length === sessions.size) return current;
  return Object.fromEntries([...sessions].map(([name, s]) => [name, s.line]));
}

/** A new cluster replaces the old one: its edits are gone with it. */
export function forgetEditorSessions(): void {
  sessions.clear();
  returnTo.clear();
}
