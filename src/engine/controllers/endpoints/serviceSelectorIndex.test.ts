// Which Services a pod event queues (GetServicesToUpdateOnPodChange), through
// the anchor index: every Service whose selector matches, in a stable order,
// and none for updates that change nothing the endpoints read.
import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../../core/store';
import type { Pod } from '../../core/types';
import type { WatchEvent } from '../../core/store';
import { ServiceSelectorIndex, SharedServiceIndex } from './serviceSelectorIndex';
import { newPod, newService } from './testBuilders';

function index(...services: [string, Record<string, string> | null][]): ServiceSelectorIndex {
  const idx = new ServiceSelectorIndex();
  for (const [name, selector] of services) idx.set(newService({ name, selector }));
  return idx;
}

/** The pod with one change made to a copy (a new stored version). */
function edit(pod: Pod, change: (p: Pod) => void): Pod {
  const copy = structuredClone(pod);
  change(copy);
  return deepFreeze(copy);
}

describe('ServiceSelectorIndex', () => {
  it('finds every Service whose selector matches, empty selectors first, then by the pod\'s labels', () => {
    const idx = index(['by-tier', { tier: 'fe' }], ['all', {}], ['web-fe', { app: 'web', tier: 'fe' }], ['web', { app: 'web' }], ['db', { app: 'db' }], ['none', null]);
    expect([...idx.servicesFor('default', { app: 'web', tier: 'fe' })]).toEqual(['default/all', 'default/web-fe', 'default/web', 'default/by-tier']);
    expect([...idx.servicesFor('default', { app: 'web' })]).toEqual(['default/all', 'default/web']);
    expect([...idx.servicesFor('other', { app: 'web' })]).toEqual([]);
  });

  it('forgets a deleted Service and re-files one whose selector changed', () => {
    const idx = index(['web', { app: 'web' }], ['db', { app: 'db' }]);
    idx.delete('default/web');
    expect([...idx.servicesFor('default', { app: 'web' })]).toEqual([]);
    idx.set(newService({ name: 'db', selector: { app: 'web' } }));
    expect([...idx.servicesFor('default', { app: 'web' })]).toEqual(['default/db']);
    expect([...idx.servicesFor('default', { app: 'db' })]).toEqual([]);
  });

  it('queues nothing for a pod update that changes nothing the endpoints read', () => {
    const idx = index(['web', { app: 'web' }]);
    const pod = newPod(0);
    const restarted = edit(pod, (p) => (p.status!.startTime = '2026-01-01T00:05:00Z'));
    expect([...idx.servicesForPodEvent(pod, restarted)]).toEqual([]);
    const unready = edit(pod, (p) => (p.status!.conditions![0].status = 'False'));
    expect([...idx.servicesForPodEvent(pod, unready)]).toEqual(['default/web']);
    const moved = edit(pod, (p) => (p.status!.podIPs = [{ ip: '10.244.9.9' }]));
    expect([...idx.servicesForPodEvent(pod, moved)]).toEqual(['default/web']);
  });

  it('on a label change queues only the Services the pod joined or left', () => {
    const idx = index(['web', { app: 'web' }], ['db', { app: 'db' }], ['fe', { tier: 'fe' }]);
    const pod = newPod(0, { labels: { app: 'web', tier: 'fe' } });
    const relabelled = edit(pod, (p) => (p.metadata.labels = { app: 'db', tier: 'fe' }));
    expect([...idx.servicesForPodEvent(pod, relabelled)]).toEqual(['default/db', 'default/web']);
    // A pod without an IP is in no endpoints, whatever its labels.
    const noIP = newPod(1, { ip: '' });
    expect([...idx.servicesForPodEvent(undefined, noIP)]).toEqual([]);
  });
});

describe('SharedServiceIndex.podsFor', () => {
  it('hands the next sync of a Service the list the previous one made, unless a Pod or Service event came between', () => {
    const shared = new SharedServiceIndex();
    const svc = newService();
    let listed = 0;
    const podIndex = { matchMap: () => (listed++, [newPod(0)]) };
    shared.observeService({ type: 'ADDED', kind: 'Service', object: svc } as WatchEvent);
    const first = shared.podsFor('default/web', svc, podIndex);
    expect(shared.podsFor('default/web', svc, podIndex)).toBe(first);
    expect(listed).toBe(1);
    // Taken: a third sync lists again.
    shared.podsFor('default/web', svc, podIndex);
    expect(listed).toBe(2);
    shared.servicesForPodEvent({ type: 'ADDED', kind: 'Pod', object: newPod(1) } as WatchEvent);
    shared.podsFor('default/web', svc, podIndex);
    expect(listed).toBe(3);
    shared.observeService({ type: 'MODIFIED', kind: 'Service', object: svc, old: svc } as WatchEvent);
    shared.podsFor('default/web', svc, podIndex);
    expect(listed).toBe(4);
  });
});
