// --field-selector through exec, as a person types it: get (with -l, -A, several types),
// delete, label and annotate. The server's texts come from engine/api/fieldSelector.ts;
// kubectl puts the request's selectors in front (resource.EnhanceListError, cli-runtime
// helper.go): `Unable to find "/v1, Resource=pods" that match label selector "", field selector …`.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../engine';

const MANIFESTS = `apiVersion: apps/v1
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
---
apiVersion: v1
kind: Pod
metadata:
  name: stuck
  labels: {app: batch}
spec:
  nodeSelector: {disk: ssd}
  containers:
  - name: main
    image: busybox:1.36
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector: {app: web}
  ports:
  - port: 80
`;

/** Two running web pods and one Pending pod no node fits, in `default`. */
function cluster() {
  const c = createCluster({ seed: 1 });
  c.exec('kubectl apply -f -', MANIFESTS);
  c.advance(30000);
  return c;
}

const lines = (text: string) => text.split('\n').filter(Boolean);

describe('kubectl get --field-selector', () => {
  it('filters pods by status.phase (the kubernetes.io Field Selectors example)', () => {
    const c = cluster();
    const running = c.exec('kubectl get pods --field-selector status.phase=Running -o name');
    expect(lines(running.stdout)).toHaveLength(2);
    expect(running.stdout).toMatch(/^pod\/web-/);
    expect(c.exec('kubectl get pods --field-selector status.phase!=Running -o name').stdout).toBe('pod/stuck\n');
    expect(c.exec('kubectl get pods --field-selector=status.phase==Pending').stdout).toMatch(/^NAME {4}READY {3}STATUS {4}RESTARTS {3}AGE\nstuck {3}0\/1 {5}Pending {3}0 {10}30s\n$/);
    // An empty selector selects everything, as `kubectl get pods` does.
    expect(c.exec('kubectl get pods --field-selector "" -o name').stdout).toBe(c.exec('kubectl get pods -o name').stdout);
  });

  it('says "No resources found in default namespace." when nothing matches', () => {
    expect(cluster().exec('kubectl get pods --field-selector status.phase=Succeeded')).toEqual({ stdout: '', stderr: 'No resources found in default namespace.\n', exitCode: 0 });
  });

  it('unscheduled pods have spec.nodeName=""; chained terms are ANDed', () => {
    const c = cluster();
    expect(c.exec('kubectl get pods --field-selector spec.nodeName= -o name').stdout).toBe('pod/stuck\n');
    expect(c.exec('kubectl get pods --field-selector status.phase!=Running,spec.restartPolicy=Always -o name').stdout).toBe('pod/stuck\n');
  });

  it('combines with -l and -A', () => {
    const c = cluster();
    expect(lines(c.exec('kubectl get pods -l app=web --field-selector status.phase=Running -o name').stdout)).toHaveLength(2);
    expect(c.exec('kubectl get pods -l app=web --field-selector status.phase=Pending').stderr).toBe('No resources found in default namespace.\n');
    const others = c.exec('kubectl get pods -A --field-selector metadata.namespace!=default');
    expect(others.stdout).toMatch(/^NAMESPACE /);
    expect(others.stdout).toContain('kube-system ');
    expect(others.stdout).not.toContain('\ndefault ');
    expect(c.exec('kubectl get pods -A --field-selector metadata.namespace=nowhere')).toMatchObject({ stdout: '', stderr: 'No resources found\n' });
  });

  it('services by spec.type, nodes by spec.unschedulable, namespaces by status.phase, events by involvedObject', () => {
    const c = cluster();
    expect(c.exec('kubectl get svc --field-selector spec.type=NodePort -o name').stdout).toBe('service/web\n');
    expect(c.exec('kubectl get svc --field-selector spec.clusterIP=10.96.0.1 -o name').stdout).toBe('service/kubernetes\n');
    expect(c.exec('kubectl get nodes --field-selector spec.unschedulable=true').stderr).toBe('No resources found\n');
    c.exec('kubectl cordon node-3');
    expect(c.exec('kubectl get nodes --field-selector spec.unschedulable=true -o name').stdout).toBe('node/node-3\n');
    expect(c.exec('kubectl get ns --field-selector status.phase=Active,metadata.name=default -o name').stdout).toBe('namespace/default\n');
    const kinds = c.exec('kubectl get events --field-selector involvedObject.kind=Deployment -o jsonpath={.items[*].involvedObject.kind}').stdout;
    expect(new Set(kinds.split(' '))).toEqual(new Set(['Deployment']));
  });

  it.each<[string, string]>([
    ['kubectl get pods --field-selector foo=bar', 'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "foo=bar": field label not supported: foo\n'],
    ['kubectl get pods --field-selector status.hostIP=10.0.0.1', 'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "status.hostIP=10.0.0.1": field label not supported: status.hostIP\n'],
    ['kubectl get ingress --field-selector foo.bar=baz', 'Error from server (BadRequest): Unable to find "networking.k8s.io/v1, Resource=ingresses" that match label selector "", field selector "foo.bar=baz": "foo.bar" is not a known field selector: only "metadata.name", "metadata.namespace"\n'],
    ['kubectl get rs --field-selector status.replicas=0', 'Error from server (BadRequest): Unable to find "apps/v1, Resource=replicasets" that match label selector "", field selector "status.replicas=0": "status.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"\n'],
    ['kubectl get pods -l app=web --field-selector foo', 'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "app=web", field selector "foo": invalid selector: \'foo\'; can\'t understand \'foo\'\n'],
    ['kubectl get pods --field-selector a=b=c', 'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "a=b=c": invalid field selector: unescaped character in value: 61\n'],
    ['kubectl get pod stuck --field-selector status.phase=Pending', 'error: name cannot be provided when a selector is specified\n'],
  ])('%s fails', (line, stderr) => {
    expect(cluster().exec(line)).toEqual({ stdout: '', stderr, exitCode: 1 });
  });

  it('several types: the refused one is reported after those listed (ContinueOnError)', () => {
    const r = cluster().exec('kubectl get pods,svc --field-selector spec.type=NodePort -o name');
    expect(r.stdout).toBe('service/web\n');
    expect(r.stderr).toBe('Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "spec.type=NodePort": field label not supported: spec.type\n');
    expect(r.exitCode).toBe(1);
  });
});

