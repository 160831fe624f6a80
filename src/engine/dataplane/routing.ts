// The packet's path for one new TCP connection: from the client, through the
// cloud load balancer and the nodes' kube-proxy rules, across the pod network,
// past NetworkPolicy, to a listening socket — or to the REJECT / DROP / missing
// route that stops it. Each step appends one hop.

import { parseIPv4 } from '../api/validation/common';
import type { EngineContext } from '../context';
import type { Container, Pod } from '../core/types';
import { evaluateConnection } from '../network/networkPolicy';
import { listeningPorts, listensOn } from '../workloads/containerBehaviour';
import { decide, healthCheckResponse, type Entry, type SourceKind } from './kubeProxy';
import type { ServicePortRef } from './serviceTable';
import { type DataplaneState, ephemeralPort } from './state';
import type { Address, Hop, PacketHeader, PlaceRef, TraceOutcome } from './types';
import { WORKSTATION_IP } from '../programs/types';

export interface NodeRef {
  name: string;
  ip: string;
}

/** Where the connection ends when it succeeds. */
export type Arrival =
  | { kind: 'pod'; pod: Pod; container: Container; node: NodeRef; packet: PacketHeader }
  | { kind: 'special'; status: number; headers: [string, string][]; body: string; tls?: boolean; where: PlaceRef };

export type LegResult = { ok: true; arrival: Arrival } | { ok: false; outcome: TraceOutcome };

export type Client =
  | { kind: 'workstation'; ip: string }
  | { kind: 'node'; ip: string; node: NodeRef }
  | { kind: 'pod'; ip: string; node: NodeRef; pod: Pod };

export const WORKSTATION: PlaceRef = { kind: 'Workstation', name: 'workstation', ip: WORKSTATION_IP };

export const nodePlace = (n: NodeRef): PlaceRef => ({ kind: 'Node', name: n.name, ip: n.ip });
export const podPlace = (p: Pod): PlaceRef => ({ kind: 'Pod', namespace: p.metadata.namespace, name: p.metadata.name!, ip: p.status?.podIP });
export const clientPlace = (c: Client): PlaceRef => (c.kind === 'workstation' ? WORKSTATION : c.kind === 'node' ? nodePlace(c.node) : podPlace(c.pod));

const fmt = (a: Address) => `${a.ip}:${a.port}`;
const copy = (p: PacketHeader): PacketHeader => ({ src: { ...p.src }, dst: { ...p.dst } });

const refused = (a: Address, reason: string): LegResult => ({ ok: false, outcome: { kind: 'refused', ip: a.ip, port: a.port, reason } });
const timedOut = (a: Address, reason: string): LegResult => ({ ok: false, outcome: { kind: 'timeout', ip: a.ip, port: a.port, reason } });

export class Router {
  constructor(
    readonly ctx: EngineContext,
    readonly state: DataplaneState,
    readonly hops: Hop[],
  ) {}

  private hop(h: Hop): void {
    this.hops.push(h);
  }

  private node(name: string | undefined): NodeRef | undefined {
    if (!name) return undefined;
    const ip = this.state.table.nodeIP(name);
    return ip ? { name, ip } : undefined;
  }

  /** Opens a TCP connection from `client` to `dst`. */
  connect(client: Client, dst: Address): LegResult {
    const pkt: PacketHeader = { src: { ip: client.ip, port: ephemeralPort(this.state) }, dst: { ...dst } };
    const from = clientPlace(client);
    this.hop({ action: 'send', where: from, before: copy(pkt), after: copy(pkt), reason: `${describe(from)} opens a TCP connection from ${fmt(pkt.src)} to ${fmt(dst)}.` });
    if (client.kind === 'pod') {
      if (dst.ip === '127.0.0.1' || dst.ip === client.ip) return this.toPodSocket(client.node, pkt, client.pod, true);
      return this.atNode(client.node, pkt, 'pod');
    }
    if (client.kind === 'node') {
      if (dst.ip === '127.0.0.1') {
        if (this.ctx.sim.proxyMode === 'iptables' && this.state.table.nodePort(dst.port, 'TCP')) return this.atNode(client.node, pkt, 'node-local', true);
        return this.nodeSocket(client.node, pkt);
      }
      return this.atNode(client.node, pkt, 'node-local');
    }
    return this.fromWorkstation(pkt);
  }

