import { describe, expect, it } from 'vitest';
import { createCluster } from '../index';
import type { KubeEvent, Pod } from './types';

const pod = (name: string): Pod => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', uid: `uid-${name}` },
  spec: { containers: [{ name: 'web', image: 'nginx' }] },
});

function setup() {
  const c = createCluster({ seed: 1 });
  const { store, events, clock } = c.context;
  const before = store.count('Event');
  const mine = () => store.list<KubeEvent>('Event', 'default').filter((e) => e.involvedObject.uid?.startsWith('uid-'));
  return { c, store, events, clock, before, mine };
}

describe('Events (recorder and the store\'s event log)', () => {
  it('records core/v1 Events in order, with the recorder\'s aggregation bumping count, lastTimestamp and resourceVersion in place', () => {
    const { store, events, clock, mine } = setup();
    events.record(pod('a'), 'Normal', 'Scheduled', 'Successfully assigned default/a to node-1', { component: 'default-scheduler' });
    events.record(pod('b'), 'Warning', 'BackOff', 'Back-off restarting failed container web', { component: 'kubelet', host: 'node-2' }, 'spec.containers{web}');
    const first = mine();
    expect(first.map((e) => `${e.involvedObject.name} ${e.reason} ${e.count}`)).toEqual(['a Scheduled 1', 'b BackOff 1']);
    expect(first[1]).toMatchObject({
      apiVersion: 'v1', kind: 'Event', type: 'Warning', message: 'Back-off restarting failed container web',
      source: { component: 'kubelet', host: 'node-2' }, reportingComponent: 'kubelet',
      involvedObject: { kind: 'Pod', namespace: 'default', name: 'b', uid: 'uid-b', apiVersion: 'v1', fieldPath: 'spec.containers{web}' },
    });
    expect(first[1].metadata.name).toMatch(/^b\.[0-9a-f]+$/);
    // Reading twice gives the same objects (snapshots can share them).
    expect(mine()[0]).toBe(first[0]);

    clock.advanceTo(clock.now() + 20_000);
    const rv = Number(first[1].metadata.resourceVersion);
    events.record(pod('b'), 'Warning', 'BackOff', 'Back-off restarting failed container web', { component: 'kubelet', host: 'node-2' }, 'spec.containers{web}');
    const second = mine();
    expect(second.map((e) => `${e.involvedObject.name} ${e.reason} ${e.count}`)).toEqual(['a Scheduled 1', 'b BackOff 2']);
    expect(second[1].metadata.name).toBe(first[1].metadata.name);
    expect(Number(second[1].metadata.resourceVersion)).toBeGreaterThan(rv);
    expect(Date.parse(second[1].lastTimestamp) - Date.parse(second[1].firstTimestamp)).toBe(20_000);
    expect(store.get<KubeEvent>('Event', 'default', first[1].metadata.name!)).toBe(second[1]);
  });

  it('a deleted Event is gone for get, list and count; the same happening again starts a new Event', () => {
    const { c, store, events, before, mine } = setup();
    events.record(pod('a'), 'Normal', 'Pulling', 'Pulling image "nginx"', { component: 'kubelet', host: 'node-1' }, 'spec.containers{web}');
    const [e] = mine();
    expect(store.count('Event')).toBe(before + 1);
    expect(c.exec(`kubectl delete event ${e.metadata.name}`).stdout).toBe(`event "${e.metadata.name}" deleted\n`);
    expect(store.get('Event', 'default', e.metadata.name!)).toBeUndefined();
    expect(mine()).toEqual([]);
    expect(store.count('Event')).toBe(before);
    events.record(pod('a'), 'Normal', 'Pulling', 'Pulling image "nginx"', { component: 'kubelet', host: 'node-1' }, 'spec.containers{web}');
    const [again] = mine();
    expect(again.count).toBe(1);
    expect(again.metadata.name).not.toBe(e.metadata.name);
  });

  it('an Event a person creates is stored whole, listed in order with recorded ones and can be replaced in place', () => {
    const { c, store, events, mine } = setup();
    events.record(pod('a'), 'Normal', 'Scheduled', 'Successfully assigned default/a to node-1', { component: 'default-scheduler' });
    const manifest = {
      apiVersion: 'v1', kind: 'Event', metadata: { name: 'hand-made', namespace: 'default' },
      involvedObject: { kind: 'Pod', namespace: 'default', name: 'a', uid: 'uid-a' }, reason: 'Poked', message: 'by hand', type: 'Normal',
    };
    c.context.api.create(manifest);
    events.record(pod('b'), 'Normal', 'Scheduled', 'Successfully assigned default/b to node-2', { component: 'default-scheduler' });
    expect(mine().map((e) => e.metadata.name!.replace(/\..*/, ''))).toEqual(['a', 'hand-made', 'b']);
    c.context.api.update({ ...store.get<KubeEvent>('Event', 'default', 'hand-made')!, message: 'by hand, again' });
    expect(mine().map((e) => e.message)).toEqual(['Successfully assigned default/a to node-1', 'by hand, again', 'Successfully assigned default/b to node-2']);
    expect(c.exec('kubectl get event hand-made -o name').stdout).toBe('event/hand-made\n');
  });

  it('deleting a namespace deletes its Events', () => {
    const { c, store } = setup();
    c.exec('kubectl create namespace tmp');
    c.exec('kubectl run web --image=nginx -n tmp');
    c.advance(5000);
    expect(store.list('Event', 'tmp').length).toBeGreaterThan(3);
    c.exec('kubectl delete namespace tmp');
    c.advance(60_000);
    expect(store.list('Event', 'tmp')).toEqual([]);
    expect(store.get('Namespace', undefined, 'tmp')).toBeUndefined();
  });
});
