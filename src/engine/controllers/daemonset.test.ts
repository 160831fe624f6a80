// DaemonSets through the engine's contract (exec): the API server's validation texts
// (pkg/apis/apps/validation ValidateDaemonSetSpec, registry/apps/daemonset strategy.go),
// defaulting (pkg/apis/apps/v1/defaults.go), kubectl's printers and describer, the
// controller's pods, rolling update and garbage collection, and kubeadm's kube-proxy addon
// (cmd/kubeadm/app/phases/addons/proxy/manifests.go) with drain (kubectl pkg/drain/filters.go).
import { describe, expect, it } from 'vitest';
import type { Pod } from '../core/types';
import { createCluster } from '../index';

const agent = (extra = '', podExtra = '') => `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector:
    matchLabels: {app: agent}
${extra}  template:
    metadata:
      labels: {app: agent}
    spec:
${podExtra}      containers:
      - name: a
        image: nginx:1.27
`;

function fresh(nodes = 3) {
  return createCluster({ seed: 1, nodes });
}

describe('DaemonSet validation (ValidateDaemonSetSpec)', () => {
  const cases: [string, string, string][] = [
    [
      'a selector that does not match the template labels',
      agent().replace('matchLabels: {app: agent}', 'matchLabels: {app: other}'),
      'The DaemonSet "agent" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"agent"}: `selector` does not match template `labels`\n',
    ],
    [
      'no selector: a nil selector selects nothing (no Required error, unlike Deployments)',
      agent().replace('  selector:\n    matchLabels: {app: agent}\n', ''),
      'The DaemonSet "agent" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"agent"}: `selector` does not match template `labels`\n',
    ],
    [
      'an empty selector',
      agent().replace('  selector:\n    matchLabels: {app: agent}\n', '  selector: {}\n'),
      'The DaemonSet "agent" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for daemonset\n',
    ],
    [
      'restartPolicy other than Always',
      agent('', '      restartPolicy: OnFailure\n'),
      'The DaemonSet "agent" is invalid: spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"\n',
    ],
    [
      'both maxSurge and maxUnavailable',
      agent('  updateStrategy:\n    rollingUpdate: {maxSurge: 1, maxUnavailable: 1}\n'),
      'The DaemonSet "agent" is invalid: spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:0, IntVal:1, StrVal:""}: may not be set when maxUnavailable is non-zero\n',
    ],
    [
      'maxUnavailable 0 with maxSurge 0',
      agent('  updateStrategy:\n    rollingUpdate: {maxUnavailable: 0}\n'),
      'The DaemonSet "agent" is invalid: spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0\n',
    ],
    [
      'an unknown update strategy',
      agent('  updateStrategy:\n    type: Recreate\n'),
      'The DaemonSet "agent" is invalid: spec.updateStrategy: Unsupported value: apps.DaemonSetUpdateStrategy{Type:"Recreate", RollingUpdate:(*apps.RollingUpdateDaemonSet)(nil)}: supported values: "RollingUpdate", "OnDelete"\n',
    ],
  ];
  for (const [name, manifest, stderr] of cases) {
    it(name, () => {
      const c = fresh();
      expect(c.exec('kubectl apply -f -', manifest)).toEqual({ stdout: '', stderr, exitCode: 1 });
    });
  }

  it('the selector is immutable', () => {
    const c = fresh();
    c.exec('kubectl apply -f -', agent());
    const r = c.exec('kubectl apply -f -', agent().replace(/app: agent/g, 'app: agent2'));
    expect(r.stderr).toBe(
      'The DaemonSet "agent" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"agent2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable\n',
    );
  });
});

