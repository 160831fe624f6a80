// Gathers what Tab completion needs from the cluster: kubectl's command table,
// the API server's resource types, the objects of the current snapshot, the
// workspace files and the URLs that reach Services from outside the cluster.
import type { Cluster, ClusterSnapshot, Node, Service } from '../../engine';
import { COMMANDS } from '../../kubectl';
import { GLOBAL_FLAGS } from '../../kubectl/commonFlags';
import type { CompletionSource } from './completion';

/** http://NODE-IP:NODEPORT for NodePort and LoadBalancer Services, and http://LB-IP[:PORT]. */
export function serviceUrls(snapshot: ClusterSnapshot): string[] {
  const nodeIps = ((snapshot.objects.Node ?? []) as Node[])
    .flatMap((n) => n.status?.addresses?.filter((a) => a.type === 'InternalIP').map((a) => a.address) ?? []);
  const urls: string[] = [];
  for (const svc of (snapshot.objects.Service ?? []) as Service[]) {
    for (const port of svc.spec?.ports ?? []) {
      if ((port.protocol ?? 'TCP') !== 'TCP') continue;
      if (port.nodePort) for (const ip of nodeIps) urls.push(`http://${ip}:${port.nodePort}`);
      for (const ingress of svc.status?.loadBalancer?.ingress ?? []) {
        if (ingress.ip) urls.push(`http://${ingress.ip}${port.port === 80 ? '' : `:${port.port}`}`);
      }
    }
  }
  return urls;
}

export function completionSource(cluster: Cluster, snapshot: ClusterSnapshot): CompletionSource {
  return {
    kubectl: COMMANDS,
    globalFlags: GLOBAL_FLAGS,
    resources: cluster.context.registry.all(),
    objects: snapshot.objects,
    files: Object.keys(snapshot.files).sort(),
    urls: serviceUrls(snapshot),
  };
}
