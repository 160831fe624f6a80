// kube-proxy's rules on each node, derived from Services and EndpointSlices:
// a structured view per service port (for the UI) and the text a person would
// see on the node — `iptables-save` (filter and nat tables, chain names and
// rule shapes as in pkg/proxy/iptables/proxier.go) or `ipvsadm -Ln`.

import type { EngineContext } from '../context';
import type { Service } from '../core/types';
import { extChain, fwChain, sepChain, svcChain, svlChain } from './chainNames';
import { categorizeEndpoints, DEFAULT_AFFINITY_SECONDS, externalPolicyLocal, internalPolicyLocal } from './kubeProxy';
import type { ProxyEndpoint, ServicePortRef } from './serviceTable';
import { servicePortName } from './serviceTable';
import { dataplaneState } from './state';

export interface RuleEndpoint {
  ip: string;
  port: number;
  pod?: { namespace: string; name: string };
  nodeName?: string;
  local: boolean;
  chain: string;
  /** iptables: `0.3333333333`…, `unconditional` for the last rule. */
  probability: string;
  /** A serving endpoint of a terminating pod, used because none is ready. */
  terminating: boolean;
}

export interface ServicePortRules {
  service: { namespace: string; name: string };
  /** kube-proxy's ServicePortName: `ns/name:port` or `ns/name`. */
  servicePortName: string;
  protocol: string;
  port: number;
  clusterIP: string;
  nodePort?: number;
  externalIPs: string[];
  loadBalancerIPs: string[];
  /** loadBalancerSourceRanges: sources outside them are dropped by KUBE-PROXY-FIREWALL. */
  loadBalancerSourceRanges?: string[];
  sessionAffinityTimeoutSeconds?: number;
  externalTrafficPolicy?: string;
  internalTrafficPolicy?: string;
  /** `forward`, or what happens instead when there is nothing to forward to. */
  clusterIPVerdict: 'forward' | 'reject' | 'drop-no-local';
  externalVerdict?: 'forward' | 'reject' | 'drop-no-local';
  svcChain: string;
  /** Endpoints the ClusterIP path uses (KUBE-SVC, or KUBE-SVL with internalTrafficPolicy: Local). */
  endpoints: RuleEndpoint[];
  /** Endpoints external traffic uses with externalTrafficPolicy: Local (KUBE-SVL). */
  localEndpoints?: RuleEndpoint[];
}

export interface NodeProxyRules {
  node: string;
  nodeIP: string;
  mode: 'iptables' | 'ipvs';
  services: ServicePortRules[];
  /** `iptables-save` or `ipvsadm -Ln` output. */
  text: string;
}

function ruleEndpoints(ref: ServicePortRef, eps: ProxyEndpoint[], node: string): RuleEndpoint[] {
  const proto = ref.protocol.toLowerCase();
  return eps.map((e, i) => ({
    ip: e.ip,
    port: e.port,
    pod: e.pod,
    nodeName: e.nodeName,
    local: e.nodeName === node,
    chain: sepChain(ref.portName, proto, e.endpoint),
    probability: i === eps.length - 1 ? 'unconditional' : (1 / (eps.length - i)).toFixed(10),
    terminating: e.terminating,
  }));
}

