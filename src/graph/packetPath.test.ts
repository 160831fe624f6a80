import { describe, expect, it } from 'vitest';
import { createCluster } from '../engine';
import type { Trace } from '../engine';
import { traceDns } from '../engine/dataplane/dnsTrace';
import { WELCOME_MANIFEST } from '../scenarios/welcome';
import { WORKSTATION_NODE_ID } from './ids';
import { packetPath, stepAt, stepTimes } from './packetPath';

function welcomeCluster() {
  const cluster = createCluster({ seed: 1, nodes: 3 });
  cluster.writeFile('web.yaml', WELCOME_MANIFEST);
  cluster.exec('kubectl apply -f web.yaml');
  cluster.advance(30_000);
  const objects = cluster.snapshot().objects as unknown as Record<string, { metadata: { name: string; namespace?: string }; spec: Record<string, unknown> }[]>;
  const nodePort = (objects.Service.find((s) => s.metadata.name === 'web')!.spec.ports as { nodePort: number }[])[0].nodePort;
  const webPods = objects.Pod.filter((p) => p.metadata.name.startsWith('web-'));
  return { cluster, nodePort, webPods };
}

const ids = (t: Trace) => packetPath(t).steps.map((s) => s.at[0]);

describe('packetPath', () => {
  it('follows a NodePort request from your machine through node, Service and pod, and back', () => {
    const { cluster, nodePort } = welcomeCluster();
    const trace = cluster.trace({ from: { kind: 'workstation' }, url: `http://192.168.49.2:${nodePort}/` });
    const path = packetPath(trace);
    const served = trace.outcome.kind === 'response' ? trace.outcome.servedBy!.pod : '';
    const visited = ids(trace).filter((id, i, all) => id !== all[i - 1]);
    expect(visited).toEqual([WORKSTATION_NODE_ID, 'Node//node-1', 'Service/default/web', `Pod/default/${served}`, WORKSTATION_NODE_ID]);
    // Every hop is explained, in order; the reply back to the client is one more step.
    expect(path.steps.map((s) => s.hop)).toEqual([...trace.hops.keys(), trace.hops.length - 1]);
    expect(path.steps.find((s) => s.title === 'DNAT')!.label).toMatch(/rewrote the destination/);
    expect(path.steps.find((s) => s.title === 'SNAT')!.travel).toBe(false);
    expect(path.steps.at(-1)!.style).toBe('response');
    expect(path.summary).toBe(`200 OK from pod ${served}`);
    expect(path.outcome).toBe('response');
  });

  it('draws a refused request at the Service without endpoints, with its reason', () => {
    const { cluster, webPods } = welcomeCluster();
    cluster.exec('kubectl create service clusterip empty --tcp=80:80');
    const from = { kind: 'pod' as const, namespace: 'default', name: webPods[0].metadata.name };
    const path = packetPath(cluster.trace({ from, url: 'http://empty' }));
    const last = path.steps.at(-1)!;
    expect(last.marker).toBe('refused');
    expect(last.at[0]).toBe('Service/default/empty');
    expect(last.label).toMatch(/no ready endpoints/);
    // The name lookup goes to kube-dns first, in the DNS style.
    expect(path.steps[0]).toMatchObject({ style: 'dns', at: ['Service/kube-system/kube-dns', `Pod/default/${from.name}`] });
    expect(path.summary).toMatch(/refused/);
  });

  it('marks a name your machine cannot resolve, and falls back to the pod\'s node frame', () => {
    const { cluster, webPods } = welcomeCluster();
    const path = packetPath(cluster.trace({ from: { kind: 'workstation' }, url: 'http://web' }));
    expect(path.steps).toHaveLength(1);
    expect(path.steps[0]).toMatchObject({ marker: 'unresolved', style: 'dns', at: [WORKSTATION_NODE_ID] });
    const name = webPods[0].metadata.name;
    const withNodes = packetPath(cluster.trace({ from: { kind: 'pod', namespace: 'default', name }, url: 'http://web' }), () => ['group/ReplicaSet/default/web-1@node-9', 'Node//node-9']);
    expect(withNodes.steps.find((s) => s.title === 'Send')!.at).toEqual([`Pod/default/${name}`, 'group/ReplicaSet/default/web-1@node-9', 'Node//node-9']);
  });

  it('draws a lookup (nslookup, dig) in the DNS style: to kube-dns, to a CoreDNS pod, and the answer back', () => {
    const { cluster, webPods } = welcomeCluster();
    const name = webPods[0].metadata.name;
    const path = packetPath(traceDns(cluster.context, { from: { kind: 'pod', namespace: 'default', name }, name: 'web' }));
    expect(path.steps.every((s) => s.style === 'dns')).toBe(true);
    expect(path.steps.map((s) => s.at[0])).toEqual([`Pod/default/${name}`, 'Service/kube-system/kube-dns', expect.stringMatching(/^Pod\/kube-system\/coredns-/), `Pod/default/${name}`]);
    expect(path.summary).toMatch(/^web\.default\.svc\.cluster\.local\. A 10\.\d+\.\d+\.\d+$/);
  });

  it('does not change the trace it reads', () => {
    const { cluster, nodePort } = welcomeCluster();
    const trace = cluster.trace({ from: { kind: 'workstation' }, url: `http://192.168.49.3:${nodePort}/` });
    const before = JSON.stringify(trace);
    packetPath(trace);
    expect(JSON.stringify(trace)).toBe(before);
  });
});

describe('stepTimes', () => {
  const path = {
    origin: ['a'],
    summary: '',
    outcome: 'refused' as const,
    steps: [
      { hop: 0, at: ['a'], travel: false, style: 'request' as const, title: '', label: '' },
      { hop: 1, at: ['b'], travel: true, style: 'request' as const, title: '', label: '' },
      { hop: 2, at: ['b'], travel: false, style: 'request' as const, title: '', label: '', marker: 'refused' as const },
    ],
  };

  it('adds travel only where the packet moves, a dwell at every step and the marker time at the end', () => {
    expect(stepTimes(path, { travelMs: 500, dwellMs: 1000, markerMs: 300 })).toEqual({ arrive: [0, 1500, 2500], leave: [1000, 2500, 3500], total: 3800 });
  });

  it('jumps from hop to hop with reduced motion (no travel) and still dwells for the explanation', () => {
    const t = stepTimes(path, { travelMs: 0, dwellMs: 1000 });
    expect(t.arrive).toEqual([0, 1000, 2000]);
    expect([stepAt(t, -1), stepAt(t, 0), stepAt(t, 999), stepAt(t, 1000), stepAt(t, 99_999)]).toEqual([-1, 0, 0, 1, 2]);
  });
});
