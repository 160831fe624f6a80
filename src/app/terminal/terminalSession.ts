// One shell session: turns input into line edits, runs lines, prints output and
// echoes commands run elsewhere. It draws through a minimal Screen (write + width),
// so it runs in Node tests without xterm; xtermSetup.ts binds it to a real terminal.
import type { ExecResult, RunningCommand } from '../../engine';
import type { TerminalEntry, WaitingCommand } from '../store/state';
import { applyCompletion, complete, formatCandidates, type CompletionSource } from './completion';
import { EMPTY_LINE, applyKey, eraseLine, leaveLine, parseKeys, renderLine, type Key, type LineState } from './lineEditor';
import { HELP_INTRO, INTERRUPT, PROMPT, READ_ONLY_NOTICE, STARTUP_FAILED, WAITING_FOR_START, WELCOME, formatChunks, formatEcho, formatResult, formatWaiting, toCrlf } from './prompt';
import { backgroundLine, JobTable } from './jobs';

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
  /** The store's `startup`: `failed` when the command line's code could not load. */
  startup(): 'starting' | 'running' | 'failed';
  /**
   * The store's one way in for commands given while the page starts (actions.ts
   * runWhenStarted): calls `run` at once when the start is over, else queues it behind
   * the commands given before (typed or clicked) and returns a function that drops it.
   */
  whenStarted(line: string, run: () => void): (() => void) | undefined;
  /**
   * Starts a line that may keep running (kubectl get -w, logs -f, port-forward) through the
   * store's command path; without it every line runs to its end through `run`.
   */
  start?(line: string): RunningCommand;
}

/** A line entered while the page starts; `echoed` says other output came between the line and its answer (it is shown again). */
interface WaitingLine {
  line: string;
  /** Keys typed behind the line, played after its answer. */
  keys: Key[];
  /**
   * Where keys typed now go: `keys`, or, once a command clicked meanwhile waits behind
   * the line, a batch queued in the store behind that command (so they keep their turn).
   */
  typeahead: Key[];
  echoed: boolean;
  /** Take the line and its queued typeahead out of the store's queue. */
  drops: (() => void)[];
}

/** The store queue's line for keys typed behind a clicked command (the terminal shows them itself). */
const TYPEAHEAD = '';

/** Clears the screen and the scrollback, as data so it stays in order with queued output. */
export const CLEAR_SCREEN = '\x1b[2J\x1b[3J\x1b[H';

export class TerminalSession {
  private line: LineState = EMPTY_LINE;
  /** Row of the cursor, counted from the first row of the prompt line. */
  private cursorRow = 0;
  private lastEntryId = 0;
  private lastWaitingId = 0;
  private readOnly: boolean;
  /**
   * A line entered while the page starts: it runs when the store says the start is
   * over, and keys typed meanwhile wait behind it (then run in order, as a shell reads
   * typeahead when its command ends), so nothing typed is lost.
   */
  private waiting: WaitingLine | undefined;
  /**
   * The clicked command whose waiting note is the last output on screen: when it runs
   * with nothing printed in between, only its answer is added below the note.
   */
  private noteOnScreen: Pick<WaitingCommand, 'line' | 'source'> | undefined;
  /** The command in the foreground (no prompt until it ends or Ctrl+C). */
  private foreground: RunningCommand | undefined;
  /** Commands started with a trailing `&`. */
  private readonly jobs = new JobTable();
  /** A line is running: output from elsewhere goes below it, with no prompt to erase. */
  private executing = false;

  constructor(
    private readonly screen: Screen,
    private readonly deps: SessionDeps,
    options: { readOnly: boolean },
  ) {
    this.readOnly = options.readOnly;
  }

