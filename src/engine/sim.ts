// Playground-only commands (`sim …`). Placeholder until the fault commands land.
import type { EngineContext } from './context';
import { type ExecResult, fail } from './exec';

export function runSim(_ctx: EngineContext, argv: string[]): ExecResult {
  return fail(`sim: unknown command "${argv[0] ?? ''}"\n`);
}
