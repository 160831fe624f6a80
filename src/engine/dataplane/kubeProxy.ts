// What kube-proxy on one node does with a new connection to a Service address:
// which endpoints it may use (pkg/proxy/topology.go CategorizeEndpoints), REJECT
// or DROP when there are none, masquerade decisions, and the endpoint choice —
// iptables' `statistic --mode random --probability 1/(n−i)` rules, IPVS `rr`,
// and ClientIP session affinity (`-m recent` / IPVS persistence). Rule texts
// follow pkg/proxy/iptables/proxier.go (TestOverallIPTablesRulesWithMultipleServices).

import type { EngineContext } from '../context';
import type { Service } from '../core/types';
import { extChain, fwChain, sepChain, svcChain, svlChain } from './chainNames';
import { inCIDR, type ProxyEndpoint, type ServicePortRef } from './serviceTable';
import type { DataplaneState } from './state';
import type { Address, EndpointChoice } from './types';

/** How the packet addressed the Service. */
export type Entry = 'cluster IP' | 'external IP' | 'loadbalancer IP' | 'node port';

/** Where the packet's source is, as kube-proxy's rules tell them apart. */
export type SourceKind = 'pod' | 'node-local' | 'external';

export interface Categorized {
  cluster: ProxyEndpoint[];
  local: ProxyEndpoint[];
  hasAny: boolean;
  clusterFallback: boolean;
  localFallback: boolean;
}

export const DEFAULT_AFFINITY_SECONDS = 10800;

export function externallyAccessible(svc: Service): boolean {
  return svc.spec.type === 'NodePort' || svc.spec.type === 'LoadBalancer' || (svc.spec.externalIPs?.length ?? 0) > 0;
}

export function externalPolicyLocal(svc: Service): boolean {
  return externallyAccessible(svc) && svc.spec.externalTrafficPolicy === 'Local';
}

export function internalPolicyLocal(svc: Service): boolean {
  return svc.spec.internalTrafficPolicy === 'Local';
}

/** pkg/proxy/topology.go CategorizeEndpoints (without topology hints). */
export function categorizeEndpoints(endpoints: ProxyEndpoint[], svc: Service, nodeName: string): Categorized {
  const out: Categorized = { cluster: [], local: [], hasAny: false, clusterFallback: false, localFallback: false };
  const usesCluster = !internalPolicyLocal(svc) || (externallyAccessible(svc) && !externalPolicyLocal(svc));
  const usesLocal = internalPolicyLocal(svc) || externalPolicyLocal(svc);
  if (usesCluster) {
    out.cluster = endpoints.filter((e) => e.ready);
    if (out.cluster.length === 0) {
      out.cluster = endpoints.filter((e) => e.serving && e.terminating);
      out.clusterFallback = out.cluster.length > 0;
    }
    if (out.cluster.length > 0) out.hasAny = true;
  }
  if (!usesLocal) return out;
  let localReady = false;
  let localServingTerminating = false;
  for (const e of endpoints) {
    const isLocal = e.nodeName === nodeName;
    if (e.ready) {
      out.hasAny = true;
      if (isLocal) localReady = true;
    } else if (e.serving && e.terminating) {
      out.hasAny = true;
      if (isLocal) localServingTerminating = true;
    }
  }
  if (localReady) out.local = endpoints.filter((e) => e.nodeName === nodeName && e.ready);
  else if (localServingTerminating) {
    out.local = endpoints.filter((e) => e.nodeName === nodeName && e.serving && e.terminating);
    out.localFallback = true;
  }
  return out;
}

export interface ProxyInput {
  node: { name: string; ip: string };
  ref: ServicePortRef;
  entry: Entry;
  /** The destination as the packet arrived (ClusterIP:port, nodeIP:nodePort, LB IP:port …). */
  dst: Address;
  srcIP: string;
  srcKind: SourceKind;
}

