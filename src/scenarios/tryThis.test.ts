// Every example's "try this" commands run in the simulated cluster as a person
// clicks them in the lesson strip: the example loaded (files written, its
// commands run, its pods Ready), then each line in order, with no time between.
// A line succeeds with the output named below, or fails with the text its data
// says it fails with. Lines the strip offers in a read-only embed change nothing.
// A line naming a Service's external IP runs with the IP the cluster gave it.

import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../engine/index';
import { changesCluster, findScenario, resolveTryCommand, SCENARIOS, type Scenario, type TryCommand } from './index';

/** What each line's output (stdout and stderr) shows, in the order of the scenario's tryThis. */
const SHOWS: Record<string, RegExp[]> = {
  welcome: [
    /^web +(10\.244\.\d+\.\d+:80,?){3} /m,
    /^web +NodePort +10\.96\.\S+ +<none> +80:3\d{4}\/TCP/m,
    /(web-\S+ +1\/1 +Running[^\n]*node-\d[\s\S]*){3}/,
    /Served by pod web-/,
  ],
  'selector-typo': [/^web +<none> /m, /app=wbe/, /Selector: +app=web/, /Connection refused/],
  'target-port': [/Connection refused/, /10\.244\.\d+\.\d+:8080/, /service\/web patched/, /Served by pod web-/],
  'readiness-probe': [
    /web-canary-\S+ +0\/1 +Running/,
    /^web +(10\.244\.\d+\.\d+:80,){2}10\.244\.\d+\.\d+:80 /m,
    /Readiness probe failed/,
  ],
  'headless-statefulset': [
    /(Name:\tdb\.default\.svc\.cluster\.local\nAddress: 10\.244\.\d+\.\d+\n){3}/,
    /Name:\tdb-1\.db\.default\.svc\.cluster\.local\nAddress: 10\.244\.\d+\.\d+\n/,
    /^db +ClusterIP +None /m,
    /^db-2 +1\/1 +Running/m,
  ],
  'external-name': [/canonical name = api\.payments\.example\.com/, /^payments +ExternalName +<none> +api\.payments\.example\.com/m, /No resources found/],
  'loadbalancer-local': [/externalTrafficPolicy: Local[\s\S]*sees the client as 192\.168\.49\.1/, /shop-\S+ +1\/1 +Running/, /External Traffic Policy: +Local/],
  // ClientIP affinity: the same client lands on the same pod three times.
  'session-affinity': [/Served by pod (\S+) [\s\S]*Served by pod \1 [\s\S]*Served by pod \1 /, /Session Affinity: +ClientIP/, /service\/cart patched/],
  'ingress-two-paths': [/Served by pod web-/, /proxies to Service api port 80/, /shop\.example\.com\s+\/api +api:80/],
  'network-policy': [/download timed out/, /allow-frontend-to-web created/, /Served by pod web-/, /PodSelector: role=frontend/],
};

/** The example as the page loads it (into `c`, or a fresh cluster), with time run until its pods are up. */
function load(s: Scenario, c: Cluster = createCluster({ seed: 1 })): Cluster {
  for (const [path, text] of Object.entries(s.files)) c.writeFile(path, text);
  for (const line of s.commands) expect(c.exec(line).exitCode, line).toBe(0);
  c.advance(60_000);
  return c;
}

describe('each example’s try-this commands', () => {
  it('every example has some, and an expectation for each', () => {
    for (const s of SCENARIOS) {
      expect(s.tryThis?.length, s.id).toBeGreaterThan(0);
      expect(SHOWS[s.id]?.length, s.id).toBe(s.tryThis?.length);
    }
  });

  for (const s of SCENARIOS) {
    it(`${s.id}: each works, in order, and shows its point`, () => {
      const c = load(s);
      (s.tryThis ?? []).forEach((command, i) => {
        const resolved = resolveTryCommand(command, c.snapshot());
        expect(resolved, command.line).toMatchObject({ ready: true });
        const { line } = resolved;
        const { expectFailure } = command;
        const before = c.snapshot().resourceVersion;
        const r = c.exec(line);
        const output = r.stdout + r.stderr;
        if (expectFailure) {
          expect(r.exitCode, `${line} should fail`).not.toBe(0);
          expect(output, line).toContain(expectFailure);
        } else {
          expect(r.exitCode, `${line}\n${output}`).toBe(0);
        }
        expect(output, line).toMatch(SHOWS[s.id][i]);
        // What a read-only embed offers as a button must leave the cluster's objects alone.
        if (!changesCluster(line)) expect(c.snapshot().resourceVersion, `${line} changed the cluster`).toBe(before);
      });
    });
  }
});

