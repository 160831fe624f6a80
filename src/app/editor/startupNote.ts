// What the editor says while the page starts (boot.ts). The example or the saved
// session replaces the files on show when it starts, so until then the editor
// takes no typing and Apply is off: it says so, instead of dropping keystrokes.

import type { PlaygroundState } from '../store/state';

type Startup = PlaygroundState['startup'];

/** The status line's note; undefined once the example or session is running. */
export function startupNote(startup: Startup, readOnly: boolean): string | undefined {
  if (startup === 'starting') return readOnly ? 'Starting the cluster…' : 'Starting the cluster… You can edit once it is running.';
  if (startup === 'failed') return `${readOnly ? 'The' : 'Editing is off: the'} cluster could not start. Reload the page to try again.`;
  return undefined;
}

/** What the editor says at the cursor when someone types meanwhile; undefined once running. */
export function startupTypingMessage(startup: Startup): string | undefined {
  if (startup === 'starting') return 'The cluster is starting: you can edit in a moment.';
  if (startup === 'failed') return 'Editing is off: the cluster could not start. Reload the page to try again.';
  return undefined;
}

/** The Apply button's tooltip while it is off. */
export const APPLY_WAITS = 'Apply works once the cluster is running';
