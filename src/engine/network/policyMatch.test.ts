// NetworkPolicy evaluation tables (KUBERNETES.md §15; docs "Network Policies").
import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../core/store';
import type { ContainerPort } from '../core/types';
import { evaluatePolicies, type PolicyParty, type PolicyWorld } from './policyMatch';
import type { NetworkPolicy } from './types';

function newPolicy(name: string, spec: NetworkPolicy['spec'], namespace = 'default'): NetworkPolicy {
  return deepFreeze({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace }, spec });
}

function newPod(name: string, labels: Record<string, string>, ip: string, opts: { namespace?: string; hostIP?: string; ports?: ContainerPort[] } = {}): PolicyParty {
  return { ip, pod: { namespace: opts.namespace ?? 'default', name, labels, hostIP: opts.hostIP ?? '192.168.49.2', ports: opts.ports ?? [] } };
}

function newWorld(policies: NetworkPolicy[], namespaces: Record<string, Record<string, string>> = {}): PolicyWorld {
  const labels = (ns: string) => ({ 'kubernetes.io/metadata.name': ns, ...(namespaces[ns] ?? {}) });
  return { policiesIn: (ns) => policies.filter((p) => p.metadata.namespace === ns), namespaceLabels: labels };
}

const frontend = newPod('frontend', { role: 'frontend' }, '10.244.1.5');
const other = newPod('other', { role: 'other' }, '10.244.1.6');
const db = newPod('db', { app: 'db' }, '10.244.2.7', { hostIP: '192.168.49.3', ports: [{ name: 'pg', containerPort: 5432, protocol: 'TCP' }] });
const denyAll = newPolicy('default-deny', { podSelector: {}, policyTypes: ['Ingress'] });
const allowFrontend = newPolicy('allow-frontend', { podSelector: { matchLabels: { app: 'db' } }, policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: { matchLabels: { role: 'frontend' } } }] }] });

const check = (world: PolicyWorld, from: PolicyParty, to: PolicyParty, port = 5432, protocol = 'TCP') => evaluatePolicies(world, { from, to, port, protocol });

describe('isolation and additive rules', () => {
  it('without policies everything is allowed', () => {
    expect(check(newWorld([]), other, db)).toMatchObject({ allowed: true, reason: 'no NetworkPolicy selects either pod' });
  });

  it('default-deny ingress isolates every pod of the namespace', () => {
    const v = check(newWorld([denyAll]), frontend, db);
    expect(v.allowed).toBe(false);
    expect(v.direction).toBe('ingress');
    expect(v.policy).toBe('default/default-deny');
    expect(v.reason).toBe('pod default/db is isolated for ingress by NetworkPolicy default/default-deny and no ingress rule allows TCP from pod default/frontend (10.244.1.5) on port 5432');
  });

  it('then an allow rule from role=frontend lets only the frontend in, naming the policy and rule', () => {
    const world = newWorld([denyAll, allowFrontend]);
    expect(check(world, frontend, db)).toMatchObject({ allowed: true, policy: 'default/allow-frontend', rule: 'ingress[0]', direction: 'ingress' });
    expect(check(world, other, db).allowed).toBe(false);
  });

  it('ingress: [] denies, ingress: [{}] allows everything', () => {
    expect(check(newWorld([newPolicy('p', { podSelector: {}, ingress: [], policyTypes: ['Ingress'] })]), frontend, db).allowed).toBe(false);
    expect(check(newWorld([newPolicy('p', { podSelector: {}, ingress: [{}], policyTypes: ['Ingress'] })]), frontend, db)).toMatchObject({ allowed: true, rule: 'ingress[0]' });
  });

  it('an Egress-only policy does not isolate ingress', () => {
    const world = newWorld([newPolicy('egress-only', { podSelector: { matchLabels: { app: 'db' } }, policyTypes: ['Egress'] })]);
    expect(check(world, frontend, db).allowed).toBe(true);
  });

  it('traffic from the pod\'s own node is always allowed (kubelet probes), and a pod can reach itself', () => {
    const node: PolicyParty = { ip: '192.168.49.3' };
    expect(check(newWorld([denyAll]), node, db, 8080)).toMatchObject({ allowed: true });
    expect(check(newWorld([denyAll]), { ip: '192.168.49.2' }, db).allowed).toBe(false);
    expect(check(newWorld([denyAll]), db, db).allowed).toBe(true);
  });
});

