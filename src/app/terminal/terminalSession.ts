// One shell session: turns input into line edits, runs lines, prints output and
// echoes commands run elsewhere. It draws through a minimal Screen (write + width),
// so it runs in Node tests without xterm; xtermSetup.ts binds it to a real terminal.
import type { ExecResult } from '../../engine';
import type { TerminalEntry } from '../store/state';
import { applyCompletion, complete, formatCandidates, type CompletionSource } from './completion';
import { EMPTY_LINE, applyKey, eraseLine, leaveLine, parseKeys, renderLine, type LineState } from './lineEditor';
import { HELP_INTRO, INTERRUPT, PROMPT, READ_ONLY_NOTICE, WELCOME, formatEcho, formatResult } from './prompt';

export interface Screen {
  write(data: string): void;
  cols(): number;
}

export interface SessionDeps {
  /** Runs a typed line through the store's one command path. */
  run(line: string): ExecResult;
  /** Lines typed so far, oldest first. */
  history(): readonly string[];
  /** Records a line the terminal handled itself (clear, help) in the history. */
  recordTyped(line: string): void;
  completionSource(): CompletionSource;
  /** Text of `sim help`, shown under `help`. */
  simHelp(): string;
}

/** Clears the screen and the scrollback, as data so it stays in order with queued output. */
export const CLEAR_SCREEN = '\x1b[2J\x1b[3J\x1b[H';

export class TerminalSession {
  private line: LineState = EMPTY_LINE;
  /** Row of the cursor, counted from the first row of the prompt line. */
  private cursorRow = 0;
  private lastEntryId = 0;
  private readOnly: boolean;

  constructor(
    private readonly screen: Screen,
    private readonly deps: SessionDeps,
    options: { readOnly: boolean },
  ) {
    this.readOnly = options.readOnly;
  }

  /** Prints the greeting, replays earlier commands (a remount keeps the record) and shows the prompt. */
  start(entries: readonly TerminalEntry[]): void {
    this.screen.write(this.readOnly ? READ_ONLY_NOTICE : WELCOME);
    for (const entry of entries) this.screen.write(formatEcho(entry));
    this.lastEntryId = entries.length ? entries[entries.length - 1].id : 0;
    if (!this.readOnly) this.prompt();
  }

  get text(): string {
    return this.line.text;
  }

  /** Raw input from the terminal: keys, escape sequences or pasted text (each pasted line runs in turn). */
  input(data: string): void {
    if (this.readOnly) return;
    for (const key of parseKeys(data)) {
      const before = this.line;
      const { state, effect } = applyKey(before, key, this.deps.history());
      this.line = state;
      switch (effect) {
        case 'submit':
          this.screen.write(leaveLine(PROMPT.width, before, this.screen.cols(), this.cursorRow));
          this.execute(before.text);
          this.prompt();
          break;
        case 'interrupt': {
          this.redraw({ ...before, cursor: before.text.length });
          this.screen.write(`${INTERRUPT}\r\n`);
          this.prompt();
          break;
        }
        case 'clearScreen':
          this.screen.write(CLEAR_SCREEN);
          this.cursorRow = 0;
          this.redraw(this.line);
          break;
        case 'complete':
          this.complete();
          break;
        default:
          if (state !== before) this.redraw(state);
      }
    }
  }

  /** Echoes commands that ran elsewhere (toolbar, menus, editor), each after a comment saying where. */
  echo(entries: readonly TerminalEntry[]): void {
    const fresh = entries.filter((e) => e.id > this.lastEntryId);
    if (fresh.length === 0) return;
    this.lastEntryId = fresh[fresh.length - 1].id;
    const shown = fresh.filter((e) => e.source !== 'terminal');
    if (shown.length === 0) return;
    if (!this.readOnly) this.screen.write(eraseLine(this.cursorRow));
    for (const entry of shown) this.screen.write(formatEcho(entry));
    if (!this.readOnly) {
      this.cursorRow = 0;
      this.redraw(this.line);
    }
  }

  setReadOnly(readOnly: boolean): void {
    if (readOnly === this.readOnly) return;
    this.readOnly = readOnly;
    if (readOnly) {
      this.screen.write(eraseLine(this.cursorRow) + READ_ONLY_NOTICE);
      this.line = EMPTY_LINE;
      this.cursorRow = 0;
    } else {
      this.prompt();
    }
  }

  /** Redraws the line being edited (after a resize reflowed it, for instance). */
  redraw(state: LineState = this.line): void {
    if (this.readOnly) return;
    const r = renderLine(PROMPT, state, this.screen.cols(), this.cursorRow);
    this.cursorRow = r.cursorRow;
    this.screen.write(r.output);
  }

  private prompt(): void {
    this.line = EMPTY_LINE;
    this.cursorRow = 0;
    this.screen.write(`\r${PROMPT.text}`);
  }

  private execute(text: string): void {
    const line = text.trim();
    if (line === '') return;
    if (line === 'clear') {
      this.deps.recordTyped(text);
      this.screen.write(CLEAR_SCREEN);
      return;
    }
    if (line === 'help') {
      this.deps.recordTyped(text);
      this.screen.write(HELP_INTRO + formatResult({ stdout: this.deps.simHelp(), stderr: '' }));
      return;
    }
    this.screen.write(formatResult(this.deps.run(text)));
  }

  private complete(): void {
    const completion = complete(this.line.text, this.line.cursor, this.deps.completionSource());
    const { text, cursor, list } = applyCompletion(this.line.text, completion);
    if (list.length > 0) {
      // Like bash: the candidates below the line, then the line again.
      this.redraw({ ...this.line, cursor: this.line.text.length });
      this.screen.write('\r\n' + formatCandidates(list, this.screen.cols()).join('\r\n') + '\r\n');
      this.cursorRow = 0;
      this.redraw(this.line);
      return;
    }
    if (text !== this.line.text || cursor !== this.line.cursor) {
      this.line = { ...this.line, text, cursor };
      this.redraw(this.line);
    }
  }
}
