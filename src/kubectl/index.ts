// kubectl on top of the engine. Placeholder until the command layer lands.
import type { EngineContext } from '../engine/context';
import { type ExecResult, fail } from '../engine/exec';
import type { Workspace } from '../engine/workspace';

export interface KubectlEnv {
  ctx: EngineContext;
  workspace: Workspace;
}

export function runKubectl(_env: KubectlEnv, argv: string[], _stdin?: string): ExecResult {
  return fail(`error: unknown command "${argv[0] ?? ''}" for "kubectl"\n`);
}
