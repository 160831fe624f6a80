// The terminal's line editor as a pure state machine: xterm hands us raw input
// (keys as escape sequences, pasted text), parseKeys turns it into keys, and
// applyKey moves the line, the cursor and the place in history. Side effects
// (running the line, clearing the screen, completing) come back as an `effect`
// for the caller to perform. renderLine computes the escape sequences that
// redraw a (possibly wrapped) line, so drawing is testable in Node too.

export interface LineState {
  /** The text of the line being edited. */
  readonly text: string;
  /** Cursor position within `text` (0 … text.length). */
  readonly cursor: number;
  /** Index into history while browsing it with ↑/↓; null while editing a fresh line. */
  readonly historyIndex: number | null;
  /** The fresh line, kept while the person browses history. */
  readonly draft: string;
}

export const EMPTY_LINE: LineState = { text: '', cursor: 0, historyIndex: null, draft: '' };

export type Key =
  | { type: 'insert'; text: string }
  | { type: 'enter' }
  | { type: 'backspace' }
  | { type: 'delete' }
  | { type: 'left' }
  | { type: 'right' }
  | { type: 'wordLeft' }
  | { type: 'wordRight' }
  | { type: 'home' }
  | { type: 'end' }
  | { type: 'up' }
  | { type: 'down' }
  | { type: 'killBefore' } // Ctrl+U
  | { type: 'killAfter' } // Ctrl+K
  | { type: 'killWord' } // Ctrl+W
  | { type: 'interrupt' } // Ctrl+C
  | { type: 'clearScreen' } // Ctrl+L
  | { type: 'tab' }
  | { type: 'ignore' };

export type Effect = 'submit' | 'interrupt' | 'clearScreen' | 'complete';

// Escape sequences xterm sends, in normal and application cursor-key modes.
const SEQUENCES: Record<string, Key> = {
  '\x1b[A': { type: 'up' },
  '\x1bOA': { type: 'up' },
  '\x1b[B': { type: 'down' },
  '\x1bOB': { type: 'down' },
  '\x1b[C': { type: 'right' },
  '\x1bOC': { type: 'right' },
  '\x1b[D': { type: 'left' },
  '\x1bOD': { type: 'left' },
  '\x1b[H': { type: 'home' },
  '\x1bOH': { type: 'home' },
  '\x1b[1~': { type: 'home' },
  '\x1b[F': { type: 'end' },
  '\x1bOF': { type: 'end' },
  '\x1b[4~': { type: 'end' },
  '\x1b[3~': { type: 'delete' },
  '\x1b[1;5C': { type: 'wordRight' },
  '\x1b[1;5D': { type: 'wordLeft' },
  '\x1bf': { type: 'wordRight' },
  '\x1bb': { type: 'wordLeft' },
};

const CONTROL: Record<string, Key> = {
  '\r': { type: 'enter' },
  '\n': { type: 'enter' },
  '\x7f': { type: 'backspace' },
  '\b': { type: 'backspace' },
  '\t': { type: 'tab' },
  '\x01': { type: 'home' },
  '\x05': { type: 'end' },
  '\x02': { type: 'left' },
  '\x06': { type: 'right' },
  '\x04': { type: 'delete' },
  '\x15': { type: 'killBefore' },
  '\x0b': { type: 'killAfter' },
  '\x17': { type: 'killWord' },
  '\x03': { type: 'interrupt' },
  '\x0c': { type: 'clearScreen' },
};

