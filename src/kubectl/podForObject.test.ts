// TYPE/NAME arguments of kubectl exec and logs. Sources: kubectl polymorphichelpers
// (attachablepodforobject.go, logsforobject.go, helpers.go SelectorsForObject) and
// pkg/util/podutils/podutils.go (ActivePods).
import { describe, expect, it } from 'vitest';
import { createCluster } from '../engine/index';
import type { Pod } from '../engine/core/types';
import { lessActive, mostActivePod, podForLogs } from './podForObject';

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: busybox, command: [sleep, infinity]}]}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {selector: {app: web}, ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: manual}
spec: {ports: [{port: 80}]}
`;

function pod(name: string, opts: { node?: string; phase?: string; readySince?: string; restarts?: number; created?: string } = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, creationTimestamp: opts.created ?? '2026-01-01T00:00:00Z' },
    spec: { containers: [{ name: 'c', image: 'x' }], nodeName: opts.node },
    status: {
      phase: opts.phase ?? 'Pending',
      conditions: opts.readySince ? [{ type: 'Ready', status: 'True', lastTransitionTime: opts.readySince }] : [],
      containerStatuses: [{ name: 'c', restartCount: opts.restarts ?? 0 }],
    },
  } as unknown as Pod;
}

describe('podutils.ActivePods order (kubectl exec picks the most active pod)', () => {
  it('unassigned < assigned; Pending < Running; not ready < ready; ready later < ready earlier; more restarts < fewer; newer < older', () => {
    expect(lessActive(pod('a'), pod('b', { node: 'n' }))).toBe(true);
    expect(lessActive(pod('a', { node: 'n' }), pod('b', { node: 'n', phase: 'Running' }))).toBe(true);
    expect(lessActive(pod('a', { node: 'n', phase: 'Running' }), pod('b', { node: 'n', phase: 'Running', readySince: '2026-01-01T00:00:05Z' }))).toBe(true);
    const early = pod('early', { node: 'n', phase: 'Running', readySince: '2026-01-01T00:00:05Z' });
    const late = pod('late', { node: 'n', phase: 'Running', readySince: '2026-01-01T00:00:09Z' });
    expect(lessActive(late, early)).toBe(true);
    expect(mostActivePod([late, early])).toBe(early);
    expect(lessActive(pod('a', { node: 'n', restarts: 3 }), pod('b', { node: 'n' }))).toBe(true);
    expect(lessActive(pod('new', { node: 'n', created: '2026-01-01T00:01:00Z' }), pod('old', { node: 'n' }))).toBe(true);
    expect(lessActive(pod('a', { node: 'n' }), pod('b', { node: 'n' }))).toBe(false);
  });
});

describe('podutils.ByLogging order (kubectl logs picks the first pod)', () => {
  const ready = (name: string, readySince: string, opts: { restarts?: number; created?: string } = {}) => pod(name, { node: 'n', phase: 'Running', readySince, ...opts });

  it('assigned before unassigned; Running before Unknown before Pending; ready before not ready', () => {
    expect(podForLogs([pod('a'), pod('b', { node: 'n' })]).metadata.name).toBe('b');
    expect(podForLogs([pod('a', { node: 'n', phase: 'Unknown' }), pod('b', { node: 'n', phase: 'Running' })]).metadata.name).toBe('b');
    expect(podForLogs([pod('a', { node: 'n', phase: 'Pending' }), pod('b', { node: 'n', phase: 'Unknown' })]).metadata.name).toBe('b');
    expect(podForLogs([pod('a', { node: 'n', phase: 'Running' }), ready('b', '2026-01-01T00:00:05Z')]).metadata.name).toBe('b');
  });

  it('ready longer first, then more restarts, then older; a list order breaks ties', () => {
    // Created first but ready later: readiness time decides before creation time.
    expect(podForLogs([ready('late', '2026-01-01T00:00:09Z'), ready('early', '2026-01-01T00:00:05Z', { created: '2026-01-01T00:00:01Z' })]).metadata.name).toBe('early');
    // Unlike ActivePods reversed (exec), the pod with more restarts comes first.
    const restarted = ready('restarted', '2026-01-01T00:00:05Z', { restarts: 2 });
    expect(podForLogs([ready('calm', '2026-01-01T00:00:05Z'), restarted]).metadata.name).toBe('restarted');
    expect(mostActivePod([ready('calm', '2026-01-01T00:00:05Z'), restarted]).metadata.name).toBe('calm');
    expect(podForLogs([pod('new', { node: 'n', created: '2026-01-01T00:01:00Z' }), pod('old', { node: 'n' })]).metadata.name).toBe('old');
    expect(podForLogs([pod('a', { node: 'n' }), pod('b', { node: 'n' })]).metadata.name).toBe('a');
  });

  it('a phase its map lacks (Failed) ranks as Running does, the zero value of a Go map', () => {
    expect(podForLogs([pod('running', { node: 'n', phase: 'Running', created: '2026-01-01T00:01:00Z' }), pod('failed', { node: 'n', phase: 'Failed' })]).metadata.name).toBe('failed');
  });
});

describe('kubectl exec TYPE/NAME (attachablepodforobject.go)', () => {
  function cluster() {
    const c = createCluster({ seed: 5 });
    expect(c.exec('kubectl apply -f -', WEB).exitCode).toBe(0);
    c.advance(30_000);
    return c;
  }

  it('runs in a pod of a Deployment, ReplicaSet or Service, without a note (unlike logs)', () => {
    const c = cluster();
    const pods = c.exec("kubectl get pods -l app=web -o jsonpath='{.items[*].metadata.name}'").stdout.split(' ');
    for (const target of ['deploy/web', 'deployment/web', 'svc/web', `rs/${pods[0].replace(/-[^-]+$/, '')}`]) {
      const r = c.exec(`kubectl exec ${target} -- hostname`);
      expect(r.stderr).toBe('');
      expect(r.exitCode).toBe(0);
      expect(pods).toContain(r.stdout.trim());
    }
  });

  it('prefers a running, ready pod over one still starting', () => {
    const c = cluster();
    c.exec('kubectl scale deploy web --replicas=3');
    c.advance(100);
    const starting = c.exec("kubectl get pods -l app=web --field-selector=status.phase=Pending -o jsonpath='{.items[*].metadata.name}'").stdout;
    expect(starting).not.toBe('');
    for (let i = 0; i < 3; i++) expect(starting).not.toContain(c.exec('kubectl exec deploy/web -- hostname').stdout.trim());
    const running = c.exec("kubectl get pods -l app=web --field-selector=status.phase=Running -o jsonpath='{.items[*].metadata.name}'").stdout.split(' ');
    expect(running).toHaveLength(2);
    expect(running).toContain(c.exec('kubectl exec deploy/web -- hostname').stdout.trim());
  });

  it.each([
    ['kubectl exec svc/manual -- ls', "error: cannot attach to *v1.Service: invalid service 'manual': Service is defined without a selector\n"],
    ['kubectl exec node/node-1 -- ls', 'error: cannot attach to *v1.Node: selector for *v1.Node not implemented\n'],
    ['kubectl exec deploy/nope -- ls', 'Error from server (NotFound): deployments.apps "nope" not found\n'],
  ])('%s fails as kubectl does', (line, stderr) => {
    expect(cluster().exec(line)).toEqual({ stdout: '', stderr, exitCode: 1 });
  });
});

describe('kubectl logs TYPE/NAME (logsforobject.go)', () => {
  it('words a selector error as "cannot get the logs from <Go type>"', () => {
    const c = createCluster({ seed: 5 });
    c.exec('kubectl apply -f -', WEB);
    expect(c.exec('kubectl logs svc/manual').stderr).toBe("error: cannot get the logs from *v1.Service: invalid service 'manual': Service is defined without a selector\n");
    expect(c.exec('kubectl logs node/node-1').stderr).toBe('error: cannot get the logs from *v1.Node: selector for *v1.Node not implemented\n');
  });
});
