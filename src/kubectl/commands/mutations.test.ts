// label, annotate, set image and patch through exec, with kubectl v1.32's texts
// (label.go, annotate.go, set_image.go, patch.go).
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../engine';
import type { Deployment } from '../../engine/core/types';

const ok = (stdout: string) => ({ stdout, stderr: '', exitCode: 0 });
const fail = (stderr: string) => ({ stdout: '', stderr, exitCode: 1 });

function clusterWithWeb(replicas = 2) {
  const c = createCluster();
  c.exec(`kubectl create deployment web --image=nginx --replicas=${replicas}`);
  c.advance(30_000);
  return c;
}
const deployment = (c: ReturnType<typeof createCluster>) => c.context.store.get<Deployment>('Deployment', 'default', 'web')!;

describe('kubectl label (label.go)', () => {
  it('labeled, overwrite refused, --overwrite, unlabeled, not found, not labeled', () => {
    const c = clusterWithWeb();
    expect(c.exec('kubectl label deployment web tier=front')).toEqual(ok('deployment.apps/web labeled\n'));
    expect(deployment(c).metadata.labels).toEqual({ app: 'web', tier: 'front' });
    expect(c.exec('kubectl label deployment web tier=back')).toEqual(fail("error: 'tier' already has a value (front), and --overwrite is false\n"));
    expect(c.exec('kubectl label deploy/web tier=back --overwrite')).toEqual(ok('deployment.apps/web labeled\n'));
    expect(c.exec('kubectl label deploy web tier-')).toEqual(ok('deployment.apps/web unlabeled\n'));
    expect(deployment(c).metadata.labels).toEqual({ app: 'web' });
    expect(c.exec('kubectl label deploy web tier-')).toEqual(ok('label "tier" not found.\ndeployment.apps/web not labeled\n'));
    expect(c.exec('kubectl label deploy web app=web')).toEqual(ok('deployment.apps/web not labeled\n'));
  });

  it('-l selects pods; --dry-run=client changes nothing; argument errors', () => {
    const c = clusterWithWeb();
    const r = c.exec('kubectl label pods -l app=web env=dev');
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(2);
    expect(r.stdout).toMatch(/^pod\/web-[a-z0-9]+-[a-z0-9]{5} labeled\n/);
    expect(c.context.store.podIndex.matchMap('default', { env: 'dev' })).toHaveLength(2);
    const rv = c.snapshot().resourceVersion;
    expect(c.exec('kubectl label deploy web x=y --dry-run=client')).toEqual(ok('deployment.apps/web labeled (dry run)\n'));
    expect(c.snapshot().resourceVersion).toBe(rv);
    expect(c.exec('kubectl label pods')).toEqual(fail('error: at least one label update is required\n'));
    expect(c.exec('kubectl label deploy web a=b x')).toEqual(fail('error: all resources must be specified before label changes: x\n'));
    expect(c.exec('kubectl label deploy nope a=b')).toEqual(fail('Error from server (NotFound): deployments.apps "nope" not found\n'));
    expect(c.exec('kubectl label deploy web a=b a-')).toEqual(fail('error: can not both modify and remove a label in the same command\n'));
  });
});

describe('kubectl annotate (annotate.go)', () => {
  it('annotated; overwrite refused with the declared-annotation text; removal', () => {
    const c = clusterWithWeb(1);
    expect(c.exec('kubectl annotate deploy web note=hi')).toEqual(ok('deployment.apps/web annotated\n'));
    expect(c.exec('kubectl annotate deploy web note=ho')).toEqual(fail("error: --overwrite is false but found the following declared annotation(s): 'note' already has a value (hi)\n"));
    expect(c.exec('kubectl annotate deploy web note=ho --overwrite')).toEqual(ok('deployment.apps/web annotated\n'));
    expect(deployment(c).metadata.annotations?.note).toBe('ho');
    expect(c.exec('kubectl annotate deploy web note-')).toEqual(ok('deployment.apps/web annotated\n'));
    expect(deployment(c).metadata.annotations?.note).toBeUndefined();
  });
});

describe('kubectl set image (set_image.go)', () => {
  it('updates the template and starts a rollout; same image prints nothing; unknown container', () => {
    const c = clusterWithWeb();
    expect(c.exec('kubectl set image deployment/web nginx=nginx:1.27')).toEqual(ok('deployment.apps/web image updated\n'));
    expect(deployment(c).spec.template.spec.containers[0].image).toBe('nginx:1.27');
    expect(c.exec('kubectl set image deployment/web nginx=nginx:1.27')).toEqual(ok(''));
    expect(c.exec('kubectl set image deployment/web foo=nginx')).toEqual(fail('error: unable to find container named "foo"\n'));
    expect(c.exec('kubectl set image deployment/web')).toEqual(fail('error: at least one image update is required\n'));
    c.advance(60_000);
    const images = c.context.store.podIndex.matchMap('default', { app: 'web' }).map((p) => p.spec.containers[0].image);
    expect(images).toEqual(['nginx:1.27', 'nginx:1.27']);
  });
});

describe('kubectl patch (patch.go)', () => {
  it('strategic merge by container name, merge patch, JSON patch; (no change); validation', () => {
    const c = clusterWithWeb(1);
    expect(c.exec(`kubectl patch deployment web -p '{"spec":{"replicas":3}}'`)).toEqual(ok('deployment.apps/web patched\n'));
    expect(c.exec(`kubectl patch deployment web -p '{"spec":{"replicas":3}}'`)).toEqual(ok('deployment.apps/web patched (no change)\n'));
    // A strategic merge keeps the container's other (defaulted) fields and merges by name.
    expect(c.exec(`kubectl patch deploy web -p '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.27"}]}}}}'`).stdout).toBe('deployment.apps/web patched\n');
    const container = deployment(c).spec.template.spec.containers;
    expect(container).toHaveLength(1);
    expect(container[0]).toMatchObject({ name: 'nginx', image: 'nginx:1.27', imagePullPolicy: 'Always', terminationMessagePolicy: 'File' });
    expect(c.exec(`kubectl patch deploy web --type=merge -p '{"metadata":{"labels":{"tier":"front"}}}'`).stdout).toBe('deployment.apps/web patched\n');
    expect(c.exec(`kubectl patch deploy web --type=json -p '[{"op":"replace","path":"/spec/replicas","value":1}]'`).stdout).toBe('deployment.apps/web patched\n');
    expect(deployment(c).spec.replicas).toBe(1);
    expect(c.exec(`kubectl patch deploy web --type=json -p '[{"op":"replace","path":"/spec/foo","value":1}]'`)).toEqual(fail('Error from server: replace operation does not apply: doc is missing path: /spec/foo: missing value\n'));
    expect(c.exec(`kubectl patch deploy web --type=json -p '[{"op":"replace","path":"/spec/replicas","value":-1}]'`)).toEqual(fail('The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n'));
    expect(c.exec(`kubectl patch deploy web --type=foo -p '{}'`)).toEqual(fail('error: --type must be one of [json merge strategic], not "foo"\n'));
    expect(c.exec('kubectl patch deploy web')).toEqual(fail('error: must specify --patch or --patch-file containing the contents of the patch\n'));
  });
});
