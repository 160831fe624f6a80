import { describe, expect, it } from 'vitest';
import type { Container, KubeEvent, Pod } from '../../core/types';
import { createCluster, type Cluster } from '../../index';

function newPod(name: string, container: Partial<Container> = {}, spec: Partial<Pod['spec']> = {}): Pod {
  return {
    apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels: { app: 'web' } },
    spec: { containers: [{ name: 'app', image: 'nginx:1.27', ...container }], ...spec },
  };
}

const get = (c: Cluster, name: string) => c.context.store.get<Pod>('Pod', 'default', name);
const cond = (p: Pod | undefined, type: string) => p?.status?.conditions?.find((x) => x.type === type)?.status;
const events = (c: Cluster, name: string) => c.context.store.list<KubeEvent>('Event', 'default').filter((e) => e.involvedObject.name === name);

describe('kubelet pod lifecycle', () => {
  it('goes Pending (ContainerCreating) -> Running -> Ready within a few seconds, with the real events', () => {
    const c = createCluster({ seed: 3 });
    c.context.api.create(newPod('web'));
    c.advance(0);
    let p = get(c, 'web')!;
    expect(p.status?.phase).toBe('Pending');
    expect(p.status?.containerStatuses?.[0].state).toEqual({ waiting: { reason: 'ContainerCreating' } });
    // From its node's /24, above the gateway .1 (system pods may already hold the lowest addresses).
    const nodeIndex = Number(p.spec.nodeName!.replace('node-', '')) - 1;
    const m = new RegExp(`^10\\.244\\.${nodeIndex}\\.(\\d+)$`).exec(p.status?.podIP ?? '');
    expect(Number(m?.[1])).toBeGreaterThanOrEqual(2);
    expect(p.status?.hostIP).toMatch(/^192\.168\.49\.\d$/);
    expect(cond(p, 'Ready')).toBe('False');
    c.advance(3000);
    p = get(c, 'web')!;
    expect(p.status?.phase).toBe('Running');
    const cs = p.status!.containerStatuses![0];
    expect(cs).toMatchObject({ ready: true, started: true, restartCount: 0, image: 'docker.io/library/nginx:1.27' });
    expect(cs.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(cs.imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(p.status!.conditions!.map((x) => `${x.type}=${x.status}`)).toEqual([
      'PodReadyToStartContainers=True', 'Initialized=True', 'Ready=True', 'ContainersReady=True', 'PodScheduled=True',
    ]);
    const ev = events(c, 'web').map((e) => `${e.reason}: ${e.message}`);
    expect(ev[0]).toMatch(/^Scheduled: Successfully assigned default\/web to node-\d$/);
    expect(ev[1]).toBe('Pulling: Pulling image "nginx:1.27"');
    expect(ev[2]).toMatch(/^Pulled: Successfully pulled image "nginx:1.27" in [\d.]+m?s \([\d.]+m?s including waiting\)\. Image size: \d+ bytes\.$/);
    expect(ev.slice(3)).toEqual(['Created: Created container: app', 'Started: Started container app']);
    expect(events(c, 'web')[1].source).toEqual({ component: 'kubelet', host: p.spec.nodeName });
    expect(events(c, 'web')[1].involvedObject.fieldPath).toBe('spec.containers{app}');
  });

  it('initialDelaySeconds delays Ready until the first probe', () => {
    const c = createCluster({ seed: 3 });
    c.context.api.create(newPod('web', { readinessProbe: { httpGet: { path: '/', port: 80 }, initialDelaySeconds: 15, periodSeconds: 5 } }));
    c.advance(3000);
    const started = Date.parse(get(c, 'web')!.status!.containerStatuses![0].state.running!.startedAt!);
    expect(get(c, 'web')!.status?.phase).toBe('Running');
    expect(cond(get(c, 'web'), 'Ready')).toBe('False');
    c.advance(started + 14_000 - c.now());
    expect(cond(get(c, 'web'), 'Ready')).toBe('False');
    c.advance(2000);
    expect(cond(get(c, 'web'), 'Ready')).toBe('True');
  });

  it('a probe on a port nothing listens on never gets Ready and says why', () => {
    const c = createCluster({ seed: 3 });
    c.context.api.create(newPod('web', { readinessProbe: { httpGet: { path: '/healthz', port: 8080 } } }));
    c.advance(120_000);
    const p = get(c, 'web')!;
    expect(p.status?.phase).toBe('Running');
    expect(cond(p, 'Ready')).toBe('False');
    expect(p.status!.conditions!.find((x) => x.type === 'Ready')?.message).toBe('containers with unready status: [app]');
    const unhealthy = events(c, 'web').find((e) => e.reason === 'Unhealthy')!;
    expect(unhealthy.type).toBe('Warning');
    expect(unhealthy.message).toBe(`Readiness probe failed: Get "http://${p.status!.podIP}:8080/healthz": dial tcp ${p.status!.podIP}:8080: connect: connection refused`);
    expect(unhealthy.count).toBeGreaterThan(10);
    expect(p.status!.containerStatuses![0].restartCount).toBe(0);
  });

  it('readiness fault flips Ready after failureThreshold periods and back after successThreshold', () => {
    const c = createCluster({ seed: 3 });
    c.context.api.create(newPod('web', { readinessProbe: { tcpSocket: { port: 80 }, periodSeconds: 10, failureThreshold: 3 } }));
    c.advance(5000);
    expect(cond(get(c, 'web'), 'Ready')).toBe('True');
    expect(c.exec('sim pod fail-readiness web').stdout).toBe('pod/web readiness probe now failing\n');
    c.advance(20_000);
    expect(cond(get(c, 'web'), 'Ready')).toBe('True');
    c.advance(10_000);
    expect(cond(get(c, 'web'), 'Ready')).toBe('False');
    c.exec('sim pod pass-readiness web');
    c.advance(10_000);
    expect(cond(get(c, 'web'), 'Ready')).toBe('True');
  });

  // pkg/kubelet/kubelet.go genericPlegRelistPeriod = 1s: a container start reaches the API at the
  // next relist; probe results go to the status manager at once (pkg/kubelet/prober).
  it('reports a container start at the next PLEG relist (whole seconds), a readiness change at once', () => {
    const c = createCluster({ seed: 3 });
    c.context.api.create(newPod('web', { readinessProbe: { tcpSocket: { port: 80 }, periodSeconds: 10, failureThreshold: 1 } }));
    let runningAt: number | undefined;
    const t0 = c.now();
    while (runningAt === undefined && c.now() - t0 < 10_000) {
      c.advance(10);
      if (get(c, 'web')?.status?.phase === 'Running') runningAt = c.now();
    }
    expect(runningAt! % 1000).toBe(0);
    const startedAt = Date.parse(get(c, 'web')!.status!.containerStatuses![0].state.running!.startedAt!);
    expect(startedAt).toBeLessThan(runningAt!);
    expect(runningAt! - startedAt).toBeLessThanOrEqual(1000);
    // The Started event is the runtime's moment, not the relist's.
    const started = events(c, 'web').find((e) => e.reason === 'Started')!;
    expect(Date.parse(started.firstTimestamp!)).toBeLessThan(runningAt!);

    c.advance(3000);
    expect(cond(get(c, 'web'), 'Ready')).toBe('True');
    c.exec('sim pod fail-readiness web');
    let unreadyAt: number | undefined;
    while (unreadyAt === undefined && c.now() - t0 < 60_000) {
      c.advance(10);
      if (cond(get(c, 'web'), 'Ready') === 'False') unreadyAt = c.now();
    }
    // The probe runs every 10 s from the start: the write comes with it, off the relist grid.
    expect((unreadyAt! - startedAt) % 10_000).toBeLessThanOrEqual(10); // within one 10 ms step
    expect(unreadyAt! % 1000).not.toBe(0);
  });

  it('a crash terminates the container, restarts it and counts it; repeated crashes back off', () => {
    const c = createCluster({ seed: 3 });
    c.context.api.create(newPod('web'));
    c.advance(5000);
    expect(c.exec('sim pod crash web').stdout).toBe('pod/web container app crashed (exit code 1)\n');
    let cs = get(c, 'web')!.status!.containerStatuses![0];
    expect(cs.state.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect(cs.ready).toBe(false);
    c.advance(2000);
    cs = get(c, 'web')!.status!.containerStatuses![0];
    expect(cs.restartCount).toBe(1);
    expect(cs.state.running).toBeDefined();
    expect(cs.lastState.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    c.exec('sim pod crash web');
    cs = get(c, 'web')!.status!.containerStatuses![0];
    expect(cs.state.waiting?.reason).toBe('CrashLoopBackOff');
    expect(cs.state.waiting?.message).toMatch(/^back-off 10s restarting failed container=app pod=web_default\(.+\)$/);
    expect(events(c, 'web').some((e) => e.reason === 'BackOff' && e.message.startsWith('Back-off restarting failed container app in pod web_default('))).toBe(true);
    c.advance(9000);
    expect(get(c, 'web')!.status!.containerStatuses![0].restartCount).toBe(1);
    c.advance(1000);
    cs = get(c, 'web')!.status!.containerStatuses![0];
    expect(cs.restartCount).toBe(2);
    expect(cs.state.running).toBeDefined();
  });

  it('a busybox pod without a command exits at once and crash-loops', () => {
    const c = createCluster({ seed: 3 });
    c.context.api.create(newPod('bb', { image: 'busybox' }));
    c.advance(60_000);
    const cs = get(c, 'bb')!.status!.containerStatuses![0];
    expect(cs.restartCount).toBeGreaterThanOrEqual(3);
    expect(cs.lastState.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
  });

  it('liveness failures restart the container', () => {
    const c = createCluster({ seed: 3 });
    c.context.api.create(newPod('web', { livenessProbe: { httpGet: { path: '/', port: 9999 }, periodSeconds: 5, failureThreshold: 2 } }));
    c.advance(15_000);
    expect(get(c, 'web')!.status!.containerStatuses![0].restartCount).toBe(1);
    expect(events(c, 'web').some((e) => e.reason === 'Killing' && e.message === 'Container app failed liveness probe, will be restarted')).toBe(true);
  });

  it('graceful deletion: a server leaves after ~1s, sleep waits out the grace period; IPs are released', () => {
    const c = createCluster({ seed: 3, nodes: 1 });
    c.context.api.create(newPod('web'));
    c.context.api.create(newPod('sleeper', { image: 'busybox', command: ['sleep', '3600'] }, { terminationGracePeriodSeconds: 30 }));
    c.advance(5000);
    const webIPs = [get(c, 'web')!.status!.podIP!, get(c, 'sleeper')!.status!.podIP!];
    c.context.api.delete('Pod', 'default', 'web');
    c.context.api.delete('Pod', 'default', 'sleeper');
    c.advance(0);
    expect(get(c, 'web')?.metadata.deletionTimestamp).toBeDefined();
    expect(events(c, 'web').some((e) => e.reason === 'Killing' && e.message === 'Stopping container app')).toBe(true);
    c.advance(1000);
    expect(get(c, 'web')).toBeUndefined();
    c.advance(28_000);
    expect(get(c, 'sleeper')).toBeDefined();
    c.advance(1000);
    expect(get(c, 'sleeper')).toBeUndefined();
    // host-local moves on from the last IP it handed out instead of reusing web's at once.
    c.context.api.create(newPod('next'));
    c.advance(0);
    expect(get(c, 'next')!.status!.podIP).toBe(`10.244.0.${Number(webIPs[1].split('.')[3]) + 1}`);
    expect(get(c, 'next')!.status!.podIP).not.toBe(webIPs[0]);
  });

  it('pods waiting for one relist are written together in the order they started; one deleted meanwhile holds no one back', () => {
    const c = createCluster({ seed: 5, nodes: 1 });
    for (let i = 0; i < 6; i++) c.context.api.create(newPod(`w-${i}`));
    c.advance(0);
    // w-0 pulls the image; the others find it present and start within 400 ms, before w-0.
    const startedAt = (name: string) => events(c, name).find((e) => e.reason === 'Started');
    const names = ['w-1', 'w-2', 'w-3', 'w-4', 'w-5'];
    while (names.some((n) => !startedAt(n))) c.advance(10);
    const running = names.filter((n) => get(c, n)!.status?.phase === 'Running');
    const waiting = names.filter((n) => !running.includes(n));
    expect(waiting.length).toBeGreaterThan(1);
    c.context.api.delete('Pod', 'default', waiting[0]);
    c.advance(1000);
    const rest = waiting.slice(1);
    for (const n of rest) expect(get(c, n)!.status?.phase).toBe('Running');
    // Written in start order: the Started events' order is the resourceVersions' order.
    const byStart = [...rest].sort((x, y) => Number(startedAt(x)!.metadata.resourceVersion) - Number(startedAt(y)!.metadata.resourceVersion));
    const byWrite = [...rest].sort((x, y) => Number(get(c, x)!.metadata.resourceVersion) - Number(get(c, y)!.metadata.resourceVersion));
    expect(byWrite).toEqual(byStart);
  });

  it('same seed twice gives identical snapshots', () => {
    const run = () => {
      const c = createCluster({ seed: 11 });
      for (let i = 0; i < 5; i++) c.context.api.create(newPod(`web-${i}`, { readinessProbe: { httpGet: { path: '/', port: i % 2 ? 80 : 81 } } }));
      c.advance(4000);
      c.exec('sim pod crash web-1');
      c.advance(30_000);
      return JSON.stringify(c.snapshot());
    };
    expect(run()).toBe(run());
  });
});

describe('pod IP exhaustion', () => {
  it('a node whose /24 is full leaves the next pod ContainerCreating with FailedCreatePodSandBox until an IP frees up', () => {
    // kubelet maxPods above the /24's 253 pod addresses: the CNI runs out before the scheduler stops.
    const c = createCluster({ seed: 3, nodes: 1, maxPodsPerNode: 300 });
    for (let i = 0; i < 254; i++) c.context.api.create(newPod(`p-${i}`));
    c.advance(5000);
    const stuck = c.context.store.list<Pod>('Pod', 'default').filter((p) => !p.status?.podIP);
    expect(stuck.length).toBeGreaterThan(0);
    expect(events(c, stuck[0].metadata.name!).find((e) => e.reason === 'FailedCreatePodSandBox')?.message).toMatch(
      /^Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "[0-9a-f]{64}": plugin type="host-local" failed \(add\): failed to allocate for range 0: no IP addresses available in range set: 10\.244\.0\.1-10\.244\.0\.254$/,
    );
    const freed = get(c, 'p-0')!.status!.podIP;
    c.context.api.delete('Pod', 'default', 'p-0');
    c.advance(5000);
    expect(stuck.filter((p) => get(c, p.metadata.name!)!.status?.podIP === freed)).toHaveLength(1);
  });
});

describe('the node a pod is bound to', () => {
  it('serves pods only while its Node object is stored, as its watch of Nodes says', () => {
    const c = createCluster({ seed: 3 });
    const { store, api } = c.context;
    const node = store.get('Node', undefined, 'node-1')!;
    store.remove('Node', undefined, 'node-1');
    api.create(newPod('web', {}, { nodeName: 'node-1' }));
    c.advance(5000);
    expect(get(c, 'web')?.status?.podIP).toBeUndefined();
    // The Node comes back: the pod's next change is synced on it.
    store.put(node);
    api.update({ ...get(c, 'web')!, metadata: { ...get(c, 'web')!.metadata, labels: { app: 'web', v: '2' } } });
    c.advance(5000);
    expect(get(c, 'web')?.status?.podIP).toMatch(/^10\.244\.0\.\d+$/);
    expect(get(c, 'web')?.status?.phase).toBe('Running');
  });
});
