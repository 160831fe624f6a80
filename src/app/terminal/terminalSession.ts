// One shell session: turns input into line edits, runs lines, prints output and
// echoes commands run elsewhere. It draws through a minimal Screen (write + width),
// so it runs in Node tests without xterm; xtermSetup.ts binds it to a real terminal.
import type { ExecResult } from '../../engine';
import type { TerminalEntry } from '../store/state';
import { applyCompletion, complete, formatCandidates, type CompletionSource } from './completion';
import { EMPTY_LINE, applyKey, eraseLine, leaveLine, parseKeys, renderLine, type Key, type LineState } from './lineEditor';
import { HELP_INTRO, INTERRUPT, PROMPT, READ_ONLY_NOTICE, STARTUP_FAILED, WAITING_FOR_START, WELCOME, formatEcho, formatResult } from './prompt';

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
  /**
   * Whether the cluster takes commands yet (the store's `startup`): while the page starts,
   * a line waits for it (startupSettled), as a shell's typeahead waits for a busy command.
   */
  startup(): 'starting' | 'running' | 'failed';
}

/** Clears the screen and the scrollback, as data so it stays in order with queued output. */
export const CLEAR_SCREEN = '\x1b[2J\x1b[3J\x1b[H';

export class TerminalSession {
  private line: LineState = EMPTY_LINE;
  /** Row of the cursor, counted from the first row of the prompt line. */
  private cursorRow = 0;
  private lastEntryId = 0;
  private readOnly: boolean;
  /**
   * A line entered while the page starts: it runs when the cluster is ready, and keys
   * typed meanwhile wait behind it (then run in order), so nothing typed is lost.
   * `echoed` says other output came between the line and its answer (it is shown again).
   */
  private waiting: { line: string; keys: Key[]; echoed: boolean } | undefined;

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
    this.handleKeys(parseKeys(data));
  }

  /**
   * The page has started (or failed to): the waiting line runs now, then the keys typed
   * behind it. Called once everything the start runs has run (the example's own
   * commands, a saved session's replay), so the line sees the cluster the person sees.
   */
  startupSettled(): void {
    const waiting = this.waiting;
    if (!waiting) return;
    this.waiting = undefined;
    if (waiting.echoed) this.screen.write(`${PROMPT.text}${waiting.line}\r\n`);
    this.execute(waiting.line);
    this.prompt();
    this.handleKeys(waiting.keys);
  }

  private handleKeys(keys: readonly Key[]): void {
    for (const key of keys) {
      if (this.waiting) {
        this.keyWhileWaiting(key);
        continue;
      }
      const before = this.line;
      const { state, effect } = applyKey(before, key, this.deps.history());
      this.line = state;
      switch (effect) {
        case 'submit':
          this.screen.write(leaveLine(PROMPT.width, before, this.screen.cols(), this.cursorRow));
          if (this.mustWait(before.text)) this.startWaiting(before.text);
          else {
            this.execute(before.text);
            this.prompt();
          }
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
    // A waiting line has no prompt to erase or draw again: the cursor is on a fresh row.
    const editing = !this.readOnly && !this.waiting;
    if (editing) this.screen.write(eraseLine(this.cursorRow));
    for (const entry of shown) this.screen.write(formatEcho(entry));
    if (this.waiting) this.waiting.echoed = true;
    if (editing) {
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

  /** Ctrl+C gives up the waiting line (and the keys typed before it); other keys queue behind it. */
  private keyWhileWaiting(key: Key): void {
    if (!this.waiting) return;
    if (key.type !== 'interrupt') {
      this.waiting.keys.push(key);
      return;
    }
    this.waiting = undefined;
    this.screen.write(`${INTERRUPT}\r\n`);
    this.prompt();
  }

  /** Lines that need the cluster wait while the page starts; `clear` and empty lines never do. */
  private mustWait(text: string): boolean {
    const line = text.trim();
    return line !== '' && line !== 'clear' && this.deps.startup() === 'starting';
  }

  private startWaiting(line: string): void {
    this.waiting = { line, keys: [], echoed: false };
    this.line = EMPTY_LINE;
    this.cursorRow = 0;
    this.screen.write(WAITING_FOR_START);
  }

  private execute(text: string): void {
    const line = text.trim();
    if (line === '') return;
    // The command line's code never arrived: say so (the page's notice does too) instead of "still starting".
    if (line !== 'clear' && this.deps.startup() === 'failed') {
      this.screen.write(STARTUP_FAILED);
      return;
    }
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
