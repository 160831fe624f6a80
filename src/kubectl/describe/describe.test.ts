import { describe, expect, it } from 'vitest';
import type { KubeObject, Pod, Service } from '../../engine/core/types';
import { T0, testContext, ts } from '../printers/testctx';
import { smartLabelFor } from './generic';
import { describeObject } from './index';

describe('kubectl describe pod (describe.go describePod)', () => {
  it('matches describe_test.go TestDescribePodVolumes layout (emptyDir instead of an image volume)', () => {
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'bar', namespace: 'foo' }, spec: { containers: [], volumes: [{ name: 'cache', emptyDir: {} }] } } as unknown as Pod;
    const ctx = testContext(T0, [pod]);
    expect(describeObject(ctx, 'Pod', pod)).toBe(
      'Name:         bar\n' +
      'Namespace:    foo\n' +
      'Node:         <none>\n' +
      'Labels:       <none>\n' +
      'Annotations:  <none>\n' +
      'Status:       \n' +
      'IP:           \n' +
      'IPs:          <none>\n' +
      'Containers: <none>\n' +
      'Volumes:\n' +
      '  cache:\n' +
      '    Type:        EmptyDir (a temporary directory that shares a pod\'s lifetime)\n' +
      '    Medium:      \n' +
      '    SizeLimit:   <unset>\n' +
      'QoS Class:       BestEffort\n' +
      'Node-Selectors:  <none>\n' +
      'Tolerations:     <none>\n' +
      'Events:          <none>\n',
    );
  });

  it('shows a running replica with its probe, conditions, tolerations and events', () => {
    const pod: Pod = {
      apiVersion: 'v1', kind: 'Pod',
      metadata: { name: 'web-7d4b9c8f5-abcde', namespace: 'default', uid: 'pod-uid', labels: { app: 'web', 'pod-template-hash': '7d4b9c8f5' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-7d4b9c8f5', uid: 'rs', controller: true }] },
      spec: {
        priority: 0, serviceAccountName: 'default', nodeName: 'node-1',
        containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 8080, protocol: 'TCP' }], readinessProbe: { httpGet: { path: '/healthz', port: 8080, scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 }, env: [{ name: 'MODE', value: 'demo' }] }],
        tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }, { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }],
      },
      status: {
        phase: 'Running', hostIP: '192.168.49.2', podIP: '10.244.0.5', podIPs: [{ ip: '10.244.0.5' }], startTime: ts(T0),
        conditions: [{ type: 'Initialized', status: 'True' }, { type: 'Ready', status: 'True' }, { type: 'ContainersReady', status: 'True' }, { type: 'PodScheduled', status: 'True' }],
        containerStatuses: [{ name: 'nginx', image: 'nginx:1.27', imageID: 'docker.io/library/nginx@sha256:abc', containerID: 'containerd://1234', ready: true, restartCount: 0, state: { running: { startedAt: ts(T0 + 3000) } }, lastState: {} }],
      },
    };
    const ctx = testContext(T0, [pod]);
    ctx.events.record(pod, 'Normal', 'Scheduled', 'Successfully assigned default/web-7d4b9c8f5-abcde to node-1', { component: 'default-scheduler' });
    ctx.clock.advanceTo(T0 + 2000);
    ctx.events.record(pod, 'Warning', 'Unhealthy', 'Readiness probe failed: connection refused', { component: 'kubelet', host: 'node-1' });
    ctx.clock.advanceTo(T0 + 20_000);
    ctx.events.record(pod, 'Warning', 'Unhealthy', 'Readiness probe failed: connection refused', { component: 'kubelet', host: 'node-1' });
    ctx.clock.advanceTo(T0 + 60_000);
    expect(describeObject(ctx, 'Pod', pod)).toBe(
      'Name:             web-7d4b9c8f5-abcde\n' +
      'Namespace:        default\n' +
      'Priority:         0\n' +
      'Service Account:  default\n' +
      'Node:             node-1/192.168.49.2\n' +
      'Start Time:       Thu, 01 Jan 2026 00:00:00 +0000\n' +
      'Labels:           app=web\n' +
      '                  pod-template-hash=7d4b9c8f5\n' +
      'Annotations:      <none>\n' +
      'Status:           Running\n' +
      'IP:               10.244.0.5\n' +
      'IPs:\n' +
      '  IP:           10.244.0.5\n' +
      'Controlled By:  ReplicaSet/web-7d4b9c8f5\n' +
      'Containers:\n' +
      '  nginx:\n' +
      '    Container ID:   containerd://1234\n' +
      '    Image:          nginx:1.27\n' +
      '    Image ID:       docker.io/library/nginx@sha256:abc\n' +
      '    Port:           8080/TCP\n' +
      '    Host Port:      0/TCP\n' +
      '    State:          Running\n' +
      '      Started:      Thu, 01 Jan 2026 00:00:03 +0000\n' +
      '    Ready:          True\n' +
      '    Restart Count:  0\n' +
      '    Readiness:      http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3\n' +
      '    Environment:\n' +
      '      MODE:  demo\n' +
      '    Mounts:  <none>\n' +
      'Conditions:\n' +
      '  Type              Status\n' +
      '  Initialized       True \n' +
      '  Ready             True \n' +
      '  ContainersReady   True \n' +
      '  PodScheduled      True \n' +
      'Volumes:            <none>\n' +
      'QoS Class:          BestEffort\n' +
      'Node-Selectors:     <none>\n' +
      'Tolerations:        node.kubernetes.io/not-ready:NoExecute op=Exists for 300s\n' +
      '                    node.kubernetes.io/unreachable:NoExecute op=Exists for 300s\n' +
      'Events:\n' +
      '  Type     Reason     Age                From               Message\n' +
      '  ----     ------     ----               ----               -------\n' +
      '  Normal   Scheduled  60s                default-scheduler  Successfully assigned default/web-7d4b9c8f5-abcde to node-1\n' +
      '  Warning  Unhealthy  40s (x2 over 58s)  kubelet            Readiness probe failed: connection refused\n',
    );
  });
});

