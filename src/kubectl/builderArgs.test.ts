// The resource builder's refusals of names beside selectors, --all and -A, shared by every
// command that resolves its arguments through it. Texts and conditions:
// k8s.io/cli-runtime/pkg/resource/builder.go — visitorResult sends any label or field selector
// (and SelectAllParam's --all, which becomes the everything selector) to visitBySelector, which
// refuses resource/name tuples ("selectors and the all flag cannot be used when passing
// resource/name arguments") and TYPE NAME names ("name cannot be provided when a selector is
// specified"); `TYPE,TYPE NAME` is normalised into tuples (normalizeMultipleResourcesArgs);
// visitByResource and visitByName refuse a namespaced name with AllNamespaces ("a resource
// cannot be retrieved by name across all namespaces"). Commands: get.go, describe.go, delete.go
// (LabelSelectorParam, FieldSelectorParam, SelectAllParam, AllNamespaces), label.go and
// annotate.go (the same, but --all only widens a bare TYPE: ResourceTypeOrNameArgs(o.all, …)),
// scale.go, set image, rollout (LabelSelectorParam). delete.go runs the builder in Complete,
// before Validate, so `--all -l` gets SelectAllParam's text, as users report it.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../engine';

const TUPLES = 'error: selectors and the all flag cannot be used when passing resource/name arguments\n';
const NAMES = 'error: name cannot be provided when a selector is specified\n';
const ALL_NAMESPACES = 'error: a resource cannot be retrieved by name across all namespaces\n';

function cluster() {
  const c = createCluster();
  c.exec('kubectl create deployment web --image=nginx');
  c.advance(30_000);
  return c;
}

describe('names beside a selector, --all or -A', () => {
  it.each<[string, string]>([
    ['kubectl get pods/foo -l app=web', TUPLES],
    ['kubectl get deploy/web --field-selector metadata.name=web', TUPLES],
    ['kubectl get svc,deploy web -l app=web', TUPLES],
    ['kubectl get deploy web -l app=web', NAMES],
    ['kubectl get deploy/web -A', ALL_NAMESPACES],
    ['kubectl get deploy web -A', ALL_NAMESPACES],
    ['kubectl describe deploy/web -l app=web', TUPLES],
    ['kubectl describe deploy web -l app=web', NAMES],
    ['kubectl describe deploy web -A', ALL_NAMESPACES],
    ['kubectl delete deploy/web -l app=web', TUPLES],
    ['kubectl delete deploy/web --all', TUPLES],
    ['kubectl delete deploy web --all', NAMES],
    ['kubectl delete deploy web -A', ALL_NAMESPACES],
    ['kubectl delete deploy web --all -l app=web', "error: setting 'all' parameter but found a non empty selector. \n"],
    ['kubectl label deploy/web a=b -l app=web', TUPLES],
    ['kubectl annotate deploy/web a=b --field-selector metadata.name=web', TUPLES],
    ['kubectl annotate deploy web a=b -A', ALL_NAMESPACES],
    ['kubectl scale deploy/web --replicas=2 -l app=web', TUPLES],
    ['kubectl set image deploy/web nginx=nginx:2 -l app=web', TUPLES],
    ['kubectl rollout restart deploy/web -l app=web', TUPLES],
  ])('%s', (line, stderr) => {
    const c = cluster();
    const before = c.snapshot().resourceVersion;
    expect(c.exec(line)).toEqual({ stdout: '', stderr, exitCode: 1 });
    expect(c.snapshot().resourceVersion).toBe(before);
  });

  it('cluster-scoped names are fine with -A; label --all beside a name labels just that object', () => {
    const c = cluster();
    expect(c.exec('kubectl get nodes/node-1 -A -o name')).toEqual({ stdout: 'node/node-1\n', stderr: '', exitCode: 0 });
    expect(c.exec('kubectl label deploy/web a=b --all')).toEqual({ stdout: 'deployment.apps/web labeled\n', stderr: '', exitCode: 0 });
  });

  it('delete checks the output mode after the builder (Validate after Complete), deleting nothing', () => {
    const c = cluster();
    expect(c.exec('kubectl delete deploy/web --all -o yaml').stderr).toBe(TUPLES);
    expect(c.exec('kubectl delete deploy --all -o yaml').stderr).toBe("error: unexpected -o output mode: yaml. We only support '-o name'\n");
    expect(c.exec('kubectl get deploy -o name').stdout).toBe('deployment.apps/web\n');
  });
});

describe('TYPE/NAME arguments (builder.go ResourceTypeOrNameArgs, splitResourceTypeName)', () => {
  it.each<[string, string]>([
    ['kubectl get deploy/web/x', 'error: arguments in resource/name form may not have more than one slash\n'],
    ['kubectl get svc,deploy/web', 'error: arguments in resource/name form must have a single resource and name\n'],
    ['kubectl get deploy/', 'error: arguments in resource/name form must have a single resource and name\n'],
    // Every tuple's form is checked before any type is looked up.
    ['kubectl get nosuchtype/a deploy/web/x', 'error: arguments in resource/name form may not have more than one slash\n'],
    ['kubectl delete deploy/web/x', 'error: arguments in resource/name form may not have more than one slash\n'],
  ])('%s', (line, stderr) => {
    const c = cluster();
    const before = c.snapshot().resourceVersion;
    expect(c.exec(line)).toEqual({ stdout: '', stderr, exitCode: 1 });
    expect(c.snapshot().resourceVersion).toBe(before);
  });
});
