// kubectl rollout history|undo|restart|pause for DaemonSets through exec, following the
// kubernetes.io tasks "Perform a Rolling Update on a DaemonSet" and "Perform a Rollback on a
// DaemonSet" (their fluentd-elasticsearch example). Upstream: kubectl
// polymorphichelpers/history.go (DaemonSetHistoryViewer, printHistory), rollback.go
// (DaemonSetRollbacker, findHistory, printPodTemplate), objectpauser.go, objectrestarter.go;
// pkg/controller/daemon/update.go (constructHistory re-numbers the matching revision).
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../engine';
import type { DaemonSet, Pod } from '../../engine/core/types';

const ok = (stdout: string) => ({ stdout, stderr: '', exitCode: 0 });
const fail = (stderr: string) => ({ stdout: '', stderr, exitCode: 1 });

const FLUENTD = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: fluentd-elasticsearch
  namespace: kube-system
  labels:
    k8s-app: fluentd-logging
spec:
  selector:
    matchLabels:
      name: fluentd-elasticsearch
  updateStrategy:
    type: RollingUpdate
    rollingUpdate:
      maxUnavailable: 1
  template:
    metadata:
      labels:
        name: fluentd-elasticsearch
    spec:
      tolerations:
      - key: node-role.kubernetes.io/control-plane
        operator: Exists
        effect: NoSchedule
      containers:
      - name: fluentd-elasticsearch
        image: quay.io/fluentd_elasticsearch/fluentd:v2.5.2
        volumeMounts:
        - name: varlog
          mountPath: /var/log
      terminationGracePeriodSeconds: 30
      volumes:
      - name: varlog
        hostPath:
          path: /var/log
`;

const NS = '-n kube-system';
const DS = 'daemonset.apps/fluentd-elasticsearch';

/** The v2.5.2 DaemonSet, rolled out, then updated to v2.6.0 (revision 2) and rolled out again. */
function updatedFluentd() {
  const c = createCluster({ seed: 1, nodes: 3 });
  c.writeFile('fluentd-daemonset.yaml', FLUENTD);
  c.exec('kubectl apply -f fluentd-daemonset.yaml');
  c.advance(30_000);
  c.exec(`kubectl set image ds/fluentd-elasticsearch fluentd-elasticsearch=quay.io/fluentd_elasticsearch/fluentd:v2.6.0 ${NS}`);
  c.advance(60_000);
  return c;
}

const imageOf = (c: ReturnType<typeof createCluster>) => c.context.store.get<DaemonSet>('DaemonSet', 'kube-system', 'fluentd-elasticsearch')!.spec.template.spec.containers[0].image;
const podImages = (c: ReturnType<typeof createCluster>) => c.context.store.list<Pod>('Pod', 'kube-system')
  .filter((p) => p.metadata.labels?.name === 'fluentd-elasticsearch' && !p.metadata.deletionTimestamp)
  .map((p) => p.spec.containers[0].image);

const REVISION_1_TEMPLATE = 'Pod Template:\n'
  + '  Labels:\tname=fluentd-elasticsearch\n'
  + '  Containers:\n'
  + '   fluentd-elasticsearch:\n'
  + '    Image:\tquay.io/fluentd_elasticsearch/fluentd:v2.5.2\n'
  + '    Port:\t<none>\n'
  + '    Host Port:\t<none>\n'
  + '    Environment:\t<none>\n'
  + '    Mounts:\n'
  + '      /var/log from varlog (rw)\n'
  + '  Volumes:\n'
  + '   varlog:\n'
  + '    Type:\tHostPath (bare host directory volume)\n'
  + '    Path:\t/var/log\n'
  + '    HostPathType:\t<none>\n'
  + '  Node-Selectors:\t<none>\n'
  + '  Tolerations:\tnode-role.kubernetes.io/control-plane:NoSchedule op=Exists\n';

describe('kubectl rollout history daemonset (DaemonSetHistoryViewer)', () => {
  it('lists the ControllerRevisions with REVISION and CHANGE-CAUSE, and prints one revision\'s pod template', () => {
    const c = updatedFluentd();
    expect(c.exec(`kubectl rollout history daemonset fluentd-elasticsearch ${NS}`)).toEqual(ok(`${DS} \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n`));
    expect(c.exec(`kubectl rollout history daemonset fluentd-elasticsearch ${NS} --revision=1`)).toEqual(ok(`${DS} with revision #1\n${REVISION_1_TEMPLATE}\n`));
    expect(c.exec(`kubectl rollout history ds/fluentd-elasticsearch ${NS} --revision=2`).stdout).toContain('    Image:\tquay.io/fluentd_elasticsearch/fluentd:v2.6.0\n');
    expect(c.exec(`kubectl rollout history ds/fluentd-elasticsearch ${NS} --revision=5`)).toEqual(fail('error: unable to find the specified revision\n'));
  });

  it('the change-cause is the DaemonSet\'s annotation, copied onto the revision made with it', () => {
    const c = createCluster({ seed: 1, nodes: 2 });
    const annotated = FLUENTD.replace('  labels:\n    k8s-app', '  annotations:\n    kubernetes.io/change-cause: fluentd v2.5.2\n  labels:\n    k8s-app');
    c.exec('kubectl apply -f -', annotated);
    c.advance(30_000);
    c.exec('kubectl apply -f -', annotated.replace(/v2\.5\.2/g, 'v2.6.0'));
    c.advance(60_000);
    expect(c.exec(`kubectl rollout history ds fluentd-elasticsearch ${NS}`).stdout).toBe(`${DS} \nREVISION  CHANGE-CAUSE\n1         fluentd v2.5.2\n2         fluentd v2.6.0\n\n`);
    // Unlike a Deployment's, the revision's template carries no change-cause annotation.
    expect(c.exec(`kubectl rollout history ds fluentd-elasticsearch ${NS} --revision=1`).stdout).not.toContain('change-cause');
  });

  it('kinds without history are refused with the kind quoted', () => {
    const c = createCluster();
    expect(c.exec('kubectl rollout history svc/kubernetes')).toEqual(fail('error: no history viewer has been implemented for "Service"\n'));
    expect(c.exec('kubectl rollout undo svc/kubernetes')).toEqual(fail('error: no rollbacker has been implemented for "Service"\n'));
  });
});

