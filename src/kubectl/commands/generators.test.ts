// create service|deployment|ingress and expose through exec: kubectl v1.32's generated
// objects byte for byte (create_service.go, create_deployment.go, create_ingress.go, expose.go).
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../engine';

const ok = (stdout: string) => ({ stdout, stderr: '', exitCode: 0 });
const fail = (stderr: string) => ({ stdout: '', stderr, exitCode: 1 });

describe('kubectl create service (create_service.go)', () => {
  it('clusterip --dry-run=client -o yaml: app label and selector, port named <port>-<targetPort>', () => {
    const c = createCluster();
    expect(c.exec('kubectl create service clusterip web --tcp=80:8080 --dry-run=client -o yaml')).toEqual(ok(
      'apiVersion: v1\nkind: Service\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: web\n  name: web\nspec:\n  ports:\n  - name: 80-8080\n    port: 80\n    protocol: TCP\n    targetPort: 8080\n  selector:\n    app: web\n  type: ClusterIP\nstatus:\n  loadBalancer: {}\n',
    ));
  });

  it('nodeport with --node-port, a bare port named "80"; headless without ports; externalname', () => {
    const c = createCluster();
    expect(c.exec('kubectl create service nodeport web --tcp=80 --node-port=30080 --dry-run=client -o yaml').stdout).toContain(
      '  ports:\n  - name: "80"\n    nodePort: 30080\n    port: 80\n    protocol: TCP\n    targetPort: 80\n',
    );
    expect(c.exec('kubectl create service clusterip db --clusterip=None --dry-run=client -o yaml').stdout).toBe(
      'apiVersion: v1\nkind: Service\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: db\n  name: db\nspec:\n  clusterIP: None\n  selector:\n    app: db\n  type: ClusterIP\nstatus:\n  loadBalancer: {}\n',
    );
    expect(c.exec('kubectl create service externalname ext --external-name example.com --dry-run=client -o yaml').stdout).toContain(
      'spec:\n  externalName: example.com\n  selector:\n    app: ext\n  type: ExternalName\n',
    );
  });

  it('creates through the API server, then reports AlreadyExists as the generator wraps it', () => {
    const c = createCluster();
    expect(c.exec('kubectl create service nodeport web --tcp=80:8080')).toEqual(ok('service/web created\n'));
    const svc = c.context.store.get<{ spec: { type: string; ports: { nodePort: number }[] } } & import('../../engine/core/types').KubeObject>('Service', 'default', 'web')!;
    expect(svc.spec.type).toBe('NodePort');
    expect(svc.spec.ports[0].nodePort).toBeGreaterThanOrEqual(30000);
    expect(c.exec('kubectl create service nodeport web --tcp=80:8080')).toEqual(fail('error: failed to create NodePort service: services "web" already exists\n'));
  });

  it('argument and flag errors', () => {
    const c = createCluster();
    expect(c.exec('kubectl create service clusterip web')).toEqual(fail('error: at least one tcp port specifier must be provided\n'));
    expect(c.exec('kubectl create service clusterip')).toEqual(fail("error: exactly one NAME is required, got 0\nSee 'kubectl create service clusterip -h' for help and examples\n"));
    expect(c.exec('kubectl create service nodeport web --clusterip=None')).toEqual(fail("error: unknown flag: --clusterip\nSee 'kubectl create service nodeport --help' for usage.\n"));
    expect(c.exec('kubectl create service externalname ext')).toEqual(fail('error: required flag(s) "external-name" not set\n'));
    expect(c.exec('kubectl create service clusterip web --tcp=http')).toEqual(fail('error: strconv.ParseUint: parsing "http": invalid syntax\n'));
  });
});

describe('kubectl create deployment (create_deployment.go)', () => {
  it('--dry-run=client -o yaml: replicas, strategy {}, container named after the image', () => {
    const c = createCluster();
    expect(c.exec('kubectl create deployment web --image=nginx:1.27 --replicas=3 --port=80 --dry-run=client -o yaml')).toEqual(ok(
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: web\n  name: web\nspec:\n  replicas: 3\n  selector:\n    matchLabels:\n      app: web\n  strategy: {}\n  template:\n    metadata:\n      creationTimestamp: null\n      labels:\n        app: web\n    spec:\n      containers:\n      - image: nginx:1.27\n        name: nginx\n        ports:\n        - containerPort: 80\n        resources: {}\nstatus: {}\n',
    ));
  });

  it('creates, runs the pods, and refuses a second one', () => {
    const c = createCluster();
    expect(c.exec('kubectl create deployment web --image=nginx --replicas=2')).toEqual(ok('deployment.apps/web created\n'));
    c.advance(30_000);
    expect(c.context.store.podIndex.matchMap('default', { app: 'web' })).toHaveLength(2);
    expect(c.exec('kubectl create deployment web --image=nginx')).toEqual(fail('error: failed to create deployment: deployments.apps "web" already exists\n'));
    expect(c.exec('kubectl create deployment other')).toEqual(fail('error: required flag(s) "image" not set\n'));
  });
});

