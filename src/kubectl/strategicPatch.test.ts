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

// ObjectMeta.Finalizers is `patchStrategy:"merge"` without a merge key: a set of strings.
// patch.go diffListsOfScalars / handleSliceDiff (`$deleteFromPrimitiveList/<list>` and
// `$setElementOrder/<list>`), mergeSlice / deleteFromSlice on the server.
describe('lists of scalars with patchStrategy merge (metadata.finalizers)', () => {
  const finalizers = (c: ReturnType<typeof createCluster>, what = 'deploy web') => c.exec(`kubectl get ${what} -o jsonpath={.metadata.finalizers}`).stdout;
  const withFinalizers = (list: string) => deployment('').replace('metadata: {name: web}', `metadata: {name: web, finalizers: [${list}]}`);

  it('kubectl patch: a finalizer is added to the list, not in place of it (new items first, as mergeSortedSlice places them)', () => {
    const c = appliedCluster();
    c.exec(`kubectl patch deploy web -p '{"metadata":{"finalizers":["example.com/a"]}}'`);
    expect(c.exec(`kubectl patch deploy web -p '{"metadata":{"finalizers":["example.com/b","example.com/a"]}}'`).stdout).toBe('deployment.apps/web patched\n');
    expect(finalizers(c)).toBe('["example.com/b","example.com/a"]');
    c.exec(`kubectl patch deploy web -p '{"metadata":{"finalizers":["example.com/c"]}}'`);
    expect(finalizers(c)).toBe('["example.com/c","example.com/b","example.com/a"]');
  });

  it('kubectl patch: $deleteFromPrimitiveList/finalizers takes the named values out and keeps the rest in order', () => {
    const c = appliedCluster();
    c.exec(`kubectl patch deploy web -p '{"metadata":{"finalizers":["example.com/a","example.com/b","example.com/c"]}}'`);
    expect(c.exec(`kubectl patch deploy web -p '{"metadata":{"$deleteFromPrimitiveList/finalizers":["example.com/b"]}}'`).stdout).toBe('deployment.apps/web patched\n');
    expect(finalizers(c)).toBe('["example.com/a","example.com/c"]');
    expect(c.exec(`kubectl patch deploy web -p '{"metadata":{"$deleteFromPrimitiveList":["example.com/a"]}}'`)).toMatchObject({ stderr: 'Error from server (BadRequest): invalid patch format of primitive list\n', exitCode: 1 });
  });

  it('kubectl edit: a removed finalizer is sent as $deleteFromPrimitiveList with the new order', () => {
    const c = createCluster({ seed: 1, nodes: 2 });
    c.writeFile('d.yaml', withFinalizers('example.com/a, example.com/b'));
    c.exec('kubectl apply -f d.yaml');
    const h = c.start('kubectl edit deploy web --output-patch');
    const path = h.editing!.path;
    c.writeFile(path, c.readFile(path)!.replace('  - example.com/a\n', ''));
    h.closeEditor!();
    expect(output(h)).toBe('Patch: {"metadata":{"$deleteFromPrimitiveList/finalizers":["example.com/a"],"$setElementOrder/finalizers":["example.com/b"]}}\ndeployment.apps/web edited\n');
    expect(finalizers(c)).toBe('["example.com/b"]');
  });

  it('kubectl apply: a finalizer dropped from the manifest goes, one another writer added stays', () => {
    const c = createCluster({ seed: 1, nodes: 2 });
    c.writeFile('d.yaml', withFinalizers('example.com/a, example.com/b'));
    c.exec('kubectl apply -f d.yaml');
    c.exec(`kubectl patch deploy web -p '{"metadata":{"finalizers":["example.com/other"]}}'`);
    c.writeFile('d.yaml', withFinalizers('example.com/a, example.com/new'));
    expect(c.exec('kubectl apply -f d.yaml').stdout).toBe('deployment.apps/web configured\n');
    expect(finalizers(c)).toBe('["example.com/other","example.com/a","example.com/new"]');
    // While the live list holds a value the manifest does not, the patch carries
    // `$setElementOrder/finalizers` (diffLists: the lists differ), so apply says `configured` again.
    expect(c.exec('kubectl apply -f d.yaml').stdout).toBe('deployment.apps/web configured\n');
    expect(finalizers(c)).toBe('["example.com/other","example.com/a","example.com/new"]');
  });
});