  private fromWorkstation(pkt: PacketHeader): LegResult {
    const t = this.state.table;
    const dst = pkt.dst;
    if (dst.ip === '127.0.0.1') return refused(dst, `Nothing listens on port ${dst.port} of your own machine (127.0.0.1 is not the cluster).`);
    const node = t.nodeByIP(dst.ip);
    if (node) return this.travel(WORKSTATION, node, pkt, 'external');
    const lbOwner = t.loadBalancerOwner(dst.ip);
    if (lbOwner) return this.viaLoadBalancer(lbOwner, pkt);
    const vip = t.vip(dst.ip, dst.port, 'TCP');
    if (vip?.kind === 'external IP') {
      const target = t.nodes()[0];
      this.hop({
        action: 'route', where: WORKSTATION, to: nodePlace(target), before: copy(pkt), after: copy(pkt),
        reason: `The network routes externalIP ${dst.ip} to ${target.name} (Kubernetes does not manage this route; every node's kube-proxy accepts it).`,
      });
      return this.atNode(target, pkt, 'external');
    }
    if (t.clusterIPOwner(dst.ip)) {
      return this.drop(WORKSTATION, pkt, `${dst.ip} is the ClusterIP of Service ${t.clusterIPOwner(dst.ip)}; ClusterIPs exist only in the nodes' kube-proxy rules, so your machine has no route to them and the connection times out. Use a NodePort or LoadBalancer Service, or kubectl port-forward.`);
    }
    if (t.podByIP(dst.ip) || inPodNetwork(this.ctx, dst.ip)) {
      return this.drop(WORKSTATION, pkt, `${dst.ip} is a pod IP on the cluster's pod network (${this.ctx.config.clusterCIDR}); your machine has no route to it, so the connection times out.`);
    }
    if (lbPool(dst.ip)) return this.drop(WORKSTATION, pkt, `No load balancer answers at ${dst.ip}: no LoadBalancer Service has this address.`);
    return this.drop(WORKSTATION, pkt, `No host answers at ${dst.ip} in the simulated network.`);
  }

  private viaLoadBalancer(svcKey: string, pkt: PacketHeader): LegResult {
    const t = this.state.table;
    const svc = t.service(svcKey)!;
    const lb: PlaceRef = { kind: 'LoadBalancer', namespace: svc.metadata.namespace, name: svc.metadata.name!, ip: pkt.dst.ip };
    this.hop({ action: 'route', where: WORKSTATION, to: lb, before: copy(pkt), after: copy(pkt), reason: `The packet reaches the cloud load balancer of Service ${svcKey} at ${pkt.dst.ip}.` });
    const up = t.nodes().filter((n) => n.ready);
    let healthy = up;
    let why = 'it spreads new connections over the running nodes';
    if (svc.spec.externalTrafficPolicy === 'Local' && svc.spec.healthCheckNodePort) {
      healthy = up.filter((n) => healthCheckResponse(this.state, svc, n.name).status === 200);
      why = healthy.length
        ? `externalTrafficPolicy: Local — only nodes whose healthCheckNodePort ${svc.spec.healthCheckNodePort} answers 200 (a local endpoint) receive traffic`
        : `no node passes the healthCheckNodePort ${svc.spec.healthCheckNodePort} check, so the load balancer tries them all`;
      if (!healthy.length) healthy = up;
    }
    if (!healthy.length) return this.drop(lb, pkt, 'Every node is stopped, so the load balancer has nowhere to send the connection.');
    const target = healthy[this.ctx.rng.int(healthy.length)];
    this.hop({
      action: 'loadbalancer', where: lb, to: nodePlace(target), before: copy(pkt), after: copy(pkt),
      rule: `backends: ${healthy.map((n) => n.name).join(', ')}`,
      reason: `The load balancer sends the connection to ${target.name} (${why}); the destination stays ${fmt(pkt.dst)} (ipMode VIP), which kube-proxy there captures.`,
    });
    return this.atNode(target, pkt, 'external');
  }

