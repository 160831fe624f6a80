// The lean entry the browser starts from: a cluster drawn before its command
// line has loaded, which never crashes meanwhile, and which behaves exactly like
// the full engine once loadCommandLine() has run. Vitest isolates test files, so
// nothing here has the command line installed until the test loads it.
import { describe, expect, it } from 'vitest';
import type { Trace } from './dataplane/types';
import { commandLineReady, createCluster, loadCommandLine } from './lean';

const SCRIPT = [
  'kubectl create deployment web --image=nginx --replicas=2',
  'kubectl expose deployment web --port=80 --type=NodePort',
  'kubectl get pods -o wide',
  'kubectl get svc,endpointslices',
  'curl -s http://192.168.49.2:$(kubectl get svc web -o jsonpath={.spec.ports[0].nodePort})',
  'sim pod fail-readiness $(kubectl get pods -o jsonpath={.items[0].metadata.name})',
  'kubectl describe svc web',
];

describe('the lean engine (src/engine/lean.ts)', () => {
  it('draws the nodes and answers commands with an error until the command line is loaded', () => {
    expect(commandLineReady()).toBe(false);
    const cluster = createCluster({ seed: 7 });
    const snapshot = cluster.snapshot();
    expect(snapshot.objects.Node?.map((n) => n.metadata.name)).toEqual(['node-1', 'node-2', 'node-3']);
    expect(snapshot.proxyRules).toEqual([]);
    expect(snapshot.dnsRecords).toEqual([]);
    const result = cluster.exec('kubectl get pods');
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/still starting/);
    expect(cluster.exec('curl http://web').exitCode).toBe(1);
    expect(cluster.exec('').exitCode).toBe(0);
    const trace = cluster.trace({ from: { kind: 'workstation' }, url: 'http://192.168.49.2:30080' });
    expect(trace.outcome.kind).toBe('invalid');
    expect(trace.hops).toEqual([]);
  });

  it('after loadCommandLine the same cluster runs everything, and matches the full engine byte for byte', async () => {
    const early = createCluster({ seed: 7 });
    const traces: Trace[] = [];
    early.onTrace((t) => traces.push(t));
    // Drawn (and time run) without the engine's extension (extensionRegistry.ts) …
    expect(early.context.controllers.names).not.toContain('ingress-nginx');
    const firstPicture = early.snapshot();
    early.advance(30_000);
    const later = early.snapshot();
    await loadCommandLine();
    expect(commandLineReady()).toBe(true);
    await loadCommandLine(); // idempotent

    const { createCluster: createFull } = await import('./index');
    const full = createFull({ seed: 7 });
    const fullTraces: Trace[] = [];
    full.onTrace((t) => fullTraces.push(t));
    // … the pictures are those of the full engine, and the cluster then is the full engine.
    const fields = (s: typeof firstPicture) => ({ time: s.time, resourceVersion: s.resourceVersion, objects: s.objects, sim: s.sim });
    expect(fields(firstPicture)).toEqual(fields(full.snapshot()));
    full.advance(30_000);
    expect(fields(later)).toEqual(fields(full.snapshot()));
    expect(early.context.registry.all()).toEqual(full.context.registry.all());
    expect(early.context.controllers.names).toEqual(full.context.controllers.names);
    for (const line of SCRIPT) {
      early.advance(5_000);
      full.advance(5_000);
      // $(…) is not a shell here: read the port first, on both clusters, as a person would.
      const resolved = line.replace(/\$\((.+)\)/, (_, inner: string) => {
        const port = early.exec(inner);
        expect(port).toEqual(full.exec(inner));
        return port.stdout.trim();
      });
      expect(early.exec(resolved)).toEqual(full.exec(resolved));
    }
    expect(early.exec('nslookup web.default.svc.cluster.local')).toEqual(full.exec('nslookup web.default.svc.cluster.local'));
    expect(traces.length).toBeGreaterThan(0);
    expect(traces).toEqual(fullTraces);
    expect(early.snapshot().proxyRules.length).toBeGreaterThan(0);
    expect(early.snapshot().proxyRules).toEqual(full.snapshot().proxyRules);
    expect(early.snapshot().dnsRecords).toEqual(full.snapshot().dnsRecords);
  });
});
