// Commands that keep running, through the engine's contract (cluster.start / exec).
import { describe, expect, it } from 'vitest';
import type { RunningCommand } from '../../engine';
import { webCluster } from './webClusterFixture';

const cluster = webCluster;

const text = (h: RunningCommand) => h.read().map((c) => c.text).join('');

describe('kubectl get -w (staging/src/k8s.io/kubectl/pkg/cmd/get/get.go watch)', () => {
  it('prints the list with its header, then one row per event without a header, until Ctrl-C (exit 1, pkg/util/interrupt)', () => {
    const c = cluster();
    const h = c.start('kubectl get pods -w');
    const first = text(h).split('\n');
    expect(first[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
    expect(first.filter((l) => l.startsWith('web-'))).toHaveLength(2);
    c.exec('kubectl scale deployment web --replicas=3');
    c.advance(10_000);
    const rows = text(h).trimEnd().split('\n');
    expect(rows.some((r) => r.includes('NAME'))).toBe(false);
    expect(rows[0]).toMatch(/^web-\S+\s+0\/1\s+Pending\s+0\s+0s$/);
    // tabwriter's RememberWidths (cli-runtime printers/tabwriter.go): after a ContainerCreating row, STATUS stays that wide.
    expect(rows.some((r) => /\sContainerCreating {3}0 /.test(r))).toBe(true);
    expect(rows.at(-1)).toMatch(/^web-\S+ {3}1\/1 {5}Running {13}0 {10}\d+s$/);
    expect(h.done).toBe(false);
    h.interrupt();
    expect([h.done, h.exitCode]).toEqual([true, 1]);
    c.exec('kubectl scale deployment web --replicas=1');
    expect(text(h)).toBe('');
  });

  it('--output-watch-events adds the EVENT column (tableprinter.go formattedEventType); a named object prints once, then its changes', () => {
    const c = cluster();
    const h = c.start('kubectl get deploy web -w --output-watch-events');
    expect(text(h)).toMatch(/^EVENT\s+NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\nADDED\s+web\s+2\/2/);
    c.exec('kubectl scale deployment web --replicas=1');
    expect(text(h)).toMatch(/^MODIFIED\s+web\s+2\/1/);
  });

  it('-o yaml separates documents with --- (printers/yaml.go); an object leaving -l reads as DELETED', () => {
    const c = cluster();
    const y = c.start('kubectl get svc web -w -o yaml');
    expect(text(y)).toMatch(/^apiVersion: v1\nkind: Service\n/);
    c.exec('kubectl label svc web x=y');
    expect(text(y)).toMatch(/^---\napiVersion: v1\nkind: Service\n/);
    const n = c.start('kubectl get svc -l x=y -w --output-watch-events -o name');
    text(n);
    c.exec('kubectl label svc web x-');
    expect(text(n)).toBe('service/web\n');
  });

  it('get events -w prints Events as components record them, and an aggregated one again as it repeats (client-go record/events_cache.go)', () => {
    const c = cluster();
    const h = c.start('kubectl get events -w --watch-only --output-watch-events');
    expect(text(h)).toBe('');
    c.exec('kubectl scale deployment web --replicas=3');
    c.advance(10_000);
    const [header, ...rows] = text(h).trimEnd().split('\n');
    // --watch-only: the header comes with the first row (get.go watch, printer's first print).
    expect(header).toMatch(/^EVENT\s+LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE$/);
    expect(rows[0]).toMatch(/^ADDED\s+0s\s+Normal\s+ScalingReplicaSet\s+deployment\/web\s+Scaled up replica set web-\w+ from 2 to 3$/);
    expect(rows.map((r) => r.split(/\s+/)[3])).toEqual(['ScalingReplicaSet', 'SuccessfulCreate', 'Scheduled', 'Pulling', 'Pulled', 'Created', 'Started']);
    h.interrupt();
    // A readiness probe that keeps failing is one Event whose count grows: the watch sees it MODIFIED.
    c.exec('kubectl apply -f -', 'apiVersion: v1\nkind: Pod\nmetadata: {name: probe}\nspec:\n  containers:\n  - name: web\n    image: nginx\n    readinessProbe: {httpGet: {port: 8080}, periodSeconds: 5}\n');
    c.advance(20_000);
    const w = c.start('kubectl get events --field-selector reason=Unhealthy -w --watch-only --output-watch-events');
    text(w);
    c.advance(10_000);
    expect(text(w).trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^EVENT\s+LAST SEEN/),
      expect.stringMatching(/^MODIFIED\s+0s\s+Warning\s+Unhealthy\s+pod\/probe\s+Readiness probe failed: Get "http:\/\/10\.244\.\d+\.\d+:8080\/": dial tcp .*connection refused$/),
      expect.stringMatching(/^MODIFIED\s+0s\s+Warning\s+Unhealthy\s+pod\/probe/),
    ]);
    const count = () => (JSON.parse(c.exec('kubectl get events --field-selector reason=Unhealthy -o json').stdout) as { items: { count: number }[] }).items[0].count;
    const before = count();
    w.interrupt();
    c.advance(10_000);
    expect(count()).toBe(before + 2);
    expect(text(w)).toBe('');
  });

  it('refuses several types (builder.go SingleResourceType) and --output-watch-events without -w (get.go Validate)', () => {
    const c = cluster();
    expect(c.exec('kubectl get pods,svc -w').stderr).toBe('error: you may only specify a single resource type\n');
    expect(c.exec('kubectl get pods --output-watch-events').stderr).toContain('--output-watch-events option can only be used with --watch or --watch-only');
    // The watch's builder refuses names beside selectors or -A as a plain get does (builder.go visitBySelector, visitByName).
    expect(c.exec('kubectl get pods web-x -l app=web -w').stderr).toBe('error: name cannot be provided when a selector is specified\n');
    expect(c.exec('kubectl get pods web-x -A -w').stderr).toBe('error: a resource cannot be retrieved by name across all namespaces\n');
  });

  it('exec prints the initial list and stops; with --request-timeout it lets simulated time run first (running.ts)', () => {
    const c = cluster();
    const r = c.exec('kubectl get pods -w');
    expect(r.exitCode).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(3);
    c.exec('kubectl scale deployment web --replicas=3');
    const timed = c.exec('kubectl get pods -w --request-timeout=5s --watch-only');
    expect(timed.stdout).toMatch(/Running/);
    expect(timed.exitCode).toBe(0);
  });
});

