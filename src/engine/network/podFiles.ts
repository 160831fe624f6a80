// What a container sees of its pod: the environment the kubelet builds
// (container env + Service links, pkg/kubelet/envvars/envvars.go) and the
// kubelet-managed /etc/hosts (pkg/kubelet/kubelet_pods.go managedHostsFileContent).

import type { EngineContext } from '../context';
import type { Container, Pod, Service } from '../core/types';
import { byNamespaceAndName } from '../dns/zoneIndex';
import type { ImageTools } from './podTools';

/** The pod's hostname: spec.hostname, else its name (truncated to 63 characters). */
export function podHostname(pod: Pod): string {
  return pod.spec.hostname || pod.metadata.name!.slice(0, 63).replace(/[-.]+$/, '');
}

const envName = (svcName: string) => svcName.toUpperCase().replace(/-/g, '_');

/**
 * `<SVC>_SERVICE_HOST`, `<SVC>_SERVICE_PORT`, `<SVC>_SERVICE_PORT_<NAME>` and the
 * Docker-link style `<SVC>_PORT…` variables for one Service with a ClusterIP.
 */
export function serviceEnvVars(svc: Service): [string, string][] {
  const ip = svc.spec.clusterIP;
  const ports = svc.spec.ports ?? [];
  if (!ip || ip === 'None' || svc.spec.type === 'ExternalName' || ports.length === 0) return [];
  const name = envName(svc.metadata.name!);
  const out: [string, string][] = [[`${name}_SERVICE_HOST`, ip], [`${name}_SERVICE_PORT`, String(ports[0].port)]];
  for (const p of ports) if (p.name) out.push([`${name}_SERVICE_PORT_${envName(p.name)}`, String(p.port)]);
  ports.forEach((p, i) => {
    const proto = (p.protocol ?? 'TCP').toLowerCase();
    const url = `${proto}://${ip}:${p.port}`;
    const prefix = `${name}_PORT_${p.port}_${proto.toUpperCase()}`;
    if (i === 0) out.push([`${name}_PORT`, url]);
    out.push([prefix, url], [`${prefix}_PROTO`, proto], [`${prefix}_PORT`, String(p.port)], [`${prefix}_ADDR`, ip]);
  });
  return out;
}

/**
 * Services whose variables the container got: those of the pod's namespace (when
 * enableServiceLinks, the default) plus `kubernetes` from `default`, as they
 * existed when the container started — Services created later are not in it.
 */
function linkedServices(ctx: EngineContext, pod: Pod, startedAt: string): Service[] {
  const ns = pod.metadata.namespace ?? 'default';
  const existed = (s: Service) => (s.metadata.creationTimestamp ?? '') <= startedAt;
  const services = pod.spec.enableServiceLinks === false ? [] : ctx.store.list<Service>('Service', ns).filter(existed);
  const master = ctx.store.get<Service>('Service', 'default', 'kubernetes');
  if (master && ns !== 'default' && existed(master)) services.push(master);
  return services.sort(byNamespaceAndName);
}

/** The environment `env` prints inside the container, in a stable order. */
export function containerEnv(ctx: EngineContext, pod: Pod, container: Container, tools: ImageTools): [string, string][] {
  const status = pod.status?.containerStatuses?.find((s) => s.name === container.name);
  const startedAt = status?.state.running?.startedAt ?? status?.state.terminated?.startedAt ?? pod.metadata.creationTimestamp ?? '';
  const env: [string, string][] = [['PATH', tools.path], ['HOSTNAME', podHostname(pod)]];
  const own = new Set<string>();
  for (const e of container.env ?? []) {
    own.add(e.name);
    env.push([e.name, e.value ?? '']);
  }
  // The container's own variables win over Service links of the same name.
  for (const svc of linkedServices(ctx, pod, startedAt)) {
    for (const [k, v] of serviceEnvVars(svc)) if (!own.has(k)) env.push([k, v]);
  }
  env.push(['HOME', '/root']);
  return env;
}

/** The kubelet-managed /etc/hosts (not written for hostNetwork pods, which see the node's). */
export function hostsFile(ctx: EngineContext, pod: Pod): string {
  const lines = [
    '# Kubernetes-managed hosts file.',
    '127.0.0.1\tlocalhost',
    '::1\tlocalhost ip6-localhost ip6-loopback',
    'fe00::0\tip6-localnet',
    'fe00::0\tip6-mcastprefix',
    'fe00::1\tip6-allnodes',
    'fe00::2\tip6-allrouters',
  ];
  const ip = pod.status?.podIP;
  const host = podHostname(pod);
  if (ip) {
    lines.push(pod.spec.subdomain
      ? `${ip}\t${host}.${pod.spec.subdomain}.${pod.metadata.namespace}.svc.${ctx.config.clusterDomain}\t${host}`
      : `${ip}\t${host}`);
  }
  return `${lines.join('\n')}\n`;
}
