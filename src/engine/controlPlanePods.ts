// The control plane of a kubeadm v1.32 cluster: the static Pods `kubeadm init` writes to the
// control-plane node's /etc/kubernetes/manifests, and the mirror Pods its kubelet posts for
// them to the API server (what `kubectl get pods -n kube-system` lists as etcd-node-1,
// kube-apiserver-node-1, kube-controller-manager-node-1 and kube-scheduler-node-1).
// Sources (kubernetes/kubernetes, v1.32):
// - cmd/kubeadm/app/phases/controlplane/manifests.go (GetStaticPodSpecs, getAPIServerCommand,
//   getControllerManagerCommand, getSchedulerCommand) and volumes.go (the hostPath volumes;
//   on Debian 12 /etc/ca-certificates, /usr/share/ca-certificates and
//   /usr/local/share/ca-certificates exist, /etc/pki does not);
// - cmd/kubeadm/app/phases/etcd/local.go (GetEtcdPodSpec, getEtcdCommand);
// - cmd/kubeadm/app/util/staticpod/utils.go (ComponentPod: hostNetwork, priority 2000001000,
//   system-node-critical, seccomp RuntimeDefault, component/tier labels; ComponentResources;
//   LivenessProbe 10/15/8/10, ReadinessProbe 0/15/3/1, StartupProbe 10/15/24/10 for the
//   default 4m ControlPlaneComponentHealthCheck); cmd/kubeadm/app/util/arguments.go
//   (ArgumentsToCommand sorts the flags by name);
// - pkg/kubelet/config/common.go applyDefaults (name `<name>-<node>`, spec.nodeName, the
//   kubernetes.io/config.hash annotation, the NoExecute toleration of every static pod);
//   pkg/kubelet/config/file.go (config.source=file) and config.go (config.seen);
// - pkg/kubelet/pod/mirror_client.go CreateMirrorPod (kubernetes.io/config.mirror = the hash,
//   the Node as controlling owner).

import { CONTROL_PLANE_PORT, KUBERNETES_VERSION, nodeIP, nodeName } from './bootstrap';
import type { EngineContext } from './context';
import { stableHex, stableInt } from './controllers/kubelet/ids';
import type { KubeObject, Node, Pod } from './core/types';

/** kubeadm v1.32's constants.SupportedEtcdVersion for 1.32 (cmd/kubeadm/app/constants/constants.go). */
export const ETCD_IMAGE = 'registry.k8s.io/etcd:3.5.16-0';
/** kubetypes.ConfigMirrorAnnotationKey: marks a pod the kubelet posted for a static pod. */
export const MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';
/** scheduling.SystemCriticalPriority + 1000: system-node-critical's value (pkg/apis/scheduling/types.go). */
export const SYSTEM_NODE_CRITICAL_PRIORITY = 2000001000;

const PKI = '/etc/kubernetes/pki';
const ETCD_CLIENT_PORT = 2379;
const ETCD_PEER_PORT = 2380;
const ETCD_METRICS_PORT = 2381;
const CONTROLLER_MANAGER_PORT = 10257;
const SCHEDULER_PORT = 10259;

/** The components in the order the kubelet's file source lists /etc/kubernetes/manifests (file names sorted). */
export const CONTROL_PLANE_COMPONENTS = ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler'] as const;
export type ControlPlaneComponent = (typeof CONTROL_PLANE_COMPONENTS)[number];

/** Whether a pod is a mirror pod (kubelet's IsMirrorPod). */
export function isMirrorPod(pod: KubeObject): boolean {
  const annotations = pod.metadata.annotations;
  return !!annotations && annotations[MIRROR_ANNOTATION] !== undefined;
}

/** The node that runs the static control plane: node-1, where `kubeadm init` ran. */
export function isControlPlaneNode(name: string): boolean {
  return name === nodeName(1);
}

/** ArgumentsToCommand: `--name=value`, sorted by name. */
function command(binary: string, args: Record<string, string>): string[] {
  return [binary, ...Object.keys(args).sort().map((k) => `--${k}=${args[k]}`)];
}

type Scheme = 'HTTP' | 'HTTPS';
function probe(host: string, path: string, port: number, scheme: Scheme, initialDelaySeconds: number, timeoutSeconds: number, failureThreshold: number, periodSeconds: number) {
  // Keys in the order the API server's JSON has them (sorted like kubectl's output).
  return { failureThreshold, httpGet: { host, path, port, scheme }, ...(initialDelaySeconds ? { initialDelaySeconds } : {}), periodSeconds, timeoutSeconds };
}
const liveness = (host: string, path: string, port: number, scheme: Scheme) => probe(host, path, port, scheme, 10, 15, 8, 10);
const readiness = (host: string, path: string, port: number, scheme: Scheme) => probe(host, path, port, scheme, 0, 15, 3, 1);
/** failureThreshold ceil(240 s / 10 s): the default ControlPlaneComponentHealthCheck timeout is 4m. */
const startup = (host: string, path: string, port: number, scheme: Scheme) => probe(host, path, port, scheme, 10, 15, 24, 10);

