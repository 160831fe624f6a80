// Moving simulated time: run every timer due before the target in time order,
// letting the controllers settle after each, so effects happen at the simulated
// moment they would on a real cluster.

import type { EngineContext } from './context';

export function advanceSimulatedTime(ctx: EngineContext, ms: number): void {
  if (!(ms >= 0) || !Number.isFinite(ms)) throw new RangeError(`advance takes a finite, non-negative number of milliseconds, got ${ms}`);
  const target = ctx.clock.now() + ms;
  ctx.controllers.settle();
  for (let t = ctx.timers.popDue(target); t; t = ctx.timers.popDue(target)) {
    ctx.clock.advanceTo(t.at);
    t.run();
    ctx.controllers.settle();
  }
  ctx.clock.advanceTo(target);
  ctx.controllers.settle();
}
