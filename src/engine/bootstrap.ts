// What a fresh kubeadm-style cluster holds before anyone applies anything:
// nodes, the four system namespaces, the control plane's mirror pods and kubeadm's
// ConfigMaps (bootstrapKubeadm.ts), the `kubernetes` and `kube-dns` Services, the API
// server's own endpoints, the CoreDNS Deployment and its ConfigMap, and kube-proxy's
// DaemonSet (bootstrapKubeProxy.ts).

import { formatIPv4, parseIPv4 } from './api/validation/common';
import type { EngineContext } from './context';
import type { KubeObject, Node } from './core/types';
import { bootstrapIngressNginx } from './bootstrapIngress';
import { bootstrapControlPlane, corednsDeployment } from './bootstrapKubeadm';
import { bootstrapKubeProxy, corednsConfigMap } from './bootstrapKubeProxy';

export const KUBERNETES_VERSION = 'v1.32.4';
export const CONTROL_PLANE_PORT = 6443;

export function nodeName(i: number): string {
  return `node-${i}`;
}

export function nodeIP(ctx: EngineContext, i: number): string {
  return formatIPv4(parseIPv4(ctx.config.firstNodeIP)! + (i - 1));
}

/**
 * Pod CIDR of node i (1-based) carved from the cluster CIDR in blocks of `maskSize`, as
 * kube-controller-manager's range allocator hands them out: 10.244.<i-1>.0/24 by default.
 */
export function podCIDR(i: number, clusterCIDR = '10.244.0.0/16', maskSize = 24): string {
  const base = parseIPv4(clusterCIDR.split('/')[0])!;
  return `${formatIPv4(base + (i - 1) * 2 ** (32 - maskSize))}/${maskSize}`;
}

function makeNode(ctx: EngineContext, i: number): Node {
  const name = nodeName(i);
  const now = ctx.clock.timestamp();
  const cidr = podCIDR(i, ctx.config.clusterCIDR, ctx.config.nodeCIDRMaskSize);
  const pods = String(ctx.config.maxPodsPerNode);
  const cond = (type: string, status: 'True' | 'False', reason: string, message: string) => ({
    type, status, lastHeartbeatTime: now, lastTransitionTime: now, reason, message,
  });
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        ...(i === 1 ? { 'node-role.kubernetes.io/control-plane': '' } : {}),
      },
      annotations: { 'node.alpha.kubernetes.io/ttl': '0', 'volumes.kubernetes.io/controller-managed-attach-detach': 'true' },
    },
    spec: { podCIDR: cidr, podCIDRs: [cidr] },
    status: {
      addresses: [
        { type: 'InternalIP', address: nodeIP(ctx, i) },
        { type: 'Hostname', address: name },
      ],
      conditions: [
        cond('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
        cond('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        cond('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        cond('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
      ],
      capacity: { cpu: '2', 'ephemeral-storage': '61202244Ki', memory: '8025424Ki', pods },
      allocatable: { cpu: '2', 'ephemeral-storage': '61202244Ki', memory: '8025424Ki', pods },
      nodeInfo: {
        architecture: 'amd64',
        bootID: ctx.rng.uuid(),
        containerRuntimeVersion: 'containerd://1.7.24',
        kernelVersion: '6.1.0-27-amd64',
        kubeProxyVersion: KUBERNETES_VERSION,
        kubeletVersion: KUBERNETES_VERSION,
        machineID: ctx.rng.hex(32),
        operatingSystem: 'linux',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        systemUUID: ctx.rng.uuid(),
      },
    },
  };
}

export function bootstrapCluster(ctx: EngineContext): void {
  const { api } = ctx;
  for (const name of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) {
    api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  }
  for (let i = 1; i <= ctx.config.nodeCount; i++) api.create(makeNode(ctx, i));
  bootstrapControlPlane(ctx);

  api.create({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: CONTROL_PLANE_PORT }] },
  });
  // The API server maintains its own endpoints (not the endpoints controller) and
  // marks them skip-mirror; it writes the EndpointSlice itself.
  const controlPlaneIP = nodeIP(ctx, 1);
  const apiserverEndpoints: KubeObject[] = [
    {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
      subsets: [{ addresses: [{ ip: controlPlaneIP }], ports: [{ name: 'https', port: CONTROL_PLANE_PORT, protocol: 'TCP' }] }],
    },
    {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
      addressType: 'IPv4',
      endpoints: [{ addresses: [controlPlaneIP], conditions: { ready: true } }],
      ports: [{ name: 'https', port: CONTROL_PLANE_PORT, protocol: 'TCP' }],
    },
  ];
  for (const obj of apiserverEndpoints) api.create(obj);

  api.create({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kube-dns',
      namespace: 'kube-system',
      labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
      annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
    },
    spec: {
      clusterIP: '10.96.0.10',
      selector: { 'k8s-app': 'kube-dns' },
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
      ],
    },
  });

  // kubeadm's CoreDNS addon (cmd/kubeadm/app/phases/addons/dns/manifests.go): the pods run
  // as the `coredns` ServiceAccount and read the Corefile from the `coredns` ConfigMap.
  api.create({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'coredns', namespace: 'kube-system' } });
  api.create(corednsConfigMap());
  api.create(corednsDeployment());
  bootstrapKubeProxy(ctx);
  bootstrapIngressNginx(ctx);
}