interface HostPath { name: string; path: string; type: 'DirectoryOrCreate' | 'FileOrCreate'; readOnly: boolean }
const hp = (name: string, path: string, readOnly = true, type: HostPath['type'] = 'DirectoryOrCreate'): HostPath => ({ name, path, type, readOnly });

/** volumes.go's mounts for a component; kubeadm lists both volumes and mounts sorted by name. */
function hostPathVolumes(mounts: HostPath[]) {
  const sorted = [...mounts].sort((a, b) => (a.name < b.name ? -1 : 1));
  return {
    volumeMounts: sorted.map((m) => ({ mountPath: m.path, name: m.name, ...(m.readOnly ? { readOnly: true } : {}) })),
    volumes: sorted.map((m) => ({ hostPath: { path: m.path, type: m.type }, name: m.name })),
  };
}

const CA_CERT_MOUNTS = [
  hp('ca-certs', '/etc/ssl/certs'),
  hp('etc-ca-certificates', '/etc/ca-certificates'),
  hp('usr-local-share-ca-certificates', '/usr/local/share/ca-certificates'),
  hp('usr-share-ca-certificates', '/usr/share/ca-certificates'),
];

interface Manifest {
  component: ControlPlaneComponent;
  annotations: Record<string, string>;
  container: Record<string, unknown>;
  volumes: unknown[];
}