function portRules(svc: Service, node: string, endpoints: (ref: ServicePortRef) => ProxyEndpoint[]): ServicePortRules[] {
  return (svc.spec.ports ?? []).map((port) => {
    const ref: ServicePortRef = { svc, port, portName: servicePortName(svc, port), protocol: port.protocol ?? 'TCP' };
    const cat = categorizeEndpoints(endpoints(ref), svc, node);
    const itpLocal = internalPolicyLocal(svc);
    const etpLocal = externalPolicyLocal(svc);
    const external = svc.spec.type === 'NodePort' || svc.spec.type === 'LoadBalancer' || (svc.spec.externalIPs?.length ?? 0) > 0;
    const internalEps = itpLocal ? cat.local : cat.cluster;
    const verdict = (eps: ProxyEndpoint[]) => (!cat.hasAny ? 'reject' : eps.length ? 'forward' : 'drop-no-local');
    return {
      service: { namespace: svc.metadata.namespace!, name: svc.metadata.name! },
      servicePortName: ref.portName,
      protocol: ref.protocol,
      port: port.port,
      clusterIP: svc.spec.clusterIP!,
      nodePort: port.nodePort,
      externalIPs: svc.spec.externalIPs ?? [],
      loadBalancerIPs: (svc.status?.loadBalancer?.ingress ?? []).map((i) => i.ip).filter((ip): ip is string => !!ip),
      loadBalancerSourceRanges: svc.spec.loadBalancerSourceRanges?.length ? svc.spec.loadBalancerSourceRanges.map((x) => x.trim()) : undefined,
      sessionAffinityTimeoutSeconds: svc.spec.sessionAffinity === 'ClientIP' ? svc.spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? DEFAULT_AFFINITY_SECONDS : undefined,
      externalTrafficPolicy: svc.spec.externalTrafficPolicy,
      internalTrafficPolicy: svc.spec.internalTrafficPolicy,
      clusterIPVerdict: verdict(internalEps),
      externalVerdict: external ? verdict(etpLocal ? cat.local : cat.cluster) : undefined,
      svcChain: svcChain(ref.portName, ref.protocol),
      endpoints: ruleEndpoints(ref, cat.cluster.length || !itpLocal ? cat.cluster : cat.local, node),
      localEndpoints: itpLocal || etpLocal ? ruleEndpoints(ref, cat.local, node) : undefined,
    };
  });
}