  /** The packet crosses the network from `from` to node `node` and enters its netfilter. */
  private travel(from: PlaceRef, node: { name: string; ip: string; ready: boolean }, pkt: PacketHeader, kind: SourceKind): LegResult {
    this.hop({ action: 'route', where: from, to: nodePlace(node), before: copy(pkt), after: copy(pkt), reason: `The packet travels over the nodes' network to ${node.name} (${node.ip}).` });
    if (!node.ready) return this.drop(nodePlace(node), pkt, `${node.name} is stopped, so nothing answers and the connection times out.`);
    return this.atNode(node, pkt, kind);
  }

  /** kube-proxy's rules (KUBE-SERVICES, KUBE-NODEPORTS) and the kernel's routing on `node`. */
  private atNode(node: NodeRef, pkt: PacketHeader, kind: SourceKind, localhost = false): LegResult {
    const t = this.state.table;
    const dst = pkt.dst;
    const vip = t.vip(dst.ip, dst.port, 'TCP');
    if (vip) return this.proxy(node, pkt, t.portRef(vip.svcKey, vip.portIndex)!, vip.kind, kind);
    const local = dst.ip === node.ip || localhost;
    if (local) {
      const np = t.nodePort(dst.port, 'TCP');
      if (np) return this.proxy(node, pkt, t.portRef(np.svcKey, np.portIndex)!, 'node port', kind);
      return this.nodeSocket(node, pkt);
    }
    const owner = t.clusterIPOwner(dst.ip);
    if (owner) {
      const ports = (t.service(owner)?.spec.ports ?? []).map((p) => `${p.port}/${p.protocol ?? 'TCP'}`).join(', ');
      if (this.ctx.sim.proxyMode === 'ipvs') {
        this.hop({ action: 'reject', where: nodePlace(node), before: copy(pkt), reason: `In IPVS mode ${dst.ip} is bound to ${node.name}'s kube-ipvs0 interface, but Service ${owner} declares only ${ports}; nothing listens on port ${dst.port}, so the kernel resets the connection.` });
        return refused(dst, `Service ${owner} has no port ${dst.port} (it declares ${ports}).`);
      }
      return this.drop(nodePlace(node), pkt, `kube-proxy has rules for ${dst.ip} only on the ports Service ${owner} declares (${ports}); a packet to port ${dst.port} matches no rule, leaves for the default gateway and is lost.`);
    }
    const pod = t.podByIP(dst.ip);
    if (pod) return this.toPod(node, pkt, pod);
    const other = t.nodeByIP(dst.ip);
    if (other) return this.travel(nodePlace(node), other, pkt, kind === 'pod' ? 'pod' : 'external');
    if (inPodNetwork(this.ctx, dst.ip)) return this.drop(nodePlace(node), pkt, `No pod has the address ${dst.ip} (it may have been deleted); the packet is lost.`);
    return this.drop(nodePlace(node), pkt, `No host answers at ${dst.ip} in the simulated network.`);
  }

