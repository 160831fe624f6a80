// last-change-trigger-time: the Service's creation on first sight, then the
// earliest pod Ready transition that moved since the previous sync.
import { describe, expect, it } from 'vitest';
import { TriggerTimeTracker } from './triggerTimeTracker';
import { newPod, newService } from './testBuilders';

const at = (ts: string) => Date.parse(ts);

describe('TriggerTimeTracker', () => {
  it('reports the creation first, then only what moved since the last sync', () => {
    const tracker = new TriggerTimeTracker();
    const svc = newService();
    const before = [newPod(0, { readySince: '2026-01-01T00:00:10Z' }), newPod(1, { readySince: '2026-01-01T00:00:10Z' })];
    expect(tracker.compute('default/web', svc, before)).toBe(at('2026-01-01T00:00:00Z'));
    expect(tracker.compute('default/web', svc, before)).toBeUndefined();

    // Both pods flip at different times: the earlier one is the trigger.
    const moved = [newPod(0, { readySince: '2026-01-01T00:00:30Z' }), newPod(1, { readySince: '2026-01-01T00:00:20Z' })];
    expect(tracker.compute('default/web', svc, moved)).toBe(at('2026-01-01T00:00:20Z'));
    expect(tracker.compute('default/web', svc, moved)).toBeUndefined();

    // A new pod counts with its own transition time.
    const grown = [...moved, newPod(2, { readySince: '2026-01-01T00:00:40Z' })];
    expect(tracker.compute('default/web', svc, grown)).toBe(at('2026-01-01T00:00:40Z'));
    // A pod leaving moves nothing.
    expect(tracker.compute('default/web', svc, moved)).toBeUndefined();
  });

  it('finds each pod by name whatever order the pods are listed in, for small and large Services', () => {
    for (const n of [3, 40]) {
      const tracker = new TriggerTimeTracker();
      const svc = newService();
      const first = Array.from({ length: n }, (_, i) => newPod(i, { readySince: '2026-01-01T00:00:10Z' }));
      tracker.compute('default/web', svc, first);
      // The same pods in reverse order, unchanged: nothing moved.
      expect(tracker.compute('default/web', svc, [...first].reverse())).toBeUndefined();
      // One pod, listed first, flips: its time is the trigger; the rest stay as they were.
      const flipped = [newPod(1, { readySince: '2026-01-01T00:00:50Z' }), ...first.filter((_, i) => i !== 1)];
      expect(tracker.compute('default/web', svc, flipped)).toBe(at('2026-01-01T00:00:50Z'));
      expect(tracker.compute('default/web', svc, first.filter((_, i) => i !== 1).concat(flipped[0]))).toBeUndefined();
    }
  });

  it('starts over for a Service deleted and seen again', () => {
    const tracker = new TriggerTimeTracker();
    const svc = newService();
    tracker.compute('default/web', svc, [newPod(0)]);
    tracker.deleteService('default/web');
    expect(tracker.compute('default/web', svc, [newPod(0)])).toBe(at('2026-01-01T00:00:00Z'));
  });
});
