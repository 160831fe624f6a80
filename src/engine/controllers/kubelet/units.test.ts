import { describe, expect, it } from 'vitest';
import type { Container, Probe } from '../../core/types';
import { SeededRandom } from '../../core/random';
import { goDuration, INITIAL_BACKOFF_MS, MAX_BACKOFF_MS, nextBackoff, restartAt, type BackoffEntry } from './backoff';
import { fnv1a, stableHex, stableInt } from './ids';
import { NodeIPAllocator } from './ipam';
import { applyProbeResult, initialProbeState, probeTiming, runProbe, type ProbeState } from './probes';
import { newContainerRun } from './runtimeState';

describe('probe state machine (pkg/kubelet/prober/worker.go)', () => {
  const run = (probe: Probe, results: boolean[], kind: 'Readiness' | 'Liveness' = 'Readiness') => {
    let s: ProbeState = initialProbeState(kind);
    return results.map((ok) => (s = applyProbeResult(s, ok, probe)).passing);
  };
  it.each([
    ['defaults: one success makes it ready', {}, [true], [true]],
    ['successThreshold 3 needs three in a row', { successThreshold: 3 }, [true, true, false, true, true, true], [false, false, false, false, false, true]],
    ['failureThreshold 3 (default) tolerates two failures', {}, [true, false, false, true, false, false, false], [true, true, true, true, true, true, false]],
    ['failureThreshold 1 flips at once', { failureThreshold: 1 }, [true, false], [true, false]],
  ] as [string, Probe, boolean[], boolean[]][])('%s', (_name, probe, results, expected) => {
    expect(run(probe, results)).toEqual(expected);
  });

  it('liveness starts passing; readiness starts failing', () => {
    expect(initialProbeState('Liveness').passing).toBe(true);
    expect(initialProbeState('Readiness').passing).toBe(false);
  });

  it('does not mutate its input state', () => {
    const s = Object.freeze(initialProbeState('Readiness'));
    expect(() => applyProbeResult(s, true, {})).not.toThrow();
    expect(s).toEqual({ successes: 0, failures: 0, passing: false });
  });

  it('applies SetDefaults_Probe (0 means default) ', () => {
    expect(probeTiming({ periodSeconds: 0, successThreshold: 0, failureThreshold: 0 })).toEqual({ initialDelayMs: 0, periodMs: 10_000, successThreshold: 1, failureThreshold: 3 });
  });
});

describe('runProbe outcomes and failure texts', () => {
  const nginx: Container = { name: 'web', image: 'nginx', ports: [{ name: 'http', containerPort: 80 }] };
  it('httpGet to a port nothing listens on is refused, as Go net/http words it', () => {
    expect(runProbe({ httpGet: { path: '/healthz', port: 8080 } }, nginx, '10.244.1.5', false)).toEqual({
      ok: false, output: 'Get "http://10.244.1.5:8080/healthz": dial tcp 10.244.1.5:8080: connect: connection refused',
    });
  });
  it('httpGet resolves a named port against the container', () => {
    expect(runProbe({ httpGet: { path: '/', port: 'http' } }, nginx, '10.244.1.5', false).ok).toBe(true);
  });
  it('the readiness fault turns a listening endpoint into a 503', () => {
    expect(runProbe({ httpGet: { path: '/', port: 80 } }, nginx, '10.244.1.5', true).output).toBe('HTTP probe failed with statuscode: 503');
  });
  it('tcpSocket connects only where something listens', () => {
    expect(runProbe({ tcpSocket: { port: 80 } }, nginx, '10.244.1.5', false).ok).toBe(true);
    expect(runProbe({ tcpSocket: { port: 6379 } }, nginx, '10.244.1.5', false).output).toBe('dial tcp 10.244.1.5:6379: connect: connection refused');
  });
  it('exec succeeds unless faulted', () => {
    expect(runProbe({ exec: { command: ['cat', '/tmp/healthy'] } }, nginx, '10.244.1.5', false).ok).toBe(true);
    expect(runProbe({ exec: { command: ['cat', '/tmp/healthy'] } }, nginx, '10.244.1.5', true).output).toBe("cat: can't open '/tmp/healthy': No such file or directory\n");
  });
});

