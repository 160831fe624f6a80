import { describe, expect, it } from 'vitest';
import { createCluster } from '../src/engine';

describe('createCluster', () => {
  it('boots a cluster with nodes, namespaces and the system services', () => {
    const c = createCluster({ seed: 7 });
    const s = c.snapshot();
    expect(s.objects.Node.map((n) => n.metadata.name)).toEqual(['node-1', 'node-2', 'node-3']);
    expect(s.objects.Namespace.map((n) => n.metadata.name)).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system', 'ingress-nginx']);
    expect(s.objects.Service.map((n) => n.metadata.name)).toEqual(['kubernetes', 'kube-dns', 'ingress-nginx-controller', 'ingress-nginx-controller-admission']);
  });
});
