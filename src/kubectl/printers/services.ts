// `kubectl get services`. Source: pkg/printers/internalversion/printers.go (printService,
// getServiceExternalIP, loadBalancerStatusStringer, makePortString), printers_test.go
// (TestPrintServiceLoadBalancer, TestPrintService).

import type { Service, ServicePort } from '../../engine/core/types';
import { ageSince } from './age';
import { AGE, NAME, type KindTable } from './columns';
import { formatLabels } from './format';

const LOAD_BALANCER_WIDTH = 16;

/** Ingress IPs (or hostnames), sorted and de-duplicated; clipped to 16 chars unless wide. */
export function loadBalancerStatusString(svc: Service, wide: boolean): string {
  const set = new Set<string>();
  for (const ing of svc.status?.loadBalancer?.ingress ?? []) {
    if (ing.ip) set.add(ing.ip);
    else if (ing.hostname) set.add(ing.hostname);
  }
  let r = [...set].sort().join(',');
  if (!wide && r.length > LOAD_BALANCER_WIDTH) r = r.slice(0, LOAD_BALANCER_WIDTH - 3) + '...';
  return r;
}

export function serviceExternalIP(svc: Service, wide: boolean): string {
  const externalIPs = svc.spec.externalIPs ?? [];
  switch (svc.spec.type) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = loadBalancerStatusString(svc, wide);
      if (externalIPs.length > 0) return [...(lb ? lb.split(',') : []), ...externalIPs].join(',');
      return lb || '<pending>';
    }
    case 'ExternalName':
      return svc.spec.externalName ?? '';
  }
  return '<unknown>';
}

export function makePortString(ports: ServicePort[] | undefined): string {
  return (ports ?? [])
    .map((p) => (p.nodePort && p.nodePort > 0 ? `${p.port}:${p.nodePort}/${p.protocol ?? ''}` : `${p.port}/${p.protocol ?? ''}`))
    .join(',');
}

export const serviceTable: KindTable = {
  columns: [NAME, { name: 'Type' }, { name: 'Cluster-IP' }, { name: 'External-IP' }, { name: 'Port(s)' }, AGE, { name: 'Selector', wide: true }],
  row(obj, env) {
    const svc = obj as Service;
    const cells = [
      svc.metadata.name ?? '',
      svc.spec.type ?? '',
      svc.spec.clusterIPs?.[0] ?? '<none>',
      serviceExternalIP(svc, env.wide),
      makePortString(svc.spec.ports) || '<none>',
      ageSince(env.nowMs, svc.metadata.creationTimestamp),
    ];
    if (env.wide) cells.push(formatLabels(svc.spec.selector));
    return cells;
  },
};
