// `kubectl get ingress` and `kubectl get networkpolicies`.
// Source: pkg/printers/internalversion/printers.go (printIngress, formatHosts, formatPorts,
// ingressLoadBalancerStatusStringer, printNetworkPolicy).

import type { LabelSelector } from '../../engine/core/types';
import { ageSince } from './age';
import { AGE, NAME, type KindTable } from './columns';
import { formatLabelSelector } from './format';

interface IngressLike {
  spec?: { ingressClassName?: string; rules?: { host?: string }[]; tls?: unknown[] };
  status?: { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } };
}

function formatHosts(rules: { host?: string }[]): string {
  const list: string[] = [];
  const max = 3;
  let more = false;
  for (const rule of rules) {
    if (list.length === max) more = true;
    if (!more && rule.host) list.push(rule.host);
  }
  if (list.length === 0) return '*';
  const ret = list.join(',');
  return more ? `${ret} + ${rules.length - max} more...` : ret;
}

export const ingressTable: KindTable = {
  columns: [NAME, { name: 'Class' }, { name: 'Hosts' }, { name: 'Address' }, { name: 'Ports' }, AGE],
  row(obj, env) {
    const ing = obj as unknown as IngressLike;
    const set = new Set<string>();
    for (const i of ing.status?.loadBalancer?.ingress ?? []) {
      if (i.ip) set.add(i.ip);
      else if (i.hostname) set.add(i.hostname);
    }
    let address = [...set].sort().join(',');
    if (!env.wide && address.length > 16) address = address.slice(0, 13) + '...';
    return [
      obj.metadata.name ?? '',
      ing.spec?.ingressClassName ?? '<none>',
      formatHosts(ing.spec?.rules ?? []),
      address,
      (ing.spec?.tls ?? []).length > 0 ? '80, 443' : '80',
      ageSince(env.nowMs, obj.metadata.creationTimestamp),
    ];
  },
};

export const networkPolicyTable: KindTable = {
  columns: [NAME, { name: 'Pod-Selector' }, AGE],
  row(obj, env) {
    const spec = obj.spec as { podSelector?: LabelSelector } | undefined;
    return [obj.metadata.name ?? '', formatLabelSelector(spec?.podSelector), ageSince(env.nowMs, obj.metadata.creationTimestamp)];
  },
};

/** printIngressClass: PARAMETERS is `Kind[.apiGroup]/name` or `<none>`. */
export const ingressClassTable: KindTable = {
  columns: [NAME, { name: 'Controller' }, { name: 'Parameters' }, AGE],
  row(obj, env) {
    const spec = obj.spec as { controller?: string; parameters?: { apiGroup?: string; kind?: string; name?: string } } | undefined;
    const p = spec?.parameters;
    const parameters = p ? `${p.kind ?? ''}${p.apiGroup !== undefined ? `.${p.apiGroup}` : ''}/${p.name ?? ''}` : '<none>';
    return [obj.metadata.name ?? '', spec?.controller ?? '', parameters, ageSince(env.nowMs, obj.metadata.creationTimestamp)];
  },
};