export type ProxyDecision =
  | { verdict: 'reject'; rule: string; reason: string }
  | { verdict: 'drop'; rule: string; reason: string }
  | {
      verdict: 'dnat';
      endpoint: ProxyEndpoint;
      choice: EndpointChoice;
      /** The rules that matched, in order (dispatch, policy chain, endpoint chain). */
      rules: string[];
      reason: string;
      masquerade?: { rule: string; reason: string };
    };

function dstMatch(p: ProxyInput): string {
  const proto = p.ref.protocol.toLowerCase();
  return p.entry === 'node port'
    ? `-m addrtype --dst-type LOCAL -m ${proto} -p ${proto} --dport ${p.dst.port}`
    : `-m ${proto} -p ${proto} -d ${p.dst.ip} --dport ${p.dst.port}`;
}

/** kube-proxy's verdict for one new connection on `input.node`. Consumes ctx.rng (iptables) or the IPVS position. */
export function decide(ctx: EngineContext, state: DataplaneState, input: ProxyInput): ProxyDecision {
  const { ref, node, entry } = input;
  const svc = ref.svc;
  const pn = ref.portName;
  const proto = ref.protocol.toLowerCase();
  const cat = categorizeEndpoints(state.table.endpoints(ref), svc, node.name);
  const where = `kube-proxy on ${node.name}`;
  const what = entry === 'node port' ? `NodePort ${input.dst.port}` : `${entry} ${input.dst.ip}:${input.dst.port}`;
  const external = entry !== 'cluster IP';
  const filterChain = external ? 'KUBE-EXTERNAL-SERVICES' : 'KUBE-SERVICES';

  if (!cat.hasAny) {
    return {
      verdict: 'reject',
      rule: `-A ${filterChain} -m comment --comment "${pn} has no endpoints" ${dstMatch(input)} -j REJECT`,
      reason: `${where} has no ready endpoints for ${pn} (no ready pod matches the Service's selector), so its REJECT rule answers the ${what} at once: connection refused.`,
    };
  }

  if (entry === 'loadbalancer IP' && (svc.spec.loadBalancerSourceRanges?.length ?? 0) > 0) {
    const ranges = svc.spec.loadBalancerSourceRanges!.map((r) => r.trim());
    if (!ranges.some((r) => inCIDR(input.srcIP, r))) {
      return {
        verdict: 'drop',
        rule: `-A KUBE-PROXY-FIREWALL -m comment --comment "${pn} traffic not accepted by ${fwChain(pn, proto)}" -m ${proto} -p ${proto} -d ${input.dst.ip} --dport ${input.dst.port} -j DROP`,
        reason: `${input.srcIP} is outside loadBalancerSourceRanges (${ranges.join(', ')}), so ${where}'s firewall drops the packet.`,
      };
    }
  }

  const clusterCIDR = ctx.config.clusterCIDR;
  const rules: string[] = [];
  let candidates: ProxyEndpoint[];
  let chain: string;
  let masquerade: { rule: string; reason: string } | undefined;
  let fallback: boolean;
  const svcC = svcChain(pn, proto);
  const svlC = svlChain(pn, proto);

  if (!external) {
    rules.push(`-A KUBE-SERVICES -m comment --comment "${pn} cluster IP" ${dstMatch(input)} -j ${internalPolicyLocal(svc) ? svlC : svcC}`);
    if (internalPolicyLocal(svc)) {
      candidates = cat.local;
      chain = svlC;
      fallback = cat.localFallback;
      if (candidates.length === 0) {
        return {
          verdict: 'drop',
          rule: `-A KUBE-SERVICES -m comment --comment "${pn} has no local endpoints" ${dstMatch(input)} -j DROP`,
          reason: `internalTrafficPolicy: Local allows only endpoints on ${node.name}, and ${node.name} has none for ${pn}, so ${where} drops the packet.`,
        };
      }
    } else {
      candidates = cat.cluster;
      chain = svcC;
      fallback = cat.clusterFallback;
    }
    if (!inCIDR(input.srcIP, clusterCIDR)) {
      masquerade = {
        rule: `-A ${chain} -m comment --comment "${pn} cluster IP" ${dstMatch(input)} ! -s ${clusterCIDR} -j KUBE-MARK-MASQ`,
        reason: `the source ${input.srcIP} is outside the cluster CIDR ${clusterCIDR}, so the packet is masqueraded to ${node.name}'s IP ${node.ip} for the reply to come back through it.`,
      };
    }
  } else {
    const ext = extChain(pn, proto);
    const dispatch = entry === 'node port'
      ? `-A KUBE-NODEPORTS -m comment --comment ${pn} -m ${proto} -p ${proto} --dport ${input.dst.port} -j ${ext}`
      : `-A KUBE-SERVICES -m comment --comment "${pn} ${entry}" ${dstMatch(input)} -j ${ext}`;
    rules.push(dispatch);
    if (externalPolicyLocal(svc)) {
      if (input.srcKind === 'pod') {
        candidates = cat.cluster.length ? cat.cluster : cat.local;
        chain = svcC;
        fallback = cat.clusterFallback;
        rules.push(`-A ${ext} -m comment --comment "pod traffic for ${pn} external destinations" -s ${clusterCIDR} -j ${svcC}`);
      } else if (input.srcKind === 'node-local') {
        candidates = cat.cluster.length ? cat.cluster : cat.local;
        chain = svcC;
        fallback = cat.clusterFallback;
        masquerade = {
          rule: `-A ${ext} -m comment --comment "masquerade LOCAL traffic for ${pn} external destinations" -m addrtype --src-type LOCAL -j KUBE-MARK-MASQ`,
          reason: `traffic from ${node.name} itself to its ${what} is masqueraded and sent to any endpoint in the cluster.`,
        };
        rules.push(`-A ${ext} -m comment --comment "route LOCAL traffic for ${pn} external destinations" -m addrtype --src-type LOCAL -j ${svcC}`);
      } else {
        candidates = cat.local;
        chain = svlC;
        fallback = cat.localFallback;
        if (candidates.length === 0) {
          return {
            verdict: 'drop',
            rule: `-A KUBE-EXTERNAL-SERVICES -m comment --comment "${pn} has no local endpoints" ${dstMatch(input)} -j DROP`,
            reason: `externalTrafficPolicy: Local sends external traffic only to endpoints on the receiving node, and ${node.name} has none for ${pn}, so ${where} drops the packet (the client times out).`,
          };
        }
        rules.push(`-A ${ext} -j ${svlC}`);
      }
    } else {
      candidates = cat.cluster;
      chain = svcC;
      fallback = cat.clusterFallback;
      masquerade = {
        rule: `-A ${ext} -m comment --comment "masquerade traffic for ${pn} external destinations" -j KUBE-MARK-MASQ`,
        reason: `externalTrafficPolicy: Cluster masquerades traffic to the ${what}: the source becomes ${node.name}'s IP ${node.ip}, so the pod does not see the client's address.`,
      };
      rules.push(`-A ${ext} -j ${svcC}`);
    }
  }
  if (candidates.length === 0) {
    return { verdict: 'drop', rule: `-A ${chain} -j DROP`, reason: `${where} has no usable endpoint for ${pn}, so it drops the packet.` };
  }

  const picked = ctx.sim.proxyMode === 'ipvs'
    ? pickIPVS(ctx, state, input, candidates)
    : pickIptables(ctx, state, input, candidates, chain);
  rules.push(...picked.rules);
  const ep = picked.endpoint;
  if (!masquerade && ep.ip === input.srcIP) {
    masquerade = {
      rule: `-A ${sepChain(pn, proto, ep.endpoint)} -m comment --comment ${pn} -s ${ep.ip} -j KUBE-MARK-MASQ`,
      reason: `the pod reached itself through the Service (hairpin), so the packet is masqueraded to ${node.name}'s IP ${node.ip}.`,
    };
  }
  const choice: EndpointChoice = { ...picked.choice, terminatingFallback: fallback || undefined };
  const podText = ep.pod ? `pod ${ep.pod.namespace}/${ep.pod.name}` : ep.ip;
  const fb = fallback ? ' No endpoint was ready, so kube-proxy fell back to serving endpoints of terminating pods.' : '';
  return {
    verdict: 'dnat',
    endpoint: ep,
    choice,
    rules,
    masquerade,
    reason: `${where} rewrote the destination ${input.dst.ip}:${input.dst.port} to ${ep.endpoint} (${podText}${ep.nodeName ? ` on ${ep.nodeName}` : ''}), ${choice.how === 'the only endpoint' ? 'the only endpoint' : `chosen by ${choice.how}`}.${fb}`,
  };
}

