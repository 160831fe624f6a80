import { describe, expect, it } from 'vitest';
import { createCluster } from '../../engine';
import type { KubeObject, Pod, Service } from '../../engine/core/types';
import { humanDuration } from './age';
import { printTable, type TableOptions } from './table';
import { T0, testContext, ts } from './testctx';

const opts = (o: Partial<TableOptions> = {}): TableOptions => ({ wide: false, showLabels: false, labelColumns: [], withNamespace: false, showKind: false, noHeaders: false, ...o });

function newService(name: string, spec: Service['spec'], status?: Service['status'], ns = 'default'): Service {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns, creationTimestamp: ts(T0) }, spec: { type: 'ClusterIP', ...spec }, status };
}

function newPod(name: string, status: Pod['status'], extra: Partial<Pod['metadata']> = {}, spec: Partial<Pod['spec']> = {}): Pod {
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name, namespace: 'default', creationTimestamp: ts(T0), ...extra },
    spec: { containers: [{ name: 'web', image: 'nginx' }], nodeName: 'node-1', ...spec },
    status,
  };
}

const running = (restartCount = 0, lastFinished?: number) => ({
  name: 'web', image: 'nginx', imageID: '', ready: true, restartCount,
  state: { running: { startedAt: ts(T0) } },
  lastState: lastFinished !== undefined ? { terminated: { exitCode: 1, finishedAt: ts(lastFinished) } } : {},
});

const print = (kind: string, objs: KubeObject[], o: Partial<TableOptions> = {}, now = T0 + 65_000) => printTable(testContext(now), kind, objs, opts(o));

describe('kubectl get services (printers.go printService, KUBERNETES.md §13.2)', () => {
  it('a fresh cluster prints the kubernetes Service with kubectl padding', () => {
    const cluster = createCluster({ seed: 1, nodes: 1 });
    cluster.advance(5_000);
    const ctx = cluster.context;
    const svc = ctx.store.get<Service>('Service', 'default', 'kubernetes')!;
    const age = humanDuration(ctx.clock.now() - Date.parse(svc.metadata.creationTimestamp!));
    const out = printTable(ctx, 'Service', ctx.store.list('Service', 'default'), opts());
    expect(out).toBe(`NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\nkubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   ${age}\n`);
  });

  it('formats NodePort, headless, ExternalName, pending and clipped LoadBalancer rows', () => {
    const svcs = [
      newService('np', { type: 'NodePort', clusterIPs: ['10.96.5.5'], ports: [{ port: 80, nodePort: 30008, protocol: 'TCP' }, { port: 443, nodePort: 31390, protocol: 'TCP' }] }),
      newService('headless', { clusterIPs: ['None'], clusterIP: 'None' }),
      newService('ext', { type: 'ExternalName', externalName: 'example.com', ports: [] }),
      newService('lb-pending', { type: 'LoadBalancer', clusterIPs: ['10.96.7.7'], ports: [{ port: 80, nodePort: 31000, protocol: 'TCP' }] }),
      newService('lb', { type: 'LoadBalancer', clusterIPs: ['10.96.8.8'], ports: [{ port: 80, nodePort: 31001, protocol: 'TCP' }] }, { loadBalancer: { ingress: [{ ip: '203.0.113.11' }, { ip: '203.0.113.10' }] } }),
    ];
    expect(print('Service', svcs)).toBe(
      'NAME         TYPE           CLUSTER-IP   EXTERNAL-IP        PORT(S)                      AGE\n' +
      'ext          ExternalName   <none>       example.com        <none>                       65s\n' +
      'headless     ClusterIP      None         <none>             <none>                       65s\n' +
      'lb           LoadBalancer   10.96.8.8    203.0.113.10,...   80:31001/TCP                 65s\n' +
      'lb-pending   LoadBalancer   10.96.7.7    <pending>          80:31000/TCP                 65s\n' +
      'np           NodePort       10.96.5.5    <none>             80:30008/TCP,443:31390/TCP   65s\n',
    );
    // -o wide shows the full, sorted ingress list and the SELECTOR column.
    const wide = print('Service', [svcs[4]], { wide: true, noHeaders: true });
    expect(wide).toBe('lb    LoadBalancer   10.96.8.8   203.0.113.10,203.0.113.11   80:31001/TCP   65s   <none>\n');
  });

  it('with -A, several kinds, -L and --show-labels (cli-runtime tableprinter decorateTable)', () => {
    const svc = newService('web', { clusterIPs: ['10.96.0.20'], selector: { app: 'web', tier: 'fe' }, ports: [{ port: 80, protocol: 'TCP' }] }, undefined, 'shop');
    svc.metadata.labels = { 'app.kubernetes.io/name': 'web', team: 'a' };
    const out = print('Service', [svc], { withNamespace: true, showKind: true, labelColumns: ['app.kubernetes.io/name', 'missing'], showLabels: true });
    expect(out).toBe(
      'NAMESPACE   NAME          TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE   NAME   MISSING   LABELS\n' +
      'shop        service/web   ClusterIP   10.96.0.20   <none>        80/TCP    65s   web              app.kubernetes.io/name=web,team=a\n',
    );
    const deploy = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' }, spec: { replicas: 1, selector: {}, template: { spec: { containers: [] } } } };
    expect(print('Deployment', [deploy], { showKind: true, noHeaders: true })).toBe('deployment.apps/web   0/1   0     0     <unknown>\n');
  });
});