describe('changesCluster', () => {
  it.each([
    ['kubectl get endpoints web', false],
    ['kubectl describe svc web', false],
    ['kubectl exec client -- wget -qO- http://web', false],
    ['curl -v http://203.0.113.2', false],
    ['kubectl apply -f allow.yaml', true],
    ['kubectl run client --rm -i --image=busybox:1.36 --restart=Never -- wget -qO- http://web', true],
    ["kubectl patch svc web -p '{}'", true],
    ['kubectl -n default get pods', true], // a flag before the verb: not recognised, so counted as a change
    ['sim pod crash web-1', true],
  ])('%s → %s', (line, changes) => {
    expect(changesCluster(line)).toBe(changes);
  });
});

describe('resolveTryCommand: a line naming a Service’s external IP', () => {
  const shop = findScenario('loadbalancer-local')!;
  const curlShop = shop.tryThis![0];
  const lbIP = (c: Cluster, name: string) => c.exec(`kubectl get svc ${name} -o jsonpath={.status.loadBalancer.ingress[0].ip}`).stdout;

  it('a line without one is ready as it stands', () => {
    const c = createCluster({ seed: 1 });
    expect(resolveTryCommand({ line: 'kubectl get svc' }, c.snapshot())).toEqual({ ready: true, line: 'kubectl get svc' });
  });

  it('is filled in with the IP the Service got, even when another LoadBalancer took the first one', () => {
    const c = createCluster({ seed: 1 });
    expect(c.exec('kubectl create service loadbalancer first --tcp=80:80').exitCode).toBe(0);
    c.advance(10_000);
    const c2 = load(shop, c);
    const ip = lbIP(c2, 'shop');
    expect(ip).toMatch(/^203\.0\.113\.\d+$/);
    expect(ip).not.toBe(lbIP(c2, 'first'));
    const resolved = resolveTryCommand(curlShop, c2.snapshot());
    expect(resolved).toEqual({ ready: true, line: `curl -v http://${ip}` });
    expect(c2.exec(resolved.line).stdout).toContain('Served by pod shop-');
  });

  it('is not ready while the cloud has not given the IP yet, and shows no IP', () => {
    const c = createCluster({ seed: 1 });
    for (const [path, text] of Object.entries(shop.files)) c.writeFile(path, text);
    c.exec('kubectl apply -f shop.yaml');
    const resolved = resolveTryCommand(curlShop, c.snapshot());
    expect(resolved).toEqual({ ready: false, line: 'curl -v http://<external-ip>', reason: expect.stringContaining('Service shop has no external IP yet (EXTERNAL-IP <pending>)') });
  });

  it('under `sim cloud off` the EXTERNAL-IP stays <pending>: not ready, saying how to turn the cloud on', () => {
    const c = createCluster({ seed: 1 });
    c.exec('sim cloud off');
    const loaded = load(shop, c);
    expect(loaded.exec('kubectl get svc shop').stdout).toMatch(/^shop +LoadBalancer +\S+ +<pending> /m);
    const resolved = resolveTryCommand(curlShop, loaded.snapshot());
    expect(resolved).toMatchObject({ ready: false, line: 'curl -v http://<external-ip>' });
    expect(!resolved.ready && resolved.reason).toContain("'sim cloud on'");
  });

  it('says so when the Service is missing or is no LoadBalancer; a namespace is named', () => {
    const c = createCluster({ seed: 1 });
    const inNamespace: TryCommand = { line: 'curl http://<external-ip>', externalIPOf: { namespace: 'shop', name: 'front' } };
    expect(resolveTryCommand(inNamespace, c.snapshot())).toMatchObject({ ready: false, reason: expect.stringContaining('There is no Service shop/front') });
    c.exec('kubectl create service clusterip shop --tcp=80:80');
    expect(resolveTryCommand(curlShop, c.snapshot())).toMatchObject({ ready: false, reason: expect.stringContaining('Service shop is of type ClusterIP') });
  });

  it('the ingress example reaches its Ingress through the controller’s external IP', () => {
    const ingress = findScenario('ingress-two-paths')!;
    const c = load(ingress);
    const ip = lbIP(c, '-n ingress-nginx ingress-nginx-controller');
    expect(resolveTryCommand(ingress.tryThis![0], c.snapshot())).toEqual({ ready: true, line: `curl -s --resolve shop.example.com:80:${ip} http://shop.example.com/` });
  });
});
