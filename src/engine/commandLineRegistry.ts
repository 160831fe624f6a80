// The seam between the cluster (control plane, controllers) and its command
// line (kubectl, sim, curl/wget/nslookup/dig, traces, derived proxy rules and DNS
// records). createCluster consults this registry instead of importing the command
// line, so the browser can draw the cluster before the command line's code has
// arrived (lean.ts loads it with a dynamic import). src/engine/index.ts and
// cluster.ts install it synchronously: in Node nothing is ever missing.
//
// Imports here are type-only: this module must stay tiny.

import type { EngineContext } from './context';
import type { ExecResult } from './exec';
import type { runShellLine } from './programs/shell';
import type { Program } from './programs/types';
import type { KeepRunning } from './running';
import type { Trace, TraceRequest } from './dataplane/types';
import type { Workspace } from './workspace';

export type TraceListener = (trace: Trace) => void;

export interface CommandLine {
  /** `kubectl …` (argv without the word `kubectl`). */
  runKubectl(env: { ctx: EngineContext; workspace: Workspace; advance: (ms: number) => void; keepRunning?: KeepRunning }, argv: string[], stdin?: string): ExecResult;
  /** `sim …` (argv without the word `sim`). */
  runSim(ctx: EngineContext, argv: string[]): ExecResult;
  /** curl, wget, nslookup, dig … on the person's machine. */
  findProgram(name: string): Program | undefined;
  /** A line as the shell runs it: lists, pipelines, variables, for loops (programs/shell.ts). */
  runShellLine: typeof runShellLine;
  traceRequest(ctx: EngineContext, request: TraceRequest): Trace;
  /** The listeners every trace of `ctx` is reported to (curl in a terminal, DNS traces, trace()). */
  traceListeners(ctx: EngineContext): Set<TraceListener>;
  proxyRules(ctx: EngineContext): readonly unknown[];
  dnsRecords(ctx: EngineContext): readonly unknown[];
}

let installed: CommandLine | undefined;

/** Installs the command line for every cluster, existing and future. Idempotent. */
export function installCommandLine(commandLine: CommandLine): void {
  installed ??= commandLine;
}

/** The installed command line, or undefined while it is still loading (browser only). */
export function installedCommandLine(): CommandLine | undefined {
  return installed;
}