interface Picked {
  endpoint: ProxyEndpoint;
  choice: EndpointChoice;
  rules: string[];
}

function affinitySeconds(svc: Service): number | undefined {
  if (svc.spec.sessionAffinity !== 'ClientIP') return undefined;
  return svc.spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? DEFAULT_AFFINITY_SECONDS;
}

function choiceOf(ep: ProxyEndpoint, n: number, how: string, extra: Partial<EndpointChoice> = {}): EndpointChoice {
  return { ip: ep.ip, port: ep.port, pod: ep.pod, nodeName: ep.nodeName, how, of: n, ...extra };
}

function pickIptables(ctx: EngineContext, state: DataplaneState, input: ProxyInput, eps: ProxyEndpoint[], chain: string): Picked {
  const pn = input.ref.portName;
  const proto = input.ref.protocol.toLowerCase();
  const n = eps.length;
  const now = ctx.clock.now();
  const timeout = affinitySeconds(input.ref.svc);
  const sep = (e: ProxyEndpoint) => sepChain(pn, proto, e.endpoint);
  const affinityKey = (e: ProxyEndpoint) => `${input.node.name}|iptables|${sep(e)}|${input.srcIP}`;
  const dnatRule = (e: ProxyEndpoint) =>
    `-A ${sep(e)} -m comment --comment ${pn}${timeout !== undefined ? ` -m recent --name ${sep(e)} --set` : ''} -m ${proto} -p ${proto} -j DNAT --to-destination ${e.endpoint}`;
  const pinned = timeout === undefined ? undefined : pinnedEndpoint(state, eps, affinityKey, now, timeout);
  if (pinned && timeout !== undefined) {
    const until = now + timeout * 1000;
    return {
      endpoint: pinned,
      choice: choiceOf(pinned, n, `session affinity: ${input.srcIP} was sent here before, pinned until ${ctx.clock.timestamp(until)}`, { pinnedUntilMs: until }),
      rules: [`-A ${chain} -m comment --comment "${pn} -> ${pinned.endpoint}" -m recent --name ${sep(pinned)} --rcheck --seconds ${timeout} --reap -j ${sep(pinned)}`, dnatRule(pinned)],
    };
  }
  let i = 0;
  for (; i < n - 1; i++) if (ctx.rng.next() < 1 / (n - i)) break;
  const e = eps[i];
  const last = i === n - 1;
  const probability = last ? 'unconditional' : (1 / (n - i)).toFixed(10);
  let how = n === 1
    ? 'the only endpoint'
    : last
      ? `the last rule of ${n} (taken when the ${n - 1} random rules before it did not match; overall 1/${n})`
      : `random: rule ${i + 1} of ${n} matched with probability ${probability} (overall 1/${n})`;
  const extra: Partial<EndpointChoice> = { probability };
  if (timeout !== undefined) {
    state.affinity.set(affinityKey(e), now);
    extra.pinnedUntilMs = now + timeout * 1000;
    how += `; sessionAffinity ClientIP pins ${input.srcIP} here until ${ctx.clock.timestamp(extra.pinnedUntilMs)}`;
  }
  const svcRule = `-A ${chain} -m comment --comment "${pn} -> ${e.endpoint}"${last ? '' : ` -m statistic --mode random --probability ${probability}`} -j ${sep(e)}`;
  return { endpoint: e, choice: choiceOf(e, n, how, extra), rules: [svcRule, dnatRule(e)] };
}

