// Programs a person runs: on their own machine outside the cluster (curl,
// nslookup, dig …) or inside a pod's container through `kubectl exec`.

import type { EngineContext } from '../context';
import type { ExecResult } from '../exec';
import type { Workspace } from '../workspace';

/** Where a program runs. */
export type Origin =
  | { kind: 'workstation' }
  | { kind: 'pod'; namespace: string; name: string; container: string };

export interface ProgramEnv {
  ctx: EngineContext;
  workspace: Workspace;
  origin: Origin;
  stdin?: string;
}

/** argv[0] is the program name as typed. */
export type Program = (env: ProgramEnv, argv: string[]) => ExecResult;

/** The address of the person's machine on the nodes' network (minikube's host side). */
export const WORKSTATION_IP = '192.168.49.1';

/**
 * A filter in a pipeline (grep, head, wc …) as it runs: it reads its stdin as it comes, so
 * it can sit behind a command that keeps running (`kubectl get pods -w | grep web`).
 */
export interface StreamFilter {
  /** Reads more input; returns what it writes for it (a line waits for its newline). */
  write(text: string): string;
  /** End of input: the rest of what it writes. */
  end(): string;
  /** It reads no more (head has its lines, grep -q found one): the command before it gets SIGPIPE. */
  readonly closed: boolean;
  /** Its exit code once ended or closed. */
  readonly exitCode: number;
}

/**
 * A filter just started: what it wrote at once (an error, or the output for FILE operands),
 * and, when it reads stdin, the filter that does.
 */
export interface StartedFilter extends ExecResult {
  filter?: StreamFilter;
}

export type FilterStart = (env: ProgramEnv, argv: string[]) => StartedFilter;

/** A program that is also a filter a pipeline can stream through (programs/filters). */
export type FilterProgram = Program & { startFilter: FilterStart };
