// The reading commands through exec, as a person types them: get -o jsonpath|custom-columns,
// --sort-by, get/describe of networking kinds, api-resources, explain, logs (kubectl v1.32 texts).
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../engine';

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27.3
        ports:
        - containerPort: 80
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
  ports:
  - port: 80
`;

function cluster() {
  const c = createCluster({ seed: 1 });
  c.exec('kubectl apply -f -', WEB);
  c.advance(30000);
  return c;
}

describe('kubectl get -o jsonpath= / custom-columns= / --sort-by (get.go, customcolumn.go, sorter.go)', () => {
  it('jsonpath on one object, on a list, with range and filters', () => {
    const c = cluster();
    const ip = (c.context.store.get('Service', 'default', 'web')!.spec as { clusterIP: string }).clusterIP;
    expect(c.exec('kubectl get svc web -o jsonpath={.spec.clusterIP}')).toEqual({ stdout: ip, stderr: '', exitCode: 0 });
    expect(c.exec("kubectl get svc web -o jsonpath='{.spec.ports}'").stdout).toBe('[{"port":80,"protocol":"TCP","targetPort":80}]');
    expect(c.exec("kubectl get svc web -o jsonpath='{.status.loadBalancer.ingress[0].ip}'").stdout).toBe('');
    const names = c.exec("kubectl get pods -o jsonpath='{.items[*].metadata.name}'").stdout.split(' ');
    expect(names).toHaveLength(2);
    const lines = c.exec(`kubectl get pods -o jsonpath='{range .items[*]}{.metadata.name}{"\\t"}{.status.conditions[?(@.type=="Ready")].status}{"\\n"}{end}'`).stdout;
    expect(lines).toBe(`${names[0]}\tTrue\n${names[1]}\tTrue\n`);
  });

  it('jsonpath errors as kubectl prints them', () => {
    const c = cluster();
    expect(c.exec("kubectl get pods -o jsonpath='{.items[}'")).toEqual({ stdout: '', stderr: 'error: error parsing jsonpath {.items[}, unterminated array\n', exitCode: 1 });
    expect(c.exec('kubectl get pods -o jsonpath').stderr).toBe('error: template format specified but no template given\n');
    const r = c.exec("kubectl get svc kubernetes -o jsonpath='{.spec.ports[3]}'");
    expect(r.stderr).toMatch(/^error: error executing jsonpath "\{\.spec\.ports\[3\]\}": Error executing template: array index out of bounds: index 3, length 1\. Printing more information for debugging the template:\n\ttemplate was:\n\t\t\{\.spec\.ports\[3\]\}\n\tobject given to jsonpath engine was:\n\t\tmap\[string\]interface \{\}\{"apiVersion":"v1", /);
  });

  it('custom-columns with <none> for missing values, --no-headers, and bad specs', () => {
    const c = cluster();
    const ip = (c.context.store.get('Service', 'default', 'web')!.spec as { clusterIP: string }).clusterIP;
    expect(c.exec('kubectl get svc -o custom-columns=NAME:.metadata.name,IP:.spec.clusterIP,LB:.status.loadBalancer.ingress[0].ip').stdout).toBe(
      `NAME         ${'IP'.padEnd(ip.length + 3)}LB\nkubernetes   ${'10.96.0.1'.padEnd(ip.length + 3)}<none>\nweb          ${ip}   <none>\n`,
    );
    expect(c.exec('kubectl get svc --no-headers -o custom-columns=NAME:.metadata.name').stdout).toBe('kubernetes\nweb\n');
    expect(c.exec('kubectl get svc -o custom-columns=NAME').stderr).toBe('error: unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>\n');
  });

  it('--sort-by orders rows; a path found nowhere is an error', () => {
    const c = cluster();
    const out = c.exec('kubectl get svc --sort-by=.spec.clusterIP -o name').stdout;
    expect(out).toBe('service/kubernetes\nservice/web\n');
    expect(c.exec('kubectl get pods --sort-by=.spec.nope').stderr).toBe('error: couldn\'t find any field with path "{.spec.nope}" in the list of objects\n');
  });
});

describe('kubectl api-resources (apiresources.go)', () => {
  it('lists the served kinds sorted by group, names alphabetical within a group', () => {
    const out = createCluster().exec('kubectl api-resources').stdout.split('\n');
    expect(out[0]).toMatch(/^NAME +SHORTNAMES +APIVERSION +NAMESPACED +KIND$/);
    expect(out[1]).toMatch(/^configmaps +cm +v1 +true +ConfigMap$/);
    expect(out[2]).toMatch(/^endpoints +ep +v1 +true +Endpoints$/);
    expect(out).toContainEqual(expect.stringMatching(/^serviceaccounts +sa +v1 +true +ServiceAccount$/));
    const names = out.slice(1, -1).map((l) => l.split(/ +/)[0]);
    expect(names.indexOf('services')).toBeLessThan(names.indexOf('deployments'));
    expect(names.indexOf('deployments')).toBeLessThan(names.indexOf('endpointslices'));
    expect(createCluster().exec('kubectl api-resources --namespaced=false -o name').stdout).toMatch(/^namespaces\nnodes\n/);
  });
});

describe('kubectl explain (explain/v2 plaintext.tmpl)', () => {
  it('a field with sub-fields, wrapped descriptions and -required- markers', () => {
    const out = createCluster().exec('kubectl explain svc.spec.ports').stdout;
    expect(out.startsWith(
      'KIND:       Service\nVERSION:    v1\n\nFIELD: ports <[]ServicePort>\n\n\nDESCRIPTION:\n    The list of ports that are exposed by this service. More info:\n    https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies\n    ServicePort contains information on service\'s port.\n    \nFIELDS:\n  appProtocol\t<string>\n',
    )).toBe(true);
    expect(out).toContain('\n  port\t<integer> -required-\n    The port that will be exposed by this service.\n\n');
    expect(out).toContain('\n  protocol\t<string>\n  enum: SCTP, TCP, UDP\n');
    expect(out).toContain('\n  targetPort\t<IntOrString>\n');
  });

  it('an enum field, a group, recursion and errors', () => {
    const c = createCluster();
    expect(c.exec('kubectl explain svc.spec.type').stdout).toMatch(/^KIND: {7}Service\nVERSION: {4}v1\n\nFIELD: type <string>\nENUM:\n {4}ClusterIP\n {4}ExternalName\n {4}LoadBalancer\n {4}NodePort\n\nDESCRIPTION:\n {4}type determines how the Service is exposed\./);
    expect(c.exec('kubectl explain deploy.spec.strategy --recursive').stdout).toBe(
      'GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\nFIELD: strategy <DeploymentStrategy>\n\n\nDESCRIPTION:\n    The deployment strategy to use to replace existing pods with new ones.\n    DeploymentStrategy describes how to replace existing pods with new ones.\n    \nFIELDS:\n  rollingUpdate\t<RollingUpdateDeployment>\n    maxSurge\t<IntOrString>\n    maxUnavailable\t<IntOrString>\n  type\t<string>\n  enum: Recreate, RollingUpdate\n\n',
    );
    expect(c.exec('kubectl explain svc.spec.prots')).toEqual({ stdout: '', stderr: 'error: field "prots" does not exist\n', exitCode: 1 });
    expect(c.exec('kubectl explain foo').stderr).toBe('error: the server doesn\'t have a resource type "foo"\n');
    expect(c.exec('kubectl explain').stderr).toBe('error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n\nSee \'kubectl explain -h\' for help and examples\n');
  });
});

describe('kubectl logs (logs.go, logsforobject.go)', () => {
  it('a pod, a deployment (first pod, noted on stderr) and --tail', () => {
    const c = cluster();
    const pod = c.exec("kubectl get pods -o jsonpath='{.items[0].metadata.name}'").stdout;
    const logs = c.exec(`kubectl logs ${pod}`);
    expect(logs.stdout.startsWith('/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration\n')).toBe(true);
    expect(logs.stdout).toMatch(/\[notice\] 1#1: nginx\/1\.27\.3\n/);
    expect(c.exec(`kubectl logs ${pod} --tail 1`).stdout).toMatch(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \[notice\] 1#1: start worker process 30\n$/);
    expect(c.exec('kubectl logs deployment/web --tail 1').stderr).toMatch(/^Found 2 pods, using pod\/web-/);
  });

  it('errors: missing pod, unknown container, container still creating', () => {
    const c = createCluster({ seed: 1 });
    c.exec('kubectl apply -f -', WEB);
    c.advance(1500);
    const pod = c.exec("kubectl get pods -o jsonpath='{.items[0].metadata.name}'").stdout;
    expect(c.exec('kubectl logs nope').stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(c.exec(`kubectl logs ${pod} -c x`).stderr).toBe(`Error from server (BadRequest): container x is not valid for pod ${pod}\n`);
    const status = c.exec(`kubectl get pod ${pod} -o jsonpath={.status.containerStatuses[0].state.waiting.reason}`).stdout;
    if (status === 'ContainerCreating') {
      expect(c.exec(`kubectl logs ${pod}`).stderr).toBe(`Error from server (BadRequest): container "nginx" in pod "${pod}" is waiting to start: ContainerCreating\n`);
    }
    expect(c.exec('kubectl logs').stderr).toBe("error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n");
  });
});

describe('get and describe for networking kinds (printers.go, describe.go)', () => {
  const POLICY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-web
spec:
  podSelector:
    matchLabels: {app: web}
  ingress:
  - from:
    - podSelector:
        matchLabels: {role: client}
    ports:
    - port: 80
`;
  const INGRESS = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
