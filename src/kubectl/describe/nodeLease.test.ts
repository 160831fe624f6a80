// describe node's Lease block: RenewTime is the node Lease's spec.renewTime, which a kubelet
// renews at start and then every 10 s (renewIntervalFraction 0.25 × nodeLeaseDurationSeconds 40;
// pkg/kubelet/kubelet.go, k8s.io/component-helpers/apimachinery/lease/controller.go), and
// describe.go describeNodeLease prints with time.RFC1123Z. A stopped node stops renewing.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../engine';

const renewTime = (c: ReturnType<typeof createCluster>, node = 'node-2') => /RenewTime:\s+(.*)\n/.exec(c.exec(`kubectl describe node ${node}`).stdout)?.[1];

describe('describe node: Lease RenewTime', () => {
  it('moves with the clock in 10-s steps from the kubelet start', () => {
    const c = createCluster();
    // The cluster boots at 00:00:00 and hands over at 00:01:00.
    expect(renewTime(c)).toBe('Thu, 01 Jan 2026 00:01:00 +0000');
    c.advance(9_000);
    expect(renewTime(c)).toBe('Thu, 01 Jan 2026 00:01:00 +0000');
    c.advance(16_000);
    expect(renewTime(c)).toBe('Thu, 01 Jan 2026 00:01:20 +0000');
  });

  it('stops renewing the moment the node is powered off, before the node controller notices', () => {
    const c = createCluster();
    c.advance(25_000); // 00:01:25
    c.exec('sim node stop node-2');
    c.advance(30_000); // still Ready: node-monitor-grace-period is 50 s
    expect(c.exec('kubectl get node node-2').stdout).toMatch(/node-2\s+Ready/);
    expect(renewTime(c)).toBe('Thu, 01 Jan 2026 00:01:20 +0000');
    expect(renewTime(c, 'node-3')).toBe('Thu, 01 Jan 2026 00:01:50 +0000');
  });

  it('freezes at the last renewal before sim node stop, and restarts from the kubelet start', () => {
    const c = createCluster();
    c.advance(25_000); // 00:01:25
    c.exec('sim node stop node-2');
    c.advance(120_000); // the node controller has marked it Unknown
    expect(c.exec('kubectl get node node-2').stdout).toContain('NotReady');
    expect(renewTime(c)).toBe('Thu, 01 Jan 2026 00:01:20 +0000');
    expect(renewTime(c, 'node-3')).toBe('Thu, 01 Jan 2026 00:03:20 +0000');
    c.advance(1_000); // 00:03:26
    c.exec('sim node start node-2');
    c.advance(14_000); // 00:03:40
    expect(renewTime(c)).toBe('Thu, 01 Jan 2026 00:03:36 +0000');
  });
});
