// Requests through the simulated data plane, driven as a person would: apply
// manifests, let time pass, then trace (or curl) and check where the packet
// went and why. Behaviours from KUBERNETES.md §11 and §17 items 12–13;
// upstream: pkg/proxy/iptables/proxier.go, pkg/proxy/topology.go.

import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../index';
import type { Pod, Service } from '../core/types';
import type { Trace } from './types';
import { proxyRules } from './proxyRules';
import { svcChain, sepChain } from './chainNames';

function cluster(yaml: string, opts: { seed?: number; nodes?: number; cloudProvider?: boolean } = {}): Cluster {
  const c = createCluster({ seed: opts.seed ?? 7, nodes: opts.nodes ?? 3, cloudProvider: opts.cloudProvider });
  c.writeFile('app.yaml', yaml);
  const r = c.exec('kubectl apply -f app.yaml');
  expect(r.stderr).toBe('');
  c.advance(30_000);
  return c;
}

const deployment = (name: string, replicas: number, container: string, extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
${extra}      containers: [${container}]
---
`;

const service = (name: string, spec: string) => `apiVersion: v1
kind: Service
metadata: {name: ${name}}
spec:
  selector: {app: web}
${spec}
---
`;

const client = `apiVersion: v1
kind: Pod
metadata: {name: client}
spec:
  containers: [{name: c, image: curlimages/curl, command: [sleep, infinity]}]
`;

const NGINX = '{name: nginx, image: nginx, ports: [{containerPort: 80, name: http}]}';

const pods = (c: Cluster, app = 'web') => c.context.store.list<Pod>('Pod', 'default').filter((p) => p.metadata.labels?.app === app);
const svcOf = (c: Cluster, name: string) => c.context.store.get<Service>('Service', 'default', name)!;
const fromClient = (c: Cluster, url: string) => c.trace({ from: { kind: 'pod', namespace: 'default', name: 'client' }, url });
const fromWorkstation = (c: Cluster, url: string) => c.trace({ from: { kind: 'workstation' }, url });
const served = (t: Trace) => (t.outcome.kind === 'response' ? t.outcome.servedBy?.pod : t.outcome.kind);
const hop = (t: Trace, action: string) => t.hops.find((h) => h.action === action);
const nodeIPs = ['192.168.49.2', '192.168.49.3', '192.168.49.4'];

describe('kube-proxy rejects and refuses', () => {
  it('a selector typo leaves no endpoints: the ClusterIP REJECTs at once (connection refused, not a timeout)', () => {
    const c = cluster(deployment('web', 2, NGINX) + service('web', '  ports: [{port: 80}]').replace('app: web}\n  ports', 'app: wbe}\n  ports').replace('selector: {app: web}', 'selector: {app: wbe}') + client);
    const t = fromClient(c, 'http://web');
    expect(t.outcome.kind).toBe('refused');
    const reject = hop(t, 'reject')!;
    expect(reject.where).toEqual({ kind: 'Node', name: expect.stringMatching(/^node-/), ip: expect.any(String) });
    expect(reject.rule).toMatch(/^-A KUBE-SERVICES -m comment --comment "default\/web has no endpoints" -m tcp -p tcp -d 10\.\d+\.\d+\.\d+ --dport 80 -j REJECT$/);
    const r = c.exec('kubectl exec client -- curl -sS web');
    expect(r.stderr).toContain("curl: (7) Failed to connect to web port 80 after 0 ms: Couldn't connect to server\n");
    expect(r.exitCode).toBe(7);
  });

  it('a targetPort nothing listens on is refused by the pod, naming the ports that do listen', () => {
    const c = cluster(deployment('web', 1, NGINX) + service('web', '  ports: [{port: 80, targetPort: 8080}]') + client);
    const t = fromClient(c, 'http://web');
    expect(hop(t, 'dnat')!.after!.dst.port).toBe(8080);
    expect(t.outcome.kind).toBe('refused');
    const reject = hop(t, 'reject')!;
    expect(reject.where.kind).toBe('Pod');
    expect(reject.reason).toContain('Nothing in pod');
    expect(reject.reason).toContain('listens on port 8080 (nginx on 80)');
    expect(reject.reason).toContain('targetPort');
  });

  it('a named targetPort resolves to the container port of that name', () => {
    const c = cluster(deployment('web', 1, '{name: app, image: hashicorp/http-echo, args: ["-text=hello from echo"], ports: [{containerPort: 5678, name: web-http}]}') + service('web', '  ports: [{port: 80, targetPort: web-http}]') + client);
    const t = fromClient(c, 'http://web');
    expect(hop(t, 'dnat')!.after!.dst.port).toBe(5678);
    expect(t.outcome.kind === 'response' && t.outcome.body).toBe('hello from echo\n');
  });
});

describe('reaching Services from outside the cluster', () => {
  it('ClusterIPs are unreachable from the workstation: no route, the connection times out', () => {
    const c = cluster(deployment('web', 1, NGINX) + service('web', '  ports: [{port: 80}]'));
    const t = fromWorkstation(c, `http://${svcOf(c, 'web').spec.clusterIP}`);
    expect(t.outcome.kind).toBe('timeout');
    expect(hop(t, 'drop')!.where.kind).toBe('Workstation');
    expect(hop(t, 'drop')!.reason).toContain('ClusterIP');
  });

  it('a NodePort answers on every node IP, from pods anywhere, with the client SNATed to the receiving node (ETP Cluster)', () => {
    const c = cluster(deployment('web', 1, NGINX) + service('web', '  type: NodePort\n  ports: [{port: 80, nodePort: 30080}]'));
    for (const ip of nodeIPs) {
      const t = fromWorkstation(c, `http://${ip}:30080/`);
      expect(t.outcome.kind).toBe('response');
      const snat = hop(t, 'snat')!;
      expect(snat.after!.src.ip).toBe(ip);
      expect(snat.reason).toContain('externalTrafficPolicy: Cluster');
    }
  });

  it('a LoadBalancer IP works once provisioned; while <pending> only the nodePort path exists', () => {
    const yaml = deployment('web', 1, NGINX) + service('web', '  type: LoadBalancer\n  ports: [{port: 80}]');
    const pending = cluster(yaml, { cloudProvider: false });
    const svc = svcOf(pending, 'web');
    expect(svc.status?.loadBalancer?.ingress ?? []).toEqual([]);
    expect(fromWorkstation(pending, `http://203.0.113.1`).outcome.kind).toBe('timeout');
    expect(fromWorkstation(pending, `http://192.168.49.2:${svc.spec.ports![0].nodePort}`).outcome.kind).toBe('response');

    const live = cluster(yaml);
    const ip = svcOf(live, 'web').status!.loadBalancer!.ingress![0].ip!;
    const t = fromWorkstation(live, `http://${ip}`);
    expect(t.outcome.kind).toBe('response');
    expect(hop(t, 'loadbalancer')!.where).toEqual({ kind: 'LoadBalancer', namespace: 'default', name: 'web', ip });
  });
});