spec:
  rules:
  - host: web.example.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: web
            port:
              number: 80
`;
  it('networkpolicy: table and describer', () => {
    const c = cluster();
    expect(c.exec('kubectl apply -f -', POLICY).exitCode).toBe(0);
    expect(c.exec('kubectl get netpol').stdout).toBe('NAME        POD-SELECTOR   AGE\nallow-web   app=web        0s\n');
    const created = c.context.store.get('NetworkPolicy', 'default', 'allow-web')!.metadata.creationTimestamp!;
    expect(c.exec('kubectl describe netpol allow-web').stdout).toBe(
      `Name:         allow-web\nNamespace:    default\nCreated on:   ${created.replace('T', ' ').replace('Z', '')} +0000 UTC\nLabels:       <none>\nAnnotations:  <none>\nSpec:\n  PodSelector:     app=web\n  Allowing ingress traffic:\n    To Port: 80/TCP\n    From:\n      PodSelector: role=client\n  Not affecting egress traffic\n  Policy Types: Ingress\n`,
    );
  });

  it('ingress: table and describer with the backends\' endpoints', () => {
    const c = cluster();
    expect(c.exec('kubectl apply -f -', INGRESS).exitCode).toBe(0);
    expect(c.exec('kubectl get ing web').stdout).toMatch(/^NAME +CLASS +HOSTS +ADDRESS +PORTS +AGE\nweb +\S+ +web\.example\.com +\S* +80 +\d+s\n$/);
    const eps = c.exec("kubectl get ep web -o jsonpath='{.subsets[0].addresses[*].ip}'").stdout.split(' ').map((ip) => `${ip}:80`).sort();
    const out = c.exec('kubectl describe ingress web').stdout;
    expect(out).toMatch(/^Name: +web\nLabels: +<none>\nNamespace: +default\nAddress: .*\nIngress Class: +\S+\nDefault backend: +<default>\nRules:\n {2}Host +Path +Backends\n {2}---- +---- +--------\n {2}web\.example\.com +\n/);
    const backends = /\n {10,}\/ {3}web:80 \(([^)]*)\)\n/.exec(out)?.[1];
    expect(backends?.split(',').sort()).toEqual(eps);
    expect(out).toMatch(/\n {2}web\.example\.com {2}\n {19}\/ {3}web:80 \(.*\)\nAnnotations: {7}<none>\nEvents:\n/);
  });
});
