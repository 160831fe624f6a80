// What the filters share: reading input line by line as it comes (a line waits for its
// newline), the batch form a plain exec runs (all of stdin, then its end), FILE operands
// read from the workspace, and the refusal when there is nothing to read.

import { type ExecResult, fail } from '../../exec';
import type { FilterProgram, FilterStart, ProgramEnv, StartedFilter, StreamFilter } from '../types';

/** A filter that handles one line at a time; `finish` writes what it kept for the end (counts, sorted lines). */
export abstract class LineFilter implements StreamFilter {
  private partial = '';
  closed = false;
  exitCode = 0;

  /** One line without its newline; `terminated` says whether it had one (the last line may not). */
  protected abstract line(text: string, terminated: boolean): string;

  protected finish(): string {
    return '';
  }

  write(text: string): string {
    if (this.closed) return '';
    let out = '';
    const all = this.partial + text;
    let start = 0;
    for (let nl = all.indexOf('\n'); nl >= 0; nl = all.indexOf('\n', start)) {
      out += this.line(all.slice(start, nl), true);
      start = nl + 1;
      if (this.closed) {
        this.partial = '';
        return out;
      }
    }
    this.partial = all.slice(start);
    return out;
  }

  end(): string {
    if (this.closed) return '';
    const last = this.partial;
    this.partial = '';
    let out = last === '' ? '' : this.line(last, false);
    if (!this.closed) out += this.finish();
    this.closed = true;
    return out;
  }
}

/** Splits whole text into lines the way LineFilter feeds them (for FILE operands). */
export function feedAll(filter: StreamFilter, text: string): string {
  return filter.write(text) + filter.end();
}

/** A FILE operand: its text, or undefined when the workspace has no such file. */
export interface InputFile {
  name: string;
  text: string | undefined;
}

/** The FILE operands; none (or only `-`) means stdin. */
export function inputFiles(env: ProgramEnv, operands: readonly string[]): InputFile[] | undefined {
  if (operands.length === 0 || (operands.length === 1 && operands[0] === '-')) return undefined;
  return operands.map((name) => ({ name, text: env.workspace.read(name) }));
}

/**
 * The FILE operands in order, as cat, cut, head and tail read them: what `each` writes for a
 * file the workspace has; for one it has not, `missing`'s line on stderr, and exit 1 at the end.
 */
export function eachFile(
  tool: string,
  files: readonly InputFile[],
  each: (text: string, name: string) => string,
  missing = (name: string) => `${tool}: ${name}: No such file or directory\n`,
): ExecResult {
  let stdout = '';
  let stderr = '';
  for (const file of files) {
    if (file.text === undefined) stderr += missing(file.name);
    else stdout += each(file.text, file.name);
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
}

/**
 * bash would hand the program the terminal, and it would wait for typed lines until Ctrl-D;
 * this terminal cannot type into a program, so it says how to give it input instead.
 */
function noTerminalInput(tool: string): ExecResult {
  return fail(`${tool}: no input: the playground's terminal cannot type into ${tool}; pipe into it (kubectl get pods | ${tool} …) or name a file\n`, 2);
}

/** The filter's batch form (what exec and a pipeline's earlier stages run): all of stdin, then its end. */
export function filterProgram(tool: string, start: FilterStart): FilterProgram {
  const program = (env: ProgramEnv, argv: string[]): ExecResult => {
    const started = start(env, argv);
    if (!started.filter) return started;
    if (env.stdin === undefined) return noTerminalInput(tool);
    const stdout = started.stdout + feedAll(started.filter, env.stdin);
    return { stdout, stderr: started.stderr, exitCode: started.filter.exitCode };
  };
  return Object.assign(program, { startFilter: start });
}

/** A filter that reads stdin. */
export const reading = (filter: StreamFilter): StartedFilter => ({ stdout: '', stderr: '', exitCode: 0, filter });

