import { describe, expect, it } from 'vitest';
import { createCluster } from './index';

describe('sim commands', () => {
  const c = createCluster({ seed: 1 });
  c.context.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' }, spec: { containers: [{ name: 'nginx', image: 'nginx', readinessProbe: { httpGet: { path: '/', port: 80 } } }] } });
  c.advance(5000);

  it('lists every command in sim help', () => {
    const help = c.exec('sim help').stdout;
    for (const cmd of ['fail-readiness', 'pass-readiness', 'crash', 'node stop', 'node start', 'sim cloud', 'proxy-mode']) expect(help).toContain(cmd);
  });

  it.each([
    ['sim pod fail-readiness nope', 'Error from server (NotFound): pods "nope" not found\n'],
    ['sim pod fail-readiness web -n other', 'Error from server (NotFound): pods "web" not found\n'],
    ['sim pod crash web -c sidecar', 'error: container sidecar is not valid for pod web\n'],
    ['sim pod fail-readiness', "error: you must specify a pod name\nSee 'sim help' for usage.\n"],
    ['sim pod explode web', "error: unknown pod action \"explode\"\nSee 'sim help' for usage.\n"],
    ['sim node stop node-9', 'Error from server (NotFound): nodes "node-9" not found\n'],
    ['sim node stop', "error: you must specify a node name\nSee 'sim help' for usage.\n"],
    ['sim cloud maybe', "error: unknown cloud action \"maybe\" (expected on, off or status)\nSee 'sim help' for usage.\n"],
    ['sim proxy-mode nftables', "error: unknown proxy mode \"nftables\" (expected iptables or ipvs)\nSee 'sim help' for usage.\n"],
    ['sim frobnicate', "error: unknown command \"frobnicate\" for \"sim\"\nRun 'sim help' for usage.\n"],
  ])('%s fails clearly', (line, stderr) => {
    expect(c.exec(line)).toEqual({ stdout: '', stderr, exitCode: 1 });
  });

  it('records readiness faults per container', () => {
    expect(c.exec('sim pod fail-readiness web -c nginx')).toEqual({ stdout: 'pod/web readiness probe now failing\n', stderr: '', exitCode: 0 });
    expect(c.snapshot().sim.readinessFailures).toEqual(['default/web/nginx']);
    expect(c.exec('sim pod pass-readiness pod/web').stdout).toBe('pod/web readiness probe now passing\n');
    expect(c.snapshot().sim.readinessFailures).toEqual([]);
  });

  it('warns when the pod has no readiness probe to fail', () => {
    const d = createCluster({ seed: 1 });
    d.context.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'plain', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    expect(d.exec('sim pod fail-readiness plain').stderr).toBe('Warning: pod/plain has no readinessProbe; its readiness will not change\n');
  });

  it('switches kube-proxy mode and the cloud provider', () => {
    expect(c.exec('sim proxy-mode ipvs').stdout).toBe('kube-proxy mode: ipvs\n');
    expect(c.snapshot().sim.proxyMode).toBe('ipvs');
    expect(c.exec('sim cloud status').stdout).toBe('cloud load-balancer provider: on\n');
  });

  it('stops and starts nodes idempotently', () => {
    expect(c.exec('sim node stop node-1').stdout).toBe('node/node-1 stopped\n');
    expect(c.exec('sim node stop node-1').stdout).toBe('node/node-1 is already stopped\n');
    expect(c.snapshot().sim.stoppedNodes).toEqual(['node-1']);
    expect(c.exec('sim node start node-1').stdout).toBe('node/node-1 started\n');
    expect(c.exec('sim node start node-1').stdout).toBe('node/node-1 is already running\n');
  });
});