describe('kubectl get endpoints / endpointslices (printers_test.go TestPrintEndpoint, TestPrintEndpointSlice)', () => {
  const ep = (name: string, subsets: unknown) => ({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name, namespace: 'default', creationTimestamp: ts(T0) }, ...(subsets ? { subsets } : {}) });
  it('lists ready ip:port only, 3 then "+ N more...", <none> without subsets, empty when none is ready', () => {
    const addrs = ['10.244.1.2', '10.244.1.3', '10.244.2.4', '10.244.2.5'].map((ip) => ({ ip }));
    const out = print('Endpoints', [
      ep('a-many', [{ addresses: addrs, ports: [{ port: 8080, protocol: 'TCP' }] }]),
      ep('b-none', undefined),
      ep('c-notready', [{ notReadyAddresses: [{ ip: '10.244.1.9' }], ports: [{ port: 80 }] }]),
      ep('d-headless', [{ addresses: [{ ip: '10.244.1.7' }] }]),
    ]);
    expect(out).toBe(
      'NAME'.padEnd(13) + 'ENDPOINTS'.padEnd(62) + 'AGE\n' +
      'a-many'.padEnd(13) + '10.244.1.2:8080,10.244.1.3:8080,10.244.2.4:8080 + 1 more...   65s\n' +
      'b-none'.padEnd(13) + '<none>'.padEnd(62) + '65s\n' +
      'c-notready'.padEnd(13) + ''.padEnd(62) + '65s\n' +
      'd-headless'.padEnd(13) + '10.244.1.7'.padEnd(62) + '65s\n',
    );
  });

  it('EndpointSlices show all addresses and port numbers, <unset> when empty', () => {
    const slice = (name: string, endpoints: unknown, ports: unknown) => ({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name, namespace: 'default', creationTimestamp: ts(T0) }, addressType: 'IPv4', endpoints, ports });
    const out = print('EndpointSlice', [
      slice('web-abcde', [{ addresses: ['10.244.1.2'], conditions: { ready: true } }, { addresses: ['10.244.2.3'], conditions: { ready: false } }], [{ port: 8080, protocol: 'TCP', name: '' }]),
      slice('empty-xyz12', null, null),
    ], { showKind: true });
    expect(out).toBe(
      'NAME                                         ADDRESSTYPE   PORTS     ENDPOINTS               AGE\n' +
      'endpointslice.discovery.k8s.io/empty-xyz12   IPv4          <unset>   <unset>                 65s\n' +
      'endpointslice.discovery.k8s.io/web-abcde     IPv4          8080      10.244.1.2,10.244.2.3   65s\n',
    );
  });
});