  private proxy(node: NodeRef, pkt: PacketHeader, ref: ServicePortRef, entry: Entry, kind: SourceKind): LegResult {
    const svc = { namespace: ref.svc.metadata.namespace!, name: ref.svc.metadata.name!, port: ref.port.port, portName: ref.port.name, protocol: ref.protocol };
    const d = decide(this.ctx, this.state, { node, ref, entry, dst: pkt.dst, srcIP: pkt.src.ip, srcKind: kind });
    const where = nodePlace(node);
    if (d.verdict === 'reject') {
      this.hop({ action: 'reject', where, service: svc, before: copy(pkt), rule: d.rule, reason: d.reason });
      return refused(pkt.dst, d.reason);
    }
    if (d.verdict === 'drop') {
      this.hop({ action: 'drop', where, service: svc, before: copy(pkt), rule: d.rule, reason: d.reason });
      return timedOut(pkt.dst, d.reason);
    }
    const before = copy(pkt);
    pkt.dst = { ip: d.endpoint.ip, port: d.endpoint.port };
    this.hop({ action: 'dnat', where, to: { kind: 'Service', namespace: svc.namespace, name: svc.name }, service: svc, before, after: copy(pkt), rule: d.rules.join('\n'), endpoint: d.choice, reason: d.reason });
    if (d.masquerade) {
      const b = copy(pkt);
      pkt.src = { ip: node.ip, port: ephemeralPort(this.state) };
      this.hop({ action: 'snat', where, service: svc, before: b, after: copy(pkt), rule: `${d.masquerade.rule}\n-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE`, reason: `SNAT: ${d.masquerade.reason}` });
    }
    const pod = this.state.table.podByIP(pkt.dst.ip);
    if (pod) return this.toPod(node, pkt, pod);
    const other = this.state.table.nodeByIP(pkt.dst.ip);
    if (other) {
      if (other.name === node.name) return this.nodeSocket(node, pkt);
      this.hop({ action: 'route', where, to: nodePlace(other), before: copy(pkt), after: copy(pkt), reason: `The endpoint ${fmt(pkt.dst)} is ${other.name}'s own address.` });
      return this.nodeSocket(other, pkt);
    }
    return this.drop(where, pkt, `The endpoint ${fmt(pkt.dst)} is not a pod or node of the simulated cluster; the packet is lost.`);
  }

  /** Routing over the pod network to the pod's node, then into the pod. */
  private toPod(node: NodeRef, pkt: PacketHeader, pod: Pod): LegResult {
    const podNode = this.node(pod.spec.nodeName) ?? node;
    if (podNode.name !== node.name) {
      this.hop({
        action: 'route', where: nodePlace(node), to: nodePlace(podNode), before: copy(pkt), after: copy(pkt),
        reason: `${pkt.dst.ip} is in ${podNode.name}'s pod CIDR, so the packet crosses the pod network from ${node.name} to ${podNode.name}.`,
      });
      if (this.ctx.sim.stoppedNodes.has(podNode.name)) return this.drop(nodePlace(podNode), pkt, `${podNode.name} is stopped, so the pod cannot answer and the connection times out.`);
    }
    return this.toPodSocket(podNode, pkt, pod, false);
  }

  private toPodSocket(node: NodeRef, pkt: PacketHeader, pod: Pod, loopback: boolean): LegResult {
    const where = podPlace(pod);
    if (!loopback) {
      const fromPod = this.state.table.podByIP(pkt.src.ip);
      const v = evaluateConnection(this.ctx, {
        from: { ip: pkt.src.ip, pod: fromPod ? { namespace: fromPod.metadata.namespace!, name: fromPod.metadata.name! } : undefined },
        to: { ip: pkt.dst.ip, pod: { namespace: pod.metadata.namespace!, name: pod.metadata.name! } },
        port: pkt.dst.port,
        protocol: 'TCP',
      });
      this.hop({
        action: 'policy', where: nodePlace(node), to: where, before: copy(pkt), after: copy(pkt),
        policy: { name: v.policy, rule: v.rule, allowed: v.allowed, direction: v.direction },
        rule: v.policy ? `${v.policy}${v.rule ? ` ${v.rule}` : ''}` : undefined,
        reason: `NetworkPolicy: ${v.reason}`,
      });
      if (!v.allowed) return timedOut(pkt.dst, `NetworkPolicy drops the packet: ${v.reason}`);
    }
    const port = pkt.dst.port;
    const listening = pod.spec.containers.filter((c) => listensOn(c, port));
    const running = (c: Container) => !!pod.status?.containerStatuses?.find((s) => s.name === c.name)?.state.running;
    const c = listening.find(running);
    if (!c) {
      const others = pod.spec.containers.map((x) => `${x.name} on ${[...listeningPorts(x)].sort((a, b) => a - b).join(', ') || 'no port'}`).join('; ');
      const reason = listening.length
        ? `Container ${listening[0].name} in pod ${pod.metadata.name} listens on port ${port} but is not running, so the pod's kernel answers with a reset: connection refused.`
        : `Nothing in pod ${pod.metadata.name} listens on port ${port} (${others}), so the pod's kernel answers with a reset: connection refused. Check the Service's targetPort.`;
      this.hop({ action: 'reject', where, before: copy(pkt), reason });
      return refused(pkt.dst, reason);
    }
    this.hop({ action: 'deliver', where, before: copy(pkt), after: copy(pkt), reason: `Container ${c.name} (${c.image ?? ''}) accepts the connection on port ${port}; it sees the client as ${pkt.src.ip}.` });
    return { ok: true, arrival: { kind: 'pod', pod, container: c, node, packet: copy(pkt) } };
  }

