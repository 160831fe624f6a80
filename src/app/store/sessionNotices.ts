// What the page tells the person when their saved session cannot be kept or
// brought back whole (persistence.ts): what was kept, what was lost, and what
// they can do about it. Texts only, so each case reads alike wherever it is said.

import type { Notice } from './notices';
import type { LogLoss } from './session';

export interface SessionNotice {
  text: string;
  tone: Notice['tone'];
}

/** What a notice says about the files when the cluster started fresh (their tabs are all marked). */
const FRESH_FILES = 'Your files are back, marked as not applied: apply them to create their objects again.';

/** What keeps the files when this browser cannot: the toolbar's Share dialog makes a link of them. */
const SHARE_TIP = 'keep your files elsewhere: the Share button puts them in a link';

/** What the person can do about a full storage (the origin's quota is shared with other pages of the site). */
const FREE_STORAGE = "Free some of this site's browser storage to have the cluster saved too.";

/** After a reload, when the saved session had no replay log; `reason` is unknown for sessions saved as version 1. */
export function restoredWithoutLogNotice(reason: LogLoss | undefined): SessionNotice {
  switch (reason) {
    case 'too-long':
      return { tone: 'info', text: `Your last session was too long to replay, so the cluster started fresh. ${FRESH_FILES}` };
    case 'storage-full':
      return {
        tone: 'warn',
        text: `Browser storage was full when your session was last saved, so the cluster was not saved and started fresh; your files, tabs and terminal history were kept. ${FRESH_FILES} ${FREE_STORAGE}`,
      };
    case undefined:
      return { tone: 'info', text: `Your last session's cluster was not saved (it was too long to replay, or browser storage was full), so the cluster started fresh. ${FRESH_FILES}` };
  }
}

/** While working: the session fitted only without its replay log. */
export function noticeWhenSavedWithoutLog(): SessionNotice {
  return {
    tone: 'warn',
    text: `Browser storage is full: your files, tabs and terminal history are saved, but not the cluster, so after a reload it starts fresh and your files need applying again. ${FREE_STORAGE}`,
  };
}

/** While working: nothing could be saved (storage full even without the log, or blocked). */
export function noticeWhenCannotSave(): SessionNotice {
  return {
    tone: 'warn',
    text: `Browser storage is full or blocked: your latest changes are not saved, and a reload would lose them. Before reloading, ${SHARE_TIP}.`,
  };
}

/** After a reload, when replaying the saved log threw (a bug in the engine); `keptUnder` is where its text was kept. */
export function noticeWhenReplayFailed(keptUnder: string | undefined): SessionNotice {
  const kept = keptUnder ? ` The saved session was kept in localStorage under "${keptUnder}".` : '';
  return { tone: 'warn', text: `The saved cluster could not be rebuilt (a bug in the playground), so it started fresh. ${FRESH_FILES}${kept}` };
}