describe('peers', () => {
  const web = newPod('web', { app: 'web' }, '10.244.1.9', { ports: [{ name: 'http', containerPort: 8080 }] });
  const monitoringProm = newPod('prom', { app: 'prometheus' }, '10.244.2.3', { namespace: 'monitoring' });
  const monitoringOther = newPod('grafana', { app: 'grafana' }, '10.244.2.4', { namespace: 'monitoring' });
  const devProm = newPod('prom', { app: 'prometheus' }, '10.244.2.5', { namespace: 'dev' });
  const namespaces = { monitoring: { team: 'ops' }, dev: { team: 'dev' } };
  const and = newPolicy('and', { podSelector: {}, policyTypes: ['Ingress'], ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: 'ops' } }, podSelector: { matchLabels: { app: 'prometheus' } } }] }] });
  const or = newPolicy('or', { podSelector: {}, policyTypes: ['Ingress'], ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: 'ops' } } }, { podSelector: { matchLabels: { app: 'prometheus' } } }] }] });

  it.each([
    ['AND in one element', and, monitoringProm, true],
    ['AND in one element', and, monitoringOther, false],
    ['AND in one element', and, devProm, false],
    ['OR across elements', or, monitoringProm, true],
    ['OR across elements', or, monitoringOther, true],
    // podSelector alone means the policy's own namespace: prometheus in dev is not selected
    ['OR across elements', or, devProm, false],
  ])('%s: %s from %j', (_name, policy, from, allowed) => {
    expect(check(newWorld([policy], namespaces), from, web, 8080).allowed).toBe(allowed);
  });

  it('namespaceSelector matches the kubernetes.io/metadata.name label', () => {
    const p = newPolicy('by-name', { podSelector: {}, policyTypes: ['Ingress'], ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'dev' } } }] }] });
    expect(check(newWorld([p], namespaces), devProm, web, 8080).allowed).toBe(true);
    expect(check(newWorld([p], namespaces), monitoringProm, web, 8080).allowed).toBe(false);
  });

  it('ipBlock with except, for the workstation and node addresses', () => {
    const p = newPolicy('ext', { podSelector: {}, policyTypes: ['Ingress'], ingress: [{ from: [{ ipBlock: { cidr: '192.168.49.0/24', except: ['192.168.49.1/32'] } }] }] });
    const world = newWorld([p]);
    expect(check(world, { ip: '192.168.49.4' }, web, 8080)).toMatchObject({ allowed: true, rule: 'ingress[0]' });
    expect(check(world, { ip: '192.168.49.1' }, web, 8080).allowed).toBe(false);
    expect(check(world, { ip: '203.0.113.9' }, web, 8080).allowed).toBe(false);
  });
});

describe('ports', () => {
  const web = newPod('web', { app: 'web' }, '10.244.1.9', { ports: [{ name: 'http', containerPort: 8080 }, { name: 'dns', containerPort: 53, protocol: 'UDP' }] });
  const policy = (ports: NetworkPolicy['spec']['ingress']) => newWorld([newPolicy('ports', { podSelector: {}, policyTypes: ['Ingress'], ingress: ports })]);

  it('a named port matches the destination pod\'s container port (after DNAT)', () => {
    const world = policy([{ ports: [{ port: 'http', protocol: 'TCP' }] }]);
    expect(check(world, frontend, web, 8080).allowed).toBe(true);
    expect(check(world, frontend, web, 80).allowed).toBe(false);
  });

  it('endPort ranges and protocols', () => {
    const world = policy([{ ports: [{ port: 8000, endPort: 9000, protocol: 'TCP' }] }]);
    expect(check(world, frontend, web, 8080).allowed).toBe(true);
    expect(check(world, frontend, web, 9001).allowed).toBe(false);
    expect(check(world, frontend, web, 8080, 'UDP').allowed).toBe(false);
  });
});

describe('egress and DNS', () => {
  const coreDNS = newPod('coredns-1', { 'k8s-app': 'kube-dns' }, '10.244.0.2', { namespace: 'kube-system', hostIP: '192.168.49.2' });
  const client = newPod('client', { app: 'client' }, '10.244.1.20', { hostIP: '192.168.49.3' });
  const denyEgress = newPolicy('deny-egress', { podSelector: { matchLabels: { app: 'client' } }, policyTypes: ['Egress'] });
  const allowDNS = newPolicy('allow-dns', {
    podSelector: { matchLabels: { app: 'client' } },
    policyTypes: ['Egress'],
    egress: [{ to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }], ports: [{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }] }],
  });

  it('egress isolation blocks DNS to kube-dns', () => {
    const v = check(newWorld([denyEgress]), client, coreDNS, 53, 'UDP');
    expect(v).toMatchObject({ allowed: false, direction: 'egress', policy: 'default/deny-egress' });
    expect(v.reason).toBe('pod default/client is isolated for egress by NetworkPolicy default/deny-egress and no egress rule allows UDP to pod kube-system/coredns-1 (10.244.0.2) on port 53');
  });

  it('unless a rule allows port 53', () => {
    const world = newWorld([denyEgress, allowDNS]);
    expect(check(world, client, coreDNS, 53, 'UDP')).toMatchObject({ allowed: true, policy: 'default/allow-dns', rule: 'egress[0]', direction: 'egress' });
    expect(check(world, client, db, 5432).allowed).toBe(false);
  });

  it('both ends must agree: the source\'s egress and the destination\'s ingress', () => {
    const world = newWorld([allowDNS, denyAll]);
    // client → coredns: egress allowed by allow-dns; kube-system has no policy.
    expect(check(world, client, coreDNS, 53, 'UDP').decisions.map((d) => [d.direction, d.allowed])).toEqual([['egress', true], ['ingress', true]]);
    // client → db: client egress-isolated without a rule for it.
    expect(check(world, client, db).direction).toBe('egress');
  });

  it('does not mutate the policies it reads', () => {
    const policies = [denyEgress, allowDNS];
    const before = JSON.stringify(policies);
    check(newWorld(policies), client, coreDNS, 53, 'UDP');
    expect(JSON.stringify(policies)).toBe(before);
  });
});