  /** Sockets of the node itself: the API server on the control plane, kube-proxy's health ports. */
  private nodeSocket(node: NodeRef, pkt: PacketHeader): LegResult {
    const where = nodePlace(node);
    const port = pkt.dst.port;
    const hc = this.state.table.healthCheck(port);
    if (hc) {
      const svc = this.state.table.service(hc)!;
      const r = healthCheckResponse(this.state, svc, node.name);
      this.hop({ action: 'deliver', where, before: copy(pkt), reason: `kube-proxy on ${node.name} serves Service ${hc}'s healthCheckNodePort ${port}: ${r.localEndpoints} local endpoint(s), so it answers ${r.status}.` });
      return { ok: true, arrival: { kind: 'special', status: r.status, body: r.body, where, headers: [['Content-Type', 'application/json'], ['X-Content-Type-Options', 'nosniff'], ['X-Load-Balancing-Endpoint-Weight', String(r.localEndpoints)]] } };
    }
    if (port === 6443 && node.name === this.state.table.nodes()[0]?.name) {
      this.hop({ action: 'deliver', where, before: copy(pkt), reason: `The kube-apiserver on the control-plane node ${node.name} accepts the connection on port 6443 (HTTPS only).` });
      return { ok: true, arrival: { kind: 'special', status: 403, tls: true, where, headers: [['Content-Type', 'application/json']], body: API_FORBIDDEN } };
    }
    if (port === 10256) {
      this.hop({ action: 'deliver', where, before: copy(pkt), reason: `kube-proxy on ${node.name} serves its health check on port 10256.` });
      const now = this.ctx.clock.timestamp();
      return { ok: true, arrival: { kind: 'special', status: 200, where, headers: [['Content-Type', 'application/json']], body: `{"lastUpdated": "${now}","currentTime": "${now}", "nodeEligible": true}` } };
    }
    const reason = `Nothing listens on ${node.name} port ${port} (NodePorts are in ${this.ctx.config.nodePortBase}-${this.ctx.config.nodePortBase + this.ctx.config.nodePortSize - 1}), so the node answers with a reset: connection refused.`;
    this.hop({ action: 'reject', where, before: copy(pkt), reason });
    return refused(pkt.dst, reason);
  }

  private drop(where: PlaceRef, pkt: PacketHeader, reason: string): LegResult {
    this.hop({ action: 'drop', where, before: copy(pkt), reason });
    return timedOut(pkt.dst, reason);
  }
}

const API_FORBIDDEN = `{
  "kind": "Status",
  "apiVersion": "v1",
  "metadata": {},
  "status": "Failure",
  "message": "forbidden: User \\"system:anonymous\\" cannot get path \\"/\\"",
  "reason": "Forbidden",
  "details": {},
  "code": 403
}`;

function describe(p: PlaceRef): string {
  if (p.kind === 'Workstation') return `Your machine (${p.ip})`;
  if (p.kind === 'Pod') return `Pod ${p.namespace}/${p.name} (${p.ip})`;
  return `${p.kind} ${p.name}${p.ip ? ` (${p.ip})` : ''}`;
}

function inPodNetwork(ctx: EngineContext, ip: string): boolean {
  const [base, bits] = ctx.config.clusterCIDR.split('/');
  const a = parseIPv4(ip);
  const b = parseIPv4(base);
  if (a === undefined || b === undefined) return false;
  const mask = (0xffffffff << (32 - Number(bits))) >>> 0;
  return ((a & mask) >>> 0) === ((b & mask) >>> 0);
}

function lbPool(ip: string): boolean {
  return ip.startsWith('203.0.113.');
}
