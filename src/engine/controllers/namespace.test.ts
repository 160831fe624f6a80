import { describe, expect, it } from 'vitest';
import type { Namespace, Pod } from '../core/types';
import { createCluster } from '../index';
import { deletionConditions } from './namespace';

describe('namespace controller', () => {
  it('reports remaining content like the namespaced resources deleter', () => {
    const conds = deletionConditions(new Map([['pods', 2]]), 'T');
    expect(conds.find((c) => c.type === 'NamespaceContentRemaining')).toMatchObject({ status: 'True', reason: 'SomeResourcesRemain', message: 'Some resources are remaining: pods has 2 resource instances' });
  });

  it('deletes everything in a terminating namespace, waits for pods to terminate, then removes it', () => {
    const c = createCluster({ seed: 4 });
    const { api, store } = c.context;
    api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
    api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'sleeper', namespace: 'shop' }, spec: { terminationGracePeriodSeconds: 10, containers: [{ name: 'app', image: 'busybox', command: ['sleep', '3600'] }] } });
    api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'shop' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
    c.advance(5000);
    api.delete('Namespace', undefined, 'shop');
    c.advance(0);
    expect(store.get<Namespace>('Namespace', undefined, 'shop')?.status?.phase).toBe('Terminating');
    expect(store.get('Service', 'shop', 'web')).toBeUndefined();
    expect(store.get<Pod>('Pod', 'shop', 'sleeper')?.metadata.deletionTimestamp).toBeDefined();
    c.advance(9000);
    expect(store.get('Namespace', undefined, 'shop')).toBeDefined();
    c.advance(1000);
    expect(store.get('Pod', 'shop', 'sleeper')).toBeUndefined();
    expect(store.get('Namespace', undefined, 'shop')).toBeUndefined();
    expect(store.list('Event', 'shop')).toEqual([]);
  });
});
