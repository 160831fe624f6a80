// What `kubeadm init` v1.32 leaves in the API besides its addons' objects: the control plane's
// mirror pods (controlPlanePods.ts), the ConfigMaps it uploads (`kubeadm-config` with the
// ClusterConfiguration, `kubelet-config` with the cluster-wide KubeletConfiguration, and
// `cluster-info` in kube-public, which the bootstrap signer signs for joining nodes) and the
// CoreDNS Deployment. Their uids come from the API server's control-plane stream
// (apiServer.ts), so they move no other name, uid or IP.
// Sources (kubernetes/kubernetes, v1.32): cmd/kubeadm/app/phases/uploadconfig/uploadconfig.go,
// cmd/kubeadm/app/componentconfigs/kubelet.go (with the v1beta1 KubeletConfiguration as
// kubeadm marshals it, zero durations kept), cmd/kubeadm/app/phases/bootstraptoken/clusterinfo
// (CreateBootstrapConfigMapIfNotExists), pkg/controller/bootstrap/bootstrapsigner.go
// (`jws-kubeconfig-<token id>`), cmd/kubeadm/app/phases/addons/dns/manifests.go
// (CoreDNSDeployment).

import { base64, base64url } from './core/base64';
import { CONTROL_PLANE_PORT, KUBERNETES_VERSION, nodeIP } from './bootstrap';
import type { EngineContext } from './context';
import { mirrorPodsOf } from './controlPlanePods';
import { clusterCABundle } from './controllers/serviceaccounts/clusterCA';
import { stableHex } from './controllers/kubelet/ids';
import type { KubeObject, Node } from './core/types';

export function clusterConfiguration(ctx: EngineContext): string {
  const { config } = ctx;
  return `apiServer: {}
apiVersion: kubeadm.k8s.io/v1beta4
caCertificateValidityPeriod: 87600h0m0s
certificateValidityPeriod: 8760h0m0s
certificatesDir: /etc/kubernetes/pki
clusterName: kubernetes
controllerManager: {}
dns: {}
encryptionAlgorithm: RSA-2048
etcd:
  local:
    dataDir: /var/lib/etcd
imageRepository: registry.k8s.io
kind: ClusterConfiguration
kubernetesVersion: ${KUBERNETES_VERSION}
networking:
  dnsDomain: ${config.clusterDomain}
  podSubnet: ${config.clusterCIDR}
  serviceSubnet: ${config.serviceCIDR}
proxy: {}
scheduler: {}
`;
}

/** The 10th address of the Service CIDR: kubeadm's DNS IP (the kube-dns Service's clusterIP). */
const CLUSTER_DNS = '10.96.0.10';

export function kubeletConfiguration(ctx: EngineContext): string {
  return `apiVersion: kubelet.config.k8s.io/v1beta1
authentication:
  anonymous:
    enabled: false
  webhook:
    cacheTTL: 0s
    enabled: true
  x509:
    clientCAFile: /etc/kubernetes/pki/ca.crt
authorization:
  mode: Webhook
  webhook:
    cacheAuthorizedTTL: 0s
    cacheUnauthorizedTTL: 0s
cgroupDriver: systemd
clusterDNS:
- ${CLUSTER_DNS}
clusterDomain: ${ctx.config.clusterDomain}
containerRuntimeEndpoint: ""
cpuManagerReconcilePeriod: 0s
crashLoopBackOff: {}
evictionPressureTransitionPeriod: 0s
fileCheckFrequency: 0s
healthzBindAddress: 127.0.0.1
healthzPort: 10248
httpCheckFrequency: 0s
imageMaximumGCAge: 0s
imageMinimumGCAge: 0s
kind: KubeletConfiguration
logging:
  flushFrequency: 0
  options:
    json:
      infoBufferSize: "0"
    text:
      infoBufferSize: "0"
  verbosity: 0
memorySwap: {}
nodeStatusReportFrequency: 0s
nodeStatusUpdateFrequency: 0s
rotateCertificates: true
runtimeRequestTimeout: 0s
shutdownGracePeriod: 0s
shutdownGracePeriodCriticalPods: 0s
staticPodPath: /etc/kubernetes/manifests
streamingConnectionIdleTimeout: 0s
syncFrequency: 0s
volumeStatsAggPeriod: 0s
`;
}

