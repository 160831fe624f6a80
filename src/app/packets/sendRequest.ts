// Sending a request: who can send (your machine, your machine through the
// ingress, a pod whose image has curl or wget), what it can be sent to (a Service
// by name, its ClusterIP, a node IP and nodePort, a load-balancer IP, an Ingress
// host and path), prefilled from the cluster's objects, and the command line that
// does it, run through runCommand so the terminal shows it too. Pure; opening the
// dialog (openSendRequest) lives in sendRequestOpener.ts.

import type { ClusterSnapshot, KubeObject, TraceRequest } from '../../engine';
import type { SendFrom } from '../../embed/messageApi';
import { imageTools } from '../../engine/network/podTools';

export type SourceChoice =
  | { kind: 'workstation' }
  | { kind: 'ingress' }
  | { kind: 'pod'; namespace: string; name: string; tool: 'curl' | 'wget' };

export interface Destination {
  /** What the person sees in the list. */
  label: string;
  url: string;
  /** The Host header to send (Ingress rules match on it). */
  host?: string;
  /** The Service behind it, to list its pods in the traffic share. */
  service?: { namespace: string; name: string };
}

interface SvcPort { name?: string; port: number; nodePort?: number; protocol?: string }
interface Svc extends KubeObject {
  spec: { type?: string; clusterIP?: string; ports?: SvcPort[]; externalName?: string };
  status?: { loadBalancer?: { ingress?: { ip?: string }[] } };
}
interface PodObj extends KubeObject {
  spec: { nodeName?: string; containers: { name: string; image?: string }[] };
  status?: { podIP?: string; phase?: string };
}
interface NodeObj extends KubeObject {
  status?: { addresses?: { type: string; address: string }[] };
}
interface IngressObj extends KubeObject {
  spec: { rules?: { host?: string; http?: { paths?: { path?: string; backend?: { service?: { name: string } } }[] } }[] };
}

const list = <T>(s: ClusterSnapshot, kind: string) => (s.objects[kind] ?? []) as unknown as T[];
const nsOf = (o: KubeObject) => o.metadata.namespace ?? 'default';
const nameOf = (o: KubeObject) => o.metadata.name ?? '';

export function sourceKey(src: SourceChoice): string {
  return src.kind === 'pod' ? `pod:${src.namespace}/${src.name}` : src.kind;
}

/** Your machine, through the ingress (when an ingress controller exists), and every running pod that has curl or wget. */
export function sources(s: ClusterSnapshot): { key: string; label: string; source: SourceChoice }[] {
  const out: { key: string; label: string; source: SourceChoice }[] = [{ key: 'workstation', label: 'Your machine', source: { kind: 'workstation' } }];
  if (ingressEntry(s)) out.push({ key: 'ingress', label: 'Your machine, through the ingress', source: { kind: 'ingress' } });
  const pods = list<PodObj>(s, 'Pod')
    .filter((p) => p.status?.podIP && p.status.phase === 'Running' && !p.metadata.deletionTimestamp)
    .sort((a, b) => (nsOf(a) === nsOf(b) ? (nameOf(a) < nameOf(b) ? -1 : 1) : nsOf(a) === 'default' ? -1 : nsOf(b) === 'default' ? 1 : nsOf(a) < nsOf(b) ? -1 : 1));
  for (const p of pods) {
    const programs = imageTools(p.spec.containers[0]?.image).programs;
    const tool = programs.has('curl') ? 'curl' : programs.has('wget') ? 'wget' : undefined;
    if (!tool) continue;
    const source: SourceChoice = { kind: 'pod', namespace: nsOf(p), name: nameOf(p), tool };
    out.push({ key: sourceKey(source), label: `Pod ${nsOf(p)}/${nameOf(p)} (${tool})`, source });
  }
  return out;
}

function nodeIPs(s: ClusterSnapshot): { name: string; ip: string }[] {
  return list<NodeObj>(s, 'Node')
    .map((n) => ({ name: nameOf(n), ip: n.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '' }))
    .filter((n) => n.ip);
}

const withPort = (host: string, port: number) => (port === 80 ? host : `${host}:${port}`);

/** Where the ingress controller is reached from outside: its load-balancer IP, else a node IP and its nodePort. */
function ingressEntry(s: ClusterSnapshot): string | undefined {
  const svc = list<Svc>(s, 'Service').find((x) => nsOf(x) === 'ingress-nginx' && x.metadata.name === 'ingress-nginx-controller');
  if (!svc) return undefined;
  const http = svc.spec.ports?.find((p) => p.port === 80) ?? svc.spec.ports?.[0];
  const lb = svc.status?.loadBalancer?.ingress?.[0]?.ip;
  if (lb && http) return withPort(lb, http.port);
  const node = nodeIPs(s)[0];
  return node && http?.nodePort ? `${node.ip}:${http.nodePort}` : undefined;
}

