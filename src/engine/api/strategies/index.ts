// Registers every kind's strategy with the API server.
import type { EngineContext } from '../../context';
import { KINDS } from '../kinds';
import { createServiceStrategy } from './service/strategy';

export function registerStrategies(ctx: EngineContext): void {
  ctx.registry.register(createServiceStrategy(ctx));
  for (const info of Object.values(KINDS)) {
    if (!ctx.registry.info(info.kind)) ctx.registry.register({ info });
  }
}