/** The four manifests for the control plane at `advertise` (the node's InternalIP). */
function manifests(ctx: EngineContext, node: string, advertise: string): Manifest[] {
  const { config } = ctx;
  const localhost = '127.0.0.1';
  const etcdURL = (port: number) => `https://${advertise}:${port}`;
  const image = (c: string) => `registry.k8s.io/${c}:${KUBERNETES_VERSION}`;
  const apiserver = hostPathVolumes([...CA_CERT_MOUNTS, hp('k8s-certs', PKI)]);
  const controllerManager = hostPathVolumes([
    ...CA_CERT_MOUNTS,
    hp('flexvolume-dir', '/usr/libexec/kubernetes/kubelet-plugins/volume/exec', false),
    hp('k8s-certs', PKI),
    hp('kubeconfig', '/etc/kubernetes/controller-manager.conf', true, 'FileOrCreate'),
  ]);
  const scheduler = hostPathVolumes([hp('kubeconfig', '/etc/kubernetes/scheduler.conf', true, 'FileOrCreate')]);
  const cmConf = '/etc/kubernetes/controller-manager.conf';
  const schedConf = '/etc/kubernetes/scheduler.conf';
  return [
    {
      component: 'etcd',
      annotations: { 'kubeadm.kubernetes.io/etcd.advertise-client-urls': etcdURL(ETCD_CLIENT_PORT) },
      container: {
        command: command('etcd', {
          'advertise-client-urls': etcdURL(ETCD_CLIENT_PORT),
          'cert-file': `${PKI}/etcd/server.crt`,
          'client-cert-auth': 'true',
          'data-dir': '/var/lib/etcd',
          'experimental-initial-corrupt-check': 'true',
          'experimental-watch-progress-notify-interval': '5s',
          'initial-advertise-peer-urls': etcdURL(ETCD_PEER_PORT),
          'initial-cluster': `${node}=${etcdURL(ETCD_PEER_PORT)}`,
          'key-file': `${PKI}/etcd/server.key`,
          'listen-client-urls': `https://${localhost}:${ETCD_CLIENT_PORT},${etcdURL(ETCD_CLIENT_PORT)}`,
          'listen-metrics-urls': `http://${localhost}:${ETCD_METRICS_PORT}`,
          'listen-peer-urls': etcdURL(ETCD_PEER_PORT),
          name: node,
          'peer-cert-file': `${PKI}/etcd/peer.crt`,
          'peer-client-cert-auth': 'true',
          'peer-key-file': `${PKI}/etcd/peer.key`,
          'peer-trusted-ca-file': `${PKI}/etcd/ca.crt`,
          'snapshot-count': '10000',
          'trusted-ca-file': `${PKI}/etcd/ca.crt`,
        }),
        image: ETCD_IMAGE,
        imagePullPolicy: 'IfNotPresent',
        livenessProbe: liveness(localhost, '/livez', ETCD_METRICS_PORT, 'HTTP'),
        name: 'etcd',
        readinessProbe: readiness(localhost, '/readyz', ETCD_METRICS_PORT, 'HTTP'),
        resources: { requests: { cpu: '100m', memory: '100Mi' } },
        startupProbe: startup(localhost, '/readyz', ETCD_METRICS_PORT, 'HTTP'),
        // local.go lists these two mounts itself (data first), read-write.
        volumeMounts: [{ mountPath: '/var/lib/etcd', name: 'etcd-data' }, { mountPath: `${PKI}/etcd`, name: 'etcd-certs' }],
      },
      volumes: [
        { hostPath: { path: `${PKI}/etcd`, type: 'DirectoryOrCreate' }, name: 'etcd-certs' },
        { hostPath: { path: '/var/lib/etcd', type: 'DirectoryOrCreate' }, name: 'etcd-data' },
      ],
    },
    {
      component: 'kube-apiserver',
      annotations: { 'kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint': `${advertise}:${CONTROL_PLANE_PORT}` },
      container: {
        command: command('kube-apiserver', {
          'advertise-address': advertise,
          'allow-privileged': 'true',
          'authorization-mode': 'Node,RBAC',
          'client-ca-file': `${PKI}/ca.crt`,
          'enable-admission-plugins': 'NodeRestriction',
          'enable-bootstrap-token-auth': 'true',
          'etcd-cafile': `${PKI}/etcd/ca.crt`,
          'etcd-certfile': `${PKI}/apiserver-etcd-client.crt`,
          'etcd-keyfile': `${PKI}/apiserver-etcd-client.key`,
          'etcd-servers': `https://${localhost}:${ETCD_CLIENT_PORT}`,
          'kubelet-client-certificate': `${PKI}/apiserver-kubelet-client.crt`,
          'kubelet-client-key': `${PKI}/apiserver-kubelet-client.key`,
          'kubelet-preferred-address-types': 'InternalIP,ExternalIP,Hostname',
          'proxy-client-cert-file': `${PKI}/front-proxy-client.crt`,
          'proxy-client-key-file': `${PKI}/front-proxy-client.key`,
          'requestheader-allowed-names': 'front-proxy-client',
          'requestheader-client-ca-file': `${PKI}/front-proxy-ca.crt`,
          'requestheader-extra-headers-prefix': 'X-Remote-Extra-',
          'requestheader-group-headers': 'X-Remote-Group',
          'requestheader-username-headers': 'X-Remote-User',
          'secure-port': String(CONTROL_PLANE_PORT),
          'service-account-issuer': `https://kubernetes.default.svc.${config.clusterDomain}`,
          'service-account-key-file': `${PKI}/sa.pub`,
          'service-account-signing-key-file': `${PKI}/sa.key`,
          'service-cluster-ip-range': config.serviceCIDR,
          'tls-cert-file': `${PKI}/apiserver.crt`,
          'tls-private-key-file': `${PKI}/apiserver.key`,
        }),
        image: image('kube-apiserver'),
        imagePullPolicy: 'IfNotPresent',
        livenessProbe: liveness(advertise, '/livez', CONTROL_PLANE_PORT, 'HTTPS'),
        name: 'kube-apiserver',
        readinessProbe: readiness(advertise, '/readyz', CONTROL_PLANE_PORT, 'HTTPS'),
        resources: { requests: { cpu: '250m' } },
        startupProbe: startup(advertise, '/livez', CONTROL_PLANE_PORT, 'HTTPS'),
        volumeMounts: apiserver.volumeMounts,
      },
      volumes: apiserver.volumes,
    },
    {
      component: 'kube-controller-manager',
      annotations: {},
      container: {
        command: command('kube-controller-manager', {
          'allocate-node-cidrs': 'true',
          'authentication-kubeconfig': cmConf,
          'authorization-kubeconfig': cmConf,
          'bind-address': localhost,
          'client-ca-file': `${PKI}/ca.crt`,
          'cluster-cidr': config.clusterCIDR,
          'cluster-name': 'kubernetes',
          'cluster-signing-cert-file': `${PKI}/ca.crt`,
          'cluster-signing-key-file': `${PKI}/ca.key`,
          controllers: '*,bootstrapsigner,tokencleaner',
          kubeconfig: cmConf,
          'leader-elect': 'true',
          'requestheader-client-ca-file': `${PKI}/front-proxy-ca.crt`,
          'root-ca-file': `${PKI}/ca.crt`,
          'service-account-private-key-file': `${PKI}/sa.key`,
          'service-cluster-ip-range': config.serviceCIDR,
          'use-service-account-credentials': 'true',
        }),
        image: image('kube-controller-manager'),
        imagePullPolicy: 'IfNotPresent',
        livenessProbe: liveness(localhost, '/healthz', CONTROLLER_MANAGER_PORT, 'HTTPS'),
        name: 'kube-controller-manager',
        resources: { requests: { cpu: '200m' } },
        startupProbe: startup(localhost, '/healthz', CONTROLLER_MANAGER_PORT, 'HTTPS'),
        volumeMounts: controllerManager.volumeMounts,
      },
      volumes: controllerManager.volumes,
    },
    {
      component: 'kube-scheduler',
      annotations: {},
      container: {
        command: command('kube-scheduler', {
          'authentication-kubeconfig': schedConf,
          'authorization-kubeconfig': schedConf,
          'bind-address': localhost,
          kubeconfig: schedConf,
          'leader-elect': 'true',
        }),
        image: image('kube-scheduler'),
        imagePullPolicy: 'IfNotPresent',
        livenessProbe: liveness(localhost, '/healthz', SCHEDULER_PORT, 'HTTPS'),
        name: 'kube-scheduler',
        resources: { requests: { cpu: '100m' } },
        startupProbe: startup(localhost, '/healthz', SCHEDULER_PORT, 'HTTPS'),
        volumeMounts: scheduler.volumeMounts,
      },
      volumes: scheduler.volumes,
    },
  ];
}