describe('DaemonSet controller through kubectl', () => {
  it('defaults the spec, runs one pod per node and prints like kubectl (get -o wide, describe)', () => {
    const c = fresh();
    expect(c.exec('kubectl apply -f -', agent()).stdout).toBe('daemonset.apps/agent created\n');
    c.advance(20000);
    const ds = JSON.parse(c.exec('kubectl get ds agent -o json').stdout);
    expect(ds.metadata.annotations).toEqual({ 'deprecated.daemonset.template.generation': '1', 'kubectl.kubernetes.io/last-applied-configuration': expect.any(String) });
    expect(ds.spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } });
    expect(ds.spec.revisionHistoryLimit).toBe(10);
    expect(ds.status).toEqual({ currentNumberScheduled: 3, numberMisscheduled: 0, desiredNumberScheduled: 3, numberReady: 3, observedGeneration: 1, updatedNumberScheduled: 3, numberAvailable: 3 });
    expect(c.exec('kubectl get ds agent -o wide').stdout).toBe(
      'NAME    DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE   CONTAINERS   IMAGES       SELECTOR\n' +
      'agent   3         3         3       3            3           <none>          20s   a            nginx:1.27   app=agent\n',
    );
    const pods = c.exec('kubectl get pods -l app=agent -o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName,HASH:.metadata.labels.controller-revision-hash,GEN:.metadata.labels.pod-template-generation --no-headers').stdout.trim().split('\n');
    expect(pods.map((l) => l.split(/\s+/)[1]).sort()).toEqual(['node-1', 'node-2', 'node-3']);
    for (const l of pods) expect(l).toMatch(/^agent-[a-z0-9]{5}\s+node-\d\s+[4-9bcdf]{9,10}\s+1$/);
    const describe = c.exec('kubectl describe ds agent').stdout;
    expect(describe).toContain(
      'Name:           agent\nNamespace:      default\nSelector:       app=agent\nNode-Selector:  <none>\nLabels:         <none>\n',
    );
    expect(describe).toContain(
      'Desired Number of Nodes Scheduled: 3\nCurrent Number of Nodes Scheduled: 3\nNumber of Nodes Scheduled with Up-to-date Pods: 3\nNumber of Nodes Scheduled with Available Pods: 3\nNumber of Nodes Misscheduled: 0\nPods Status:  3 Running / 0 Waiting / 0 Succeeded / 0 Failed\n',
    );
    expect(describe).toMatch(/Normal {2}SuccessfulCreate {2}20s {3}daemonset-controller {2}Created pod: agent-[a-z0-9]{5}\n/);
  });

  it('rolls out a new template one node at a time and reports it with rollout status', () => {
    const c = fresh();
    c.exec('kubectl apply -f -', agent());
    c.advance(20000);
    const before = c.exec('kubectl get pods -l app=agent -o name').stdout;
    expect(c.exec('kubectl set image ds/agent a=nginx:1.28').stdout).toBe('daemonset.apps/agent image updated\n');
    const status = c.exec('kubectl rollout status ds/agent');
    expect(status.stdout.split('\n')[0]).toMatch(/^Waiting for daemon set "agent" rollout to finish: 0 out of 3 new pods have been updated\.\.\.$/);
    expect(status.stdout.endsWith('daemon set "agent" successfully rolled out\n')).toBe(true);
    const after = c.exec('kubectl get pods -l app=agent -o jsonpath={.items[*].spec.containers[0].image}').stdout;
    expect(after).toBe('nginx:1.28 nginx:1.28 nginx:1.28');
    expect(c.exec('kubectl get pods -l app=agent -o name').stdout).not.toBe(before);
    expect(JSON.parse(c.exec('kubectl get ds agent -o json').stdout).metadata.annotations['deprecated.daemonset.template.generation']).toBe('2');
    expect(c.exec('kubectl get controllerrevisions -o custom-columns=CONTROLLER:.metadata.ownerReferences[0].name,REVISION:.revision --no-headers').stdout).toBe('agent   1\nagent   2\n');
    const deletes = c.exec('kubectl get events --field-selector reason=SuccessfulDelete -o custom-columns=MSG:.message --no-headers').stdout.trim().split('\n');
    expect(deletes).toHaveLength(3);
    for (const m of deletes) expect(m).toMatch(/^Deleted pod: agent-[a-z0-9]{5}$/);
  });

  it('leaves a node whose labels no longer match and garbage-collects its pods when deleted', () => {
    const c = fresh();
    c.exec('kubectl apply -f -', agent('', '      nodeSelector: {role: edge}\n'));
    c.exec('kubectl label node node-1 node-2 role=edge');
    c.advance(20000);
    expect(c.exec('kubectl get pods -l app=agent -o jsonpath={.items[*].spec.nodeName}').stdout.split(' ').sort()).toEqual(['node-1', 'node-2']);
    c.exec('kubectl label node node-2 role-');
    c.advance(40000);
    expect(c.exec('kubectl get pods -l app=agent -o jsonpath={.items[*].spec.nodeName}').stdout).toBe('node-1');
    expect(c.exec('kubectl delete ds agent').stdout).toBe('daemonset.apps "agent" deleted\n');
    c.advance(40000);
    expect(c.exec('kubectl get pods -l app=agent').stderr).toBe('No resources found in default namespace.\n');
  });
});

