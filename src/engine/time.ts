// Moving simulated time: run every timer due before the target in time order,
// letting the controllers settle after each instant, so effects happen at the
// simulated moment they would on a real cluster.
//
// Timers due at the same instant run together before the controllers settle, as
// changes that land together reach a real controller's work queue together: the
// queue holds one key per object (client-go workqueue), so five pods of a Service
// becoming ready in the same moment give the endpoint controllers one sync of that
// Service, not five (pkg/controller/endpointslice: syncs are per Service key).

import type { EngineContext } from './context';

export function advanceSimulatedTime(ctx: EngineContext, ms: number): void {
  if (!(ms >= 0) || !Number.isFinite(ms)) throw new RangeError(`advance takes a finite, non-negative number of milliseconds, got ${ms}`);
  const target = ctx.clock.now() + ms;
  ctx.controllers.settle();
  for (let t = ctx.timers.popDue(target); t; t = ctx.timers.popDue(target)) {
    ctx.clock.advanceTo(t.at);
    t.run();
    for (let same = ctx.timers.popDue(t.at); same; same = ctx.timers.popDue(t.at)) same.run();
    ctx.controllers.settle();
  }
  ctx.clock.advanceTo(target);
  ctx.controllers.settle();
}