function iptablesSave(rules: ServicePortRules[], clusterCIDR: string): string {
  const filter: string[] = [];
  const nat: string[] = [];
  const nodePorts: string[] = [];
  const chains = new Set<string>(['KUBE-SERVICES', 'KUBE-NODEPORTS', 'KUBE-POSTROUTING', 'KUBE-MARK-MASQ']);
  for (const r of rules) {
    const pn = r.servicePortName;
    const p = r.protocol.toLowerCase();
    const m = `-m ${p} -p ${p}`;
    const svcC = r.svcChain;
    const svlC = svlChain(pn, p);
    const extC = extChain(pn, p);
    const externals: [string, string][] = [
      ...r.externalIPs.map((ip) => ['external IP', ip] as [string, string]),
      ...r.loadBalancerIPs.map((ip) => ['loadbalancer IP', ip] as [string, string]),
    ];
    if (r.clusterIPVerdict === 'reject') {
      filter.push(`-A KUBE-SERVICES -m comment --comment "${pn} has no endpoints" ${m} -d ${r.clusterIP} --dport ${r.port} -j REJECT`);
      for (const [, ip] of externals) filter.push(`-A KUBE-EXTERNAL-SERVICES -m comment --comment "${pn} has no endpoints" ${m} -d ${ip} --dport ${r.port} -j REJECT`);
      if (r.nodePort) filter.push(`-A KUBE-EXTERNAL-SERVICES -m comment --comment "${pn} has no endpoints" -m addrtype --dst-type LOCAL ${m} --dport ${r.nodePort} -j REJECT`);
      continue;
    }
    if (r.clusterIPVerdict === 'drop-no-local') filter.push(`-A KUBE-SERVICES -m comment --comment "${pn} has no local endpoints" ${m} -d ${r.clusterIP} --dport ${r.port} -j DROP`);
    if (r.externalVerdict === 'drop-no-local') {
      for (const [, ip] of externals) filter.push(`-A KUBE-EXTERNAL-SERVICES -m comment --comment "${pn} has no local endpoints" ${m} -d ${ip} --dport ${r.port} -j DROP`);
      if (r.nodePort) filter.push(`-A KUBE-EXTERNAL-SERVICES -m comment --comment "${pn} has no local endpoints" -m addrtype --dst-type LOCAL ${m} --dport ${r.nodePort} -j DROP`);
    }
    const itpLocal = r.internalTrafficPolicy === 'Local';
    const etpLocal = r.externalTrafficPolicy === 'Local' && r.externalVerdict !== undefined;
    const internalChain = itpLocal ? svlC : svcC;
    if (r.clusterIPVerdict === 'forward') nat.push(`-A KUBE-SERVICES -m comment --comment "${pn} cluster IP" ${m} -d ${r.clusterIP} --dport ${r.port} -j ${internalChain}`);
    const hasExternal = r.externalVerdict !== undefined;
    if (hasExternal) {
      chains.add(extC);
      const fwC = fwChain(pn, p);
      for (const [kind, ip] of externals) {
        const fw = kind === 'loadbalancer IP' && r.loadBalancerSourceRanges !== undefined;
        nat.push(`-A KUBE-SERVICES -m comment --comment "${pn} ${kind}" ${m} -d ${ip} --dport ${r.port} -j ${fw ? fwC : extC}`);
        if (fw) filter.push(`-A KUBE-PROXY-FIREWALL -m comment --comment "${pn} traffic not accepted by ${fwC}" ${m} -d ${ip} --dport ${r.port} -j DROP`);
      }
      if (r.loadBalancerSourceRanges && r.loadBalancerIPs.length) {
        chains.add(fwC);
        for (const range of r.loadBalancerSourceRanges) nat.push(`-A ${fwC} -m comment --comment "${pn} loadbalancer IP" -s ${range} -j ${extC}`);
        nat.push(`-A ${fwC} -m comment --comment "other traffic to ${pn} will be dropped by KUBE-PROXY-FIREWALL"`);
      }
      if (r.nodePort) nodePorts.push(`-A KUBE-NODEPORTS -m comment --comment ${pn} ${m} --dport ${r.nodePort} -j ${extC}`);
      if (etpLocal) {
        nat.push(`-A ${extC} -m comment --comment "pod traffic for ${pn} external destinations" -s ${clusterCIDR} -j ${svcC}`);
        nat.push(`-A ${extC} -m comment --comment "masquerade LOCAL traffic for ${pn} external destinations" -m addrtype --src-type LOCAL -j KUBE-MARK-MASQ`);
        nat.push(`-A ${extC} -m comment --comment "route LOCAL traffic for ${pn} external destinations" -m addrtype --src-type LOCAL -j ${svcC}`);
        if (r.externalVerdict === 'forward') nat.push(`-A ${extC} -j ${svlC}`);
      } else {
        nat.push(`-A ${extC} -m comment --comment "masquerade traffic for ${pn} external destinations" -j KUBE-MARK-MASQ`);
        nat.push(`-A ${extC} -j ${svcC}`);
      }
    }
    const aff = r.sessionAffinityTimeoutSeconds;
    const writeChain = (chain: string, eps: RuleEndpoint[], masqRule: boolean) => {
      chains.add(chain);
      if (masqRule) nat.push(`-A ${chain} -m comment --comment "${pn} cluster IP" ${m} -d ${r.clusterIP} --dport ${r.port} ! -s ${clusterCIDR} -j KUBE-MARK-MASQ`);
      if (aff !== undefined) for (const e of eps) nat.push(`-A ${chain} -m comment --comment "${pn} -> ${e.ip}:${e.port}" -m recent --name ${e.chain} --rcheck --seconds ${aff} --reap -j ${e.chain}`);
      for (const e of eps) {
        const prob = e.probability === 'unconditional' ? '' : ` -m statistic --mode random --probability ${e.probability}`;
        nat.push(`-A ${chain} -m comment --comment "${pn} -> ${e.ip}:${e.port}"${prob} -j ${e.chain}`);
      }
    };
    const clusterEps = r.endpoints;
    if (!itpLocal || etpLocal || hasExternal) writeChain(svcC, clusterEps, true);
    if (r.localEndpoints && r.localEndpoints.length) writeChain(svlC, ruleProbabilities(r.localEndpoints), itpLocal);
    const seps = new Map<string, RuleEndpoint>();
    for (const e of [...clusterEps, ...(r.localEndpoints ?? [])]) seps.set(e.chain, e);
    for (const e of seps.values()) {
      chains.add(e.chain);
      nat.push(`-A ${e.chain} -m comment --comment ${pn} -s ${e.ip} -j KUBE-MARK-MASQ`);
      nat.push(`-A ${e.chain} -m comment --comment ${pn}${aff !== undefined ? ` -m recent --name ${e.chain} --set` : ''} ${m} -j DNAT --to-destination ${e.ip}:${e.port}`);
    }
  }
  const out = ['*filter', ':KUBE-NODEPORTS - [0:0]', ':KUBE-SERVICES - [0:0]', ':KUBE-EXTERNAL-SERVICES - [0:0]', ':KUBE-FIREWALL - [0:0]', ':KUBE-FORWARD - [0:0]', ':KUBE-PROXY-FIREWALL - [0:0]'];
  out.push(...filter);
  out.push('-A KUBE-FORWARD -m conntrack --ctstate INVALID -j DROP');
  out.push('-A KUBE-FORWARD -m comment --comment "kubernetes forwarding rules" -m mark --mark 0x4000/0x4000 -j ACCEPT');
  out.push('-A KUBE-FORWARD -m comment --comment "kubernetes forwarding conntrack rule" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT');
  out.push('COMMIT', '*nat');
  for (const c of chains) out.push(`:${c} - [0:0]`);
  out.push(...nodePorts);
  out.push(...nat.filter((l) => l.startsWith('-A KUBE-SERVICES')));
  out.push('-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS');
  out.push('-A KUBE-MARK-MASQ -j MARK --or-mark 0x4000');
  out.push('-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN');
  out.push('-A KUBE-POSTROUTING -j MARK --xor-mark 0x4000');
  out.push('-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE');
  out.push(...nat.filter((l) => !l.startsWith('-A KUBE-SERVICES')));
  out.push('COMMIT');
  return `${out.join('\n')}\n`;
}

