// evaluateConnection against a live cluster: `kubectl apply` a default-deny policy, then an
// allow rule, as the Kubernetes docs' walkthrough does; DNS egress through dnsEgressVerdict.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import type { Pod } from '../core/types';
import { dnsEgressVerdict, evaluateConnection } from './networkPolicy';

const PODS = `apiVersion: v1
kind: Pod
metadata:
  name: db
  labels: {app: db}
spec:
  containers:
  - name: pg
    image: postgres
    ports: [{name: pg, containerPort: 5432}]
---
apiVersion: v1
kind: Pod
metadata:
  name: frontend
  labels: {role: frontend}
spec:
  containers: [{name: c, image: nginx}]
---
apiVersion: v1
kind: Pod
metadata:
  name: intruder
spec:
  containers: [{name: c, image: nginx}]
`;

const DENY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny}
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
`;

const ALLOW = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: allow-frontend}
spec:
  podSelector: {matchLabels: {app: db}}
  ingress:
  - from: [{podSelector: {matchLabels: {role: frontend}}}]
    ports: [{port: pg}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: frontend-egress}
spec:
  podSelector: {matchLabels: {role: frontend}}
  policyTypes: [Egress]
  egress:
  - to: [{podSelector: {matchLabels: {app: db}}}]
  - to: [{namespaceSelector: {}, podSelector: {matchLabels: {k8s-app: kube-dns}}}]
    ports: [{port: 53, protocol: UDP}]
`;

describe('evaluateConnection', () => {
  const c = createCluster({ seed: 7 });
  c.writeFile('pods.yaml', PODS);
  c.exec('kubectl apply -f pods.yaml');
  c.advance(30_000);
  const ref = (name: string, ns = 'default') => {
    const pod = c.context.store.get<Pod>('Pod', ns, name)!;
    return { ip: pod.status!.podIP!, pod: { namespace: ns, name } };
  };
  const coreDNSName = c.context.store.podIndex.matchMap('kube-system', { 'k8s-app': 'kube-dns' })[0].metadata.name!;
  const conn = (from: string, to: string, port = 5432) => evaluateConnection(c.context, { from: ref(from), to: ref(to), port, protocol: 'TCP' });

  it('allows everything before any policy exists', () => {
    expect(conn('intruder', 'db')).toEqual({ allowed: true, reason: 'no NetworkPolicy selects either pod' });
  });

  it('default deny, then an allow rule for role=frontend on the named port', () => {
    c.writeFile('deny.yaml', DENY);
    expect(c.exec('kubectl apply -f deny.yaml').stdout).toBe('networkpolicy.networking.k8s.io/default-deny created\n');
    expect(conn('frontend', 'db')).toMatchObject({ allowed: false, direction: 'egress', policy: 'default/default-deny' });
    expect(dnsEgressVerdict(c.context, ref('frontend'), ref(coreDNSName, 'kube-system')).allowed).toBe(false);

    c.writeFile('allow.yaml', ALLOW);
    c.exec('kubectl apply -f allow.yaml');
    expect(conn('frontend', 'db')).toMatchObject({ allowed: true, policy: 'default/allow-frontend', rule: 'ingress[0]', direction: 'ingress' });
    expect(conn('frontend', 'db', 5433).allowed).toBe(false);
    expect(conn('intruder', 'db')).toMatchObject({ allowed: false, direction: 'egress' });
    expect(dnsEgressVerdict(c.context, ref('frontend'), ref(coreDNSName, 'kube-system'))).toMatchObject({ allowed: true, policy: 'default/frontend-egress', rule: 'egress[1]' });
  });

  it('the kubelet on the pod\'s node still reaches it; the workstation does not', () => {
    const db = c.context.store.get<Pod>('Pod', 'default', 'db')!;
    expect(evaluateConnection(c.context, { from: { ip: db.status!.hostIP! }, to: ref('db'), port: 5432, protocol: 'TCP' }).allowed).toBe(true);
    expect(evaluateConnection(c.context, { from: { ip: '192.168.49.1' }, to: ref('db'), port: 5432, protocol: 'TCP' })).toMatchObject({ allowed: false, direction: 'ingress' });
    expect(c.exec('kubectl get netpol').stdout).toBe(
      'NAME              POD-SELECTOR    AGE\nallow-frontend    app=db          0s\ndefault-deny      <none>          0s\nfrontend-egress   role=frontend   0s\n',
    );
  });
});
