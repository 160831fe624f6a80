// Commands that keep running until interrupted (`kubectl get -w`, `kubectl logs -f`,
// `kubectl port-forward`): the part of the engine's contract beside exec.
//
// A command prints its initial output as any command does, then asks to keep running
// (KeepRunning). From then on it writes more output as the cluster changes (store watch
// events reach it synchronously) and as simulated time moves (poll() runs after every
// command and every advance), until it ends by itself (its pod went away: end(code)) or
// is interrupted (Ctrl-C: interrupt()).
//
// cluster.start(line) hands such a command back as a RunningCommand. Plain cluster.exec(line)
// cannot wait for a person's Ctrl-C, so it closes the stream right after the initial output,
// as if the request had timed out at once: exit code 0, the initial output only. With
// `--request-timeout=D` it first lets simulated time run D (as rollout status does), so a
// script or test sees what the command printed meanwhile. Everything stays deterministic.

import { appendChunk, type ExecResult, internalErrorText, type OutputChunk, orderedOutput, withChunks } from './exec';

/** Where a running command writes, and how it ends itself. */
export interface LiveOutput {
  out(text: string): void;
  err(text: string): void;
  /** The command ends by itself (its pod went away, its container exited) with this exit code. */
  end(exitCode: number): void;
  /**
   * Wraps a callback the command hands to someone else (a store watch): if it throws, this
   * command ends with an internal error, and the write that announced the change, and the
   * other watchers, carry on as if it had not.
   */
  guard<A extends unknown[]>(callback: (...args: A) => void): (...args: A) => void;
}

/** What a command that keeps running hands back to the engine. */
export interface LiveCommand {
  /** Called after every change of the cluster has settled (a command ran, time moved): read state that has no watch event (logs). */
  poll?(): void;
  /** Releases what it holds (watches, listening ports). Called once, when it is interrupted or ends. */
  stop(): void;
  /** The exit code when interrupted by Ctrl-C (kubectl's interrupt handler exits 1; port-forward returns cleanly, 0). */
  interruptedExitCode: number;
  /** kubectl edit: the workspace file open in the person's editor ($EDITOR) while the command waits for it to close. */
  editing?(): EditingFile | undefined;
  /** kubectl edit: the editor closed; the command reads the file and carries on (applies it, reopens it, or ends). */
  editorClosed?(): void;
  /** kubectl edit under plain exec: nobody can type into an editor there, so it fails as when $EDITOR cannot start. */
  noEditor?(): void;
}

/** A workspace file that a running command (kubectl edit) waits on a person to edit and close. */
export interface EditingFile {
  /** As kubectl names it (`/tmp/kubectl-edit-x1y2z.yaml`); readFile and writeFile take it as it is. */
  readonly path: string;
}

export interface KeepRunningOptions {
  /** `--request-timeout` in simulated ms, 0 when none: how long plain exec lets it run. */
  requestTimeoutMs: number;
}

/** Given to a command that may keep running: it calls this (at most once) before returning. */
export type KeepRunning = (begin: (live: LiveOutput) => LiveCommand, options: KeepRunningOptions) => void;

/** A command line started with cluster.start: reads its output as it comes, tells when it ended, interrupts it. */
export interface RunningCommand {
  readonly line: string;
  /** Output written since the last read, in order (the initial output first). */
  read(): OutputChunk[];
  /** Whether it has ended (by itself, or interrupted). */
  readonly done: boolean;
  /** Its exit code once done. */
  readonly exitCode: number | undefined;
  /** Ctrl-C. Does nothing once done. */
  interrupt(): void;
  /**
   * kubectl edit: the file open in the person's editor while the command waits for it to
   * close; undefined otherwise (and once done). Reopened after an invalid edit: the same
   * path with new text.
   */
  readonly editing?: EditingFile | undefined;
  /** kubectl edit: says the editor closed (saved and quit). Does nothing unless `editing`. */
  closeEditor?(): void;
}

/** The request a command made through KeepRunning, kept until its initial output is in. */
export interface KeepRequest {
  begin: (live: LiveOutput) => LiveCommand;
  options: KeepRunningOptions;
}

