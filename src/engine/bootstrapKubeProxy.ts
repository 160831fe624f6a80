// kubeadm's kube-proxy addon and CoreDNS ConfigMap, as `kubeadm init` v1.32 creates them:
// the `kube-proxy` ServiceAccount, the `kube-proxy` ConfigMap (config.conf: the
// KubeProxyConfiguration kubeadm marshals with every field, `mode: ""` = iptables on Linux;
// kubeconfig.conf: in-cluster credentials against the control-plane endpoint), the
// `kube-proxy` DaemonSet (hostNetwork, system-node-critical, privileged) and the `coredns`
// ConfigMap with kubeadm's Corefile. RBAC objects are left out (kinds the playground does
// not serve). Their uids come from the API server's daemon stream (apiServer.ts), so they
// move no other name, uid or IP.
// Sources: cmd/kubeadm/app/phases/addons/proxy/manifests.go (KubeProxyConfigMap19,
// KubeProxyDaemonSet19), proxy.go (kube-proxy ServiceAccount), componentconfigs/kubeproxy.go,
// cmd/kubeadm/app/phases/addons/dns/manifests.go (CoreDNSConfigMap, with PR #128359's
// `disable success|denial` cache lines).

import { CONTROL_PLANE_PORT, KUBERNETES_VERSION, nodeIP } from './bootstrap';
import type { EngineContext } from './context';
import { stableHex } from './controllers/kubelet/ids';
import type { KubeObject } from './core/types';

/** config.conf as kubeadm writes it: the v1alpha1 KubeProxyConfiguration, keys sorted, zero values kept. */
export function kubeProxyConfig(clusterCIDR: string, mode: '' | 'iptables' | 'ipvs' = ''): string {
  return `apiVersion: kubeproxy.config.k8s.io/v1alpha1
bindAddress: 0.0.0.0
bindAddressHardFail: false
clientConnection:
  acceptContentTypes: ""
  burst: 0
  contentType: ""
  kubeconfig: /var/lib/kube-proxy/kubeconfig.conf
  qps: 0
clusterCIDR: ${clusterCIDR}
configSyncPeriod: 0s
conntrack:
  maxPerCore: null
  min: null
  tcpBeLiberal: false
  tcpCloseWaitTimeout: null
  tcpEstablishedTimeout: null
  udpStreamTimeout: 0s
  udpTimeout: 0s
detectLocal:
  bridgeInterface: ""
  interfaceNamePrefix: ""
detectLocalMode: ""
enableProfiling: false
healthzBindAddress: ""
hostnameOverride: ""
iptables:
  localhostNodePorts: null
  masqueradeAll: false
  masqueradeBit: null
  minSyncPeriod: 0s
  syncPeriod: 0s
ipvs:
  excludeCIDRs: null
  minSyncPeriod: 0s
  scheduler: ""
  strictARP: false
  syncPeriod: 0s
  tcpFinTimeout: 0s
  tcpTimeout: 0s
  udpTimeout: 0s
kind: KubeProxyConfiguration
logging:
  flushFrequency: 0
  options:
    json:
      infoBufferSize: "0"
    text:
      infoBufferSize: "0"
  verbosity: 0
metricsBindAddress: ""
mode: ${mode === '' ? '""' : mode}
nftables:
  masqueradeAll: false
  masqueradeBit: null
  minSyncPeriod: 0s
  syncPeriod: 0s
nodePortAddresses: null
oomScoreAdj: null
portRange: ""
showHiddenMetricsForVersion: ""
winkernel:
  enableDSR: false
  forwardHealthCheckVip: false
  networkName: ""
  rootHnsEndpointName: ""
  sourceVip: ""`;
}

function kubeProxyKubeconfig(server: string): string {
  return `apiVersion: v1
kind: Config
clusters:
- cluster:
    certificate-authority: /var/run/secrets/kubernetes.io/serviceaccount/ca.crt
    server: ${server}
  name: default
contexts:
- context:
    cluster: default
    namespace: default
    user: default
  name: default
current-context: default
users:
- name: default
  user:
    tokenFile: /var/run/secrets/kubernetes.io/serviceaccount/token`;
}