describe('failed daemon pods (daemon_controller.go podsShouldBeOnNode, failedPodsBackoff 1s..15min)', () => {
  it('deletes each failed pod with a FailedDaemonPod event, one per backoff window that doubles', () => {
    const c = fresh(2);
    c.exec('kubectl apply -f -', agent());
    c.advance(20_000);
    // A powered-off node's kubelet writes no status, so the Failed phase set here stays.
    c.exec('sim node stop node-1');
    const onNode1 = () => c.context.store.list<Pod>('Pod', 'default').find((p) => p.spec.nodeName === 'node-1' && !p.metadata.deletionTimestamp);
    const failPod = () => {
      const name = onNode1()!.metadata.name!;
      c.context.api.updateStatus<Pod>('Pod', 'default', name, (p) => {
        p.status = { ...p.status, phase: 'Failed' };
      });
      return name;
    };
    const deletedAt = new Map<string, number>();
    c.context.store.subscribe((e) => {
      if (e.kind === 'Pod' && e.type === 'DELETED') deletedAt.set(e.object.metadata.name!, c.now());
    });
    /** How long the controller took to delete the pod after it failed. */
    const failAndWait = (): [string, number] => {
      const name = failPod();
      const failedAt = c.now();
      for (let waited = 0; !deletedAt.has(name) && waited < 60_000; waited += 100) c.advance(100);
      c.advance(100); // the replacement is made
      return [name, deletedAt.get(name)! - failedAt];
    };
    const [first, firstDelay] = failAndWait();
    // The replacements fail at once, within the backoff since the last deletion: the controller
    // re-queues the set after the whole current backoff (Get), 1 s, then 2 s.
    const [second, secondDelay] = failAndWait();
    const [third, thirdDelay] = failAndWait();
    expect([firstDelay, secondDelay, thirdDelay]).toEqual([0, 1000, 2000]);
    const events = c.exec('kubectl get events --field-selector reason=FailedDaemonPod -o custom-columns=MESSAGE:.message --no-headers').stdout;
    expect(events).toBe([first, second, third].map((n) => `Found failed daemon pod default/${n} on node node-1, will try to kill it\n`).join(''));
    expect(onNode1()?.status?.phase).not.toBe('Failed');
  });
});

