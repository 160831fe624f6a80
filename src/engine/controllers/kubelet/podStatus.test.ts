// The pod status the kubelet writes reuses what is unchanged and shares what pods
// have in common, without changing a byte of its JSON (key order included).
import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../../core/store';
import type { Pod, PodStatus } from '../../core/types';
import { buildPodStatus } from './podStatus';
import { newContainerRun, type PodRun } from './runtimeState';
import { NO_STATE, sharedCondition, sharedConditionList, sharedIPList } from './sharedStatus';

const T0 = Date.UTC(2026, 0, 1);
const ts = (ms: number = T0 + 5000) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

function podWith(status: PodStatus | undefined, name = 'web'): Pod {
  return deepFreeze({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'default', uid: 'u1' },
    spec: { containers: [{ name, image: 'nginx:1.27' }] },
    ...(status ? { status } : {}),
  } as Pod);
}

function runOf(pod: Pod, phase: 'waiting' | 'running'): PodRun {
  const c = newContainerRun(pod.spec.containers[0], T0, 'u1');
  if (phase === 'running') {
    c.phase = 'running';
    c.everStarted = true;
    c.started = true;
    c.ready = true;
    c.startedAt = T0 + 2000;
    c.containerID = 'containerd://abc';
  }
  return {
    key: 'default/p', namespace: 'default', name: 'p', uid: 'u1', nodeName: 'node-1', hostIP: '192.168.49.2', podIP: '10.244.0.5',
    startTime: T0, containers: [c], killAt: undefined, wakeAt: undefined, wakeToken: 0, written: undefined, dirty: true, awaitsRelist: false, writeNow: true,
  };
}

describe('buildPodStatus: reuse and sharing', () => {
  it('gives the stored status parts back as they are when nothing changed', () => {
    const first = podWith(undefined);
    const run = runOf(first, 'running');
    const stored = deepFreeze(buildPodStatus(first, run, ts));
    const again = buildPodStatus(podWith(stored), run, ts);
    expect(again.conditions).toBe(stored.conditions);
    expect(again.containerStatuses).toBe(stored.containerStatuses);
    expect(again.hostIPs).toBe(stored.hostIPs);
    expect(again.podIPs).toBe(stored.podIPs);
    expect(JSON.stringify(again)).toBe(JSON.stringify(stored));
  });

  it('keeps unchanged conditions and builds the changed ones (same JSON as a fresh build)', () => {
    const pod = podWith(undefined);
    const waiting = deepFreeze(buildPodStatus(pod, runOf(pod, 'waiting'), (ms) => ts(ms ?? T0)));
    const next = buildPodStatus(podWith(waiting), runOf(pod, 'running'), ts);
    const byType = (s: PodStatus, type: string) => s.conditions!.find((c) => c.type === type);
    expect(byType(next, 'Initialized')).toBe(byType(waiting, 'Initialized'));
    expect(byType(next, 'Ready')!.status).toBe('True');
    expect(byType(next, 'Ready')!.lastTransitionTime).toBe(ts());
    expect(next.containerStatuses).not.toBe(waiting.containerStatuses);
    expect(JSON.stringify(next.containerStatuses![0].state)).toBe(JSON.stringify({ running: { startedAt: ts(T0 + 2000) } }));
    expect(next.containerStatuses![0].lastState).toEqual({});
  });

  it('does not reuse a stored part whose keys are in another order', () => {
    const pod = podWith(undefined);
    const run = runOf(pod, 'running');
    const built = buildPodStatus(pod, run, ts);
    // The kubelet's own conditions, keys reordered (PodScheduled belongs to the scheduler and is kept as it is).
    const reordered = built.conditions!.map((c) => (c.type === 'PodScheduled' ? c : { type: c.type, status: c.status, lastProbeTime: c.lastProbeTime, lastTransitionTime: c.lastTransitionTime }));
    const stored = deepFreeze({ ...built, conditions: reordered, hostIPs: [{ ip: run.hostIP }] });
    const again = buildPodStatus(podWith(stored), run, ts);
    expect(again.conditions).not.toBe(stored.conditions);
    expect(again.conditions![0]).not.toBe(reordered[0]);
    expect(JSON.stringify(again)).toBe(JSON.stringify(built));
  });
});

