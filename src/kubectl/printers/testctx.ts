// Test helper: a bare context (clock, store, events) for printer and describe tests.
import type { EngineContext } from '../../engine/context';
import { DEFAULT_EPOCH_MS, SimClock } from '../../engine/core/clock';
import { EventRecorder } from '../../engine/core/events';
import { ObjectStore } from '../../engine/core/store';
import type { KubeObject } from '../../engine/core/types';

export const T0 = DEFAULT_EPOCH_MS;
export const ts = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

export function testContext(nowMs: number, objects: KubeObject[] = []): EngineContext {
  const store = new ObjectStore();
  const clock = new SimClock(nowMs);
  for (const o of objects) store.put(JSON.parse(JSON.stringify(o)) as KubeObject);
  return { clock, store, events: new EventRecorder(store, clock) } as unknown as EngineContext;
}
