// The playground's shell: runs a parsed line (shellSyntax.ts) as bash runs it. Lists run in
// order, `&&` and `||` on the previous pipeline's exit status, `for` loops over their expanded
// words; variables (`NAME=value`, `export NAME=value`) live in a ShellState that outlives the
// line — the cluster keeps one per terminal session (lean.ts), so a replay of the same lines
// gives the same variables. `$?` is the last pipeline's status, kept there too.
//
// Commands that keep running (kubectl get -w, logs -f, port-forward) keep running only as the
// last pipeline of a line started with cluster.start, as before. Anywhere else — earlier in a
// list, inside a loop or a `$(…)` — bash would wait on them until Ctrl-C, which would end the
// whole line; here they end as exec ends them (running.ts finishInExec: their output so far,
// or what --request-timeout lets through, exit 0), and the line carries on.
// Source: bash's execute_cmd.c (execute_connection for `;` `&&` `||`, execute_for_command,
// "`%s': not a valid identifier"), builtins/export.def, builtins/set.def (unset).

import { appendChunk, type ExecResult, fail, type OutputChunk, orderedOutput } from '../exec';
import { finishInExec, type KeepRequest, type KeepRunning, resultOf } from '../running';
import { runPipeline } from './pipeline';
import { ExpansionError, expandWord, type ExpansionContext } from './shellExpand';
import { ASSIGNMENT, type AndOrList, type CommandList, type ForCommand, parseShellLine, type Pipeline, type ShellCommand } from './shellSyntax';
import { runBuiltin, SHELL_BUILTINS } from './shellBuiltins';
import type { StartedFilter } from './types';

/** A shell session's variables and last exit status. */
export interface ShellState {
  variables: Map<string, string>;
  exported: Set<string>;
  status: number;
}

export const newShellState = (): ShellState => ({ variables: new Map(), exported: new Set(), status: 0 });

/** What the shell runs its commands with (lean.ts). */
export interface ShellHost {
  /** Runs a command that is not the shell's own (kubectl, sim, a program); one that asks to keep running hands its request to `keep`. */
  runCommand(argv: string[], stdin: string | undefined, keep: KeepRunning): ExecResult;
  isFilter(name: string): boolean;
  startFilter(argv: string[]): StartedFilter;
  /** Moves simulated time (sleep). */
  advance(ms: number): void;
  /** What starts the shell's own error lines: `bash` in the terminal, `sh`, `sh: 1` … in a container (network/podShell.ts). */
  errorPrefix: string;
  /** A syntax error or refusal in this shell's words (given bash's); bash's when absent. */
  syntaxError?(bash: ExecResult): ExecResult;
}

/** A stage of a pipeline once its words are expanded: a command's argv, or a loop. */
type Stage = { argv: string[]; failed?: ExecResult } | { loop: ForCommand };

/** break / continue, unwinding to their loop. */
class LoopControl {
  constructor(readonly kind: 'break' | 'continue') {}
}

class Shell {
  readonly chunks: OutputChunk[] = [];
  /** The single result of a line that ran one command: handed back untouched. */
  private only: ExecResult | undefined;
  private results = 0;
  /** Output came from elsewhere than a command's result (an expansion's error, $(…)'s stderr). */
  private mixed = false;
  private loops = 0;
  /** The status of the last `$(…)` of the command being expanded (bash's last_command_subst_status). */
  private substitutionStatus: number | undefined;

  constructor(
    private readonly line: string,
    private readonly state: ShellState,
    private stdin: string | undefined,
    private readonly host: ShellHost,
  ) {}

  output(r: ExecResult): void {
    this.results++;
    this.only = r;
    for (const c of orderedOutput(r)) appendChunk(this.chunks, c.stream, c.text);
  }

  result(): ExecResult {
    if (this.results === 1 && !this.mixed && this.only!.exitCode === this.state.status) return this.only!;
    return resultOf(this.chunks, this.state.status);
  }

  /** The first command run reads the line's stdin (exec's stdin, `kubectl apply -f -`). */
  private takeStdin(): string | undefined {
    const stdin = this.stdin;
    this.stdin = undefined;
    return stdin;
  }

  /** Runs a list; `keep` goes to its last pipeline (a line started with cluster.start). */
  runList(list: CommandList, keep?: { keep: KeepRunning; streaming: boolean }): void {
    list.forEach((andOr, i) => this.runAndOr(andOr, i === list.length - 1 ? keep : undefined));
  }

