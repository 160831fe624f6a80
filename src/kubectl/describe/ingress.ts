// describe Ingress, IngressClass and NetworkPolicy. Source: staging/src/k8s.io/kubectl/pkg/
// describe/describe.go (IngressDescriber.describeIngressV1, describeBackendV1,
// describeIngressTLSV1, describeIngressClassV1, describeNetworkPolicy, describeNetworkPolicySpec,
// printNetworkPolicySpecIngressFrom / EgressTo).

import type { EngineContext } from '../../engine/context';
import { parseTimestamp } from '../../engine/core/clock';
import type { EndpointSlice, KubeEvent, KubeObject, LabelSelector, Service } from '../../engine/core/types';
import { formatLabelSelector } from '../printers/format';
import { describeEvents } from './events';
import { formatEndpointSlices } from './networking';
import { DescribeWriter, LEVEL_0, LEVEL_1, LEVEL_2, printAnnotationsMultiline, printLabelsMultiline } from './writer';

interface IngressBackend {
  service?: { name: string; port?: { number?: number; name?: string } };
  resource?: { apiGroup?: string; kind: string; name: string };
}
interface IngressSpec {
  ingressClassName?: string;
  defaultBackend?: IngressBackend;
  tls?: { hosts?: string[]; secretName?: string }[];
  rules?: { host?: string; http?: { paths: { path?: string; pathType?: string; backend: IngressBackend }[] } }[];
}

function describeBackend(ctx: EngineContext, ns: string, backend: IngressBackend): string {
  if (backend.service) {
    const s = backend.service;
    const sb = `${s.name}:${s.port?.number ? s.port.number : s.port?.name ?? ''}`;
    const service = ctx.store.get<Service>('Service', ns, s.name);
    if (!service) return `${sb} (<error: services "${s.name}" not found>)`;
    const slices = ctx.store.list<EndpointSlice>('EndpointSlice', ns).filter((e) => e.metadata.labels?.['kubernetes.io/service-name'] === s.name);
    let spName = '';
    for (const sp of service.spec.ports ?? []) {
      if (s.port?.number && s.port.number === sp.port) spName = sp.name ?? '';
      else if (s.port?.name && s.port.name === sp.name) spName = sp.name;
    }
    return `${sb} (${formatEndpointSlices(slices, spName)})`;
  }
  if (backend.resource) {
    const r = backend.resource;
    return `APIGroup: ${r.apiGroup ?? '<none>'}, Kind: ${r.kind}, Name: ${r.name}`;
  }
  return '';
}

export function describeIngress(ctx: EngineContext, ing: KubeObject, events: KubeEvent[]): string {
  const w = new DescribeWriter();
  const spec = (ing.spec ?? {}) as IngressSpec;
  const ns = ing.metadata.namespace ?? '';
  const status = ing.status as { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } } | undefined;
  const addresses = new Set<string>();
  for (const i of status?.loadBalancer?.ingress ?? []) {
    if (i.ip) addresses.add(i.ip);
    else if (i.hostname) addresses.add(i.hostname);
  }
  w.write(LEVEL_0, `Name:\t${ing.metadata.name}\n`);
  printLabelsMultiline(w, 'Labels', ing.metadata.labels);
  w.write(LEVEL_0, `Namespace:\t${ns}\n`);
  w.write(LEVEL_0, `Address:\t${[...addresses].sort().join(',')}\n`);
  w.write(LEVEL_0, `Ingress Class:\t${spec.ingressClassName ?? '<none>'}\n`);
  const defaultBackend = spec.defaultBackend ? describeBackend(ctx, ns, spec.defaultBackend) : '<default>';
  w.write(LEVEL_0, `Default backend:\t${defaultBackend}\n`);
  if ((spec.tls ?? []).length) {
    w.write(LEVEL_0, 'TLS:\n');
    for (const t of spec.tls!) {
      const hosts = (t.hosts ?? []).join(',');
      w.write(LEVEL_1, t.secretName ? `${t.secretName} terminates ${hosts}\n` : `SNI routes ${hosts}\n`);
    }
  }
  w.write(LEVEL_0, 'Rules:\n  Host\tPath\tBackends\n');
  w.write(LEVEL_1, '----\t----\t--------\n');
  let count = 0;
  for (const rule of spec.rules ?? []) {
    if (!rule.http) continue;
    count++;
    w.write(LEVEL_1, `${rule.host || '*'}\t\n`);
    for (const path of rule.http.paths ?? []) w.write(LEVEL_2, `\t${path.path ?? ''} \t${describeBackend(ctx, ns, path.backend)}\n`);
  }
  if (count === 0) w.write(LEVEL_1, `*\t*\t${defaultBackend}\n`);
  printAnnotationsMultiline(w, 'Annotations', ing.metadata.annotations);
  describeEvents(w, events, ctx.clock.now());
  return w.toString();
}