describe("kubeadm's kube-proxy DaemonSet", () => {
  it('runs one kube-proxy pod per node with the node\'s InternalIP (hostNetwork)', () => {
    const c = fresh();
    const out = c.exec('kubectl get pods -n kube-system -l k8s-app=kube-proxy -o custom-columns=IP:.status.podIP,NODE:.spec.nodeName,READY:.status.containerStatuses[0].ready --sort-by=.spec.nodeName --no-headers').stdout;
    expect(out).toBe('192.168.49.2   node-1   true\n192.168.49.3   node-2   true\n192.168.49.4   node-3   true\n');
    expect(c.exec('kubectl get ds -A').stdout).toBe(
      'NAMESPACE     NAME         DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR            AGE\n' +
      'kube-system   kube-proxy   3         3         3       3            3           kubernetes.io/os=linux   60s\n',
    );
    const pod = JSON.parse(c.exec('kubectl get pods -n kube-system -l k8s-app=kube-proxy -o json').stdout).items[0];
    expect(pod.spec.hostNetwork).toBe(true);
    expect(pod.spec.priorityClassName).toBe('system-node-critical');
    expect(pod.spec.serviceAccountName).toBe('kube-proxy');
    expect(pod.spec.containers[0].command).toEqual(['/usr/local/bin/kube-proxy', '--config=/var/lib/kube-proxy/config.conf', '--hostname-override=$(NODE_NAME)']);
    expect(pod.spec.containers[0].image).toBe('registry.k8s.io/kube-proxy:v1.32.4');
  });

  it('has the ConfigMaps kubeadm writes: kube-proxy (mode "" until sim proxy-mode sets it) and coredns', () => {
    const c = fresh();
    const cm = JSON.parse(c.exec('kubectl -n kube-system get cm kube-proxy -o json').stdout);
    expect(Object.keys(cm.data)).toEqual(['config.conf', 'kubeconfig.conf']);
    expect(cm.metadata.labels).toEqual({ app: 'kube-proxy' });
    expect(cm.data['config.conf']).toMatch(/^apiVersion: kubeproxy\.config\.k8s\.io\/v1alpha1\n/);
    expect(cm.data['config.conf']).toContain('\nclusterCIDR: 10.244.0.0/16\n');
    expect(cm.data['config.conf']).toContain('\nmode: ""\n');
    expect(cm.data['kubeconfig.conf']).toContain('    server: https://192.168.49.2:6443\n');
    c.exec('sim proxy-mode ipvs');
    expect(JSON.parse(c.exec('kubectl -n kube-system get cm kube-proxy -o json').stdout).data['config.conf']).toContain('\nmode: ipvs\n');
    const corefile = JSON.parse(c.exec('kubectl -n kube-system get cm coredns -o json').stdout).data.Corefile;
    expect(corefile).toContain('    kubernetes cluster.local in-addr.arpa ip6.arpa {\n       pods insecure\n');
    expect(c.exec('kubectl -n kube-system get sa kube-proxy').exitCode).toBe(0);
  });

  it('drain goes on to the next node when one cannot be drained, and lists the ones left', () => {
    const c = fresh();
    c.writeFile('lone.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: lone\nspec:\n  nodeName: node-3\n  containers:\n  - name: c\n    image: nginx\n');
    expect(c.exec('kubectl apply -f lone.yaml').exitCode).toBe(0);
    const r = c.exec('kubectl drain node-2 node-3 --ignore-daemonsets');
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('node/node-2 drained\n');
    expect(r.stderr).toContain('error: unable to drain node "node-3" due to error: cannot delete Pods that declare no controller (use --force to override): default/lone, continuing command...\n');
    expect(r.stderr.endsWith('There are pending nodes to be drained:\n node-3\ncannot delete Pods that declare no controller (use --force to override): default/lone\n')).toBe(true);
  });

  it('drain refuses DaemonSet-managed pods without --ignore-daemonsets and skips them with it', () => {
    const c = fresh();
    const proxyOnNode2 = c.exec('kubectl get pods -n kube-system -l k8s-app=kube-proxy --field-selector spec.nodeName=node-2 -o name').stdout.trim().replace('pod/', '');
    const refused = c.exec('kubectl drain node-2');
    expect(refused.exitCode).toBe(1);
    // kubectl v1.32 RunDrain (pkg/cmd/drain/drain.go), as a kubeadm cluster prints it.
    const why = `cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/${proxyOnNode2}`;
    expect(refused.stderr).toBe(`error: unable to drain node "node-2" due to error: ${why}, continuing command...\nThere are pending nodes to be drained:\n node-2\n${why}\n`);
    const drained = c.exec('kubectl drain node-2 --ignore-daemonsets');
    expect(drained.exitCode).toBe(0);
    expect(drained.stderr).toBe(`Warning: ignoring DaemonSet-managed Pods: kube-system/${proxyOnNode2}\n`);
    expect(drained.stdout).toContain('node/node-2 drained\n');
    // The kube-proxy pod stays on the cordoned node (it tolerates node.kubernetes.io/unschedulable).
    c.advance(30000);
    expect(c.exec(`kubectl get pod -n kube-system ${proxyOnNode2} -o jsonpath={.spec.nodeName}`).stdout).toBe('node-2');
  });

  it('moves no name, IP, uid or token volume of what a user creates (the daemon random stream)', () => {
    const c = createCluster({ seed: 1 });
    for (const cmd of ['kubectl create deployment web --image=nginx --replicas=3', 'kubectl create namespace team', 'kubectl run lone --image=nginx -n team']) c.exec(cmd);
    c.advance(20000);
    const cols = 'kubectl get pods -o custom-columns=NAME:.metadata.name,IP:.status.podIP,UID:.metadata.uid,VOL:.spec.volumes[0].name --no-headers';
    // The values the cluster gave before kube-proxy ran as a DaemonSet.
    expect(c.exec(cols).stdout).toBe(
      'web-6dc5cd68db-bwb49   10.244.1.3   2de0802a-a5c5-456d-a2c3-28f096c45480   kube-api-access-cfpw2\n' +
      'web-6dc5cd68db-g8kbr   10.244.0.3   53f27cf1-f9f8-4808-a165-211c7ad11597   kube-api-access-w585d\n' +
      'web-6dc5cd68db-tnvt4   10.244.2.3   df38d37b-6463-4a14-8260-fbc5b72795a7   kube-api-access-9bv9m\n',
    );
    expect(c.exec(`${cols} -n team`).stdout).toBe('lone   10.244.0.4   f40c02a9-81dc-455c-a47c-f1a86e096a6a   kube-api-access-jwrzg\n');
    expect(c.exec('kubectl get sa,cm -n team -o custom-columns=NAME:.metadata.name,UID:.metadata.uid --no-headers').stdout).toBe(
      'default            e7758331-b081-4945-804f-b7cdbc457443\nkube-root-ca.crt   31d3575f-6f13-4535-9d17-bbba5baac525\n',
    );
    expect(c.exec('kubectl get pods -n kube-system -o custom-columns=NAME:.metadata.name --no-headers').stdout).toBe(
      // CoreDNS's ReplicaSet hash follows kubeadm v1.32's full pod template (bootstrapKubeadm.ts);
      // the pods' suffixes are the ones they had before.
      'coredns-7f998fb4d7-fnvsn\ncoredns-7f998fb4d7-vscgv\netcd-node-1\nkube-apiserver-node-1\nkube-controller-manager-node-1\n' +
        'kube-proxy-6qn2x\nkube-proxy-b4qkw\nkube-proxy-m29zt\nkube-scheduler-node-1\n',
    );
  });

  it('kube-proxy pods are no Service endpoints and take no pod IP', () => {
    const c = fresh();
    c.exec('kubectl create deployment web --image=nginx --replicas=3');
    c.exec('kubectl expose deployment web --port=80');
    c.advance(20000);
    const ips = c.exec('kubectl get endpointslices -A -o jsonpath={.items[*].endpoints[*].addresses[0]}').stdout.split(' ');
    expect(ips.filter((ip) => ip.startsWith('192.168.49.') && ip !== '192.168.49.2')).toEqual([]);
    expect(c.exec('kubectl get pods -o jsonpath={.items[*].status.podIP}').stdout.split(' ').sort()).toEqual(['10.244.0.3', '10.244.1.3', '10.244.2.3']);
  });
});
