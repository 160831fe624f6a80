// Strategic merge patch directives through the engine's contract (cluster.exec / start):
// `$retainKeys` and `$setElementOrder` in the patches apply and edit compute and in the
// patches the API server applies (kubectl patch).
// Sources: staging/src/k8s.io/apimachinery/pkg/util/strategicpatch/patch.go; apps/v1
// DeploymentSpec.Strategy `patchStrategy:"retainKeys"`; core/v1 PodSpec.Volumes
// `patchStrategy:"merge,retainKeys" patchMergeKey:"name"`.
import { describe, expect, it } from 'vitest';
import { createCluster, type RunningCommand } from '../engine';

const deployment = (strategy: string, containers = '[{name: web, image: nginx}]') => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
${strategy}  template:
    metadata: {labels: {app: web}}
    spec: {containers: ${containers}}
`;

function appliedCluster(strategy = '', containers?: string) {
  const c = createCluster({ seed: 1, nodes: 2 });
  c.writeFile('d.yaml', deployment(strategy, containers));
  expect(c.exec('kubectl apply -f d.yaml').stdout).toBe('deployment.apps/web created\n');
  c.advance(5000);
  return c;
}

const output = (h: RunningCommand) => h.read().map((x) => `${x.stream === 'stderr' ? '!' : ''}${x.text}`).join('');
const get = (c: ReturnType<typeof createCluster>, jsonpath: string) => c.exec(`kubectl get ${jsonpath}`).stdout;

describe('$retainKeys (DeploymentSpec.Strategy, PodSpec.Volumes)', () => {
  it('kubectl apply: re-applied with `strategy: {type: Recreate}`, the defaulted rollingUpdate goes (the three-way patch carries $retainKeys: [type])', () => {
    const c = appliedCluster();
    c.writeFile('d.yaml', deployment('  strategy: {type: Recreate}\n'));
    expect(c.exec('kubectl apply -f d.yaml')).toMatchObject({ stdout: 'deployment.apps/web configured\n', stderr: '', exitCode: 0 });
    expect(get(c, 'deploy web -o jsonpath={.spec.strategy}')).toBe('{"type":"Recreate"}');
    expect(c.exec('kubectl apply -f d.yaml').stdout).toBe('deployment.apps/web unchanged\n');
    // Both named by the manifest: still refused by validation, as upstream.
    c.writeFile('d.yaml', deployment('  strategy: {type: Recreate, rollingUpdate: {maxSurge: 1}}\n'));
    expect(c.exec('kubectl apply -f d.yaml').stderr).toBe('The Deployment "web" is invalid: spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is \'Recreate\'\n');
  });

  it('kubectl edit: the two-way patch names the kept keys (--output-patch)', () => {
    const c = appliedCluster();
    const h = c.start('kubectl edit deploy web --output-patch');
    const path = h.editing!.path;
    c.writeFile(path, c.readFile(path)!.replace(/ {2}strategy:\n {4}rollingUpdate:\n {6}maxSurge: 25%\n {6}maxUnavailable: 25%\n {4}type: RollingUpdate\n/, '  strategy:\n    type: Recreate\n'));
    h.closeEditor!();
    expect(output(h)).toBe('Patch: {"spec":{"strategy":{"$retainKeys":["type"],"rollingUpdate":null,"type":"Recreate"}}}\ndeployment.apps/web edited\n');
    expect(get(c, 'deploy web -o jsonpath={.spec.strategy}')).toBe('{"type":"Recreate"}');
  });

  it('kubectl patch (strategic): the server keeps only the keys $retainKeys names; a patch field outside the list is a BadRequest', () => {
    const c = appliedCluster();
    expect(c.exec(`kubectl patch deploy web -p '{"spec":{"strategy":{"type":"Recreate"}}}'`).exitCode).toBe(1);
    expect(c.exec(`kubectl patch deploy web -p '{"spec":{"strategy":{"$retainKeys":["type"],"type":"Recreate"}}}'`)).toMatchObject({ stdout: 'deployment.apps/web patched\n', exitCode: 0 });
    expect(get(c, 'deploy web -o jsonpath={.spec.strategy}')).toBe('{"type":"Recreate"}');
    expect(c.exec(`kubectl patch deploy web -p '{"spec":{"strategy":{"$retainKeys":["type"],"type":"RollingUpdate","rollingUpdate":{"maxSurge":2}}}}'`)).toMatchObject({ stderr: 'Error from server (BadRequest): invalid patch format of retainKeys\n', exitCode: 1 });
  });

  it('kubectl patch: a volume item with $retainKeys drops its other source', () => {
    const c = createCluster({ seed: 1, nodes: 2 });
    c.exec('kubectl create deployment web --image=nginx');
    c.exec(`kubectl patch deploy web -p '{"spec":{"template":{"spec":{"volumes":[{"name":"data","emptyDir":{}}]}}}}'`);
    c.exec(`kubectl patch deploy web -p '{"spec":{"template":{"spec":{"volumes":[{"name":"data","$retainKeys":["configMap","name"],"configMap":{"name":"cfg"}}]}}}}'`);
    expect(get(c, 'deploy web -o jsonpath={.spec.template.spec.volumes}')).toBe('[{"configMap":{"name":"cfg"},"name":"data"}]');
  });
});

describe('$setElementOrder (merge-keyed lists keep the order of the manifest, server-only items where they stood)', () => {
  it('kubectl edit: reordering Service ports sends only the order, and the order changes', () => {
    const c = createCluster({ seed: 1 });
    c.exec('kubectl create service clusterip other --tcp=8080:8080 --tcp=443:443');
    const h = c.start('kubectl edit svc other --output-patch');
    const path = h.editing!.path;
    const text = c.readFile(path)!;
    const first = text.match(/ {2}- name: 8080-8080\n(?: {4}.*\n)+/)![0];
    const second = text.match(/ {2}- name: 443-443\n(?: {4}.*\n)+/)![0];
    c.writeFile(path, text.replace(first + second, second + first));
    h.closeEditor!();
    expect(output(h)).toBe('Patch: {"spec":{"$setElementOrder/ports":[{"port":443},{"port":8080}]}}\nservice/other edited\n');
    expect(get(c, 'svc other -o jsonpath={.spec.ports[*].port}')).toBe('443 8080');
  });

  it('kubectl edit: changed list items are listed in the edited order, not sorted by merge key', () => {
    const c = createCluster({ seed: 1 });
    c.exec('kubectl create service clusterip other --tcp=8080:8080 --tcp=443:443');
    const h = c.start('kubectl edit svc other --output-patch');
    const path = h.editing!.path;
    c.writeFile(path, c.readFile(path)!.replace('targetPort: 8080', 'targetPort: 8081').replace('targetPort: 443', 'targetPort: 444'));
    h.closeEditor!();
    expect(output(h)).toBe('Patch: {"spec":{"$setElementOrder/ports":[{"port":8080},{"port":443}],"ports":[{"port":8080,"targetPort":8081},{"port":443,"targetPort":444}]}}\nservice/other edited\n');
  });

  it('kubectl patch: $setElementOrder orders the merged list', () => {
    const c = appliedCluster('', '[{name: a, image: nginx}, {name: b, image: nginx}]');
    c.exec(`kubectl patch deploy web -p '{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"b"},{"name":"x"},{"name":"a"}],"containers":[{"name":"x","image":"busybox"}]}}}}'`);
    expect(get(c, 'deploy web -o jsonpath={.spec.template.spec.containers[*].name}')).toBe('b x a');
  });

  it('kubectl apply: a container only the live object has keeps its place among the applied ones (mergeSortedSlice)', () => {
    const c = appliedCluster('', '[{name: a, image: nginx}, {name: b, image: nginx}]');
    c.exec(`kubectl patch deploy web -p '{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"a"},{"name":"x"},{"name":"b"}],"containers":[{"name":"x","image":"busybox"}]}}}}'`);
    expect(get(c, 'deploy web -o jsonpath={.spec.template.spec.containers[*].name}')).toBe('a x b');
    c.writeFile('d.yaml', deployment('', '[{name: a, image: nginx}, {name: b, image: nginx}, {name: c, image: nginx}]'));
    expect(c.exec('kubectl apply -f d.yaml').stdout).toBe('deployment.apps/web configured\n');
    expect(get(c, 'deploy web -o jsonpath={.spec.template.spec.containers[*].name}')).toBe('a x b c');
  });
});
