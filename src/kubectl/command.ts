// The shape of one kubectl command. Commands live in a table (commands/index.ts);
// adding a command means adding a module with one of these, nothing else.

import type { EngineContext } from '../engine/context';
import { appendChunk, type ExecResult, type OutputChunk, orderedOutput } from '../engine/exec';
import type { KeepRunning } from '../engine/running';
import type { Workspace } from '../engine/workspace';
import type { FlagSpec, ParsedFlags } from './flags';

export interface KubectlEnv {
  ctx: EngineContext;
  workspace: Workspace;
  /** Advances simulated time, letting controllers run (rollout status, drain wait on the cluster). */
  advance?: (ms: number) => void;
  /**
   * Present when the command may keep running after it returns (get -w, logs -f,
   * port-forward): start() streams it, exec closes it after its --request-timeout (running.ts).
   */
  keepRunning?: KeepRunning;
}

/**
 * What a running command writes; stdout and stderr are kept apart as in a terminal,
 * and the order of writes is kept too, so a terminal can interleave them as they came.
 */
export class Output {
  stdout = '';
  stderr = '';
  readonly chunks: OutputChunk[] = [];
  out(text: string): void {
    this.stdout += text;
    this.record('stdout', text);
  }
  err(text: string): void {
    this.stderr += text;
    this.record('stderr', text);
  }
  /** Appends another program's output (e.g. curl run by kubectl exec) in its own order. */
  write(result: ExecResult): void {
    for (const c of orderedOutput(result)) {
      if (c.stream === 'stdout') this.out(c.text);
      else this.err(c.text);
    }
  }
  private record(stream: OutputChunk['stream'], text: string): void {
    appendChunk(this.chunks, stream, text);
  }
}

export interface Invocation {
  env: KubectlEnv;
  ctx: EngineContext;
  flags: ParsedFlags;
  /** Positional arguments (after the command and subcommand names). */
  args: string[];
  stdin: string | undefined;
  output: Output;
  /** `kubectl get`, `kubectl create namespace`: for help and error texts. */
  commandPath: string;
  /** `-n` or the context's namespace (`default`). */
  namespace: string;
  /** Whether `-n` was given (kubectl's enforceNamespace). */
  explicitNamespace: boolean;
}

export interface KubectlCommand {
  name: string;
  aliases?: string[];
  /** Names that suggest this command on a typo (cobra's SuggestFor). */
  suggestFor?: string[];
  /** One line, as `kubectl` lists it. */
  short: string;
  /** The `--help` description (templates.LongDesc, rendered); `short` plus a period when absent. */
  long?: string;
  /** The `Usage:` line(s) of `--help`, without the leading `kubectl `. */
  usage: string;
  /** Examples block of `--help` (optional). */
  examples?: string;
  flags: FlagSpec[];
  subcommands?: KubectlCommand[];
  /**
   * Writes to inv.output; throws to fail (rendered by errors.ts renderError). Returns an exit code other than 0/1 if needed.
   * A command with subcommands and no run behaves as cmdutil.DefaultSubCommandRun (index.ts).
   */
  run?(inv: Invocation): void | number;
}