describe('traffic policies', () => {
  const etpLocal = deployment('web', 1, '{name: app, image: registry.k8s.io/echoserver:1.10}') +
    service('web', '  type: NodePort\n  externalTrafficPolicy: Local\n  ports: [{port: 80, targetPort: 8080, nodePort: 30090}]') + client;

  it('externalTrafficPolicy: Local drops on a node without a local endpoint and keeps the client IP on one with it', () => {
    const c = cluster(etpLocal);
    const podNode = pods(c)[0].spec.nodeName!;
    const nodes = c.context.store.list('Node').map((n) => n.metadata.name!);
    for (const [i, name] of nodes.entries()) {
      const t = fromWorkstation(c, `http://${nodeIPs[i]}:30090/`);
      if (name === podNode) {
        expect(t.outcome.kind).toBe('response');
        expect(hop(t, 'snat')).toBeUndefined();
        expect(t.outcome.kind === 'response' && t.outcome.body).toContain('client_address=192.168.49.1');
      } else {
        expect(t.outcome.kind).toBe('timeout');
        expect(hop(t, 'drop')!.rule).toBe('-A KUBE-EXTERNAL-SERVICES -m comment --comment "default/web has no local endpoints" -m addrtype --dst-type LOCAL -m tcp -p tcp --dport 30090 -j DROP');
      }
    }
  });

  it('externalTrafficPolicy: Local — pods reaching the same nodePort are short-circuited to any endpoint', () => {
    const c = cluster(etpLocal);
    const podNode = pods(c)[0].spec.nodeName!;
    const other = nodeIPs[['node-1', 'node-2', 'node-3'].findIndex((n) => n !== podNode)];
    const t = fromClient(c, `http://${other}:30090/`);
    expect(t.outcome.kind).toBe('response');
    expect(hop(t, 'dnat')!.rule).toContain('pod traffic for default/web external destinations');
  });

  it('healthCheckNodePort answers 200 with the local endpoint count on the pod\'s node and 503 elsewhere', () => {
    const c = cluster(deployment('web', 1, NGINX) + service('web', '  type: LoadBalancer\n  externalTrafficPolicy: Local\n  ports: [{port: 80}]'));
    const hc = svcOf(c, 'web').spec.healthCheckNodePort!;
    const podNode = pods(c)[0].spec.nodeName!;
    for (const [i, name] of ['node-1', 'node-2', 'node-3'].entries()) {
      const t = fromWorkstation(c, `http://${nodeIPs[i]}:${hc}/`);
      if (t.outcome.kind !== 'response') throw new Error('no response');
      expect(t.outcome.status).toBe(name === podNode ? 200 : 503);
      expect(t.outcome.body).toContain(`"localEndpoints": ${name === podNode ? 1 : 0}`);
      expect(t.outcome.body).toContain('"name": "web"');
    }
    // The cloud load balancer only uses healthy nodes, so the LB IP always works.
    const ip = svcOf(c, 'web').status!.loadBalancer!.ingress![0].ip!;
    for (let i = 0; i < 5; i++) expect(hop(fromWorkstation(c, `http://${ip}`), 'loadbalancer')!.to!.name).toBe(podNode);
  });

  it('internalTrafficPolicy: Local only uses endpoints on the client\'s node and drops when there are none', () => {
    const c = cluster(deployment('web', 1, NGINX) + service('web', '  internalTrafficPolicy: Local\n  ports: [{port: 80}]') + client);
    const clientNode = c.context.store.get<Pod>('Pod', 'default', 'client')!.spec.nodeName!;
    const t = fromClient(c, 'http://web');
    if (pods(c)[0].spec.nodeName === clientNode) {
      expect(served(t)).toBe(pods(c)[0].metadata.name);
    } else {
      expect(t.outcome.kind).toBe('timeout');
      expect(hop(t, 'drop')!.rule).toContain('"default/web has no local endpoints"');
      expect(hop(t, 'drop')!.reason).toContain('internalTrafficPolicy: Local');
    }
    // A node-local client always finds its node's pod.
    const local = c.trace({ from: { kind: 'node', name: pods(c)[0].spec.nodeName! }, url: `http://${svcOf(c, 'web').spec.clusterIP}` });
    expect(served(local)).toBe(pods(c)[0].metadata.name);
  });
});

