// Tutorial flows from the Kubernetes docs ("Connecting Applications with
// Services", "Using a Service to Expose Your App", "Services without selectors"),
// replayed through exec as a student types them.

import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster, type EndpointSlice } from '../src/engine/index';

function sh(c: Cluster, line: string, stdin?: string): string {
  const r = c.exec(line, stdin);
  if (r.exitCode !== 0) throw new Error(`${line} failed (${r.exitCode}):\n${r.stderr}${r.stdout}`);
  return r.stdout;
}

/** Ready endpoint IPs of a Service, from its EndpointSlices (what kube-proxy uses). */
function readyIPs(c: Cluster, svc: string, ns = 'default'): string[] {
  const slices = (c.snapshot().objects.EndpointSlice ?? []) as EndpointSlice[];
  return slices
    .filter((s) => s.metadata.namespace === ns && s.metadata.labels?.['kubernetes.io/service-name'] === svc)
    .flatMap((s) => (s.endpoints ?? []).filter((e) => e.conditions.ready).map((e) => e.addresses[0]))
    .sort();
}

function podIPs(c: Cluster, label: string): string[] {
  const [k, v] = label.split('=');
  return (c.snapshot().objects.Pod ?? [])
    .filter((p) => p.metadata.labels?.[k] === v && !p.metadata.deletionTimestamp)
    .map((p) => (p.status as { podIP?: string } | undefined)?.podIP ?? '')
    .filter(Boolean)
    .sort();
}

const replicaSet = `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: frontend
spec:
  replicas: 3
  selector:
    matchLabels: { app: frontend }
  template:
    metadata:
      labels: { app: frontend }
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports:
        - containerPort: 80
---
apiVersion: v1
kind: Service
metadata:
  name: frontend
spec:
  selector: { app: frontend }
  ports:
  - port: 80
    targetPort: 80
`;