describe('kubectl describe service (describe.go describeService, KUBERNETES.md §13.6)', () => {
  it('prints fields in order, <unset> port names and ready endpoints from the EndpointSlices', () => {
    const svc: Service = {
      apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default', annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}' } },
      spec: { type: 'NodePort', selector: { app: 'web' }, ipFamilyPolicy: 'SingleStack', ipFamilies: ['IPv4'], clusterIP: '10.96.100.7', clusterIPs: ['10.96.100.7'], ports: [{ port: 80, targetPort: 8080, nodePort: 30008, protocol: 'TCP' }], sessionAffinity: 'None', externalTrafficPolicy: 'Cluster', internalTrafficPolicy: 'Cluster' },
    };
    const slice = {
      apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'web-x1y2z', namespace: 'default', labels: { 'kubernetes.io/service-name': 'web' } }, addressType: 'IPv4',
      endpoints: ['10.244.1.2', '10.244.1.3', '10.244.2.2', '10.244.2.3', '10.244.3.9'].map((ip, i) => ({ addresses: [ip], conditions: { ready: i !== 4 } })),
      ports: [{ name: '', port: 8080, protocol: 'TCP' }],
    };
    const ctx = testContext(T0, [svc, slice as KubeObject]);
    expect(describeObject(ctx, 'Service', svc)).toBe(
      'Name:                     web\n' +
      'Namespace:                default\n' +
      'Labels:                   <none>\n' +
      'Annotations:              <none>\n' +
      'Selector:                 app=web\n' +
      'Type:                     NodePort\n' +
      'IP Family Policy:         SingleStack\n' +
      'IP Families:              IPv4\n' +
      'IP:                       10.96.100.7\n' +
      'IPs:                      10.96.100.7\n' +
      'Port:                     <unset>  80/TCP\n' +
      'TargetPort:               8080/TCP\n' +
      'NodePort:                 <unset>  30008/TCP\n' +
      'Endpoints:                10.244.1.2:8080,10.244.1.3:8080,10.244.2.2:8080 + 1 more...\n' +
      'Session Affinity:         None\n' +
      'External Traffic Policy:  Cluster\n' +
      'Internal Traffic Policy:  Cluster\n' +
      'Events:                   <none>\n',
    );
  });

  it('shows <none> endpoints when no slice exists and the LoadBalancer ingress with ipMode', () => {
    const svc: Service = {
      apiVersion: 'v1', kind: 'Service', metadata: { name: 'lb', namespace: 'default' },
      spec: { type: 'LoadBalancer', clusterIP: '10.96.0.50', clusterIPs: ['10.96.0.50'], ports: [{ name: 'http', port: 80, targetPort: 'web', nodePort: 31000, protocol: 'TCP' }], sessionAffinity: 'None' },
      status: { loadBalancer: { ingress: [{ ip: '203.0.113.10', ipMode: 'VIP' }] } },
    };
    const out = describeObject(testContext(T0, [svc]), 'Service', svc);
    expect(out).toContain('IP Families:           <none>\n');
    expect(out).toContain('LoadBalancer Ingress:  203.0.113.10 (VIP)\nPort:                  http  80/TCP\nTargetPort:            web/TCP\nNodePort:              http  31000/TCP\nEndpoints:             <none>\n');
  });
});