describe('kubectl rollout undo daemonset (DaemonSetRollbacker)', () => {
  it('rolls back to a revision; the controller rolls the pods and re-numbers that revision as the newest', () => {
    const c = updatedFluentd();
    expect(podImages(c)).toEqual(Array(3).fill('quay.io/fluentd_elasticsearch/fluentd:v2.6.0'));
    expect(c.exec(`kubectl rollout undo daemonset fluentd-elasticsearch ${NS} --to-revision=1`)).toEqual(ok(`${DS} rolled back\n`));
    expect(imageOf(c)).toBe('quay.io/fluentd_elasticsearch/fluentd:v2.5.2');
    const status = c.exec(`kubectl rollout status ds/fluentd-elasticsearch ${NS}`);
    expect(status.stdout.trimEnd().split('\n').at(-1)).toBe('daemon set "fluentd-elasticsearch" successfully rolled out');
    expect(podImages(c)).toEqual(Array(3).fill('quay.io/fluentd_elasticsearch/fluentd:v2.5.2'));
    expect(c.exec(`kubectl rollout history daemonset fluentd-elasticsearch ${NS}`).stdout).toBe(`${DS} \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n`);
    const revisions = c.exec(`kubectl get controllerrevision ${NS} -l name=fluentd-elasticsearch -o custom-columns=REVISION:.revision,IMAGE:.data.spec.template.spec.containers[0].image --sort-by=.revision`);
    expect(revisions.stdout).toBe('REVISION   IMAGE\n2          quay.io/fluentd_elasticsearch/fluentd:v2.6.0\n3          quay.io/fluentd_elasticsearch/fluentd:v2.5.2\n');
    // Revision 1 is now 3: asking for it again finds nothing; 3 is the current template.
    expect(c.exec(`kubectl rollout undo ds/fluentd-elasticsearch ${NS} --to-revision=1`)).toEqual(fail('error: unable to find specified revision 1 in history\n'));
    expect(c.exec(`kubectl rollout undo ds/fluentd-elasticsearch ${NS} --to-revision=3`)).toEqual(ok(`${DS} skipped rollback (current template already matches revision 3)\n`));
    // Without --to-revision: the second highest revision.
    expect(c.exec(`kubectl rollout undo ds/fluentd-elasticsearch ${NS}`)).toEqual(ok(`${DS} rolled back\n`));
    expect(imageOf(c)).toBe('quay.io/fluentd_elasticsearch/fluentd:v2.6.0');
  });

  it('--dry-run=client prints the template it would roll back to; --dry-run=server changes nothing', () => {
    const c = updatedFluentd();
    expect(c.exec(`kubectl rollout undo ds/fluentd-elasticsearch ${NS} --dry-run=client`)).toEqual(ok(`${DS} will roll back to ${REVISION_1_TEMPLATE} (dry run)\n`));
    expect(c.exec(`kubectl rollout undo ds/fluentd-elasticsearch ${NS} --dry-run=server`)).toEqual(ok(`${DS} rolled back (server dry run)\n`));
    expect(imageOf(c)).toBe('quay.io/fluentd_elasticsearch/fluentd:v2.6.0');
    // -o prints the object as it was read, before the roll-back.
    const printed = JSON.parse(c.exec(`kubectl rollout undo ds/fluentd-elasticsearch ${NS} -o json`).stdout) as DaemonSet;
    expect(printed.spec.template.spec.containers[0].image).toBe('quay.io/fluentd_elasticsearch/fluentd:v2.6.0');
    expect(imageOf(c)).toBe('quay.io/fluentd_elasticsearch/fluentd:v2.5.2');
  });

  it('with one revision there is no last revision; negative and missing revisions are not found', () => {
    const c = createCluster({ seed: 1, nodes: 2 });
    c.exec('kubectl apply -f -', FLUENTD);
    c.advance(30_000);
    expect(c.exec(`kubectl rollout undo ds/fluentd-elasticsearch ${NS}`)).toEqual(fail('error: no last revision to roll back to\n'));
    expect(c.exec(`kubectl rollout undo ds/fluentd-elasticsearch ${NS} --to-revision=-1`)).toEqual(fail('error: unable to find specified revision -1 in history\n'));
    expect(c.exec(`kubectl rollout undo ds/fluentd-elasticsearch ${NS} --to-revision=2`)).toEqual(fail('error: unable to find specified revision 2 in history\n'));
    expect(c.exec(`kubectl rollout undo ds/fluentd-elasticsearch ${NS} --to-revision=1`)).toEqual(ok(`${DS} skipped rollback (current template already matches revision 1)\n`));
  });
});