/** The images the control-plane node holds before the kubelet starts (`kubeadm init` pulls them in preflight). */
export function controlPlaneImages(node: string): string[] {
  if (!isControlPlaneNode(node)) return [];
  return [ETCD_IMAGE, ...CONTROL_PLANE_COMPONENTS.slice(1).map((c) => `registry.k8s.io/${c}:${KUBERNETES_VERSION}`)];
}

/**
 * config.seen: when the kubelet's file source first saw the manifest (time.Time in RFC 3339
 * with nanoseconds), a moment in the first second of the node's life. A mirror pod made again
 * later carries the same value (the kubelet copies the static pod's annotations).
 */
function seenAt(ctx: EngineContext, node: Node, component: string): string {
  const nanos = String(stableInt(`seen:${ctx.config.seed}:${component}`, 100_000_000, 999_999_999)).replace(/0+$/, '');
  return (node.metadata.creationTimestamp ?? ctx.clock.timestamp()).replace('Z', `.${nanos}Z`);
}

/**
 * The mirror pods the control-plane node's kubelet posts for its static pods, in the order it
 * posts them; none on other nodes. The config hash stands in for the md5 of the manifest the
 * kubelet computes (it is the static pod's UID, not the mirror pod's).
 */
export function mirrorPodsOf(ctx: EngineContext, node: Node): Pod[] {
  const name = node.metadata.name!;
  if (!isControlPlaneNode(name)) return [];
  const advertise = nodeIP(ctx, 1);
  return manifests(ctx, name, advertise).map((m) => mirrorPod(ctx, node, m));
}

/** One component's mirror pod, as CreateMirrorPod sends it (the API server defaults the rest). */
export function mirrorPodFor(ctx: EngineContext, node: Node, component: string): Pod | undefined {
  const m = manifests(ctx, node.metadata.name!, nodeIP(ctx, 1)).find((x) => x.component === component);
  return m && mirrorPod(ctx, node, m);
}

function mirrorPod(ctx: EngineContext, node: Node, m: Manifest): Pod {
  const name = node.metadata.name!;
  const hash = stableHex(`static-pod:${ctx.config.seed}:${name}:${m.component}:${KUBERNETES_VERSION}`, 32);
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      annotations: {
        ...m.annotations,
        'kubernetes.io/config.hash': hash,
        [MIRROR_ANNOTATION]: hash,
        'kubernetes.io/config.seen': seenAt(ctx, node, m.component),
        'kubernetes.io/config.source': 'file',
      },
      labels: { component: m.component, tier: 'control-plane' },
      name: `${m.component}-${name}`,
      namespace: 'kube-system',
      ownerReferences: [{ apiVersion: 'v1', controller: true, kind: 'Node', name, uid: node.metadata.uid! }],
    },
    spec: {
      containers: [m.container],
      hostNetwork: true,
      nodeName: name,
      priority: SYSTEM_NODE_CRITICAL_PRIORITY,
      priorityClassName: 'system-node-critical',
      securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
      tolerations: [{ effect: 'NoExecute', operator: 'Exists' }],
      volumes: m.volumes,
    },
  } as unknown as Pod;
}
