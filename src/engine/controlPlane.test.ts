// A kubeadm v1.32 cluster's kube-system as a student sees it: the control plane's mirror pods
// (cmd/kubeadm/app/phases/controlplane/manifests.go, etcd/local.go; kubelet
// pkg/kubelet/pod/mirror_client.go and SyncPod), kubeadm's ConfigMaps (uploadconfig,
// bootstraptoken/clusterinfo), the CoreDNS Deployment (addons/dns/manifests.go), drain's
// mirrorPodFilter (kubectl pkg/drain/filters.go) and describe node's resource table
// (kubectl pkg/describe/describe.go describeNodeResource).
import { describe, expect, it } from 'vitest';
import { createCluster } from './index';
import type { Pod } from './core/types';

const CONTROL_PLANE = ['etcd-node-1', 'kube-apiserver-node-1', 'kube-controller-manager-node-1', 'kube-scheduler-node-1'];

function fresh() {
  return createCluster({ seed: 1 });
}

const podJSON = (c: ReturnType<typeof fresh>, name: string): Pod => JSON.parse(c.exec(`kubectl get pod -n kube-system ${name} -o json`).stdout);

describe("kubeadm's control plane: static pods mirrored on node-1", () => {
  it('lists the four mirror pods Running on node-1 with the node IP (hostNetwork)', () => {
    const c = fresh();
    c.advance(60_000);
    const out = c.exec('kubectl get pods -n kube-system -l tier=control-plane -o custom-columns=NAME:.metadata.name,READY:.status.containerStatuses[0].ready,IP:.status.podIP,NODE:.spec.nodeName --no-headers').stdout;
    expect(out).toBe(CONTROL_PLANE.map((n) => `${n.padEnd(30)}   true   192.168.49.2   node-1\n`).join(''));
  });

  it('has kubeadm v1.32 manifests as the kubelet posts them: owner Node, mirror annotations, priority, probes', () => {
    const c = fresh();
    const etcd = podJSON(c, 'etcd-node-1');
    const node = JSON.parse(c.exec('kubectl get node node-1 -o json').stdout);
    expect(etcd.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', controller: true, kind: 'Node', name: 'node-1', uid: node.metadata.uid }]);
    const a = etcd.metadata.annotations!;
    expect(a['kubernetes.io/config.mirror']).toMatch(/^[0-9a-f]{32}$/);
    expect(a['kubernetes.io/config.hash']).toBe(a['kubernetes.io/config.mirror']);
    expect(a['kubernetes.io/config.source']).toBe('file');
    expect(a['kubernetes.io/config.seen']).toMatch(/^2026-01-01T00:00:00\.\d+Z$/);
    expect(a['kubeadm.kubernetes.io/etcd.advertise-client-urls']).toBe('https://192.168.49.2:2379');
    expect(etcd.metadata.labels).toEqual({ component: 'etcd', tier: 'control-plane' });
    const spec = etcd.spec as Pod['spec'] & Record<string, unknown>;
    expect([spec.hostNetwork, spec.priority, spec.priorityClassName, spec.securityContext]).toEqual([true, 2000001000, 'system-node-critical', { seccompProfile: { type: 'RuntimeDefault' } }]);
    // Static pods tolerate every NoExecute taint (kubelet config/common.go applyDefaults), and a
    // mirror pod gets no ServiceAccount or token volume (ServiceAccount admission skips it).
    expect(spec.tolerations).toEqual([{ effect: 'NoExecute', operator: 'Exists' }]);
    expect(spec.serviceAccountName).toBeUndefined();
    expect((spec.volumes as { name: string }[]).map((v) => v.name)).toEqual(['etcd-certs', 'etcd-data']);
    expect(spec.containers[0].resources).toEqual({ requests: { cpu: '100m', memory: '100Mi' } });
    expect(spec.containers[0].livenessProbe).toEqual({ failureThreshold: 8, httpGet: { host: '127.0.0.1', path: '/livez', port: 2381, scheme: 'HTTP' }, initialDelaySeconds: 10, periodSeconds: 10, successThreshold: 1, timeoutSeconds: 15 });
    const apiserver = podJSON(c, 'kube-apiserver-node-1');
    expect(apiserver.metadata.annotations!['kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint']).toBe('192.168.49.2:6443');
    expect(apiserver.spec.containers[0].command).toContain('--service-cluster-ip-range=10.96.0.0/12');
    expect(apiserver.spec.containers[0].readinessProbe).toEqual({ failureThreshold: 3, httpGet: { host: '192.168.49.2', path: '/readyz', port: 6443, scheme: 'HTTPS' }, periodSeconds: 1, successThreshold: 1, timeoutSeconds: 15 });
    const cm = podJSON(c, 'kube-controller-manager-node-1').spec.containers[0];
    expect(cm.command).toContain('--cluster-cidr=10.244.0.0/16');
    expect(cm.resources).toEqual({ requests: { cpu: '200m' } });
    expect(podJSON(c, 'kube-scheduler-node-1').spec.containers[0].command).toEqual([
      'kube-scheduler', '--authentication-kubeconfig=/etc/kubernetes/scheduler.conf', '--authorization-kubeconfig=/etc/kubernetes/scheduler.conf',
      '--bind-address=127.0.0.1', '--kubeconfig=/etc/kubernetes/scheduler.conf', '--leader-elect=true',
    ]);
  });

  it('a mirror pod deleted through the API comes back: new uid, same running static pod', () => {
    const c = fresh();
    c.advance(60_000);
    const before = podJSON(c, 'kube-scheduler-node-1');
    expect(c.exec('kubectl delete pod -n kube-system kube-scheduler-node-1').stdout).toBe('pod "kube-scheduler-node-1" deleted\n');
    c.advance(1_000);
    const after = podJSON(c, 'kube-scheduler-node-1');
    expect(after.metadata.uid).not.toBe(before.metadata.uid);
    expect(after.metadata.deletionTimestamp).toBeUndefined();
    // The containers were never stopped: same container, start time and restart count.
    expect(after.status?.containerStatuses).toEqual(before.status?.containerStatuses);
    expect(after.status?.startTime).toBe(before.status?.startTime);
    // So it is back after a force delete too.
    c.exec('kubectl delete pod -n kube-system etcd-node-1 --force --grace-period=0');
    c.advance(1_000);
    expect(c.exec('kubectl get pod -n kube-system etcd-node-1 -o jsonpath={.status.phase}').stdout).toBe('Running');
  });

  it('drain skips mirror pods without a word and evicts the rest', () => {
    const c = fresh();
    c.advance(60_000);
    const r = c.exec('kubectl drain node-1 --ignore-daemonsets');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('node/node-1 cordoned\nevicting pod kube-system/coredns-7f998fb4d7-fnvsn\npod/coredns-7f998fb4d7-fnvsn evicted\nnode/node-1 drained\n');
    expect(r.stderr).toBe('Warning: ignoring DaemonSet-managed Pods: kube-system/kube-proxy-6qn2x\n');
    expect(c.exec('kubectl get pods -n kube-system -l tier=control-plane -o name').stdout.split('\n').filter(Boolean)).toHaveLength(4);
  });

  it('are not evicted from a stopped node (they tolerate the unreachable taint forever)', () => {
    const c = fresh();
    c.advance(60_000);
    c.exec('sim node stop node-1');
    c.advance(400_000);
    const pods = JSON.parse(c.exec('kubectl get pods -n kube-system -o json').stdout).items as Pod[];
    const terminating = pods.filter((p) => p.metadata.deletionTimestamp).map((p) => p.metadata.name);
    expect(terminating).toEqual(['coredns-7f998fb4d7-fnvsn']);
    expect(pods.filter((p) => CONTROL_PLANE.includes(p.metadata.name!)).map((p) => p.status?.conditions?.find((x) => x.type === 'Ready')?.status)).toEqual(['False', 'False', 'False', 'False']);
  });

  it('describe node lists their requests and totals as kubectl does (sorted, percentages truncated)', () => {
    const c = fresh();
    c.advance(60_000);
    const table = c.exec('kubectl describe node node-1').stdout.split('Non-terminated Pods:')[1].split('Events:')[0];
    expect(table).toBe(
      '          (6 in total)\n' +
      '  Namespace                   Name                              CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age\n' +
      '  ---------                   ----                              ------------  ----------  ---------------  -------------  ---\n' +
      '  kube-system                 coredns-7f998fb4d7-fnvsn          100m (5%)     0 (0%)      70Mi (0%)        170Mi (2%)     2m\n' +
      '  kube-system                 etcd-node-1                       100m (5%)     0 (0%)      100Mi (1%)       0 (0%)         2m\n' +
      '  kube-system                 kube-apiserver-node-1             250m (12%)    0 (0%)      0 (0%)           0 (0%)         2m\n' +
      '  kube-system                 kube-controller-manager-node-1    200m (10%)    0 (0%)      0 (0%)           0 (0%)         2m\n' +
      '  kube-system                 kube-proxy-6qn2x                  0 (0%)        0 (0%)      0 (0%)           0 (0%)         2m\n' +
      '  kube-system                 kube-scheduler-node-1             100m (5%)     0 (0%)      0 (0%)           0 (0%)         2m\n' +
      'Allocated resources:\n' +
      '  (Total limits may be over 100 percent, i.e., overcommitted.)\n' +
      '  Resource           Requests    Limits\n' +
      '  --------           --------    ------\n' +
      '  cpu                750m (37%)  0 (0%)\n' +
      '  memory             170Mi (2%)  170Mi (2%)\n' +
      '  ephemeral-storage  0 (0%)      0 (0%)\n',
    );
  });
});

describe("kubeadm's ConfigMaps and CoreDNS Deployment", () => {
  it('uploads kubeadm-config, kubelet-config and cluster-info with the cluster addresses', () => {
    const c = fresh();
    const data = (ns: string, name: string) => JSON.parse(c.exec(`kubectl get cm -n ${ns} ${name} -o json`).stdout).data;
    const cluster = data('kube-system', 'kubeadm-config').ClusterConfiguration;
    expect(cluster).toContain('\nkubernetesVersion: v1.32.4\nnetworking:\n  dnsDomain: cluster.local\n  podSubnet: 10.244.0.0/16\n  serviceSubnet: 10.96.0.0/12\n');
    expect(cluster).toMatch(/^apiServer: \{\}\napiVersion: kubeadm\.k8s\.io\/v1beta4\n/);
    const kubelet = data('kube-system', 'kubelet-config').kubelet;
    expect(kubelet).toContain('\nclusterDNS:\n- 10.96.0.10\nclusterDomain: cluster.local\n');
    expect(kubelet).toContain('\nstaticPodPath: /etc/kubernetes/manifests\n');
    const info = data('kube-public', 'cluster-info');
    expect(info.kubeconfig).toContain('\n    server: https://192.168.49.2:6443\n  name: ""\ncontexts: null\n');
    expect(Object.keys(info)).toEqual([expect.stringMatching(/^jws-kubeconfig-[0-9a-f]{6}$/), 'kubeconfig']);
  });

  it('runs CoreDNS as kubeadm writes it: requests, limits, config volume, critical priority', () => {
    const c = fresh();
    const spec = JSON.parse(c.exec('kubectl get deploy -n kube-system coredns -o json').stdout).spec.template.spec;
    expect(spec.priorityClassName).toBe('system-cluster-critical');
    expect(spec.containers[0].resources).toEqual({ limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } });
    expect(spec.volumes).toEqual([{ configMap: expect.objectContaining({ items: [{ key: 'Corefile', path: 'Corefile' }], name: 'coredns' }), name: 'config-volume' }]);
    expect(spec.tolerations).toEqual([{ key: 'CriticalAddonsOnly', operator: 'Exists' }, { effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' }]);
    const pod = JSON.parse(c.exec('kubectl get pods -n kube-system -l k8s-app=kube-dns -o json').stdout).items[0];
    expect(pod.spec.priority).toBe(2000000000);
  });
});