export function describeIngressClass(ctx: EngineContext, ic: KubeObject, events: KubeEvent[]): string {
  const w = new DescribeWriter();
  const spec = (ic.spec ?? {}) as { controller?: string; parameters?: { apiGroup?: string; kind?: string; name?: string } };
  w.write(LEVEL_0, `Name:\t${ic.metadata.name}\n`);
  printLabelsMultiline(w, 'Labels', ic.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', ic.metadata.annotations);
  w.write(LEVEL_0, `Controller:\t${spec.controller ?? ''}\n`);
  if (spec.parameters) {
    w.write(LEVEL_0, 'Parameters:\n');
    if (spec.parameters.apiGroup !== undefined) w.write(LEVEL_1, `APIGroup:\t${spec.parameters.apiGroup}\n`);
    w.write(LEVEL_1, `Kind:\t${spec.parameters.kind ?? ''}\n`);
    w.write(LEVEL_1, `Name:\t${spec.parameters.name ?? ''}\n`);
  }
  describeEvents(w, events, ctx.clock.now());
  return w.toString();
}

interface PolicyPeer { podSelector?: LabelSelector; namespaceSelector?: LabelSelector; ipBlock?: { cidr: string; except?: string[] } }
interface PolicyPort { protocol?: string; port?: number | string; endPort?: number }
interface PolicyRule { ports?: PolicyPort[]; from?: PolicyPeer[]; to?: PolicyPeer[] }
interface PolicySpec { podSelector?: LabelSelector; ingress?: PolicyRule[]; egress?: PolicyRule[]; policyTypes?: string[] }

/** Go's time.Time.String() in UTC: `2025-01-01 12:00:00 +0000 UTC`. */
function goTimeString(ts: string | null | undefined): string {
  const ms = parseTimestamp(ts);
  if (ms === undefined) return '0001-01-01 00:00:00 +0000 UTC';
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} +0000 UTC`;
}

function printRules(w: DescribeWriter, rules: PolicyRule[] | undefined, direction: 'ingress' | 'egress'): void {
  const indent = '    ';
  if (!rules || rules.length === 0) {
    w.write(LEVEL_0, `${indent}<none> (Selected pods are isolated for ${direction} connectivity)\n`);
    return;
  }
  const [peerWord, anyPeers] = direction === 'ingress' ? ['From', 'From: <any> (traffic not restricted by source)'] : ['To', 'To: <any> (traffic not restricted by destination)'];
  rules.forEach((rule, i) => {
    if (!rule.ports || rule.ports.length === 0) w.write(LEVEL_0, `${indent}To Port: <any> (traffic allowed to all ports)\n`);
    else {
      for (const port of rule.ports) {
        const proto = port.protocol ?? 'TCP';
        const p = port.port === undefined ? '<nil>' : String(port.port);
        w.write(LEVEL_0, port.endPort === undefined ? `${indent}To Port: ${p}/${proto}\n` : `${indent}To Port Range: ${p}-${port.endPort}/${proto}\n`);
      }
    }
    const peers = direction === 'ingress' ? rule.from : rule.to;
    if (!peers || peers.length === 0) w.write(LEVEL_0, `${indent}${anyPeers}\n`);
    else {
      for (const peer of peers) {
        w.write(LEVEL_0, `${indent}${peerWord}:\n`);
        if (peer.podSelector && peer.namespaceSelector) {
          w.write(LEVEL_1, `${indent}NamespaceSelector: ${formatLabelSelector(peer.namespaceSelector)}\n`);
          w.write(LEVEL_1, `${indent}PodSelector: ${formatLabelSelector(peer.podSelector)}\n`);
        } else if (peer.podSelector) {
          w.write(LEVEL_1, `${indent}PodSelector: ${formatLabelSelector(peer.podSelector)}\n`);
        } else if (peer.namespaceSelector) {
          w.write(LEVEL_1, `${indent}NamespaceSelector: ${formatLabelSelector(peer.namespaceSelector)}\n`);
        } else if (peer.ipBlock) {
          w.write(LEVEL_1, `${indent}IPBlock:\n`);
          w.write(LEVEL_2, `${indent}CIDR: ${peer.ipBlock.cidr}\n`);
          w.write(LEVEL_2, `${indent}Except: ${(peer.ipBlock.except ?? []).join(', ')}\n`);
        }
      }
    }
    if (i !== rules.length - 1) w.write(LEVEL_0, `${indent}----------\n`);
  });
}

export function describeNetworkPolicy(np: KubeObject): string {
  const w = new DescribeWriter();
  const spec = (np.spec ?? {}) as PolicySpec;
  w.write(LEVEL_0, `Name:\t${np.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${np.metadata.namespace ?? ''}\n`);
  w.write(LEVEL_0, `Created on:\t${goTimeString(np.metadata.creationTimestamp)}\n`);
  printLabelsMultiline(w, 'Labels', np.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', np.metadata.annotations);
  w.write(LEVEL_0, 'Spec:\n');
  w.write(LEVEL_1, 'PodSelector: ');
  const sel = spec.podSelector;
  const empty = Object.keys(sel?.matchLabels ?? {}).length === 0 && (sel?.matchExpressions ?? []).length === 0;
  w.write(LEVEL_2, empty ? '<none> (Allowing the specific traffic to all pods in this namespace)\n' : `${formatLabelSelector(sel)}\n`);
  const types = spec.policyTypes ?? [];
  if (types.includes('Ingress')) {
    w.write(LEVEL_1, 'Allowing ingress traffic:\n');
    printRules(w, spec.ingress, 'ingress');
  } else w.write(LEVEL_1, 'Not affecting ingress traffic\n');
  if (types.includes('Egress')) {
    w.write(LEVEL_1, 'Allowing egress traffic:\n');
    printRules(w, spec.egress, 'egress');
  } else w.write(LEVEL_1, 'Not affecting egress traffic\n');
  // policyTypesToString: the types joined by ", ".
  w.write(LEVEL_1, `Policy Types: ${types.join(', ')}\n`);
  return w.toString();
}
