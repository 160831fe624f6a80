// kubectl delete's own flag checks, with v1.32's texts and order:
// staging/src/k8s.io/kubectl/pkg/cmd/delete/delete.go — Complete (--now beside --grace-period;
// --grace-period=0 without --force becomes 1, --force alone becomes 0; --all, -l and
// --field-selector imply --ignore-not-found unless it was set; WarnClusterScope for an explicit
// -n), then Validate (the -o mode, then --force with a grace period: 0 warns through the
// WarningPrinter, above 0 is refused), then DeleteResult ("No resources found" when nothing was
// visited).
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../engine';

const FORCE_WARNING =
  'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n';
const FORCE_WITH_GRACE = 'error: --force and --grace-period greater than 0 cannot be specified together\n';
const fail = (stderr: string) => ({ stdout: '', stderr, exitCode: 1 });

function clusterWithPod() {
  const c = createCluster();
  c.exec('kubectl run web --image=nginx');
  c.advance(10_000);
  return c;
}
const podExists = (c: ReturnType<typeof createCluster>) => c.context.store.get('Pod', 'default', 'web') !== undefined;

describe('delete.go Validate: --force with --grace-period', () => {
  it.each([
    ['kubectl delete pod web --force --grace-period=5'],
    ['kubectl delete pod web --force --grace-period=1'],
    // --now is --grace-period=1, which --force then refuses.
    ['kubectl delete pod web --force --now'],
  ])('%s is refused and deletes nothing', (cmd) => {
    const c = clusterWithPod();
    expect(c.exec(cmd)).toEqual(fail(FORCE_WITH_GRACE));
    expect(podExists(c)).toBe(true);
  });

  it('--force alone means --grace-period=0: the immediate-deletion warning, then "force deleted"', () => {
    const c = clusterWithPod();
    expect(c.exec('kubectl delete pod web --force')).toMatchObject({ stdout: 'pod "web" force deleted\n', stderr: FORCE_WARNING, exitCode: 0 });
    expect(podExists(c)).toBe(false);
  });

  it('--grace-period=0 without --force becomes 1: no warning, plain "deleted"', () => {
    const c = clusterWithPod();
    expect(c.exec('kubectl delete pod web --grace-period=0')).toEqual({ stdout: 'pod "web" deleted\n', stderr: '', exitCode: 0 });
  });

  it('the -o check comes first (Validate), --now beside --grace-period before both (Complete)', () => {
    const c = clusterWithPod();
    expect(c.exec('kubectl delete pod web --force --grace-period=5 -o yaml')).toEqual(fail("error: unexpected -o output mode: yaml. We only support '-o name'\n"));
    expect(c.exec('kubectl delete pod web --force --now --grace-period=5')).toEqual(fail('error: --now and --grace-period cannot be specified together\n'));
    expect(podExists(c)).toBe(true);
  });
});

describe('delete.go Complete and DeleteResult', () => {
  it('an explicit -n warns once before deleting a cluster-scoped object (WarnClusterScope); without -n nothing', () => {
    const c = createCluster();
    c.exec('kubectl create namespace a');
    c.exec('kubectl create namespace b');
    expect(c.exec('kubectl delete namespace a b -n default')).toMatchObject({
      stdout: 'namespace "a" deleted\nnamespace "b" deleted\n',
      stderr: 'Warning: deleting cluster-scoped resources, not scoped to the provided namespace\n',
      exitCode: 0,
    });
    c.exec('kubectl create namespace d');
    expect(c.exec('kubectl delete namespace d')).toEqual({ stdout: 'namespace "d" deleted\n', stderr: '', exitCode: 0 });
  });

  it('-l implies --ignore-not-found for the file objects it selects; an explicit --ignore-not-found=false keeps the error', () => {
    const c = createCluster();
    c.writeFile('gone.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: gone\n  labels: {app: gone}\nspec:\n  ports: [{port: 80}]\n');
    // Visited (so no "No resources found"), NotFound ignored: nothing printed at all.
    expect(c.exec('kubectl delete -f gone.yaml -l app=gone')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(c.exec('kubectl delete -f gone.yaml -l app=gone --ignore-not-found=false')).toEqual(fail('Error from server (NotFound): error when deleting "gone.yaml": services "gone" not found\n'));
  });
});