  /**
   * Prints the greeting, replays earlier commands (a remount keeps the record) and those
   * clicked while the page starts (the terminal's code may arrive after them), then the prompt.
   */
  start(entries: readonly TerminalEntry[], waiting: readonly WaitingCommand[] = []): void {
    this.print(this.readOnly ? READ_ONLY_NOTICE : WELCOME);
    for (const entry of entries) this.print(formatEcho(entry));
    this.lastEntryId = entries.length ? entries[entries.length - 1].id : 0;
    this.printWaiting(waiting);
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

  /** The terminal goes away: a line still waiting for the start is dropped, so the store never runs it into a gone screen. */
  dispose(): void {
    this.dropWaiting();
    this.foreground?.interrupt();
    this.foreground = undefined;
    this.jobs.killAll();
  }

  /** Whether a command runs in the foreground. */
  get busy(): boolean {
    return this.foreground !== undefined;
  }

  /**
   * Shows what running commands wrote since the last look (the binding calls this whenever the
   * cluster changed): background jobs above the line being edited; the foreground command's
   * output, and the prompt again once it has ended by itself.
   */
  pump(): void {
    const fromJobs = this.jobs.read();
    const fg = this.foreground;
    if (!fg) {
      if (fromJobs.length) this.printAbove(() => this.print(formatChunks(fromJobs, 0)));
      return;
    }
    this.print(formatChunks(fromJobs, 0) + formatChunks(fg.read(), fg.exitCode));
    if (fg.done) {
      this.foreground = undefined;
      this.prompt();
    }
  }

  /** Ctrl+C for the foreground command (also what a lesson's click does first): `^C`, then the prompt. */
  interruptForeground(): void {
    const fg = this.foreground;
    if (!fg) return;
    // Taken off the foreground first: ending it changes the store, whose pump must not see
    // it end by itself (and draw a prompt before the `^C`).
    this.foreground = undefined;
    fg.interrupt();
    this.print(formatChunks(fg.read(), fg.exitCode) + `${INTERRUPT}\r\n`);
    this.prompt();
  }

  private handleKeys(keys: readonly Key[]): void {
    for (const key of keys) {
      if (this.foreground) {
        // A running command reads no line: Ctrl+C interrupts it, other keys are dropped.
        if (key.type === 'interrupt') this.interruptForeground();
        continue;
      }
      if (this.waiting) {
        this.keyWhileWaiting(key);
        continue;
      }
      const before = this.line;
      const { state, effect } = applyKey(before, key, this.deps.history());
      this.line = state;
      switch (effect) {
        case 'submit':
          this.print(leaveLine(PROMPT.width, before, this.screen.cols(), this.cursorRow));
          this.submit(before.text);
          break;
        case 'interrupt': {
          this.redraw({ ...before, cursor: before.text.length });
          this.print(`${INTERRUPT}\r\n`);
          this.prompt();
          break;
        }
        case 'clearScreen':
          this.print(CLEAR_SCREEN);
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

  /** Echoes commands that ran elsewhere (toolbar, menus, editor, lesson), each after a comment saying where. */
  echo(entries: readonly TerminalEntry[]): void {
    const fresh = entries.filter((e) => e.id > this.lastEntryId);
    if (fresh.length === 0) return;
    this.lastEntryId = fresh[fresh.length - 1].id;
    const shown = fresh.filter((e) => e.source !== 'terminal');
    if (shown.length === 0) return;
    this.printAbove(() => {
      for (const entry of shown) {
        // Right below its own waiting note, a clicked command needs only its answer.
        const note = this.noteOnScreen;
        this.print(note && note.line === entry.line && note.source === entry.source ? formatResult(entry.result) : formatEcho(entry));
      }
    });
  }

  /** Shows the commands clicked elsewhere (a lesson's try-this) that wait for the start, each with a note saying so. */
  showWaiting(waiting: readonly WaitingCommand[]): void {
    this.printWaiting(waiting);
  }

  private printWaiting(waiting: readonly WaitingCommand[]): void {
    const fresh = waiting.filter((w) => w.id > this.lastWaitingId);
    if (fresh.length === 0) return;
    this.lastWaitingId = fresh[fresh.length - 1].id;
    // The terminal's own typed lines are on screen already.
    const shown = fresh.filter((w) => w.source !== 'terminal');
    if (shown.length === 0) return;
    this.printAbove(() => {
      for (const command of shown) {
        this.print(formatWaiting(command));
        this.noteOnScreen = command;
      }
    });
    // Keys typed from now on behind a waiting line come after these commands.
    const line = this.waiting;
    if (line) {
      const later: Key[] = [];
      line.typeahead = later;
      const drop = this.deps.whenStarted(TYPEAHEAD, () => this.handleKeys(later));
      if (drop) line.drops.push(drop);
    }
  }

  /** Prints output above the line being edited (erased, then drawn again below it). */
  private printAbove(printOutput: () => void): void {
    // A waiting line has no prompt to erase or draw again: the cursor is on a fresh row.
    const editing = !this.readOnly && !this.waiting && !this.executing && !this.foreground;
    if (editing) this.screen.write(eraseLine(this.cursorRow));
    printOutput();
    if (this.waiting) this.waiting.echoed = true;
    if (editing) {
      this.cursorRow = 0;
      this.redraw(this.line);
    }
  }

  /** Writes output (not the prompt or the line being edited): a waiting note is no longer the last thing shown. */
  private print(data: string): void {
    this.noteOnScreen = undefined;
    this.screen.write(data);
  }

  setReadOnly(readOnly: boolean): void {
    if (readOnly === this.readOnly) return;
    this.readOnly = readOnly;
    if (readOnly) {
      this.print(eraseLine(this.cursorRow) + READ_ONLY_NOTICE);
      this.line = EMPTY_LINE;
      this.cursorRow = 0;
    } else {
      this.prompt();
    }
  }

  /** Redraws the line being edited (after a resize reflowed it, for instance). */
  redraw(state: LineState = this.line): void {
    // No prompt while a command holds the foreground (a resize comes when `kubectl edit` unfolds the editor pane).
    if (this.readOnly || this.foreground) return;
    const r = renderLine(PROMPT, state, this.screen.cols(), this.cursorRow);
    this.cursorRow = r.cursorRow;
    this.screen.write(r.output);
  }

  private prompt(): void {
    if (this.foreground || this.readOnly) return;
    // bash reports jobs that ended before it shows the next prompt.
    const ended = this.jobs.reportEnded();
    if (ended) this.print(toCrlf(ended));
    this.line = EMPTY_LINE;
    this.cursorRow = 0;
    this.screen.write(`\r${PROMPT.text}`);
  }

  /** Ctrl+C gives up the waiting line (and the keys typed before it); other keys queue behind it. */
  private keyWhileWaiting(key: Key): void {
    if (!this.waiting) return;
    if (key.type !== 'interrupt') {
      this.waiting.typeahead.push(key);
      return;
    }
    this.dropWaiting();
    this.print(`${INTERRUPT}\r\n`);
    this.prompt();
  }

  /**
   * Runs an entered line, through the store's queue: while the page starts it waits there
   * (in order with commands clicked meanwhile), saying so. `clear` and empty lines need
   * no cluster and never wait.
   */
  private submit(text: string): void {
    const line = text.trim();
    if (line === '' || line === 'clear') {
      this.execute(text);
      this.prompt();
      return;
    }
    const keys: Key[] = [];
    const waiting: WaitingLine = { line: text, keys, typeahead: keys, echoed: false, drops: [] };
    this.waiting = waiting;
    // Runs at once (before this returns) when the start is over.
    const drop = this.deps.whenStarted(text, () => this.runWaiting(waiting));
    if (this.waiting !== waiting) return;
    if (drop) waiting.drops.push(drop);
    this.line = EMPTY_LINE;
    this.cursorRow = 0;
    this.print(WAITING_FOR_START);
  }

  private dropWaiting(): void {
    for (const drop of this.waiting?.drops ?? []) drop();
    this.waiting = undefined;
  }

  /** The line's turn has come: its answer (below the line again if other output came between), then the keys typed behind it. */
  private runWaiting(waiting: WaitingLine): void {
    if (this.waiting !== waiting) return;
    this.waiting = undefined;
    if (waiting.echoed) this.print(`${PROMPT.text}${waiting.line}\r\n`);
    this.execute(waiting.line);
    this.prompt();
    this.handleKeys(waiting.keys);
  }

  private execute(text: string): void {
    this.executing = true;
    try {
      this.executeLine(text);
    } finally {
      this.executing = false;
    }
  }

  private executeLine(text: string): void {
    const line = text.trim();
    if (line === '') return;
    // The command line's code never arrived: say so (the page's notice does too) instead of "still starting".
    if (line !== 'clear' && this.deps.startup() === 'failed') {
      this.print(STARTUP_FAILED);
      return;
    }
    if (line === 'clear') {
      this.deps.recordTyped(text);
      this.print(CLEAR_SCREEN);
      return;
    }
    if (line === 'help') {
      this.deps.recordTyped(text);
      this.print(HELP_INTRO + formatResult({ stdout: this.deps.simHelp(), stderr: '' }));
      return;
    }
    const builtin = this.jobs.builtin(line);
    if (builtin) {
      this.deps.recordTyped(text);
      this.print(formatResult(builtin));
      return;
    }
    if (!this.deps.start) {
      this.print(formatResult(this.deps.run(text)));
      return;
    }
    const background = backgroundLine(line);
    const handle = this.deps.start(background ?? text);
    if (background !== undefined) {
      const job = this.jobs.add(background, handle);
      this.print(`[${job.id}] ${job.pid}\r\n${formatChunks(handle.read(), handle.exitCode)}`);
      return;
    }
    this.print(formatChunks(handle.read(), handle.exitCode));
    if (!handle.done) this.foreground = handle;
  }

  private complete(): void {
    const completion = complete(this.line.text, this.line.cursor, this.deps.completionSource());
    const { text, cursor, list } = applyCompletion(this.line.text, completion);
    if (list.length > 0) {
      // Like bash: the candidates below the line, then the line again.
      this.redraw({ ...this.line, cursor: this.line.text.length });
      this.print('\r\n' + formatCandidates(list, this.screen.cols()).join('\r\n') + '\r\n');
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