describe('container restart back-off (flowcontrol.Backoff, 10s doubling to 300s)', () => {
  it('restarts at once after the first exit, then waits 10s, 20s, 40s … capped at 5m0s', () => {
    let entry: BackoffEntry | undefined;
    let t = 0;
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      const exitAt = t + 1000; // each run lasts 1s
      const start = restartAt(entry, exitAt);
      waits.push(start - exitAt);
      entry = nextBackoff(entry, start);
      t = start;
    }
    expect(waits).toEqual([0, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000]);
    expect(goDuration(MAX_BACKOFF_MS)).toBe('5m0s');
    expect(goDuration(INITIAL_BACKOFF_MS)).toBe('10s');
  });
  it('forgets the back-off after twice the cap without a restart', () => {
    const entry = { backoffMs: 160_000, lastUpdate: 0 };
    expect(restartAt(entry, 2 * MAX_BACKOFF_MS + 1)).toBe(2 * MAX_BACKOFF_MS + 1);
    expect(nextBackoff(entry, 2 * MAX_BACKOFF_MS + 1).backoffMs).toBe(INITIAL_BACKOFF_MS);
  });
});

describe('pod IPs from the node podCIDR (host-local IPAM)', () => {
  it('hands out .2 upward, skipping network and gateway', () => {
    const a = new NodeIPAllocator('10.244.1.0/24');
    expect([a.allocate(), a.allocate(), a.allocate()]).toEqual(['10.244.1.2', '10.244.1.3', '10.244.1.4']);
  });
  it('reuses a released IP only after the others', () => {
    const a = new NodeIPAllocator('10.244.1.0/24');
    const first = a.allocate()!;
    a.allocate();
    a.release(first);
    expect(a.allocate()).toBe('10.244.1.4');
    const seen = new Set<string>();
    for (let i = 0; i < 251; i++) seen.add(a.allocate()!);
    expect([...seen].at(-1)).toBe("10.244.1.2");
    expect(seen.has('10.244.1.2')).toBe(true);
    expect(seen.has('10.244.1.255')).toBe(false);
    expect(a.allocate()).toBeUndefined();
  });
});

describe('stable ids', () => {
  it('draws the same hex digits as the seeded generator', () => {
    for (const seed of ['a', 'uid-1:web:0', 'image:docker.io/library/nginx']) {
      expect(stableHex(seed, 64)).toBe(new SeededRandom(fnv1a(seed)).hex(64));
      expect(stableHex(seed, 7)).toBe(new SeededRandom(fnv1a(seed)).hex(7));
      // A hashed seed draws what its text does; a prefix goes in front of the same digits.
      expect(stableHex(fnv1a(seed), 64)).toBe(stableHex(seed, 64));
      expect(stableHex(seed, 64, 'containerd://')).toBe(`containerd://${stableHex(seed, 64)}`);
    }
  });

  it('draws the same integers as the seeded generator (start delays, pull times, image sizes)', () => {
    for (let i = 0; i < 2000; i++) {
      const seed = `uid-${i}:web:create`;
      for (const [min, max] of [[100, 400], [1000, 2500], [5_000_000, 190_000_000], [0, 0]]) {
        expect(stableInt(seed, min, max)).toBe(min + new SeededRandom(fnv1a(seed)).int(max - min + 1));
      }
      expect(stableHex(i * 2654435761, 64)).toBe(new SeededRandom(i * 2654435761).hex(64));
    }
  });

  it('continues a hash from a prefix: ids drawn from a container seed equal those of the whole text', () => {
    // runtimeState hashes `<uid>:<name>:` once and the worker continues it (pull, create, restart ids).
    const seed = newContainerRun({ name: 'web', image: 'nginx' }, 0, 'uid-1').seed;
    expect(seed).toBe(fnv1a('uid-1:web:'));
    expect(fnv1a(':pull', fnv1a('0', seed))).toBe(fnv1a('uid-1:web:0:pull'));
    expect(fnv1a('create', seed)).toBe(fnv1a('uid-1:web:create'));
  });
});
