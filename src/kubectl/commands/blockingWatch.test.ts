import { describe, expect, it } from 'vitest';
import { ObjectStore, type WatchEvent } from '../../engine/core/store';
import type { KubeObject } from '../../engine/core/types';
import { watchWhileBlocked } from './blockingWatch';

const cm = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { namespace: 'default', name } }) as KubeObject;

describe('watchWhileBlocked: a blocking command (drain, rollout status) never throws into a write', () => {
  it('keeps the listener error for check(), stops watching, and the write and later watchers carry on', () => {
    const store = new ObjectStore();
    const seen: string[] = [];
    const watch = watchWhileBlocked(store, (e: WatchEvent) => {
      if (e.object.metadata.name === 'bad') throw new Error('cannot print pod "web"');
      seen.push(e.object.metadata.name!);
    });
    const later: string[] = [];
    store.subscribe((e) => later.push(e.object.metadata.name!));

    store.put(cm('a'));
    expect(() => watch.check()).not.toThrow();
    expect(() => store.put(cm('bad'))).not.toThrow();
    store.put(cm('c'));

    expect(() => watch.check()).toThrow('cannot print pod "web"');
    expect(seen).toEqual(['a']);
    expect(later).toEqual(['a', 'bad', 'c']);
    expect(store.get('ConfigMap', 'default', 'bad')).toBeDefined();
  });

  it('stop() ends the watch', () => {
    const store = new ObjectStore();
    const seen: string[] = [];
    const watch = watchWhileBlocked(store, (e) => seen.push(e.object.metadata.name!));
    store.put(cm('a'));
    watch.stop();
    store.put(cm('b'));
    expect(seen).toEqual(['a']);
  });
});