// patch.go validatePatchWithSetOrderList: its error is not one interpretStrategicMergePatchError
// turns into a 400, so the API server answers 500 with the text, and kubectl prints
// `Error from server: <text>` (cmdutil StandardErrorMessage for a Status without a reason).
describe('$setElementOrder checked against its patch list', () => {
  it('kubectl patch: a patched container the order list does not name is refused, nothing changes', () => {
    const c = appliedCluster('', '[{name: a, image: nginx}, {name: b, image: nginx}]');
    expect(c.exec(`kubectl patch deploy web -p '{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"b"},{"name":"a"}],"containers":[{"name":"x","image":"busybox"}]}}}}'`)).toMatchObject({
      stdout: '',
      stderr: 'Error from server: The order in patch list:\n[map[image:busybox name:x]]\n doesn\'t match $setElementOrder list:\n[map[name:b] map[name:a]]\n',
      exitCode: 1,
    });
    expect(get(c, 'deploy web -o jsonpath={.spec.template.spec.containers[*].name}')).toBe('a b');
  });

  it('kubectl patch: patch items out of the order list\'s order, a list of scalars, and an item without the merge key', () => {
    const c = appliedCluster('', '[{name: a, image: nginx}, {name: b, image: nginx}]');
    const patch = (p: string) => c.exec(`kubectl patch deploy web -p '${p}'`).stderr;
    expect(patch('{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"a"},{"name":"b"}],"containers":[{"name":"b","image":"x"},{"name":"a","image":"y"}]}}}}'))
      .toBe('Error from server: The order in patch list:\n[map[image:x name:b] map[image:y name:a]]\n doesn\'t match $setElementOrder list:\n[map[name:a] map[name:b]]\n');
    expect(patch('{"metadata":{"$setElementOrder/finalizers":["example.com/a"],"finalizers":["example.com/z"]}}'))
      .toBe('Error from server: The order in patch list:\n[example.com/z]\n doesn\'t match $setElementOrder list:\n[example.com/a]\n');
    expect(patch('{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"a"}],"containers":[{"image":"busybox"}]}}}}'))
      .toBe('Error from server: map: map[image:busybox] does not contain declared merge key: name\n');
    expect(patch('{"spec":{"template":{"spec":{"$setElementOrder/containers":"a"}}}}')).toBe('Error from server: expected a []interface {}, but received a string\n');
    // Deletions and items the order list names in order pass.
    expect(c.exec(`kubectl patch deploy web -p '{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"b"}],"containers":[{"name":"b","image":"busybox"},{"name":"a","$patch":"delete"}]}}}}'`).stdout).toBe('deployment.apps/web patched\n');
    expect(get(c, 'deploy web -o jsonpath={.spec.template.spec.containers[*].image}')).toBe('busybox');
  });
});

describe('kubectl edit: a patch the server refuses', () => {
  it('an unknown $patch directive typed into the object is the server\'s error, reported as a failed patch (editor.go addError)', () => {
    const c = createCluster({ seed: 1, nodes: 2 });
    c.exec('kubectl create deployment web --image=nginx');
    const h = c.start('kubectl edit deploy web');
    const path = h.editing!.path;
    c.writeFile(path, c.readFile(path)!.replace('spec:\n  progressDeadlineSeconds', 'spec:\n  $patch: bogus\n  progressDeadlineSeconds'));
    h.closeEditor!();
    expect(output(h)).toMatch(/^!error: deployments\.apps "web" could not be patched: unknown patch type: bogus in map: map\[\$patch:bogus\]\nYou can run `kubectl replace -f \S+\.yaml` to try this update again\.\n$/);
  });
});