describe('conditions of pods written in a row (one list remembered)', () => {
  it('a pod differing from the previous one in any input gets its own conditions, as a fresh build would', () => {
    const stored = deepFreeze(buildPodStatus(podWith(undefined), runOf(podWith(undefined), 'waiting'), (ms) => ts(ms ?? T0)));
    const fresh = (pod: Pod, run: PodRun, clock: typeof ts) => {
      // The same stored list under another identity: never the remembered one.
      const copy = deepFreeze({ ...pod, status: { ...pod.status, conditions: [...(pod.status?.conditions ?? [])] } }) as Pod;
      return JSON.stringify(buildPodStatus(copy, run, clock).conditions);
    };
    const web = podWith(stored);
    const api = podWith(stored, 'api');
    const gated = deepFreeze({ ...web, spec: { ...web.spec, readinessGates: [{ conditionType: 'example.com/lb' }] } }) as Pod;
    const never = deepFreeze({ ...web, spec: { ...web.spec, restartPolicy: 'Never' } }) as Pod;
    const later = (ms?: number) => ts(ms ?? T0 + 9000);
    const unready = (run: PodRun) => ((run.containers[0].ready = false), run);
    const completed = (run: PodRun) => {
      const c = run.containers[0];
      c.terminated = { exitCode: 0, reason: 'Completed', startedAt: T0 + 2000, finishedAt: T0 + 4000, containerID: 'containerd://abc' };
      c.phase = 'terminated';
      c.ready = false;
      return run;
    };
    // Each pod differs from the one before in one input (or in none: the second).
    const cases: [Pod, PodRun, typeof ts][] = [
      [web, runOf(web, 'running'), ts],
      [web, runOf(web, 'running'), ts],
      [web, runOf(web, 'running'), later], // the time
      [gated, runOf(gated, 'running'), later], // a readiness gate
      [web, runOf(web, 'waiting'), later], // the unready count
      [api, runOf(api, 'waiting'), later], // the unready names
      [never, unready(runOf(never, 'running')), later],
      [never, completed(runOf(never, 'running')), later], // the phase
    ];
    // Built in a row first (each may be served what the one before remembered), checked after.
    const lists = cases.map(([pod, run, clock]) => buildPodStatus(pod, run, clock).conditions);
    cases.forEach(([pod, run, clock], i) => expect(JSON.stringify(lists[i])).toBe(fresh(pod, run, clock)));
    // Same inputs as the pod before: the same (frozen, shared) list.
    expect(lists[1]).toBe(lists[0]);
    expect(Object.isFrozen(lists[0])).toBe(true);
    expect(lists[2]![2]).toMatchObject({ type: 'Ready', status: 'True', lastTransitionTime: later() });
    expect(JSON.stringify(lists[3])).toContain('corresponding condition of pod readiness gate \\"example.com/lb\\" does not exist.');
    expect(JSON.stringify(lists[5])).toContain('containers with unready status: [api]');
    expect(lists[7]![2]).toMatchObject({ type: 'Ready', status: 'False', reason: 'PodCompleted' });
  });
});

describe('status parts shared between pods', () => {
  it('one frozen condition per type, status, time, reason and message, in the kubelet key order', () => {
    const a = sharedCondition('Ready', 'False', ts(), 'ContainersNotReady', 'containers with unready status: [web]');
    const b = sharedCondition('Ready', 'False', ts(), 'ContainersNotReady', `containers with unready status: [${'web'}]`);
    expect(a).toBe(b);
    expect(Object.isFrozen(a)).toBe(true);
    expect(Object.keys(a)).toEqual(['lastProbeTime', 'lastTransitionTime', 'status', 'type', 'reason', 'message']);
    expect(sharedCondition('Ready', 'True', ts())).not.toBe(a);
    expect(Object.keys(sharedCondition('Ready', 'True', ts()))).toEqual(['lastProbeTime', 'lastTransitionTime', 'status', 'type']);
  });

  it('shares a condition list only when its elements are frozen, by the elements it holds', () => {
    const items = () => ['PodReadyToStartContainers', 'Initialized', 'Ready'].map((t) => sharedCondition(t, 'True', ts()));
    const first = sharedConditionList(items());
    expect(Object.isFrozen(first)).toBe(true);
    expect(sharedConditionList(items())).toBe(first);
    const own = [...items().slice(0, 2), { type: 'Ready', status: 'True' as const }];
    expect(sharedConditionList(own)).toBe(own);
    expect(Object.isFrozen(own)).toBe(false);
  });

  it('pods not started yet share their container statuses (same JSON as their own would be)', () => {
    const pod = podWith(undefined);
    const a = buildPodStatus(pod, runOf(pod, 'waiting'), ts);
    const b = buildPodStatus(pod, runOf(pod, 'waiting'), ts);
    expect(b.containerStatuses).toBe(a.containerStatuses);
    expect(Object.isFrozen(a.containerStatuses![0])).toBe(true);
    expect(JSON.stringify(a.containerStatuses)).toBe(JSON.stringify([{
      image: 'docker.io/library/nginx:1.27', imageID: '', lastState: {}, name: 'web', ready: false, restartCount: 0, started: false, state: { waiting: { reason: 'ContainerCreating' } },
    }]));
    // Another container name: its own entry.
    const other = podWith(undefined, 'api');
    expect(buildPodStatus(other, runOf(other, 'waiting'), ts).containerStatuses![0].name).toBe('api');
    // Running containers have their own ids: never shared.
    expect(buildPodStatus(pod, runOf(pod, 'running'), ts).containerStatuses).not.toBe(buildPodStatus(pod, runOf(pod, 'running'), ts).containerStatuses);
  });

  it('frozen empty lastState and node IP lists', () => {
    expect(Object.isFrozen(NO_STATE)).toBe(true);
    expect(sharedIPList('192.168.49.2')).toBe(sharedIPList('192.168.49.2'));
    expect(sharedIPList('192.168.49.2')).toEqual([{ ip: '192.168.49.2' }]);
    // Two pods on one node: the node's IP list is one frozen object.
    const pod = podWith(undefined);
    const a = buildPodStatus(pod, runOf(pod, 'running'), ts);
    const b = buildPodStatus(pod, runOf(pod, 'running'), ts);
    expect(a.hostIPs).toBe(b.hostIPs);
    expect(Object.isFrozen(a.hostIPs)).toBe(true);
    expect(a.podIPs).toEqual([{ ip: '10.244.0.5' }]);
    // A container that never terminated has the shared empty lastState: `{}` in the JSON.
    expect(a.containerStatuses![0].lastState).toBe(NO_STATE);
    expect(JSON.stringify(a.containerStatuses![0].lastState)).toBe('{}');
  });
});