/**
 * The endpoint this client was sent to within the affinity timeout (iptables' `recent`
 * match, IPVS persistence), its timestamp refreshed as a new packet does; undefined when none.
 */
function pinnedEndpoint(state: DataplaneState, eps: ProxyEndpoint[], keyOf: (e: ProxyEndpoint) => string, now: number, timeoutSeconds: number): ProxyEndpoint | undefined {
  for (const e of eps) {
    const seen = state.affinity.get(keyOf(e));
    if (seen !== undefined && now - seen <= timeoutSeconds * 1000) {
      state.affinity.set(keyOf(e), now);
      return e;
    }
  }
  return undefined;
}

function pickIPVS(ctx: EngineContext, state: DataplaneState, input: ProxyInput, eps: ProxyEndpoint[]): Picked {
  const n = eps.length;
  const vs = `${input.dst.ip}:${input.dst.port}`;
  const vsKey = `${input.node.name}|${vs}/${input.ref.protocol}`;
  const now = ctx.clock.now();
  const timeout = affinitySeconds(input.ref.svc);
  const header = `${input.ref.protocol}  ${vs} rr${timeout !== undefined ? ` persistent ${timeout}` : ''}`;
  const rs = (e: ProxyEndpoint) => `  -> ${e.endpoint.padEnd(28)}Masq    1      0          0`;
  const key = (e: ProxyEndpoint) => `${vsKey}|ipvs|${input.srcIP}|${e.endpoint}`;
  const pinned = timeout === undefined ? undefined : pinnedEndpoint(state, eps, key, now, timeout);
  if (pinned && timeout !== undefined) {
    const until = now + timeout * 1000;
    return {
      endpoint: pinned,
      choice: choiceOf(pinned, n, `IPVS persistence: ${input.srcIP} was sent here before, pinned until ${ctx.clock.timestamp(until)}`, { pinnedUntilMs: until }),
      rules: [header, rs(pinned)],
    };
  }
  const next = state.ipvsNext.get(vsKey) ?? 0;
  const idx = next % n;
  state.ipvsNext.set(vsKey, idx + 1);
  const e = eps[idx];
  let how = `IPVS round robin: real server ${idx + 1} of ${n} for virtual server ${vs}`;
  const extra: Partial<EndpointChoice> = {};
  if (timeout !== undefined) {
    state.affinity.set(key(e), now);
    extra.pinnedUntilMs = now + timeout * 1000;
    how += `; persistence pins ${input.srcIP} here until ${ctx.clock.timestamp(extra.pinnedUntilMs)}`;
  }
  return { endpoint: e, choice: choiceOf(e, n, how, extra), rules: [header, rs(e)] };
}

/** kube-proxy's healthCheckNodePort answer (pkg/proxy/healthcheck/service_health.go). */
export function healthCheckResponse(state: DataplaneState, svc: Service, nodeName: string): { status: number; body: string; localEndpoints: number } {
  let count = 0;
  const seen = new Set<string>();
  for (const port of svc.spec.ports ?? []) {
    const ref = { svc, port, portName: '', protocol: port.protocol ?? 'TCP' };
    ref.portName = `${svc.metadata.namespace}/${svc.metadata.name}${port.name ? `:${port.name}` : ''}`;
    for (const e of state.table.endpoints(ref)) {
      if (e.nodeName === nodeName && e.ready && !seen.has(e.ip)) {
        seen.add(e.ip);
        count++;
      }
    }
  }
  const body = `{\n\t"service": {\n\t\t"namespace": "${svc.metadata.namespace}",\n\t\t"name": "${svc.metadata.name}"\n\t},\n\t"localEndpoints": ${count},\n\t"serviceProxyHealthy": true\n}`;
  return { status: count > 0 ? 200 : 503, body, localEndpoints: count };
}