  private runAndOr(andOr: AndOrList, keep?: { keep: KeepRunning; streaming: boolean }): void {
    this.runPipelineOf(andOr.first, andOr.rest.length === 0 ? keep : undefined);
    andOr.rest.forEach(({ op, pipeline }, i) => {
      if ((op === '&&') === (this.state.status === 0)) this.runPipelineOf(pipeline, i === andOr.rest.length - 1 ? keep : undefined);
    });
  }

  private runPipelineOf(pipeline: Pipeline, keep?: { keep: KeepRunning; streaming: boolean }): void {
    let status: number;
    if (pipeline.commands.length === 1) status = this.runCommand(pipeline.commands[0], keep?.keep);
    else {
      // Each stage runs in a subshell of its own in bash: what it assigns does not stay.
      const stages: Stage[] = [];
      for (const command of pipeline.commands) stages.push(command.kind === 'for' ? { loop: command } : this.expandStage(command));
      const r = runPipeline(stages, this.takeStdin(), {
        runCommand: (stage, stdin, keepCommand) => this.runStage(stage, stdin, keepCommand),
        isFilter: (stage) => 'argv' in stage && stage.argv.length > 0 && !stage.failed && this.host.isFilter(stage.argv[0]),
        startFilter: (stage) => this.host.startFilter((stage as { argv: string[] }).argv),
        finishInExec: (result, request) => this.finish(result, request),
      }, keep?.streaming ? keep.keep : undefined);
      this.output(r);
      status = r.exitCode;
    }
    this.state.status = pipeline.negated ? (status === 0 ? 1 : 0) : status;
  }

  private finish(result: ExecResult, request: KeepRequest): ExecResult {
    return finishInExec(this.line, result, request, (ms) => this.host.advance(ms));
  }

  /** One stage of a pipeline with more than one. */
  private runStage(stage: Stage, stdin: string | undefined, keep: KeepRunning): ExecResult {
    if ('loop' in stage) {
      const sub = new Shell(this.line, copyState(this.state), stdin, this.host);
      sub.runFor(stage.loop);
      return sub.result();
    }
    if (stage.failed) return stage.failed;
    if (stage.argv.length === 0) return { stdout: '', stderr: '', exitCode: 0 };
    // A stage is a subshell: what a builtin changes there (even break) does not reach this shell.
    if (SHELL_BUILTINS.has(stage.argv[0])) return runBuiltin(stage.argv, copyState(this.state), this.host);
    return this.host.runCommand(stage.argv, stdin, keep);
  }

  /** A stage's words, expanded in a subshell's copy of the variables (with what $(…) printed to stderr). */
  private expandStage(command: ShellCommand & { kind: 'simple' }): Stage {
    const sub = new Shell(this.line, copyState(this.state), undefined, this.host);
    const argv = sub.expandCommand(command);
    const stderr = sub.chunks.filter((c) => c.stream === 'stderr').map((c) => c.text).join('');
    if (argv === undefined) return { argv: [], failed: fail(stderr, 1) };
    if (stderr) this.log(stderr);
    return { argv };
  }

  /** Runs one command; returns its exit status. */
  private runCommand(command: ShellCommand, keep?: KeepRunning): number {
    if (command.kind === 'for') return this.runFor(command);
    this.substitutionStatus = undefined;
    const argv = this.expandCommand(command);
    if (argv === undefined) return 1;
    if (argv.length === 0) {
      // Only assignments: they stay in the shell; the status is the last $(…)'s, else 0.
      try {
        for (const assignment of command.assignments) this.assign(assignment);
      } catch (e) {
        if (!(e instanceof ExpansionError)) throw e;
        this.log(`${this.host.errorPrefix}: ${e.message}\n`);
        return 1;
      }
      return this.substitutionStatus ?? 0;
    }
    if (SHELL_BUILTINS.has(argv[0])) {
      const r = this.builtin(argv, this.state);
      this.output(r);
      return r.exitCode;
    }
    let request: KeepRequest | undefined;
    let r = this.host.runCommand(argv, this.takeStdin(), (begin, options) => (request = { begin, options }));
    if (request && r.exitCode === 0) {
      if (keep) keep(request.begin, request.options);
      else r = this.finish(r, request);
    }
    this.output(r);
    return r.exitCode;
  }

