// Placeholder: replaced by the real Service strategy.
import type { EngineContext } from '../../../context';
import { KINDS } from '../../kinds';
import type { KindStrategy } from '../../registry';

export function createServiceStrategy(_ctx: EngineContext): KindStrategy {
  return { info: KINDS.Service };
}