describe('kubectl create ingress (create_ingress.go)', () => {
  it('Exact and Prefix (trailing *) paths grouped by host, named and numbered ports, TLS', () => {
    const c = createCluster();
    const r = c.exec('kubectl create ingress simple --class=nginx --rule=foo.com/bar=svc1:8080,tls=my-cert --rule=foo.com/api*=svc2:http --dry-run=client -o yaml');
    expect(r).toEqual(ok(
      'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  creationTimestamp: null\n  name: simple\nspec:\n  ingressClassName: nginx\n  rules:\n  - host: foo.com\n    http:\n      paths:\n      - backend:\n          service:\n            name: svc1\n            port:\n              number: 8080\n        path: /bar\n        pathType: Exact\n      - backend:\n          service:\n            name: svc2\n            port:\n              name: http\n        path: /api\n        pathType: Prefix\n  tls:\n  - hosts:\n    - foo.com\n    secretName: my-cert\nstatus:\n  loadBalancer: {}\n',
    ));
  });

  it('rule and content errors', () => {
    const c = createCluster();
    expect(c.exec('kubectl create ingress x')).toEqual(fail('error: not enough information provided: every ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)\n'));
    expect(c.exec('kubectl create ingress x --rule=foo.com=svc:80')).toEqual(fail('error: rule foo.com=svc:80 is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]\n'));
  });
});

describe('kubectl expose (expose.go)', () => {
  const withDeployment = (extra = '') => {
    const c = createCluster();
    c.exec(`kubectl create deployment web --image=nginx --port=80 ${extra}`);
    c.advance(10_000);
    return c;
  };

  it('copies the selector and labels, unnamed port, targetPort = port, no type', () => {
    const c = withDeployment();
    expect(c.exec('kubectl expose deployment web --dry-run=client -o yaml')).toEqual(ok(
      'apiVersion: v1\nkind: Service\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: web\n  name: web\nspec:\n  ports:\n  - port: 80\n    protocol: TCP\n    targetPort: 80\n  selector:\n    app: web\nstatus:\n  loadBalancer: {}\n',
    ));
  });

  it('--port/--target-port/--type/--name create the Service; `service/… exposed`', () => {
    const c = withDeployment();
    expect(c.exec('kubectl expose deployment web --port=8080 --target-port=80 --type=NodePort --name=web-np')).toEqual(ok('service/web-np exposed\n'));
    const svc = c.context.store.get('Service', 'default', 'web-np')!;
    expect((svc.spec as { ports: unknown[] }).ports).toEqual([expect.objectContaining({ port: 8080, targetPort: 80, protocol: 'TCP' })]);
    expect((svc.spec as { selector: unknown }).selector).toEqual({ app: 'web' });
    expect(c.exec('kubectl expose deployment web --port=8080 --name=web-np')).toEqual(fail('Error from server (AlreadyExists): services "web-np" already exists\n'));
  });

  it('several container ports become port-1, port-2; no port at all is refused', () => {
    const c = createCluster();
    c.writeFile('p.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: multi\n  labels:\n    app: multi\nspec:\n  containers:\n  - name: a\n    image: nginx\n    ports:\n    - containerPort: 80\n    - containerPort: 443\n');
    c.exec('kubectl apply -f p.yaml');
    expect(c.exec('kubectl expose pod multi --dry-run=client -o yaml').stdout).toContain(
      '  ports:\n  - name: port-1\n    port: 80\n    protocol: TCP\n    targetPort: 80\n  - name: port-2\n    port: 443\n    protocol: TCP\n    targetPort: 443\n',
    );
    c.exec('kubectl run bare --image=busybox');
    expect(c.exec('kubectl expose pod bare')).toEqual(fail("error: couldn't find port via --port flag or introspection\n"));
    expect(c.exec('kubectl expose deployment nope --port=80')).toEqual(fail('Error from server (NotFound): deployments.apps "nope" not found\n'));
    expect(c.exec('kubectl expose node node-1 --port=80')).toEqual(fail('error: cannot expose a Node\n'));
  });
});
