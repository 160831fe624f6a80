// Every example's "try this" commands run in the simulated cluster as a person
// clicks them in the lesson strip: the example loaded (files written, its
// commands run, its pods Ready), then each line in order, with no time between.
// A line succeeds with the output named below, or fails with the text its data
// says it fails with. Lines the strip offers in a read-only embed change nothing.

import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../engine/index';
import { changesCluster, SCENARIOS, type Scenario } from './index';

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

/** The example as the page loads it, with time run until its pods are up. */
function load(s: Scenario): Cluster {
  const c = createCluster({ seed: 1 });
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
      (s.tryThis ?? []).forEach(({ line, expectFailure }, i) => {
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