/** One running command line: its buffered output and its LiveCommand. */
export class Running implements RunningCommand {
  private chunks: OutputChunk[] = [];
  private live: LiveCommand | undefined;
  private endedEarly: number | undefined;
  done = false;
  exitCode: number | undefined;

  constructor(
    readonly line: string,
    /** Told once, when the command is done (the cluster forgets it). */
    private readonly onDone: (r: Running) => void = () => {},
  ) {}

  write(stream: OutputChunk['stream'], text: string): void {
    appendChunk(this.chunks, stream, text);
  }

  writeResult(r: ExecResult): void {
    for (const c of orderedOutput(r)) this.write(c.stream, c.text);
  }

  /** Starts the live part; it may end at once (end() called inside begin). */
  attach(request: KeepRequest): void {
    const output: LiveOutput = {
      out: (text) => { if (!this.done) this.write('stdout', text); },
      err: (text) => { if (!this.done) this.write('stderr', text); },
      end: (code) => {
        if (this.done) return;
        if (!this.live) this.endedEarly ??= code;
        else this.finish(code);
      },
      guard: (callback) => (...args) => {
        if (!this.done) this.guarded(() => callback(...args));
      },
    };
    this.guarded(() => (this.live = request.begin(output)));
    if (this.endedEarly !== undefined) this.finish(this.endedEarly);
  }

  /**
   * Runs the command's own code (outside exec's try/catch: a watch, a poll, Ctrl-C, the
   * editor closing). An engine bug there ends this command, as runCommand reports one.
   */
  private guarded(body: () => void): void {
    try {
      body();
    } catch (e) {
      if (this.done) return;
      this.write('stderr', internalErrorText(e));
      this.finish(1);
    }
  }

  read(): OutputChunk[] {
    const out = this.chunks;
    this.chunks = [];
    return out;
  }

  poll(): void {
    if (!this.done) this.guarded(() => this.live?.poll?.());
  }

  interrupt(): void {
    if (this.done) return;
    this.finish(this.live?.interruptedExitCode ?? 130);
  }

  get editing(): EditingFile | undefined {
    return this.done ? undefined : this.live?.editing?.();
  }

  closeEditor(): void {
    if (this.editing) this.guarded(() => this.live?.editorClosed?.());
  }

  /** Plain exec: a command waiting for an editor cannot have one (kubectl edit). */
  withoutEditor(): void {
    if (this.editing) this.guarded(() => this.live?.noEditor?.());
  }

  /** Ends with `exitCode`, releasing what the command holds. */
  finish(exitCode: number): void {
    if (this.done) return;
    this.done = true;
    this.exitCode = exitCode;
    try {
      this.live?.stop();
    } catch (e) {
      // Ended and forgotten all the same: it must not be polled again.
      this.write('stderr', internalErrorText(e));
    }
    this.onDone(this);
  }
}

/** Ties every output chunk of a finished exec into one ExecResult. */
export function resultOf(chunks: OutputChunk[], exitCode: number): ExecResult {
  let stdout = '';
  let stderr = '';
  for (const c of chunks) {
    if (c.stream === 'stdout') stdout += c.text;
    else stderr += c.text;
  }
  return withChunks({ stdout, stderr, exitCode }, chunks);
}

/** Simulated time exec lets pass between looks at a command it runs to its --request-timeout. */
const EXEC_STEP_MS = 1000;

/**
 * What plain exec does with a command that asked to keep running: lets simulated time run
 * its --request-timeout (if any) in steps, then closes it as a timed-out request (exit 0),
 * unless it ended by itself first. Returns everything it printed.
 */
export function finishInExec(line: string, initial: ExecResult, request: KeepRequest, advance: (ms: number) => void): ExecResult {
  const running = new Running(line);
  running.writeResult(initial);
  running.attach(request);
  running.withoutEditor();
  const limit = request.options.requestTimeoutMs;
  for (let waited = 0; !running.done && waited < limit; waited += EXEC_STEP_MS) {
    advance(Math.min(EXEC_STEP_MS, limit - waited));
    running.poll();
  }
  running.finish(0);
  return resultOf(running.read(), running.exitCode ?? 0);
}