describe('kubectl get pods (printers.go printPod, printers_test.go TestPrintPod)', () => {
  const now = T0 + 100_000;
  it('derives READY, STATUS and RESTARTS like printPod', () => {
    const pods = [
      newPod('a-running', { phase: 'Running', containerStatuses: [running(3, now - 10_000)], podIPs: [{ ip: '10.244.0.5' }] }),
      newPod('b-creating', { phase: 'Pending', containerStatuses: [{ ...running(), ready: false, state: { waiting: { reason: 'ContainerCreating' } } }] }),
      newPod('c-crash', { phase: 'Running', containerStatuses: [{ ...running(5, now - 130_000), ready: false, state: { waiting: { reason: 'CrashLoopBackOff' } } }] }),
      newPod('d-terminating', { phase: 'Running', containerStatuses: [running()] }, { deletionTimestamp: ts(now) }),
      newPod('e-completed', { phase: 'Succeeded', containerStatuses: [{ ...running(), ready: false, state: { terminated: { exitCode: 0, reason: 'Completed' } } }] }),
      newPod('f-pending', { phase: 'Pending' }, {}, { nodeName: undefined }),
      newPod('g-init', { phase: 'Pending', initContainerStatuses: [{ name: 'init', image: 'busybox', imageID: '', ready: false, restartCount: 0, state: { waiting: { reason: 'PodInitializing' } }, lastState: {} }] } as Pod['status'], {}, { initContainers: [{ name: 'init', image: 'busybox' }] }),
    ];
    expect(print('Pod', pods, {}, now)).toBe(
      'NAME            READY   STATUS              RESTARTS        AGE\n' +
      'a-running       1/1     Running             3 (10s ago)     100s\n' +
      'b-creating      0/1     ContainerCreating   0               100s\n' +
      'c-crash         0/1     CrashLoopBackOff    5 (2m10s ago)   100s\n' +
      'd-terminating   1/1     Terminating         0               100s\n' +
      'e-completed     0/1     Completed           0               100s\n' +
      'f-pending       0/1     Pending             0               100s\n' +
      'g-init          0/1     Init:0/1            0               100s\n',
    );
  });

  it('-o wide adds IP, NODE, NOMINATED NODE and READINESS GATES', () => {
    const pod = newPod('web', { phase: 'Running', containerStatuses: [running()], podIPs: [{ ip: '10.244.0.5' }], conditions: [{ type: 'www.example.com/feature-1', status: 'True' }] }, {}, { readinessGates: [{ conditionType: 'www.example.com/feature-1' }, { conditionType: 'www.example.com/feature-2' }] });
    expect(print('Pod', [pod], { wide: true }, now)).toBe(
      'NAME   READY   STATUS    RESTARTS   AGE    IP           NODE     NOMINATED NODE   READINESS GATES\n' +
      'web    1/1     Running   0          100s   10.244.0.5   node-1   <none>           1/2\n',
    );
  });
});