describe('kubectl logs -f (logs.go; the kubelet ends a follow stream when its container exits)', () => {
  it('prints new access-log lines as requests reach the pod, and ends with the container', () => {
    const c = cluster();
    c.exec('kubectl run one --image=nginx');
    c.advance(10_000);
    const h = c.start('kubectl logs -f one');
    expect(text(h)).toContain('Configuration complete; ready for start up');
    const ip = c.exec("kubectl get pod one -o jsonpath='{.status.podIP}'").stdout;
    const client = c.exec('kubectl get pods -l app=web -o name').stdout.split('\n')[0];
    c.exec(`kubectl exec ${client} -- curl -s http://${ip}/`);
    expect(text(h)).toMatch(/"GET \/ HTTP\/1.1" 200/);
    c.exec('kubectl delete pod one');
    c.advance(5_000);
    expect([h.done, h.exitCode]).toEqual([true, 0]);
  });
});

describe('kubectl port-forward (cmd/portforward/portforward.go, client-go tools/portforward)', () => {
  it('forwards localhost:8080 to one pod of the Service through the API server and kubelet, the same pod every time', () => {
    const c = cluster();
    expect(c.exec('curl localhost:8080').stderr).toBe("curl: (7) Failed to connect to localhost port 8080 after 0 ms: Couldn't connect to server\n");
    const h = c.start('kubectl port-forward svc/web 8080:80');
    expect(text(h)).toBe('Forwarding from 127.0.0.1:8080 -> 80\nForwarding from [::1]:8080 -> 80\n');
    const pods = new Set<string>();
    for (let i = 0; i < 5; i++) pods.add(/Served by pod (\S+)/.exec(c.exec('curl -s http://127.0.0.1:8080/').stdout)![1]);
    expect(pods.size).toBe(1);
    expect(text(h)).toBe('Handling connection for 8080\n'.repeat(5));
    const trace = c.trace({ from: { kind: 'workstation' }, url: 'http://localhost:8080/' });
    expect(trace.hops.map((x) => x.action)).toEqual(['send', 'route', 'route', 'deliver', 'respond']);
    expect(trace.hops.some((x) => x.action === 'dnat')).toBe(false);
    expect(trace.hops[1].reason).toContain('/pods/');
    // The API server the trace names is the one routing.ts and the kubernetes Service's endpoints have: node-1, port 6443.
    expect(trace.hops[1].to).toMatchObject({ kind: 'Node', name: 'node-1' });
    expect(trace.hops[1].reason).toContain('to the API server on node-1 (port 6443)');
    h.interrupt();
    expect(h.exitCode).toBe(0);
    expect(c.exec('curl localhost:8080').exitCode).toBe(7);
  });

  it('names its errors as upstream: a port in use, a Service port it lacks, nothing listening in the pod, the pod going away', () => {
    const c = cluster();
    c.start('kubectl port-forward deploy/web 8080:80');
    const busy = c.exec('kubectl port-forward svc/web 8080:80');
    expect(busy.stderr).toContain('Unable to listen on port 8080: Listeners failed to create with the following errors: [unable to create listener: Error listen tcp4 127.0.0.1:8080: bind: address already in use');
    expect(busy.stderr).toContain('error: unable to listen on any of the requested ports: [{8080 80}]\n');
    expect(c.exec('kubectl port-forward svc/web 9000:8080').stderr).toBe('error: Service web does not have a service port 8080\n');
    // Any name of the type is a Service (portforward.go switches on the object's type, not on how it was spelt).
    expect(c.exec('kubectl port-forward Service/web 9000:8080').stderr).toBe('error: Service web does not have a service port 8080\n');
    const wrong = c.start('kubectl port-forward deploy/web 9090:8080');
    text(wrong);
    expect(c.exec('curl localhost:9090').stderr).toBe('curl: (52) Empty reply from server\n');
    const out = text(wrong);
    expect(out).toMatch(/^Handling connection for 9090\nE\d{4} [\d:.]+ +4242 portforward.go:\d+\] an error occurred forwarding 9090 -> 8080: error forwarding port 8080 to pod /);
    expect(out.endsWith('error: lost connection to pod\n')).toBe(true);
    expect([wrong.done, wrong.exitCode]).toEqual([true, 1]);
    const pod = c.start('kubectl port-forward svc/web 7000:80');
    const name = /pods\/(\S+)\/portforward/.exec(c.trace({ from: { kind: 'workstation' }, url: 'http://localhost:7000/' }).hops[1].reason)![1];
    text(pod);
    c.exec(`kubectl delete pod ${name}`);
    expect(text(pod)).toBe('error: lost connection to pod\n');
    expect(pod.exitCode).toBe(1);
  });

  it('takes a random local port for :80, named ports, and says when the pod is not running', () => {
    const c = cluster();
    expect(c.exec('kubectl port-forward svc/web :80').stdout).toMatch(/^Forwarding from 127\.0\.0\.1:(\d+) -> 80\nForwarding from \[::1\]:\1 -> 80\n$/);
    c.exec('kubectl run slow --image=nginx');
    expect(c.exec('kubectl port-forward slow 8080:80').stderr).toBe('error: unable to forward port because pod is not running. Current status=Pending\n');
    expect(c.exec('kubectl port-forward --address 0.0.0.0 svc/web 8080:80').stdout).toBe('Forwarding from 0.0.0.0:8080 -> 80\n');
  });
});