describe('tutorial flows through exec', () => {
  it('a ReplicaSet of 3 behind a ClusterIP Service gives 3 endpoints', () => {
    const c = createCluster({ seed: 1 });
    c.writeFile('frontend.yaml', replicaSet);
    expect(sh(c, 'kubectl apply -f frontend.yaml')).toBe('replicaset.apps/frontend created\nservice/frontend created\n');
    c.advance(30_000);
    const ips = podIPs(c, 'app=frontend');
    expect(ips).toHaveLength(3);
    expect(readyIPs(c, 'frontend')).toEqual(ips);
    const ep = sh(c, 'kubectl get endpoints frontend');
    expect(ep.split('\n')[0]).toMatch(/^NAME\s+ENDPOINTS\s+AGE$/);
    for (const ip of ips) expect(ep).toContain(`${ip}:80`);
    // Re-applying the same file changes nothing.
    expect(sh(c, 'kubectl apply -f frontend.yaml')).toBe('replicaset.apps/frontend unchanged\nservice/frontend unchanged\n');
  });

  it('a Service without a selector uses the Endpoints a person writes (mirrored into a slice)', () => {
    const c = createCluster({ seed: 2 });
    const manifest = `apiVersion: v1
kind: Service
metadata:
  name: my-service
spec:
  ports:
  - name: http
    protocol: TCP
    port: 80
    targetPort: 9376
---
apiVersion: v1
kind: Endpoints
metadata:
  name: my-service
subsets:
- addresses:
  - ip: 192.0.2.42
  ports:
  - name: http
    port: 9376
`;
    expect(sh(c, 'kubectl apply -f -', manifest)).toBe('service/my-service created\nendpoints/my-service created\n');
    c.advance(1_000);
    expect(readyIPs(c, 'my-service')).toEqual(['192.0.2.42']);
    const slices = (c.snapshot().objects.EndpointSlice ?? []).filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'my-service');
    expect(slices).toHaveLength(1);
    expect(slices[0].metadata.labels?.['endpointslice.kubernetes.io/managed-by']).toBe('endpointslicemirroring-controller.k8s.io');
    expect(sh(c, 'kubectl get ep my-service')).toMatch(/^my-service\s+192\.0\.2\.42:9376\s+/m);
  });

  it('a NodePort Service keeps the nodePort a person chose', () => {
    const c = createCluster({ seed: 3 });
    const svc = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector: { app: web }
  ports:
  - port: 80
    targetPort: 80
    nodePort: 30080
`;
    expect(sh(c, 'kubectl apply -f -', svc)).toBe('service/web created\n');
    expect(sh(c, 'kubectl get svc web')).toMatch(/^web\s+NodePort\s+10\.\d+\.\d+\.\d+\s+<none>\s+80:30080\/TCP\s+0s$/m);
    // A second Service asking for the same nodePort is refused by the allocator (KUBERNETES.md §6.3).
    const clash = c.exec('kubectl apply -f -', svc.replace('name: web', 'name: web2'));
    expect(clash.exitCode).toBe(1);
    expect(clash.stderr).toBe('The Service "web2" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated\n');
  });

  it('a readiness probe keeps a pod out of the endpoints until it passes', () => {
    const c = createCluster({ seed: 4 });
    const manifest = `apiVersion: v1
kind: Pod
metadata:
  name: slow
  labels: { app: slow }
spec:
  containers:
  - name: web
    image: nginx:1.27
    readinessProbe:
      httpGet: { path: /, port: 80 }
      initialDelaySeconds: 20
      periodSeconds: 5
---
apiVersion: v1
kind: Service
metadata:
  name: slow
spec:
  selector: { app: slow }
  ports:
  - port: 80
`;
    sh(c, 'kubectl apply -f -', manifest);
    c.advance(10_000);
    const [ip] = podIPs(c, 'app=slow');
    expect(ip).toMatch(/^10\.244\./);
    expect(readyIPs(c, 'slow')).toEqual([]);
    expect(sh(c, 'kubectl get pod slow')).toMatch(/^slow\s+0\/1\s+Running\s+0\s+10s$/m);
    c.advance(20_000);
    expect(readyIPs(c, 'slow')).toEqual([ip]);
    expect(sh(c, 'kubectl get pod slow')).toMatch(/^slow\s+1\/1\s+Running\s+0\s+30s$/m);
  });

  it('deleting a pod moves its endpoint to the replacement', () => {
    const c = createCluster({ seed: 5 });
    c.writeFile('frontend.yaml', replicaSet);
    sh(c, 'kubectl apply -f frontend.yaml');
    c.advance(30_000);
    const before = readyIPs(c, 'frontend');
    const victim = (c.snapshot().objects.Pod ?? []).find((p) => p.metadata.labels?.app === 'frontend')!;
    const victimIP = (victim.status as { podIP: string }).podIP;
    expect(sh(c, `kubectl delete pod ${victim.metadata.name}`)).toBe(`pod "${victim.metadata.name}" deleted\n`);
    // While it terminates, it is no longer a ready endpoint.
    expect(readyIPs(c, 'frontend')).not.toContain(victimIP);
    c.advance(40_000);
    const after = readyIPs(c, 'frontend');
    expect(after).toHaveLength(3);
    expect(after).not.toContain(victimIP);
    expect(after.filter((ip) => before.includes(ip))).toHaveLength(2);
  });

  it('scaling a Deployment up and down changes the endpoints to match', () => {
    const c = createCluster({ seed: 6 });
    expect(sh(c, 'kubectl create namespace shop')).toBe('namespace/shop created\n');
    const manifest = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 2
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  selector: { app: web }
  ports:
  - port: 80
`;
    expect(sh(c, 'kubectl apply -f -', manifest)).toBe('deployment.apps/web created\nservice/web created\n');
    c.advance(30_000);
    expect(readyIPs(c, 'web', 'shop')).toHaveLength(2);
    expect(sh(c, 'kubectl scale deployment web --replicas=5 -n shop')).toBe('deployment.apps/web scaled\n');
    c.advance(30_000);
    expect(readyIPs(c, 'web', 'shop')).toHaveLength(5);
    expect(sh(c, 'kubectl get deploy web -n shop')).toMatch(/^web\s+5\/5\s+5\s+5\s+\d+s$/m);
    sh(c, 'kubectl scale deployment web --replicas=1 -n shop');
    // Pods being scaled away leave the ready set at once (they terminate gracefully).
    expect(readyIPs(c, 'web', 'shop')).toHaveLength(1);
    c.advance(60_000);
    expect(podIPs(c, 'app=web')).toHaveLength(1);
    expect(sh(c, 'kubectl get pods -n shop').trim().split('\n')).toHaveLength(2);
  });

  it('a namespace that does not exist is refused, and nothing is created', () => {
    const c = createCluster({ seed: 7 });
    const before = c.snapshot().resourceVersion;
    c.writeFile('svc.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n  namespace: nope\nspec:\n  ports:\n  - port: 80\n');
    const r = c.exec('kubectl apply -f svc.yaml');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('Error from server (NotFound): error when creating "svc.yaml": namespaces "nope" not found\n');
    expect(c.snapshot().resourceVersion).toBe(before);
  });
});
