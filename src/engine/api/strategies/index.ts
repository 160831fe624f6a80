// Registers every kind's strategy with the API server.
import type { EngineContext } from '../../context';
import { KINDS } from '../kinds';

export function registerStrategies(ctx: EngineContext): void {
  for (const info of Object.values(KINDS)) ctx.registry.register({ info });
}