describe('load balancing', () => {
  const three = deployment('web', 3, NGINX) + service('web', '  ports: [{port: 80}]') + client;

  it('iptables mode gives each of 3 backends between 20% and 47% of 300 new connections (seeded)', () => {
    const c = cluster(three);
    const counts = new Map<string, number>();
    for (let i = 0; i < 300; i++) {
      const p = served(fromClient(c, 'http://web'))!;
      counts.set(p, (counts.get(p) ?? 0) + 1);
    }
    expect(counts.size).toBe(3);
    for (const n of counts.values()) {
      expect(n).toBeGreaterThanOrEqual(60);
      expect(n).toBeLessThanOrEqual(141);
    }
    const dnat = hop(fromClient(c, 'http://web'), 'dnat')!;
    expect(dnat.endpoint!.of).toBe(3);
    expect(['0.3333333333', '0.5000000000', 'unconditional']).toContain(dnat.endpoint!.probability);
  });

  it('IPVS mode rotates over the endpoints exactly, in address order', () => {
    const c = cluster(three);
    c.exec('sim proxy-mode ipvs');
    const order = Array.from({ length: 9 }, () => hop(fromClient(c, 'http://web'), 'dnat')!.after!.dst.ip);
    const ips = pods(c).map((p) => p.status!.podIP!).sort();
    expect(order).toEqual([...ips, ...ips, ...ips]);
  });

  it('sessionAffinity: ClientIP sticks one client to one pod across 20 requests, until the timeout passes', () => {
    const c = cluster(deployment('web', 3, NGINX) + service('web', '  sessionAffinity: ClientIP\n  sessionAffinityConfig: {clientIP: {timeoutSeconds: 60}}\n  ports: [{port: 80}]') + client);
    const first = fromClient(c, 'http://web');
    const pinned = served(first);
    expect(hop(first, 'dnat')!.endpoint!.pinnedUntilMs).toBe(c.now() + 60_000);
    for (let i = 0; i < 20; i++) {
      const t = fromClient(c, 'http://web');
      expect(served(t)).toBe(pinned);
      expect(hop(t, 'dnat')!.rule).toMatch(/-m recent --name KUBE-SEP-\w+ --rcheck --seconds 60 --reap/);
    }
    c.advance(61_000);
    expect(hop(fromClient(c, 'http://web'), 'dnat')!.endpoint!.how).not.toContain('was sent here before');
  });

  it('with no ready endpoint kube-proxy falls back to serving endpoints of terminating pods', () => {
    const c = cluster(deployment('web', 1, '{name: app, image: busybox, command: [sh, -c, "httpd -f -p 80"], ports: [{containerPort: 80}]}', '      terminationGracePeriodSeconds: 120\n') + service('web', '  ports: [{port: 80}]') + client);
    const name = pods(c)[0].metadata.name!;
    c.exec(`kubectl delete pod ${name} --wait=false`);
    c.advance(1_000);
    const t = fromClient(c, 'http://web');
    const dnat = t.hops.find((h) => h.action === 'dnat' && h.endpoint?.pod?.name === name);
    expect(dnat?.endpoint?.terminatingFallback).toBe(true);
    expect(dnat?.reason).toContain('fell back to serving endpoints of terminating pods');
    expect(served(t)).toBe(name);
  });
});