describe('kubectl describe endpoints / endpointslice (describe.go describeEndpoints, describeEndpointSliceV1)', () => {
  it('lists subsets with addresses, not-ready addresses and a ports table', () => {
    const ep = { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'web', namespace: 'default' }, subsets: [{ addresses: [{ ip: '10.244.1.2' }, { ip: '10.244.2.3' }], notReadyAddresses: [], ports: [{ port: 8080, protocol: 'TCP' }] }] };
    expect(describeObject(testContext(T0, [ep]), 'Endpoints', ep)).toBe(
      'Name:         web\nNamespace:    default\nLabels:       <none>\nAnnotations:  <none>\nSubsets:\n' +
      '  Addresses:          10.244.1.2,10.244.2.3\n  NotReadyAddresses:  <none>\n  Ports:\n' +
      '    Name     Port  Protocol\n    ----     ----  --------\n    <unset>  8080  TCP\n\nEvents:  <none>\n',
    );
  });

  it('lists each endpoint with conditions, hostname, target and node', () => {
    const slice = { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'web-x1y2z', namespace: 'default', labels: { 'kubernetes.io/service-name': 'web' } }, addressType: 'IPv4', endpoints: [{ addresses: ['10.244.1.2'], conditions: { ready: true }, targetRef: { kind: 'Pod', name: 'web-abc' }, nodeName: 'node-2' }], ports: [{ name: 'http', port: 8080, protocol: 'TCP' }] };
    expect(describeObject(testContext(T0, [slice as KubeObject]), 'EndpointSlice', slice as KubeObject)).toBe(
      'Name:         web-x1y2z\nNamespace:    default\nLabels:       kubernetes.io/service-name=web\nAnnotations:  <none>\nAddressType:  IPv4\nPorts:\n' +
      '  Name  Port  Protocol\n  ----  ----  --------\n  http  8080  TCP\nEndpoints:\n  - Addresses:  10.244.1.2\n    Conditions:\n      Ready:    true\n' +
      '    Hostname:   <unset>\n    TargetRef:  Pod/web-abc\n    NodeName:   node-2\n    Zone:       <unset>\nEvents:         <none>\n',
    );
  });
});

describe('kubectl describe deployment (describe_test.go TestDescribeDeployment)', () => {
  it('aligns the header block, pod template and replica sets as upstream expects', () => {
    const labels = { 'k8s-app': 'bar' };
    const template = { metadata: { labels }, spec: { containers: [{ name: 'c', image: 'mytest-image:latest', volumeMounts: [{ name: 'vol-foo', mountPath: '/tmp/vol-foo' }, { name: 'vol-bar', mountPath: '/tmp/vol-bar' }] }], volumes: [{ name: 'vol-foo', emptyDir: {} }, { name: 'vol-bar', emptyDir: {} }] } };
    const d = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'bar', namespace: 'foo', labels, uid: 'd-uid', creationTimestamp: '2021-01-01T00:00:00Z' }, spec: { replicas: 1, selector: { matchLabels: labels }, template } };
    const rs = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'bar-001', namespace: 'foo', labels, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'bar', uid: 'd-uid', controller: true }] }, spec: { replicas: 1, selector: { matchLabels: labels }, template }, status: { replicas: 1 } };
    const out = describeObject(testContext(T0, [d, rs] as KubeObject[]), 'Deployment', d as KubeObject);
    for (const want of [
      'Name:               bar\nNamespace:          foo',
      'CreationTimestamp:  Fri, 01 Jan 2021 00:00:00 +0000',
      'Labels:             k8s-app=bar',
      'Selector:           k8s-app=bar',
      'Replicas:           1 desired | 0 updated | 0 total | 0 available | 0 unavailable',
      'Image:        mytest-image:latest',
      'Mounts:\n      /tmp/vol-bar from vol-bar (rw)\n      /tmp/vol-foo from vol-foo (rw)',
      'OldReplicaSets:    <none>',
      'NewReplicaSet:     bar-001 (1/1 replicas created)',
      'Events:            <none>',
      'Node-Selectors:  <none>',
      'Tolerations:     <none>',
    ]) expect(out).toContain(want);
  });
});

describe('generic describer (describe.go genericDescriber, smartLabelFor)', () => {
  it('labels fields like kubectl', () => {
    expect(smartLabelFor('apiVersion')).toBe('API Version');
    expect(smartLabelFor('involvedObject')).toBe('Involved Object');
    expect(smartLabelFor('uid')).toBe('UID');
    expect(smartLabelFor('kubernetes.io/hostname')).toBe('kubernetes.io/hostname');
  });

  it('describes an Event field by field', () => {
    const ev = { apiVersion: 'v1', kind: 'Event', metadata: { name: 'web.1', namespace: 'default', uid: 'e1' }, involvedObject: { kind: 'Pod', name: 'web' }, reason: 'Scheduled', count: 1 };
    expect(describeObject(testContext(T0, [ev]), 'Event', ev)).toBe(
      'Name:         web.1\nNamespace:    default\nLabels:       <none>\nAnnotations:  <none>\nAPI Version:  v1\nCount:        1\nInvolved Object:\n' +
      '  Kind:  Pod\n  Name:  web\nKind:    Event\nMetadata:\n  UID:   e1\nReason:  Scheduled\nEvents:  <none>\n',
    );
  });
});
