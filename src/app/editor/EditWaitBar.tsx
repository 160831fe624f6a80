// The bar above a file that a running `kubectl edit` waits on: says which command waits
// and how to hand the file back (Done, Ctrl/Cmd+S, or closing the tab), as quitting
// $EDITOR would. kubectl then applies it, or opens it again with its errors on top.

import { memo } from 'react';
import { closeEditor } from '../store/actions';
import { useStore } from '../store/state';
import { SAVE_SHORTCUT } from './EditorStatus';
import { OkIcon } from './icons';

export const EditWaitBar = memo(function EditWaitBar({ path }: { path: string }) {
  const line = useStore((s) => s.editing[path]?.handle.line);
  if (line === undefined) return null;
  return (
    <div className="editor-edit-bar" role="status" aria-label="kubectl edit is waiting">
      {/* In a narrow pane (a 700×450 embed) the long text took four lines: a short one, at most
          two lines, stands in for it there (editor.css), with the long one as its title. */}
      <span className="editor-edit-text editor-edit-long">
        <code>{line}</code> is waiting for this file. Edit it, then press Done ({SAVE_SHORTCUT}) — kubectl applies it. Ctrl+C in the terminal cancels.
      </span>
      <span className="editor-edit-text editor-edit-short" title={`${line} is waiting for this file. Edit it, then press Done (${SAVE_SHORTCUT}) — kubectl applies it. Ctrl+C in the terminal cancels.`}>
        <code>{line}</code> is waiting: edit, then Done.
      </span>
      <button type="button" className="editor-btn editor-apply" onClick={() => closeEditor(path)} aria-keyshortcuts={SAVE_SHORTCUT === '⌘S' ? 'Meta+S' : 'Control+S'} title={`Close the editor for kubectl (${SAVE_SHORTCUT})`}>
        <OkIcon />
        <span>Done</span>
        <kbd>{SAVE_SHORTCUT}</kbd>
      </button>
    </div>
  );
});
