// Job control for the one terminal a person has here, as bash does it for the commands that
// keep running (kubectl get -w, logs -f, port-forward): a trailing `&` runs a line in the
// background (`[1] 4243`), `jobs` lists them, `kill %N` ends one, and bash reports a job that
// ended at the next prompt (`[1]+  Done                    LINE`).
// Source: bash's jobs.c (pretty_print_job: "[%d]%c  %-22s  %s", the `+`/`-` current and
// previous job, "Running"/"Done"/"Exit N"/"Terminated") and builtins/kill.def ("no such job").
import type { ExecResult, OutputChunk, RunningCommand } from '../../engine';

export interface Job {
  id: number;
  pid: number;
  line: string;
  handle: RunningCommand;
  /** Ended by `kill`: reported as Terminated. */
  killed: boolean;
}

/** A line that ends in a lone `&` runs in the background; returns the line without it. */
export function backgroundLine(line: string): string | undefined {
  // The word before the `&` ends in neither `&` (`a && b`) nor a space.
  return /^(.*[^&\s])\s*&$/.exec(line.trim())?.[1];
}

export class JobTable {
  private jobs: Job[] = [];
  private nextPid = 4243;

  add(line: string, handle: RunningCommand): Job {
    const id = this.jobs.length ? Math.max(...this.jobs.map((j) => j.id)) + 1 : 1;
    const job = { id, pid: this.nextPid++, line, handle, killed: false };
    this.jobs.push(job);
    return job;
  }

  /** Output the jobs wrote since the last look. */
  read(): OutputChunk[] {
    return this.jobs.flatMap((j) => j.handle.read());
  }

  private marker(job: Job): string {
    const n = this.jobs.length;
    if (this.jobs[n - 1] === job) return '+';
    if (n > 1 && this.jobs[n - 2] === job) return '-';
    return ' ';
  }

  private status(job: Job): string {
    if (!job.handle.done) return 'Running';
    if (job.killed) return 'Terminated';
    return job.handle.exitCode === 0 ? 'Done' : `Exit ${job.handle.exitCode}`;
  }

  /** A running job's line ends in ` &`, as bash shows it. */
  private format(job: Job): string {
    return `[${job.id}]${this.marker(job)}  ${this.status(job).padEnd(22)}  ${job.line}${job.handle.done ? '' : ' &'}\n`;
  }

  /** The lines bash runs itself, `jobs` and `kill %N`: their result, or undefined for any other line. */
  builtin(line: string): ExecResult | undefined {
    if (line === 'jobs') return { stdout: this.jobs.map((j) => this.format(j)).join(''), stderr: '', exitCode: 0 };
    const kill = /^kill\s+(%\S*)$/.exec(line);
    if (!kill) return undefined;
    const error = this.kill(kill[1]);
    return { stdout: '', stderr: error, exitCode: error ? 1 : 0 };
  }

  /** `kill %N` (or `kill %%`/`kill %+`): the error text, or '' when the job was ended. */
  private kill(spec: string): string {
    const m = /^%(\d+|%|\+|-)?$/.exec(spec);
    if (!m) return `bash: kill: ${spec}: arguments must be process or job IDs\n`;
    const job = m[1] === undefined || m[1] === '%' || m[1] === '+' ? this.jobs.at(-1) : m[1] === '-' ? this.jobs.at(-2) : this.jobs.find((j) => j.id === Number(m[1]));
    if (!job) return `bash: kill: ${spec}: no such job\n`;
    if (!job.handle.done) {
      job.killed = true;
      job.handle.interrupt();
    }
    return '';
  }

  /** The lines bash prints before a prompt for jobs that have ended; they leave the table. */
  reportEnded(): string {
    const ended = this.jobs.filter((j) => j.handle.done);
    if (ended.length === 0) return '';
    const text = ended.map((j) => this.format(j)).join('');
    this.jobs = this.jobs.filter((j) => !j.handle.done);
    return text;
  }

  /** The terminal goes away: every job ends, unreported. */
  killAll(): void {
    for (const job of this.jobs) job.handle.interrupt();
    this.jobs = [];
  }
}