describe('kubectl delete --field-selector', () => {
  it('deletes what matches, and only that', () => {
    const c = cluster();
    expect(c.exec('kubectl delete pods --field-selector status.phase=Pending')).toEqual({ stdout: 'pod "stuck" deleted\n', stderr: '', exitCode: 0 });
    expect(c.exec('kubectl get pods --field-selector status.phase=Pending').stderr).toBe('No resources found in default namespace.\n');
    expect(lines(c.exec('kubectl get pods -o name').stdout)).toHaveLength(2);
    expect(c.exec('kubectl delete pods --field-selector status.phase=Failed')).toEqual({ stdout: 'No resources found\n', stderr: '', exitCode: 0 });
  });

  it.each<[string, string]>([
    // delete.go Complete builds the request before Validate's own check: the builder's
    // SelectAllParam refuses the pair first (cli-runtime resource/builder.go), as users report.
    ['kubectl delete pods --all --field-selector status.phase=Pending', "error: setting 'all' parameter but found a non empty selector. \n"],
    ['kubectl delete pods --all -l app=web', "error: setting 'all' parameter but found a non empty selector. \n"],
    ['kubectl delete pod stuck --field-selector status.phase=Pending', 'error: name cannot be provided when a selector is specified\n'],
    ['kubectl delete deploy --field-selector spec.replicas=2', 'Error from server (BadRequest): Unable to find "apps/v1, Resource=deployments" that match label selector "", field selector "spec.replicas=2": "spec.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"\n'],
  ])('%s fails', (line, stderr) => {
    const c = cluster();
    expect(c.exec(line)).toEqual({ stdout: '', stderr, exitCode: 1 });
    expect(lines(c.exec('kubectl get pods -o name').stdout)).toHaveLength(3);
  });
});

describe('kubectl label / annotate --field-selector', () => {
  it('changes the objects that match', () => {
    const c = cluster();
    expect(c.exec('kubectl label pods --field-selector status.phase=Pending tier=batch').stdout).toBe('pod/stuck labeled\n');
    expect(c.exec('kubectl get pods -l tier=batch -o name').stdout).toBe('pod/stuck\n');
    expect(c.exec('kubectl annotate svc --field-selector spec.type=NodePort note=x').stdout).toBe('service/web annotated\n');
    expect(c.exec('kubectl label pods --all --field-selector status.phase=Pending a=b').stderr).toBe('error: cannot set --all and --field-selector at the same time\n');
  });
});

// Tab completion reads the same command table (src/app/terminal/completion.test.ts).
describe('--field-selector in help', () => {
  it.each(['get', 'delete', 'label', 'annotate'])('kubectl %s --help lists it with upstream\'s text', (cmd) => {
    expect(createCluster().exec(`kubectl ${cmd} --help`).stdout).toContain(
      "        --field-selector='':\n\tSelector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.\n",
    );
  });

  it('describe has none (describe.go adds only -l)', () => {
    expect(createCluster().exec('kubectl describe pods --field-selector a=b').stderr).toBe("error: unknown flag: --field-selector\nSee 'kubectl describe --help' for usage.\n");
  });
});
