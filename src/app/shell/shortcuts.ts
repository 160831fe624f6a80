// The page's keyboard shortcuts, in one table that the help popover lists and
// the tooltips quote. Alt+Shift+letter avoids the browser's own Ctrl shortcuts
// and the editor's; the handler runs in the capture phase so it works wherever
// the focus is (editor, terminal, graph).

import { useEffect } from 'react';
import { setPresenter, setTheme, setTimeRunning, togglePane } from '../store/actions';
import { useStore } from '../store/state';

export interface Shortcut {
  /** As shown to people and in aria-keyshortcuts. */
  keys: string;
  /** KeyboardEvent.code with Alt+Shift held. */
  code: string;
  label: string;
  run: () => void;
}

export const SHORTCUTS: Shortcut[] = [
  { keys: 'Alt+Shift+E', code: 'KeyE', label: 'Show or hide the editor', run: () => togglePane('editor') },
  { keys: 'Alt+Shift+T', code: 'KeyT', label: 'Show or hide the terminal', run: () => togglePane('terminal') },
  { keys: 'Alt+Shift+I', code: 'KeyI', label: 'Show or hide the inspector', run: () => togglePane('inspector') },
  { keys: 'Alt+Shift+D', code: 'KeyD', label: 'Switch between light and dark theme', run: () => setTheme(useStore.getState().theme === 'dark' ? 'light' : 'dark') },
  { keys: 'Alt+Shift+P', code: 'KeyP', label: 'Presenter view (larger text)', run: () => setPresenter(!useStore.getState().presenter) },
  { keys: 'Alt+Shift+Space', code: 'Space', label: 'Pause or resume simulated time', run: () => setTimeRunning(!useStore.getState().timeRunning) },
];

export const shortcutFor = (code: string) => SHORTCUTS.find((s) => s.code === code)?.keys;

/** Other keys the help lists (handled where they apply). */
export const OTHER_KEYS: [string, string][] = [
  ['Arrow keys on a resize handle', 'Resize the pane (Shift: larger steps); Enter resets'],
  ['Escape', 'Close a menu or popover'],
  ['?', 'Open this help (outside text fields)'],
];

export function useGlobalShortcuts(openHelp: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey) {
        const shortcut = SHORTCUTS.find((s) => s.code === e.code);
        if (!shortcut) return;
        e.preventDefault();
        e.stopPropagation();
        shortcut.run();
        return;
      }
      if (e.key === '?' && !e.ctrlKey && !e.metaKey && !e.altKey && !isTextField(e.target)) {
        e.preventDefault();
        openHelp();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [openHelp]);
}

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || !!target.closest('.monaco-editor, .xterm');
}