describe('proxyRules', () => {
  it('prints iptables-save chains named as kube-proxy names them, with 1/(n-i) probabilities', () => {
    const c = cluster(deployment('web', 3, NGINX) + service('web', '  ports: [{port: 80}]'));
    const rules = proxyRules(c.context);
    expect(rules.map((r) => r.node)).toEqual(['node-1', 'node-2', 'node-3']);
    const web = rules[0].services.find((s) => s.servicePortName === 'default/web')!;
    expect(web.svcChain).toBe(svcChain('default/web', 'TCP'));
    expect(web.endpoints.map((e) => e.probability)).toEqual(['0.3333333333', '0.5000000000', 'unconditional']);
    const ep = web.endpoints[0];
    expect(rules[0].text).toContain(`-A ${web.svcChain} -m comment --comment "default/web -> ${ep.ip}:80" -m statistic --mode random --probability 0.3333333333 -j ${sepChain('default/web', 'TCP', `${ep.ip}:80`)}`);
    expect(rules[0].text).toContain(`-j DNAT --to-destination ${ep.ip}:80`);
  });

  it('matches upstream chain hashes (proxier_test.go: ns1/svc1:p80 -> KUBE-SVC-XPGD46QRK7WJZT7O)', () => {
    expect(svcChain('ns1/svc1:p80', 'TCP')).toBe('KUBE-SVC-XPGD46QRK7WJZT7O');
    expect(sepChain('ns1/svc1:p80', 'TCP', '10.180.0.1:80')).toBe('KUBE-SEP-SXIVWICOYRO3J4NJ');
  });

  it('has no rules for headless and ExternalName Services', () => {
    const c = cluster(deployment('web', 1, NGINX) + service('headless', '  clusterIP: None\n  ports: [{port: 80}]') +
      'apiVersion: v1\nkind: Service\nmetadata: {name: ext}\nspec: {type: ExternalName, externalName: example.com}\n');
    const names = proxyRules(c.context)[0].services.map((s) => s.service.name);
    expect(names).not.toContain('headless');
    expect(names).not.toContain('ext');
  });
});

