// rollout status|restart|undo|history, cordon/uncordon and drain through exec
// (rollout_status.go + polymorphichelpers/rollout_status.go, rollout_restart.go,
// rollout_undo.go + rollback.go, rollout_history.go + history.go, drain.go + drain/filters.go).
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../engine';
import type { Deployment, Node, Pod } from '../../engine/core/types';

const ok = (stdout: string) => ({ stdout, stderr: '', exitCode: 0 });
const fail = (stderr: string) => ({ stdout: '', stderr, exitCode: 1 });

function clusterWithWeb(replicas = 3) {
  const c = createCluster();
  c.exec(`kubectl create deployment web --image=nginx --replicas=${replicas}`);
  c.advance(30_000);
  return c;
}

describe('kubectl rollout status', () => {
  it('watches a rolling update in simulated time until it is rolled out', () => {
    const c = clusterWithWeb();
    expect(c.exec('kubectl rollout status deployment/web')).toEqual(ok('deployment "web" successfully rolled out\n'));
    c.exec('kubectl set image deployment/web nginx=nginx:1.27');
    const start = c.now();
    const r = c.exec('kubectl rollout status deployment/web');
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...');
    expect(lines).toContain('Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...');
    expect(lines[lines.length - 1]).toBe('deployment "web" successfully rolled out');
    for (const l of lines.slice(0, -1)) expect(l).toMatch(/^Waiting for deployment "web" rollout to finish: /);
    expect(c.now()).toBeGreaterThan(start); // time ran while watching
  });

  it('--timeout ends the watch with kubectl\'s error; argument errors', () => {
    const c = clusterWithWeb();
    c.exec('kubectl set image deployment/web nginx=nginx:1.27');
    const r = c.exec('kubectl rollout status deploy web --timeout=1s');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('error: timed out waiting for the condition\n');
    expect(r.stdout).toMatch(/^Waiting for deployment "web" rollout to finish: /);
    expect(c.exec('kubectl rollout status')).toEqual(fail('error: required resource not specified\n'));
    expect(c.exec('kubectl rollout status deploy/web --timeout=5')).toEqual(fail('error: invalid argument "5" for "--timeout" flag: time: missing unit in duration "5"\n'));
    expect(c.exec('kubectl rollout status svc/kubernetes')).toEqual(fail('error: no status viewer has been implemented for Service\n'));
  });
});