function ruleProbabilities(eps: RuleEndpoint[]): RuleEndpoint[] {
  return eps.map((e, i) => ({ ...e, probability: i === eps.length - 1 ? 'unconditional' : (1 / (eps.length - i)).toFixed(10) }));
}

function ipvsadm(rules: ServicePortRules[], nodeIP: string): string {
  const out = ['IP Virtual Server version 1.2.1 (size=4096)', 'Prot LocalAddress:Port Scheduler Flags', '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn'];
  const vs: { key: string; lines: string[] }[] = [];
  for (const r of rules) {
    const persist = r.sessionAffinityTimeoutSeconds !== undefined ? ` persistent ${r.sessionAffinityTimeoutSeconds}` : '';
    const real = (eps: RuleEndpoint[]) => eps.map((e) => `  -> ${`${e.ip}:${e.port}`.padEnd(28)}Masq    1      0          0`);
    const internal = r.clusterIPVerdict === 'forward' ? (r.internalTrafficPolicy === 'Local' ? r.localEndpoints ?? [] : r.endpoints) : [];
    const external = r.externalVerdict === 'forward' ? (r.externalTrafficPolicy === 'Local' ? r.localEndpoints ?? [] : r.endpoints) : [];
    const add = (addr: string, eps: RuleEndpoint[]) => vs.push({ key: addr, lines: [`${r.protocol.padEnd(4)} ${addr} rr${persist}`, ...real(eps)] });
    add(`${r.clusterIP}:${r.port}`, internal);
    for (const ip of [...r.externalIPs, ...r.loadBalancerIPs]) add(`${ip}:${r.port}`, external);
    if (r.nodePort) add(`${nodeIP}:${r.nodePort}`, external);
  }
  vs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const v of vs) out.push(...v.lines);
  return `${out.join('\n')}\n`;
}

export function proxyRules(ctx: EngineContext): NodeProxyRules[] {
  const { table } = dataplaneState(ctx);
  const services = table.proxiedServices();
  const endpoints = (ref: ServicePortRef) => table.endpoints(ref);
  const mode = ctx.sim.proxyMode;
  const clusterCIDR = ctx.config.clusterCIDR;
  return table.nodes().map((n) => {
    const rules = services.flatMap((svc) => portRules(svc, n.name, endpoints));
    let text: string | undefined;
    return {
      node: n.name,
      nodeIP: n.ip,
      mode,
      services: rules,
      // Printing every rule costs more than the structure: only when someone reads it.
      get text() {
        return (text ??= mode === 'ipvs' ? ipvsadm(rules, n.ip) : iptablesSave(rules, clusterCIDR));
      },
    };
  });
}