describe('ingress, NetworkPolicy and determinism', () => {
  const ingress = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop}
spec:
  rules:
  - host: shop.example.com
    http:
      paths:
      - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
---
`;

  it('the ingress controller routes by Host to a backend pod directly, and answers 404 when no rule matches', () => {
    const c = cluster(deployment('web', 2, NGINX) + service('web', '  ports: [{port: 80}]') + ingress);
    const lb = c.context.store.get<Service>('Service', 'ingress-nginx', 'ingress-nginx-controller')!.status!.loadBalancer!.ingress![0].ip!;
    const t = c.trace({ from: { kind: 'workstation' }, url: `http://${lb}/`, headers: { Host: 'shop.example.com' } });
    expect(pods(c).map((p) => p.metadata.name)).toContain(served(t));
    const proxied = t.hops.filter((h) => h.action === 'ingress');
    expect(proxied[0].to).toEqual({ kind: 'Service', namespace: 'default', name: 'web' });
    expect(proxied[1].endpoint!.how).toMatch(/^ingress-nginx round robin \(\d of 2\)$/);
    const miss = c.exec(`curl -s http://${lb}/`);
    expect(miss.stdout).toContain('<head><title>404 Not Found</title></head>');
  });

  it('a default-deny ingress policy makes the connection time out and the trace says which policy', () => {
    const c = cluster(deployment('web', 1, NGINX) + service('web', '  ports: [{port: 80}]') + client +
      '---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny-all}\nspec:\n  podSelector: {matchLabels: {app: web}}\n  policyTypes: [Ingress]\n');
    const t = fromClient(c, 'http://web');
    expect(t.outcome.kind).toBe('timeout');
    const p = hop(t, 'policy')!;
    expect(p.policy!.allowed).toBe(false);
    expect(p.reason).toMatch(/^NetworkPolicy: /);
    expect(c.exec('kubectl exec client -- curl -sS -m 3 web').stderr).toBe('curl: (28) Connection timed out after 3002 milliseconds\ncommand terminated with exit code 28\n');
  });

  it('the same seed and commands give byte-identical traces and outputs', () => {
    const run = () => {
      const c = cluster(deployment('web', 3, NGINX) + service('web', '  type: NodePort\n  ports: [{port: 80}]') + client);
      const out: string[] = [];
      for (let i = 0; i < 10; i++) out.push(JSON.stringify(fromClient(c, 'http://web')));
      out.push(c.exec('kubectl exec client -- curl -sv web').stderr);
      return out.join('\n');
    };
    expect(run()).toBe(run());
  });
});

describe('trace listeners (what the UI animates)', () => {
  it('announces the traces of curl typed in a terminal, and stops after unsubscribe', async () => {
    const { createCluster } = await import('../index');
    const c = createCluster({ seed: 9 });
    c.exec('kubectl create deployment web --image=nginx --replicas=2');
    c.exec('kubectl expose deployment web --port=80 --type=NodePort');
    c.advance(30_000);
    const seen: string[] = [];
    const stop = c.onTrace((t) => seen.push(`${t.request.url} ${t.outcome.kind}`));
    const svc = c.snapshot().objects.Service.find((s) => s.metadata.name === 'web') as unknown as { spec: { ports: { nodePort: number }[] } };
    const url = `http://192.168.49.2:${svc.spec.ports[0].nodePort}/`;
    expect(c.exec(`curl -s ${url}`).exitCode).toBe(0);
    expect(seen).toEqual([`${url} response`]);
    stop();
    c.exec(`curl -s ${url}`);
    expect(seen).toHaveLength(1);
  });
});
