import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../engine';
import { SCENARIOS } from '../../scenarios';
import { cleanForApply, fileNameFor } from './cleanObject';

function welcomeCluster() {
  const c = createCluster({ seed: 1 });
  for (const [p, t] of Object.entries(SCENARIOS[0].files)) c.writeFile(p, t);
  for (const line of SCENARIOS[0].commands) c.exec(line);
  c.advance(30_000);
  return c;
}

const find = (c: ReturnType<typeof createCluster>, kind: string, name: string) => c.snapshot().objects[kind]?.find((o) => o.metadata.name === name);

describe('cleanForApply', () => {
  it('drops status and server fields of a Service but keeps what a person wrote', () => {
    const c = welcomeCluster();
    const live = find(c, 'Service', 'web');
    const before = JSON.stringify(live);
    const clean = cleanForApply(live);
    expect(JSON.stringify(live)).toBe(before); // input not mutated
    expect(clean).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', namespace: 'default' },
      spec: { type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 80 }] },
    });
  });

  it('keeps clusterIP: None of a headless Service', () => {
    const clean = cleanForApply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'db', uid: 'x' }, spec: { clusterIP: 'None', clusterIPs: ['None'] } });
    expect(clean.spec).toEqual({ clusterIP: 'None' });
  });

  it('a cleaned Deployment re-applies cleanly to a fresh cluster and to the same one', () => {
    const c = welcomeCluster();
    const yaml = stringify(cleanForApply(find(c, 'Deployment', 'web')));
    expect(yaml).not.toMatch(/uid|resourceVersion|creationTimestamp|status:|last-applied|pod-template-hash/);
    c.writeFile('copy.yaml', yaml);
    const pods = c.exec('kubectl get pods -o name').stdout;
    expect(c.exec('kubectl apply -f copy.yaml')).toMatchObject({ exitCode: 0, stdout: expect.stringMatching(/^deployment.apps\/web (unchanged|configured)\n$/) });
    c.advance(30_000);
    expect(c.exec('kubectl get pods -o name').stdout).toBe(pods); // no rollout: the template did not change
    const fresh = createCluster({ seed: 2 });
    fresh.writeFile('copy.yaml', yaml);
    expect(fresh.exec('kubectl apply -f copy.yaml')).toMatchObject({ exitCode: 0, stdout: 'deployment.apps/web created\n' });
  });

  it('a cleaned Pod drops the node it was scheduled to', () => {
    const c = welcomeCluster();
    const pod = c.snapshot().objects.Pod.find((p) => p.metadata.namespace === 'default');
    const clean = cleanForApply(pod);
    expect(clean.spec).not.toHaveProperty('nodeName');
    expect(clean.metadata).not.toHaveProperty('ownerReferences');
    expect(clean).not.toHaveProperty('status');
  });
});

describe('fileNameFor', () => {
  it('avoids existing names', () => {
    expect(fileNameFor('Service', 'web', [])).toBe('web-service.yaml');
    expect(fileNameFor('Service', 'web', ['web-service.yaml', 'web-service-2.yaml'])).toBe('web-service-3.yaml');
  });
});