describe('workloads, nodes, namespaces (printers.go printDeployment, printReplicaSet, printStatefulSet, printNode)', () => {
  const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }, { name: 'side', image: 'busybox' }] } };
  it('deployments, replicasets and statefulsets with -o wide', () => {
    const meta = (name: string) => ({ name, namespace: 'default', creationTimestamp: ts(T0) });
    const d = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: meta('web'), spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template }, status: { readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2 } };
    const rs = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: meta('web-7d4b9c8f5'), spec: { replicas: 3, selector: { matchLabels: { app: 'web', 'pod-template-hash': '7d4b9c8f5' } }, template }, status: { replicas: 3, readyReplicas: 2 } };
    const sts = { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: meta('db'), spec: { replicas: 2, selector: { matchLabels: { app: 'db' } }, template }, status: { readyReplicas: 1 } };
    expect(print('Deployment', [d], { wide: true })).toBe(
      'NAME   READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES               SELECTOR\n' +
      'web    2/3     3            2           65s   nginx,side   nginx:1.27,busybox   app=web\n',
    );
    expect(print('ReplicaSet', [rs], { wide: true })).toBe(
      'NAME            DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES               SELECTOR\n' +
      'web-7d4b9c8f5   3         3         2       65s   nginx,side   nginx:1.27,busybox   app=web,pod-template-hash=7d4b9c8f5\n',
    );
    expect(print('StatefulSet', [sts])).toBe('NAME   READY   AGE\ndb     1/2     65s\n');
  });

  it('node STATUS and ROLES', () => {
    const node = (name: string, ready: 'True' | 'False' | 'Unknown' | null, unschedulable: boolean, labels: Record<string, string>) => ({
      apiVersion: 'v1', kind: 'Node', metadata: { name, labels, creationTimestamp: ts(T0) }, spec: { unschedulable },
      status: { addresses: [], conditions: ready ? [{ type: 'Ready', status: ready }] : [], nodeInfo: { kubeletVersion: 'v1.32.4' } },
    });
    expect(print('Node', [
      node('node-1', 'True', true, { 'node-role.kubernetes.io/control-plane': '', 'kubernetes.io/role': 'master' }),
      node('node-2', 'Unknown', false, {}),
      node('node-3', null, false, {}),
    ])).toBe(
      'NAME     STATUS                     ROLES                  AGE   VERSION\n' +
      'node-1   Ready,SchedulingDisabled   control-plane,master   65s   v1.32.4\n' +
      'node-2   NotReady                   <none>                 65s   v1.32.4\n' +
      'node-3   Unknown                    <none>                 65s   v1.32.4\n',
    );
  });

  it('namespaces and controllerrevisions', () => {
    expect(print('Namespace', [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default', creationTimestamp: ts(T0) }, status: { phase: 'Active' } }])).toBe('NAME      STATUS   AGE\ndefault   Active   65s\n');
    const cr = { apiVersion: 'apps/v1', kind: 'ControllerRevision', metadata: { name: 'db-5b8f9c', namespace: 'default', creationTimestamp: ts(T0), ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'db', uid: 'u', controller: true }] }, revision: 1 };
    expect(print('ControllerRevision', [cr])).toBe('NAME        CONTROLLER            REVISION   AGE\ndb-5b8f9c   statefulset.apps/db   1          65s\n');
  });
});

describe('kubectl get events (printers.go printEvent)', () => {
  it('prints LAST SEEN, TYPE, REASON, OBJECT, MESSAGE in API list order (by name), counts only with -o wide', () => {
    const ev = (name: string, first: number, last: number, count: number, reason: string, message: string, kind = 'Pod', obj = 'web-abc') => ({
      apiVersion: 'v1', kind: 'Event', metadata: { name, namespace: 'default', creationTimestamp: ts(first) },
      involvedObject: { kind, name: obj, namespace: 'default' }, reason, message, type: reason === 'Unhealthy' ? 'Warning' : 'Normal',
      source: { component: reason === 'Scheduled' ? 'default-scheduler' : 'kubelet', host: reason === 'Scheduled' ? undefined : 'node-1' }, count, firstTimestamp: ts(first), lastTimestamp: ts(last),
    });
    const now = T0 + 300_000;
    const events = [
      ev('web-abc.2', T0 + 10_000, T0 + 290_000, 3, 'Unhealthy', 'Readiness probe failed: HTTP probe failed with statuscode: 500 '),
      ev('web-abc.1', T0, T0, 1, 'Scheduled', 'Successfully assigned default/web-abc to node-1'),
      ev('web.1', T0, T0, 1, 'ScalingReplicaSet', 'Scaled up replica set web-7d4b9c8f5 to 1', 'Deployment', 'web'),
    ];
    expect(print('Event', events, {}, now)).toBe(
      'LAST SEEN   TYPE      REASON              OBJECT           MESSAGE\n' +
      '5m          Normal    Scheduled           pod/web-abc      Successfully assigned default/web-abc to node-1\n' +
      '10s         Warning   Unhealthy           pod/web-abc      Readiness probe failed: HTTP probe failed with statuscode: 500\n' +
      '5m          Normal    ScalingReplicaSet   deployment/web   Scaled up replica set web-7d4b9c8f5 to 1\n',
    );
    expect(print('Event', [events[0]], { wide: true, noHeaders: true }, now)).toBe(
      '10s   Warning   Unhealthy   pod/web-abc         kubelet, node-1   Readiness probe failed: HTTP probe failed with statuscode: 500   4m50s   3     web-abc.2\n',
    );
  });
});