/** cluster-info's kubeconfig: only the cluster, as clientcmd writes a Config with nothing else. */
function clusterInfoKubeconfig(ctx: EngineContext): string {
  return `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: ${base64(clusterCABundle(ctx.config.seed))}
    server: https://${nodeIP(ctx, 1)}:${CONTROL_PLANE_PORT}
  name: ""
contexts: null
current-context: ""
kind: Config
preferences: {}
users: null
`;
}

export function kubeadmConfigMaps(ctx: EngineContext): KubeObject[] {
  const kubelet = kubeletConfiguration(ctx);
  const kubeconfig = clusterInfoKubeconfig(ctx);
  // The bootstrap token `kubeadm init` prints ([a-z0-9]{6}.[a-z0-9]{16}); the signer adds a
  // detached JWS (HS256) of the kubeconfig for its id. Stand-ins: nothing here verifies them.
  const tokenID = stableHex(`token-id:${ctx.config.seed}`, 6);
  const signature = base64url(stableHex(`jws:${ctx.config.seed}`, 64).slice(0, 32));
  return [
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kubeadm-config', namespace: 'kube-system' }, data: { ClusterConfiguration: clusterConfiguration(ctx) } },
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      // componentconfigs.SignConfigMap: a SHA-256 of the data (a stable stand-in digest here).
      metadata: { name: 'kubelet-config', namespace: 'kube-system', annotations: { 'kubeadm.kubernetes.io/component-config.hash': `sha256:${stableHex(`kubelet-config:${kubelet}`, 64)}` } },
      data: { kubelet },
    },
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'cluster-info', namespace: 'kube-public' },
      data: { [`jws-kubeconfig-${tokenID}`]: `${base64url(JSON.stringify({ alg: 'HS256', kid: tokenID }))}..${signature}`, kubeconfig },
    },
  ] as KubeObject[];
}

/** kubeadm's CoreDNS Deployment, with the control-plane taint key of v1.32. */
export function corednsDeployment(): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'coredns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } },
    spec: {
      replicas: 2,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } },
      selector: { matchLabels: { 'k8s-app': 'kube-dns' } },
      template: {
        metadata: { labels: { 'k8s-app': 'kube-dns' } },
        spec: {
          priorityClassName: 'system-cluster-critical',
          serviceAccountName: 'coredns',
          affinity: {
            podAntiAffinity: {
              preferredDuringSchedulingIgnoredDuringExecution: [{
                weight: 100,
                podAffinityTerm: { labelSelector: { matchExpressions: [{ key: 'k8s-app', operator: 'In', values: ['kube-dns'] }] }, topologyKey: 'kubernetes.io/hostname' },
              }],
            },
          },
          tolerations: [{ key: 'CriticalAddonsOnly', operator: 'Exists' }, { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }],
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          containers: [
            {
              name: 'coredns',
              image: 'registry.k8s.io/coredns/coredns:v1.11.3',
              imagePullPolicy: 'IfNotPresent',
              resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
              args: ['-conf', '/etc/coredns/Corefile'],
              volumeMounts: [{ name: 'config-volume', mountPath: '/etc/coredns', readOnly: true }],
              ports: [
                { containerPort: 53, name: 'dns', protocol: 'UDP' },
                { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
                { containerPort: 9153, name: 'metrics', protocol: 'TCP' },
              ],
              livenessProbe: { httpGet: { path: '/health', port: 8080, scheme: 'HTTP' }, initialDelaySeconds: 60, timeoutSeconds: 5, successThreshold: 1, failureThreshold: 5 },
              readinessProbe: { httpGet: { path: '/ready', port: 8181, scheme: 'HTTP' } },
              securityContext: { allowPrivilegeEscalation: false, capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] }, readOnlyRootFilesystem: true },
            },
          ],
          dnsPolicy: 'Default',
          volumes: [{ name: 'config-volume', configMap: { name: 'coredns', items: [{ key: 'Corefile', path: 'Corefile' }] } }],
        },
      },
    },
  } as KubeObject;
}

/** The control plane's mirror pods (posted by node-1's kubelet once the node is registered) and kubeadm's ConfigMaps. */
export function bootstrapControlPlane(ctx: EngineContext): void {
  const node = ctx.store.list<Node>('Node')[0];
  if (node) for (const pod of mirrorPodsOf(ctx, node)) ctx.api.create(pod);
  for (const cm of kubeadmConfigMaps(ctx)) ctx.api.create(cm);
}