/** Splits raw terminal input into keys; runs of printable text become one insert. */
export function parseKeys(data: string): Key[] {
  const keys: Key[] = [];
  let text = '';
  const flush = () => {
    if (text) keys.push({ type: 'insert', text });
    text = '';
  };
  for (let i = 0; i < data.length; ) {
    const ch = data[i];
    if (ch === '\x1b') {
      flush();
      // eslint-disable-next-line no-control-regex -- terminal input is escape sequences
      const seq = /^\x1b(?:\[[0-9;]*[A-Za-z~]|O[A-Za-z]|[a-z])?/.exec(data.slice(i))?.[0] ?? '\x1b';
      // Bracketed-paste markers wrap pasted text; the text itself is handled as typed.
      keys.push(SEQUENCES[seq] ?? { type: 'ignore' });
      i += seq.length;
      continue;
    }
    if (ch === '\r' && data[i + 1] === '\n') i++; // a pasted CRLF is one line break
    const control = CONTROL[ch];
    if (control) {
      flush();
      keys.push(control);
    } else if (ch >= ' ') {
      text += ch;
    } // other control characters are ignored
    i++;
  }
  flush();
  return keys;
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t';

/** Start of the word before `pos` (readline's unix-word-rubout: words end at spaces). */
function wordStart(text: string, pos: number): number {
  let i = pos;
  while (i > 0 && isSpace(text[i - 1])) i--;
  while (i > 0 && !isSpace(text[i - 1])) i--;
  return i;
}

function wordEnd(text: string, pos: number): number {
  let i = pos;
  while (i < text.length && isSpace(text[i])) i++;
  while (i < text.length && !isSpace(text[i])) i++;
  return i;
}

const edit = (s: LineState, text: string, cursor: number): LineState => ({ ...s, text, cursor });

/**
 * Applies one key. `history` is the list of earlier lines, oldest first (the store's `typed`).
 * Returns the new state and, for keys the caller must act on, an effect.
 */
export function applyKey(s: LineState, key: Key, history: readonly string[]): { state: LineState; effect?: Effect } {
  const { text, cursor } = s;
  switch (key.type) {
    case 'insert':
      return { state: edit(s, text.slice(0, cursor) + key.text + text.slice(cursor), cursor + key.text.length) };
    case 'backspace':
      return { state: cursor === 0 ? s : edit(s, text.slice(0, cursor - 1) + text.slice(cursor), cursor - 1) };
    case 'delete':
      return { state: cursor >= text.length ? s : edit(s, text.slice(0, cursor) + text.slice(cursor + 1), cursor) };
    case 'left':
      return { state: { ...s, cursor: Math.max(0, cursor - 1) } };
    case 'right':
      return { state: { ...s, cursor: Math.min(text.length, cursor + 1) } };
    case 'wordLeft':
      return { state: { ...s, cursor: wordStart(text, cursor) } };
    case 'wordRight':
      return { state: { ...s, cursor: wordEnd(text, cursor) } };
    case 'home':
      return { state: { ...s, cursor: 0 } };
    case 'end':
      return { state: { ...s, cursor: text.length } };
    case 'killBefore':
      return { state: edit(s, text.slice(cursor), 0) };
    case 'killAfter':
      return { state: edit(s, text.slice(0, cursor), cursor) };
    case 'killWord': {
      const start = wordStart(text, cursor);
      return { state: edit(s, text.slice(0, start) + text.slice(cursor), start) };
    }
    case 'up': {
      if (history.length === 0 || s.historyIndex === 0) return { state: s };
      const index = s.historyIndex === null ? history.length - 1 : Math.min(s.historyIndex, history.length) - 1;
      const line = history[index];
      return { state: { text: line, cursor: line.length, historyIndex: index, draft: s.historyIndex === null ? text : s.draft } };
    }
    case 'down': {
      if (s.historyIndex === null) return { state: s };
      const index = s.historyIndex + 1;
      if (index >= history.length) return { state: { text: s.draft, cursor: s.draft.length, historyIndex: null, draft: '' } };
      const line = history[index];
      return { state: { ...s, text: line, cursor: line.length, historyIndex: index } };
    }
    case 'enter':
      return { state: EMPTY_LINE, effect: 'submit' };
    case 'interrupt':
      return { state: EMPTY_LINE, effect: 'interrupt' };
    case 'clearScreen':
      return { state: s, effect: 'clearScreen' };
    case 'tab':
      return { state: s, effect: 'complete' };
    case 'ignore':
      return { state: s };
  }
}

/** Where a character offset of a wrapped line lands on screen (0-based row and column). */
function place(offset: number, cols: number): { row: number; col: number } {
  return { row: Math.floor(offset / cols), col: offset % cols };
}

/**
 * Escape sequences that redraw prompt + line and leave the cursor at `s.cursor`.
 * `cursorRow` is the row (counted from the line's first row) where the cursor was
 * left by the previous draw; the result says where it is now, for the next draw.
 * Assumes one cell per character and a prompt without escape codes in its width.
 */
export function renderLine(
  prompt: { text: string; width: number },
  s: LineState,
  cols: number,
  cursorRow: number,
): { output: string; cursorRow: number } {
  const width = Math.max(1, cols);
  const total = prompt.width + s.text.length;
  let out = (cursorRow > 0 ? `\x1b[${cursorRow}A` : '') + '\r\x1b[J' + prompt.text + s.text;
  // At an exact multiple of the width the cursor waits in the last column; move it to the next row.
  if (total > 0 && total % width === 0) out += '\r\n';
  const end = place(total, width);
  const target = place(prompt.width + s.cursor, width);
  if (end.row > target.row) out += `\x1b[${end.row - target.row}A`;
  if (end.col !== target.col || end.row !== target.row) out += '\r' + (target.col > 0 ? `\x1b[${target.col}C` : '');
  return { output: out, cursorRow: target.row };
}

/** Sequences that move the cursor from its place in the line to a fresh row below the line's end. */
export function leaveLine(promptWidth: number, s: LineState, cols: number, cursorRow: number): string {
  const width = Math.max(1, cols);
  const total = promptWidth + s.text.length;
  const lastRow = total > 0 && total % width === 0 ? total / width - 1 : Math.floor(total / width);
  // After a line that exactly fills its last row, the cursor already waits on a fresh row.
  if (cursorRow > lastRow) return '\r';
  const down = lastRow - cursorRow;
  return (down > 0 ? `\x1b[${down}B` : '') + '\r\n';
}

/** Sequences that erase the line being edited (prompt included), leaving the cursor at its start. */
export function eraseLine(cursorRow: number): string {
  return (cursorRow > 0 ? `\x1b[${cursorRow}A` : '') + '\r\x1b[J';
}