describe('kubectl rollout restart|pause|resume daemonset', () => {
  it('restart stamps restartedAt on the template and the controller replaces every pod', () => {
    const c = createCluster({ seed: 1, nodes: 3 });
    c.exec('kubectl apply -f -', FLUENTD);
    c.advance(30_000);
    const before = c.context.store.list<Pod>('Pod', 'kube-system').filter((p) => p.metadata.labels?.name === 'fluentd-elasticsearch').map((p) => p.metadata.name);
    expect(c.exec(`kubectl rollout restart ds/fluentd-elasticsearch ${NS}`)).toEqual(ok(`${DS} restarted\n`));
    const ds = c.context.store.get<DaemonSet>('DaemonSet', 'kube-system', 'fluentd-elasticsearch')!;
    expect(ds.spec.template.metadata?.annotations).toEqual({ 'kubectl.kubernetes.io/restartedAt': c.snapshot().time });
    c.exec(`kubectl rollout status ds/fluentd-elasticsearch ${NS}`);
    const after = c.context.store.list<Pod>('Pod', 'kube-system').filter((p) => p.metadata.labels?.name === 'fluentd-elasticsearch' && !p.metadata.deletionTimestamp).map((p) => p.metadata.name);
    expect(after).toHaveLength(3);
    for (const n of after) expect(before).not.toContain(n);
    expect(c.exec(`kubectl rollout history ds/fluentd-elasticsearch ${NS}`).stdout).toBe(`${DS} \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n`);
  });

  it('only Deployments pause and resume (objectpauser.go, objectresumer.go)', () => {
    const c = createCluster({ seed: 1, nodes: 2 });
    c.exec('kubectl apply -f -', FLUENTD);
    expect(c.exec(`kubectl rollout pause ds/fluentd-elasticsearch ${NS}`)).toEqual(fail('error: daemonsets.apps "fluentd-elasticsearch" pausing is not supported\n'));
    expect(c.exec(`kubectl rollout resume daemonset fluentd-elasticsearch ${NS}`)).toEqual(fail('error: daemonsets.apps "fluentd-elasticsearch" resuming is not supported\n'));
  });
});