/** What `source` can send to, most useful first. */
export function destinations(s: ClusterSnapshot, source: SourceChoice): Destination[] {
  const out: Destination[] = [];
  if (source.kind === 'ingress') {
    const entry = ingressEntry(s);
    if (!entry) return out;
    for (const ing of list<IngressObj>(s, 'Ingress')) {
      for (const rule of ing.spec.rules ?? []) {
        for (const p of rule.http?.paths ?? []) {
          const backend = p.backend?.service?.name;
          out.push({
            label: `Ingress ${nsOf(ing)}/${nameOf(ing)}: ${rule.host ?? '*'}${p.path ?? '/'}${backend ? ` → Service ${backend}` : ''}`,
            url: `http://${entry}${p.path ?? '/'}`,
            host: rule.host,
            service: backend ? { namespace: nsOf(ing), name: backend } : undefined,
          });
        }
      }
    }
    return out;
  }
  const nodes = nodeIPs(s);
  const services = list<Svc>(s, 'Service').filter((x) => !(nsOf(x) === 'default' && x.metadata.name === 'kubernetes'));
  const user = services.filter((x) => nsOf(x) !== 'kube-system' && nsOf(x) !== 'ingress-nginx');
  for (const svc of [...user, ...services.filter((x) => !user.includes(x))]) {
    const ns = nsOf(svc);
    const name = nameOf(svc);
    const ref = { namespace: ns, name };
    const type = svc.spec.type ?? 'ClusterIP';
    for (const port of svc.spec.ports ?? []) {
      if (port.protocol && port.protocol !== 'TCP') continue;
      if (source.kind === 'pod') {
        const host = ns === source.namespace ? name : `${name}.${ns}`;
        out.push({ label: `Service ${ns}/${name} by name (${withPort(host, port.port)})`, url: `http://${withPort(host, port.port)}/`, service: ref });
        if (svc.spec.clusterIP && svc.spec.clusterIP !== 'None') out.push({ label: `Service ${ns}/${name} ClusterIP ${svc.spec.clusterIP}:${port.port}`, url: `http://${withPort(svc.spec.clusterIP, port.port)}/`, service: ref });
      }
      if (port.nodePort) {
        for (const n of nodes) out.push({ label: `Service ${ns}/${name} NodePort on ${n.name} (${n.ip}:${port.nodePort})`, url: `http://${n.ip}:${port.nodePort}/`, service: ref });
      }
      const lb = type === 'LoadBalancer' ? svc.status?.loadBalancer?.ingress?.[0]?.ip : undefined;
      if (lb) out.push({ label: `Service ${ns}/${name} load balancer ${lb}:${port.port}`, url: `http://${withPort(lb, port.port)}/`, service: ref });
      if (source.kind === 'workstation' && svc.spec.clusterIP && svc.spec.clusterIP !== 'None') {
        out.push({ label: `Service ${ns}/${name} ClusterIP ${svc.spec.clusterIP}:${port.port} (inside the cluster only)`, url: `http://${withPort(svc.spec.clusterIP, port.port)}/`, service: ref });
      }
    }
    if (type === 'ExternalName' && source.kind === 'pod') {
      out.push({ label: `Service ${ns}/${name} (ExternalName ${svc.spec.externalName ?? ''})`, url: `http://${ns === source.namespace ? name : `${name}.${ns}`}/`, service: ref });
    }
  }
  return out;
}

const shellQuote = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/** The command line a person would type for this request. */
export function commandFor(source: SourceChoice, url: string, host?: string): string {
  const header = host ? `-H ${shellQuote(`Host: ${host}`)} ` : '';
  if (source.kind === 'pod') {
    const ns = source.namespace === 'default' ? '' : `-n ${source.namespace} `;
    const client = source.tool === 'curl' ? `curl -s ${header}${shellQuote(url)}` : `wget -qO- ${host ? `--header=${shellQuote(`Host: ${host}`)} ` : ''}${shellQuote(url)}`;
    return `kubectl exec ${ns}${source.name} -- ${client}`;
  }
  return `curl -s ${header}${shellQuote(url)}`;
}

/** The same request for cluster.trace (the traffic generator). */
export function traceRequestFor(source: SourceChoice, url: string, host?: string): TraceRequest {
  const from: TraceRequest['from'] = source.kind === 'pod' ? { kind: 'pod', namespace: source.namespace, name: source.name } : { kind: 'workstation' };
  return host ? { from, url, headers: { Host: host } } : { from, url };
}

/** A sensible source and destination for a Service (the graph's "Send request" on a Service). */
export function suggestFor(s: ClusterSnapshot, target?: { namespace: string; name: string }): { sourceKey: string; url: string; host?: string } {
  const all = sources(s);
  const svc = target && list<Svc>(s, 'Service').find((x) => nsOf(x) === target.namespace && x.metadata.name === target.name);
  const external = svc && (svc.spec.type === 'NodePort' || svc.spec.type === 'LoadBalancer');
  const pick = (src: SourceChoice) => {
    const dests = destinations(s, src);
    const d = (target ? dests.find((x) => x.service?.namespace === target.namespace && x.service.name === target.name) : undefined) ?? dests[0];
    return { sourceKey: sourceKey(src), url: d?.url ?? '', host: d?.host };
  };
  if (!target || external) return pick({ kind: 'workstation' });
  const pod = all.find((x) => x.source.kind === 'pod' && x.source.namespace === target.namespace) ?? all.find((x) => x.source.kind === 'pod');
  return pick(pod?.source ?? { kind: 'workstation' });
}

/** The command line the Send request dialog would run for this request (the embed API's `send`), or why there is none. */
export function sendCommandLine(s: ClusterSnapshot, url: string, from: SendFrom, host?: string): { ok: true; command: string } | { ok: false; message: string } {
  if (from.kind === 'workstation') return { ok: true, command: commandFor(from, url, host) };
  const found = sources(s).find((c) => c.source.kind === 'pod' && c.source.namespace === from.namespace && c.source.name === from.name);
  if (!found) return { ok: false, message: `no running pod ${from.namespace}/${from.name} has curl or wget to send the request` };
  return { ok: true, command: commandFor(found.source, url, host) };
}
