// Runs a parsed line (programs/shellSyntax.ts): one command as before, or a pipeline whose
// stages each read the previous stage's stdout. Every stage's stderr reaches the terminal;
// the exit code is the last stage's, as in bash without pipefail.
//
// The stages run one after the other (the engine is synchronous), each to its end, except
// in a started line (cluster.start) whose last command (kubectl get -w, logs -f) keeps
// running with only filters after it: its output then streams through them line by line
// (each filter as if line-buffered), until Ctrl-C (bash kills the whole pipeline: exit 130,
// and a filter that waits for the end — wc, sort, tail — prints nothing), until the command
// ends by itself (the filters get end of input), or until a filter stops reading (head -n N
// has its lines, grep -q found one: the command is stopped, as SIGPIPE would stop it).

import { appendChunk, type ExecResult, type OutputChunk, orderedOutput } from '../exec';
import { type KeepRequest, type KeepRunning, type LiveCommand, type LiveOutput, resultOf } from '../running';
import type { StartedFilter, StreamFilter } from './types';

/** A stage is a command's argv, or (for the shell, shell.ts) a `for` loop whose output the next stage reads. */
export interface PipelineHost<Stage = string[]> {
  /** Runs one stage (kubectl, sim, a program, a loop); a command that asks to keep running hands its request to `keep`. */
  runCommand(stage: Stage, stdin: string | undefined, keep: KeepRunning): ExecResult;
  /** Whether a stage is a filter (grep, head …) that can read a stream. */
  isFilter(stage: Stage): boolean;
  /** Starts a filter stage. */
  startFilter(stage: Stage): StartedFilter;
  /** How exec ends a command that asked to keep running (running.ts finishInExec). */
  finishInExec(result: ExecResult, request: KeepRequest): ExecResult;
}

/** The filters after the streaming command, as one: what the last one writes for input to the first. */
class FilterChain {
  /** A filter stopped reading or the input ended: the pipeline is over. */
  done = false;

  constructor(private readonly filters: StreamFilter[]) {}

  write(text: string): string {
    let out = text;
    for (let i = 0; i < this.filters.length; i++) {
      out = this.filters[i].write(out);
      if (this.filters[i].closed) {
        this.done = true;
        return this.endFrom(i + 1, out);
      }
    }
    return out;
  }

  end(): string {
    this.done = true;
    return this.endFrom(0, '');
  }

  /** Filter `from` and those after it get `text` and then the end of their input. */
  private endFrom(from: number, text: string): string {
    let out = text;
    for (let i = from; i < this.filters.length; i++) out = this.filters[i].write(out) + this.filters[i].end();
    return out;
  }

  get exitCode(): number {
    return this.filters[this.filters.length - 1].exitCode;
  }
}

/**
 * Runs the stages with `stdin` into the first. `keep` is cluster.start's (a command may keep
 * running) or undefined for exec (every command is closed as exec closes it).
 */
export function runPipeline<Stage>(stages: Stage[], stdin: string | undefined, host: PipelineHost<Stage>, keep: KeepRunning | undefined): ExecResult {
  const chunks: OutputChunk[] = [];
  const last = stages.length - 1;
  let lastCommand = last;
  while (lastCommand >= 0 && host.isFilter(stages[lastCommand])) lastCommand--;
  let input = stdin;
  let exitCode = 0;
  for (let i = 0; i <= last; i++) {
    let request: KeepRequest | undefined;
    let r = host.runCommand(stages[i], input, (begin, options) => (request = { begin, options }));
    if (request && r.exitCode === 0) {
      if (keep && i === last) keep(request.begin, request.options);
      else if (keep && i === lastCommand) {
        const filters = stages.slice(i + 1).map((stage) => host.startFilter(stage));
        if (filters.every((f) => f.filter)) return streamThrough(chunks, r, request, filters, keep);
        r = host.finishInExec(r, request);
      } else r = host.finishInExec(r, request);
    }
    for (const c of orderedOutput(r)) if (i === last || c.stream === 'stderr') appendChunk(chunks, c.stream, c.text);
    input = r.stdout;
    exitCode = r.exitCode;
  }
  return resultOf(chunks, exitCode);
}

/** The command keeps running: its output so far, then all it writes, goes through the filters. */
function streamThrough(chunks: OutputChunk[], initial: ExecResult, request: KeepRequest, started: StartedFilter[], keep: KeepRunning): ExecResult {
  for (const f of started) appendChunk(chunks, 'stderr', f.stderr);
  const chain = new FilterChain(started.map((f) => f.filter!));
  for (const c of orderedOutput(initial)) {
    appendChunk(chunks, c.stream, c.stream === 'stdout' ? chain.write(c.text) : c.text);
    // A filter had enough before the command got going (head -n 2 of the first list): it never starts.
    if (chain.done) return resultOf(chunks, chain.exitCode);
  }
  keep((live: LiveOutput): LiveCommand => {
    const command = request.begin({
      out: (text) => {
        if (chain.done) return;
        const out = chain.write(text);
        if (out) live.out(out);
        if (chain.done) live.end(chain.exitCode);
      },
      err: (text) => live.err(text),
      guard: live.guard,
      end: () => {
        if (chain.done) return;
        const out = chain.end();
        if (out) live.out(out);
        live.end(chain.exitCode);
      },
    });
    return {
      poll: () => command.poll?.(),
      stop: () => command.stop(),
      // Ctrl-C kills the last filter too: bash reports 128 + SIGINT.
      interruptedExitCode: 130,
    };
  }, request.options);
  return resultOf(chunks, 0);
}