/** The kube-proxy ConfigMap; `mode` is what `sim proxy-mode` last set ('' until then). */
export function kubeProxyConfigMap(ctx: EngineContext, mode: '' | 'iptables' | 'ipvs' = ''): KubeObject {
  const data = {
    'config.conf': kubeProxyConfig(ctx.config.clusterCIDR, mode),
    'kubeconfig.conf': kubeProxyKubeconfig(`https://${nodeIP(ctx, 1)}:${CONTROL_PLANE_PORT}`),
  };
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: 'kube-proxy',
      namespace: 'kube-system',
      labels: { app: 'kube-proxy' },
      // kubeadm signs its component configs (componentconfigs.SignConfigMap, a SHA-256 of the
      // data); a stable stand-in digest here, as nothing in the playground checks it.
      annotations: { 'kubeadm.kubernetes.io/component-config.hash': `sha256:${stableHex(`kube-proxy-config:${data['config.conf']}`, 64)}` },
    },
    data,
  } as KubeObject;
}

const COREFILE = `.:53 {
    errors
    health {
       lameduck 5s
    }
    ready
    kubernetes cluster.local in-addr.arpa ip6.arpa {
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
       ttl 30
    }
    prometheus :9153
    forward . /etc/resolv.conf {
       max_concurrent 1000
    }
    cache 30 {
       disable success cluster.local
       disable denial cluster.local
    }
    loop
    reload
    loadbalance
}
`;

export function corednsConfigMap(): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'coredns', namespace: 'kube-system' }, data: { Corefile: COREFILE } } as KubeObject;
}

export function kubeProxyDaemonSet(): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'kube-proxy', namespace: 'kube-system', labels: { 'k8s-app': 'kube-proxy' } },
    spec: {
      selector: { matchLabels: { 'k8s-app': 'kube-proxy' } },
      updateStrategy: { type: 'RollingUpdate' },
      template: {
        metadata: { labels: { 'k8s-app': 'kube-proxy' } },
        spec: {
          priorityClassName: 'system-node-critical',
          containers: [
            {
              name: 'kube-proxy',
              image: `registry.k8s.io/kube-proxy:${KUBERNETES_VERSION}`,
              imagePullPolicy: 'IfNotPresent',
              command: ['/usr/local/bin/kube-proxy', '--config=/var/lib/kube-proxy/config.conf', '--hostname-override=$(NODE_NAME)'],
              securityContext: { privileged: true },
              volumeMounts: [
                { mountPath: '/var/lib/kube-proxy', name: 'kube-proxy' },
                { mountPath: '/run/xtables.lock', name: 'xtables-lock', readOnly: false },
                { mountPath: '/lib/modules', name: 'lib-modules', readOnly: true },
              ],
              env: [{ name: 'NODE_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }],
            },
          ],
          hostNetwork: true,
          serviceAccountName: 'kube-proxy',
          volumes: [
            { name: 'kube-proxy', configMap: { name: 'kube-proxy' } },
            { name: 'xtables-lock', hostPath: { path: '/run/xtables.lock', type: 'FileOrCreate' } },
            { name: 'lib-modules', hostPath: { path: '/lib/modules' } },
          ],
          tolerations: [{ operator: 'Exists' }],
          nodeSelector: { 'kubernetes.io/os': 'linux' },
        },
      },
    },
  } as KubeObject;
}

/** kube-proxy's addon objects in the order kubeadm applies them (ServiceAccount and ConfigMap before the DaemonSet). */
export function bootstrapKubeProxy(ctx: EngineContext): void {
  ctx.api.create({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'kube-proxy', namespace: 'kube-system' } });
  ctx.api.create(kubeProxyConfigMap(ctx));
  ctx.api.create(kubeProxyDaemonSet());
}
