// Table tests for the mirroring reconciler, after
// pkg/controller/endpointslicemirroring/reconciler_test.go.
import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../../core/store';
import type { Endpoints, EndpointSlice } from '../../core/types';
import { reconcileMirroredSlices } from './mirroringReconciler';

function endpoints(subsets: Endpoints['subsets'], extra: Partial<Endpoints['metadata']> = {}): Endpoints {
  return deepFreeze({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'db', namespace: 'default', uid: 'uid-ep', ...extra }, subsets });
}

const subset = { addresses: [{ ip: '192.168.10.5' }], notReadyAddresses: [{ ip: '192.168.10.6' }], ports: [{ name: 'pg', port: 5432, protocol: 'TCP' }] };

describe('reconcileMirroredSlices', () => {
  it('mirrors addresses (not-ready ones with ready=false) into a slice owned by the Endpoints', () => {
    const ep = endpoints([subset], {
      labels: { team: 'data' },
      annotations: { note: 'x', 'kubectl.kubernetes.io/last-applied-configuration': '{}' },
    });
    const { changes, events } = reconcileMirroredSlices(ep, []);
    expect(events).toEqual([]);
    expect(changes).toEqual([
      {
        op: 'create',
        slice: {
          apiVersion: 'discovery.k8s.io/v1',
          kind: 'EndpointSlice',
          metadata: {
            generateName: 'db-',
            namespace: 'default',
            labels: { team: 'data', 'kubernetes.io/service-name': 'db', 'endpointslice.kubernetes.io/managed-by': 'endpointslicemirroring-controller.k8s.io' },
            annotations: { note: 'x' },
            ownerReferences: [{ apiVersion: 'v1', kind: 'Endpoints', name: 'db', uid: 'uid-ep', controller: true, blockOwnerDeletion: true }],
          },
          addressType: 'IPv4',
          endpoints: [
            { addresses: ['192.168.10.5'], conditions: { ready: true } },
            { addresses: ['192.168.10.6'], conditions: { ready: false } },
          ],
          ports: [{ name: 'pg', protocol: 'TCP', port: 5432 }],
        },
      },
    ]);
  });

  it('no write when the mirrored slice already matches; an update when an address changes', () => {
    const ep = endpoints([subset]);
    const first = reconcileMirroredSlices(ep, []).changes[0] as { slice: EndpointSlice };
    const stored = deepFreeze({ ...first.slice, metadata: { ...first.slice.metadata, name: 'db-abcde' } });
    expect(reconcileMirroredSlices(ep, [stored]).changes).toEqual([]);
    const moved = endpoints([{ ...subset, addresses: [{ ip: '192.168.10.7' }] }]);
    const r = reconcileMirroredSlices(moved, [stored]);
    expect(r.changes.map((c) => c.op)).toEqual(['update']);
    expect((r.changes[0] as { slice: EndpointSlice }).slice.metadata.name).toBe('db-abcde');
  });

  it('deletes the mirrored slice when the Endpoints lose their addresses', () => {
    const ep = endpoints([subset]);
    const first = reconcileMirroredSlices(ep, []).changes[0] as { slice: EndpointSlice };
    const stored = deepFreeze({ ...first.slice, metadata: { ...first.slice.metadata, name: 'db-abcde' } });
    expect(reconcileMirroredSlices(endpoints([]), [stored]).changes).toEqual([{ op: 'delete', name: 'db-abcde' }]);
  });

  it('skips invalid IPs and addresses over the per-subset maximum, with the upstream events', () => {
    const ep = endpoints([{ addresses: [{ ip: 'not-an-ip' }, { ip: '10.0.0.1' }, { ip: '10.0.0.2' }, { ip: '10.0.0.3' }], ports: [{ port: 80 }] }]);
    const { changes, events } = reconcileMirroredSlices(ep, [], 2);
    expect((changes[0] as { slice: EndpointSlice }).slice.endpoints).toHaveLength(2);
    expect(events).toEqual([
      { reason: 'InvalidIPAddress', message: 'Skipped 1 invalid IP addresses when mirroring to EndpointSlices' },
      { reason: 'TooManyAddressesToMirror', message: 'A max of 2 addresses can be mirrored to EndpointSlices per Endpoints subset. 2 addresses were skipped' },
    ]);
  });
});