describe('kubectl rollout history, undo, restart', () => {
  it('history table; undo to the previous template; --to-revision; skipped and missing revisions', () => {
    const c = clusterWithWeb();
    c.exec('kubectl set image deployment/web nginx=nginx:1.27');
    c.advance(60_000);
    expect(c.exec('kubectl rollout history deployment/web')).toEqual(ok('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n'));
    expect(c.exec('kubectl rollout history deployment/web --revision=1').stdout).toMatch(/^deployment\.apps\/web with revision #1\nPod Template:\n {2}Labels:\tapp=web\n\tpod-template-hash=[a-z0-9]+\n {2}Containers:\n {3}nginx:\n {4}Image:\tnginx\n/);
    expect(c.exec('kubectl rollout history deployment/web --revision=7')).toEqual(fail('error: unable to find the specified revision\n'));
    expect(c.exec('kubectl rollout undo deployment/web')).toEqual(ok('deployment.apps/web rolled back\n'));
    const d = c.context.store.get<Deployment>('Deployment', 'default', 'web')!;
    expect(d.spec.template.spec.containers[0].image).toBe('nginx');
    expect(d.spec.template.metadata?.labels).toEqual({ app: 'web' });
    c.advance(60_000);
    expect(c.exec('kubectl rollout history deploy web').stdout).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n');
    expect(c.exec('kubectl rollout undo deployment/web --to-revision=3')).toEqual(ok('deployment.apps/web skipped rollback (current template already matches revision 3)\n'));
    expect(c.exec('kubectl rollout undo deployment/web --to-revision=9')).toEqual(fail('error: unable to find specified revision 9 in history\n'));
  });

  it('restart stamps restartedAt on the template and rolls the pods', () => {
    const c = clusterWithWeb(2);
    const before = c.context.store.podIndex.matchMap('default', { app: 'web' }).map((p) => p.metadata.name).sort();
    expect(c.exec('kubectl rollout restart deployment/web')).toEqual(ok('deployment.apps/web restarted\n'));
    const d = c.context.store.get<Deployment>('Deployment', 'default', 'web')!;
    expect(d.spec.template.metadata?.annotations?.['kubectl.kubernetes.io/restartedAt']).toBe(c.snapshot().time);
    c.advance(60_000);
    const after = c.context.store.podIndex.matchMap('default', { app: 'web' }).filter((p) => !p.metadata.deletionTimestamp).map((p) => p.metadata.name);
    expect(after).toHaveLength(2);
    for (const n of after) expect(before).not.toContain(n);
    expect(c.exec('kubectl rollout restart svc/kubernetes')).toEqual(fail('error: services "kubernetes" restarting is not supported\n'));
  });
});

describe('kubectl rollout pause, resume (rollout_pause.go, rollout_resume.go, objectpauser.go, objectresumer.go)', () => {
  it('pause holds a template change back until resume; paused Deployments refuse undo and restart', () => {
    const c = clusterWithWeb(2);
    const images = () => c.context.store.podIndex.matchMap('default', { app: 'web' }).filter((p) => !p.metadata.deletionTimestamp).map((p) => p.spec.containers[0].image);
    expect(c.exec('kubectl rollout pause deployment/web')).toEqual(ok('deployment.apps/web paused\n'));
    expect(c.context.store.get<Deployment>('Deployment', 'default', 'web')!.spec.paused).toBe(true);
    expect(c.exec('kubectl rollout pause deployment/web')).toEqual(fail('error: deployments.apps "web" is already paused\n'));
    c.exec('kubectl set image deployment/web nginx=nginx:1.27');
    c.advance(60_000);
    expect(images()).toEqual(['nginx', 'nginx']);
    // Paused, the Deployment made no new ReplicaSet: revision 1 is all the history there is.
    expect(c.exec('kubectl rollout undo deployment/web')).toEqual(fail('error: no rollout history found for deployment "web"\n'));
    expect(c.exec('kubectl rollout undo deployment/web --to-revision=1')).toEqual(fail("error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/web' and try again\n"));
    expect(c.exec('kubectl rollout restart deployment/web')).toEqual(fail('error: deployments.apps "web" can\'t restart paused deployment (run rollout resume first)\n'));
    expect(c.exec('kubectl rollout resume deploy web -o name')).toEqual(ok('deployment.apps/web\n'));
    expect(c.exec('kubectl rollout resume deployment/web')).toEqual(fail('error: deployments.apps "web" is not paused\n'));
    c.advance(60_000);
    expect(images()).toEqual(['nginx:1.27', 'nginx:1.27']);
    expect(c.exec('kubectl rollout pause')).toEqual(fail('error: required resource not specified\n'));
    expect(c.exec('kubectl rollout pause deployment/web svc/kubernetes')).toMatchObject({ stdout: 'deployment.apps/web paused\n', stderr: 'error: services "kubernetes" pausing is not supported\n', exitCode: 1 });
  });
});

describe('kubectl rollout undo --dry-run=client; StatefulSets (rollback.go)', () => {
  it('a Deployment prints the chosen ReplicaSet\'s template (no "will roll back to") and changes nothing', () => {
    const c = clusterWithWeb(2);
    c.exec('kubectl set image deployment/web nginx=nginx:1.27');
    c.advance(60_000);
    expect(c.exec('kubectl rollout undo deployment/web --dry-run=client').stdout).toMatch(/^deployment\.apps\/web Pod Template:\n {2}Labels:\tapp=web\n\tpod-template-hash=[a-z0-9]+\n {2}Containers:\n {3}nginx:\n {4}Image:\tnginx\n[^]*\n \(dry run\)\n$/);
    expect(c.context.store.get<Deployment>('Deployment', 'default', 'web')!.spec.template.spec.containers[0].image).toBe('nginx:1.27');
  });

  it('a StatefulSet with one revision has no last revision to roll back to', () => {
    const c = createCluster();
    c.exec('kubectl apply -f -', 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec:\n  serviceName: db\n  selector: {matchLabels: {app: db}}\n  template:\n    metadata: {labels: {app: db}}\n    spec:\n      containers: [{name: db, image: nginx}]\n');
    c.advance(30_000);
    expect(c.exec('kubectl rollout undo statefulset/db')).toEqual(fail('error: no last revision to roll back to\n'));
    c.exec('kubectl set image statefulset/db db=nginx:1.27');
    c.advance(60_000);
    expect(c.exec('kubectl rollout undo statefulset/db --dry-run=client').stdout).toMatch(/^statefulset\.apps\/db will roll back to Pod Template:\n {2}Labels:\tapp=db\n[^]* \(dry run\)\n$/);
    expect(c.exec('kubectl rollout undo statefulset/db')).toEqual(ok('statefulset.apps/db rolled back\n'));
  });
});

describe('kubectl cordon, uncordon, drain', () => {
  const node = (c: ReturnType<typeof createCluster>, name: string) => c.context.store.get<Node>('Node', undefined, name)!;

  it('cordon / already cordoned / uncordon, and usage errors', () => {
    const c = createCluster();
    expect(c.exec('kubectl cordon node-2')).toEqual(ok('node/node-2 cordoned\n'));
    expect(node(c, 'node-2').spec.unschedulable).toBe(true);
    expect(c.exec('kubectl cordon node-2')).toEqual(ok('node/node-2 already cordoned\n'));
    expect(c.exec('kubectl uncordon node-2')).toEqual(ok('node/node-2 uncordoned\n'));
    expect(node(c, 'node-2').spec.unschedulable).toBeUndefined();
    expect(c.exec('kubectl uncordon node-2')).toEqual(ok('node/node-2 already uncordoned\n'));
    expect(c.exec('kubectl cordon')).toEqual(fail("error: USAGE: cordon NODE [flags]\nSee 'kubectl cordon -h' for help and examples\n"));
    expect(c.exec('kubectl drain nope')).toEqual(fail('Error from server (NotFound): nodes "nope" not found\n'));
  });

  it('drain evicts managed pods, which are recreated elsewhere; unmanaged pods need --force', () => {
    const c = clusterWithWeb(3);
    c.writeFile('lone.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: lone\nspec:\n  nodeName: node-3\n  containers:\n  - name: c\n    image: nginx\n');
    c.exec('kubectl apply -f lone.yaml');
    c.advance(5_000);
    const onNode3 = () => c.context.store.list<Pod>('Pod').filter((p) => p.spec.nodeName === 'node-3').map((p) => `${p.metadata.namespace}/${p.metadata.name}`).sort();
    // kube-proxy's DaemonSet pod stays (--ignore-daemonsets); the others are evicted.
    const proxy = onNode3().filter((p) => p.startsWith('kube-system/kube-proxy-'));
    expect(proxy).toHaveLength(1);
    const victims = onNode3().filter((p) => !proxy.includes(p));
    expect(victims).toContain('default/lone');
    const refused = c.exec('kubectl drain node-3 --ignore-daemonsets');
    expect(refused).toMatchObject({
      stdout: 'node/node-3 cordoned\n',
      // kubectl v1.32 RunDrain: reported, the other nodes go on, the error last without `error: `.
      stderr: 'error: unable to drain node "node-3" due to error: cannot delete Pods that declare no controller (use --force to override): default/lone, continuing command...\nThere are pending nodes to be drained:\n node-3\ncannot delete Pods that declare no controller (use --force to override): default/lone\n',
      exitCode: 1,
    });
    const r = c.exec('kubectl drain node-3 --force --ignore-daemonsets');
    expect(r.exitCode).toBe(0);
    // PodDeleteList.Warnings joins the messages with "; " (upstream in map order; here in pod order).
    expect(r.stderr).toBe(`Warning: deleting Pods that declare no controller: default/lone; ignoring DaemonSet-managed Pods: ${proxy[0]}\n`);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('node/node-3 already cordoned');
    expect(lines.slice(1, 1 + victims.length)).toEqual(victims.map((v) => `evicting pod ${v}`));
    expect(lines.slice(1 + victims.length, -1).sort()).toEqual(victims.map((v) => `pod/${v.split('/')[1]} evicted`).sort());
    expect(lines[lines.length - 1]).toBe('node/node-3 drained');
    expect(onNode3()).toEqual(proxy);
    c.advance(30_000);
    expect(c.context.store.podIndex.matchMap('default', { app: 'web' }).filter((p) => p.status?.phase === 'Running')).toHaveLength(3);
  });

  it('--dry-run=client lists what would be evicted and changes nothing', () => {
    const c = clusterWithWeb(3);
    const rv = c.snapshot().resourceVersion;
    const r = c.exec('kubectl drain node-2 --ignore-daemonsets --dry-run=client');
    expect(r.stdout).toMatch(/^node\/node-2 cordoned \(dry run\)\n(evicting pod \S+ \(dry run\)\n)+node\/node-2 drained \(dry run\)\n$/);
    expect(c.snapshot().resourceVersion).toBe(rv);
  });
});
