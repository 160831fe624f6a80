// Starts every controller of the simulated control plane, in a fixed order.
import type { EngineContext } from '../context';

export function startControllers(_ctx: EngineContext): void {}