  /**
   * A simple command's argv (undefined: an expansion failed, its error printed). Assignments
   * before a command name are that command's environment only; programs here read none.
   */
  expandCommand(command: ShellCommand & { kind: 'simple' }, declarations = true): string[] | undefined {
    try {
      const argv: string[] = [];
      for (const word of command.words) {
        // export NAME=$(…): a declaration builtin's assignments are not split (bash's ASSIGNMENT_BUILTIN).
        const noSplit = declarations && argv[0] === 'export' && ASSIGNMENT.test(word);
        argv.push(...expandWord(word, this.context(), !noSplit));
      }
      return argv;
    } catch (e) {
      if (!(e instanceof ExpansionError)) throw e;
      this.log(`${this.host.errorPrefix}: ${e.message}\n`);
      return undefined;
    }
  }

  /** The shell's own text on stderr. */
  private log(text: string): void {
    this.mixed = true;
    appendChunk(this.chunks, 'stderr', text);
  }

  private assign(assignment: string): void {
    const [prefix, name, append] = ASSIGNMENT.exec(assignment)!;
    const value = expandWord(assignment.slice(prefix.length), this.context(), false)[0];
    this.state.variables.set(name, append ? (this.state.variables.get(name) ?? '') + value : value);
  }

  private context(): ExpansionContext {
    const { state } = this;
    return {
      variable: (name) => state.variables.get(name),
      status: state.status,
      substitute: (script) => this.substitute(script),
    };
  }

  /** `$(…)`: runs in a subshell (its assignments do not stay); its stderr reaches the terminal. */
  private substitute(script: string): string {
    const parsed = parseShellLine(script);
    if ('error' in parsed) {
      this.log((this.host.syntaxError?.(parsed.error) ?? parsed.error).stderr);
      this.substitutionStatus = parsed.error.exitCode;
      return '';
    }
    const sub = new Shell(this.line, copyState(this.state), undefined, this.host);
    sub.runList(parsed.list);
    let stdout = '';
    for (const c of sub.chunks) {
      if (c.stream === 'stdout') stdout += c.text;
      else this.log(c.text);
    }
    this.substitutionStatus = sub.state.status;
    return stdout;
  }

  runFor(loop: ForCommand): number {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(loop.name)) {
      this.output(fail(`${this.host.errorPrefix}: \`${loop.name}': not a valid identifier\n`, 1));
      return 1;
    }
    let items: string[] = [];
    if (loop.items) {
      const expanded = this.expandCommand({ kind: 'simple', assignments: [], words: loop.items }, false);
      if (expanded === undefined) return 1;
      items = expanded;
    }
    this.state.status = 0;
    this.loops++;
    try {
      for (const item of items) {
        this.state.variables.set(loop.name, item);
        try {
          this.runList(loop.body);
        } catch (e) {
          if (!(e instanceof LoopControl)) throw e;
          if (e.kind === 'break') break;
        }
      }
    } finally {
      this.loops--;
    }
    return this.state.status;
  }

  private builtin(argv: string[], state: ShellState): ExecResult {
    // break N and continue N leave one loop here: loops do not nest deeper than a line types them.
    if ((argv[0] === 'break' || argv[0] === 'continue') && this.loops > 0) throw new LoopControl(argv[0]);
    return runBuiltin(argv, state, this.host);
  }
}

const copyState = (state: ShellState): ShellState => ({ variables: new Map(state.variables), exported: new Set(state.exported), status: state.status });

/**
 * Runs one line in the shell session `state`. `keep` is given to the line's last pipeline:
 * cluster.start's (it may keep running), or exec's (which closes it itself); with `streaming`
 * false a pipeline's last command is closed at once, as exec always did.
 */
export function runShellLine(line: string, state: ShellState, stdin: string | undefined, host: ShellHost, keep: KeepRunning, streaming: boolean): ExecResult {
  const parsed = parseShellLine(line);
  if ('error' in parsed) {
    const error = host.syntaxError?.(parsed.error) ?? parsed.error;
    state.status = error.exitCode;
    return error;
  }
  // An empty line (or only a comment) runs nothing and leaves $? as it was.
  if (parsed.list.length === 0) return { stdout: '', stderr: '', exitCode: 0 };
  const shell = new Shell(line, state, stdin, host);
  shell.runList(parsed.list, { keep, streaming });
  return shell.result();
}
