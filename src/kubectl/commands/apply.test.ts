// kubectl apply on an object that exists: what each --dry-run mode prints, and the warning
// for an object created without the last-applied annotation.
// Source: staging/src/k8s.io/kubectl/pkg/cmd/apply/apply.go (applyOneObject,
// warningNoLastAppliedConfigAnnotation) as of kubectl v1.32–v1.34; apply/patcher.go
// (patchSimple: an empty patch is not sent); cli-runtime resource.Info.ObjectName.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../engine';

const CONFIG_MAP = (value: string) => `apiVersion: v1
kind: ConfigMap
metadata: {name: app}
data: {mode: ${value}}
`;

const MISSING_ANNOTATION =
  'Warning: resource configmaps/app is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. ' +
  'kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. ' +
  'The missing annotation will be patched automatically.\n';

function applied(value = 'fast') {
  const c = createCluster({ seed: 1 });
  c.writeFile('cm.yaml', CONFIG_MAP(value));
  expect(c.exec('kubectl apply -f cm.yaml').stdout).toBe('configmap/app created\n');
  return c;
}

describe('kubectl apply --dry-run on an existing object', () => {
  it('--dry-run=server: `unchanged (server dry run)` for an empty patch, `configured (server dry run)` otherwise, nothing stored', () => {
    const c = applied();
    expect(c.exec('kubectl apply -f cm.yaml --dry-run=server')).toMatchObject({ stdout: 'configmap/app unchanged (server dry run)\n', stderr: '' });
    c.writeFile('cm.yaml', CONFIG_MAP('slow'));
    expect(c.exec('kubectl apply -f cm.yaml --dry-run=server').stdout).toBe('configmap/app configured (server dry run)\n');
    expect(c.exec('kubectl get cm app -o jsonpath={.data.mode}').stdout).toBe('fast');
  });

  it('--dry-run=client: `configured (dry run)` even when nothing would change (v1.32 skips the patch altogether)', () => {
    const c = applied();
    expect(c.exec('kubectl apply -f cm.yaml --dry-run=client')).toMatchObject({ stdout: 'configmap/app configured (dry run)\n', stderr: '' });
    expect(c.exec('kubectl apply -f cm.yaml').stdout).toBe('configmap/app unchanged\n');
  });

  it('--dry-run=client -o: the live object as fetched, not the manifest merged into it', () => {
    const c = applied();
    c.writeFile('cm.yaml', CONFIG_MAP('slow'));
    const mode = (dryRun: string) => (JSON.parse(c.exec(`kubectl apply -f cm.yaml --dry-run=${dryRun} -o json`).stdout) as { data: { mode: string } }).data.mode;
    expect(mode('client')).toBe('fast');
    expect(mode('server')).toBe('slow');
  });
});

describe('kubectl apply on an object made without --save-config', () => {
  it('warns (resource/name as Info.ObjectName spells it), then adds the annotation; the next apply is quiet', () => {
    const c = createCluster({ seed: 1 });
    c.writeFile('cm.yaml', CONFIG_MAP('fast'));
    c.exec('kubectl create -f cm.yaml');
    expect(c.exec('kubectl apply -f cm.yaml')).toMatchObject({ stdout: 'configmap/app configured\n', stderr: MISSING_ANNOTATION, exitCode: 0 });
    expect(c.exec('kubectl apply -f cm.yaml')).toMatchObject({ stdout: 'configmap/app unchanged\n', stderr: '' });
  });

  it('the warning comes with --dry-run=server too, not with --dry-run=client', () => {
    const c = createCluster({ seed: 1 });
    c.writeFile('cm.yaml', CONFIG_MAP('fast'));
    c.exec('kubectl create -f cm.yaml');
    expect(c.exec('kubectl apply -f cm.yaml --dry-run=server')).toMatchObject({ stdout: 'configmap/app configured (server dry run)\n', stderr: MISSING_ANNOTATION });
    expect(c.exec('kubectl apply -f cm.yaml --dry-run=client')).toMatchObject({ stdout: 'configmap/app configured (dry run)\n', stderr: '' });
  });

  it('a group resource is named without its group (Mapping.Resource.Resource)', () => {
    const c = createCluster({ seed: 1 });
    c.exec('kubectl create deployment web --image=nginx');
    c.writeFile('d.yaml', c.exec('kubectl get deploy web -o yaml').stdout);
    expect(c.exec('kubectl apply -f d.yaml').stderr).toBe(MISSING_ANNOTATION.replace('configmaps/app', 'deployments/web'));
  });
});
