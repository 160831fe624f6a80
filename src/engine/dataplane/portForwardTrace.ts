// A request from the person's machine to a port `kubectl port-forward` listens on: kubectl
// carries the connection in a stream of its POST .../pods/NAME/portforward to the API server,
// which hands it to the kubelet of the pod's node, whose container runtime connects to
// localhost:PORT inside the pod's network namespace. No Service, no kube-proxy, no load
// balancing: the same pod answers every time, and it sees the client as 127.0.0.1.
// Sources: staging/src/k8s.io/kubectl/pkg/cmd/portforward/portforward.go (the portforward
// subresource), pkg/kubelet/server/server.go (getPortForward), containerd's
// PortForward (connects to localhost:port in the sandbox's network namespace).

import type { EngineContext } from '../context';
import { CONTROL_PLANE_PORT } from '../bootstrap';
import type { Pod } from '../core/types';
import { serveHttp, type HttpRequestIn } from '../network/httpServers';
import type { PortForward } from '../network/portForwards';
import { listensOn } from '../workloads/containerBehaviour';
import { ephemeralPort, type DataplaneState } from './state';
import type { Hop, ParsedUrl, PlaceRef, Trace, TraceRequest } from './types';

/** The node the API server runs on: the first, as routing.ts has it (its nodeSocket answers on 6443 there). */
function controlPlane(state: DataplaneState): PlaceRef {
  const node = state.table.nodes()[0];
  return { kind: 'Node', name: node?.name ?? 'node-1', ip: node?.ip };
}

/**
 * The message the kubelet's runtime sends back on the stream's error channel when nothing
 * listens (containerd's portForward: "failed to connect to localhost:%d inside namespace %q, IPv4: … IPv6 …").
 */
function refusedInPod(pod: Pod, port: number): string {
  const hex = (pod.metadata.uid ?? '').replace(/-/g, '');
  const sandbox = (hex + hex).slice(0, 64);
  return `error forwarding port ${port} to pod ${sandbox}, uid : failed to execute portforward in network namespace "/var/run/netns/cni-${pod.metadata.uid ?? ''}": failed to connect to localhost:${port} inside namespace "${sandbox}", IPv4: dial tcp4 127.0.0.1:${port}: connect: connection refused IPv6 dial tcp6 [::1]:${port}: connect: connection refused `;
}

export function tracePortForward(
  ctx: EngineContext,
  state: DataplaneState,
  base: { request: TraceRequest; method: string; hops: Hop[] },
  url: ParsedUrl,
  headers: [string, string][],
  connectIP: string,
  forward: PortForward,
): Trace {
  const { hops } = base;
  const client = { ip: connectIP === '::1' ? '::1' : '127.0.0.1', port: ephemeralPort(state) };
  const connect = { ip: connectIP, port: url.port };
  const workstation: PlaceRef = { kind: 'Workstation', name: 'workstation', ip: connectIP };
  const apiServer = controlPlane(state);
  forward.onConnection();
  hops.push({
    action: 'send', where: workstation, before: { src: client, dst: connect },
    reason: `${connectIP}:${url.port} is on your own machine: kubectl port-forward listens there and accepts the connection.`,
  });
  const pod = ctx.store.get<Pod>('Pod', forward.namespace, forward.pod);
  const nodeName = pod?.spec.nodeName ?? '';
  const kubelet: PlaceRef = { kind: 'Node', name: nodeName, ip: state.table.nodeIP(nodeName) };
  hops.push({
    action: 'route', where: workstation, to: apiServer, rule: 'pods/portforward',
    reason: `kubectl carries the connection in a stream of its POST /api/v1/namespaces/${forward.namespace}/pods/${forward.pod}/portforward to the API server on ${apiServer.name} (port ${CONTROL_PLANE_PORT}): no Service, no kube-proxy, no load balancing.`,
  });
  hops.push({
    action: 'route', where: apiServer, to: kubelet, rule: 'pods/portforward',
    reason: `The API server hands the stream to the kubelet on ${nodeName} (port 10250), the node of pod ${forward.pod}.`,
  });
  const podRef: PlaceRef = { kind: 'Pod', namespace: forward.namespace, name: forward.pod, ip: pod?.status?.podIP };
  const port = forward.remotePort;
  const container = pod && pod.metadata.uid === forward.podUid
    ? pod.spec.containers.find((c) => listensOn(c, port) && pod.status?.containerStatuses?.find((s) => s.name === c.name)?.state.running)
    : undefined;
  if (!pod || !container) {
    const reason = `The kubelet's runtime connects to localhost:${port} inside pod ${forward.pod}, but nothing there listens on port ${port}: the forward reports the error and closes, so curl gets an empty reply.`;
    hops.push({ action: 'reject', where: podRef, reason });
    if (pod) forward.onError(refusedInPod(pod, port));
    else forward.onError(`error forwarding port ${port} to pod, uid : pod not found`);
    return { ...base, url, client, connect, outcome: { kind: 'response', status: 0, statusText: '', headers: [], body: '', protocolError: 'empty', reason } };
  }
  hops.push({
    action: 'deliver', where: kubelet, to: podRef,
    reason: `The kubelet's runtime connects to localhost:${port} inside pod ${forward.pod}'s network namespace; container ${container.name} accepts it and sees the client as 127.0.0.1. Every request through this forward reaches this same pod.`,
  });
  const httpReq: HttpRequestIn = { method: base.method, path: url.path, headers, body: base.request.body, scheme: url.scheme, clientIP: '127.0.0.1', clientPort: ephemeralPort(state), serverPort: port };
  if (url.scheme === 'https') {
    const reason = `Container ${container.name} speaks plain HTTP on port ${port}, not TLS.`;
    hops.push({ action: 'respond', where: podRef, to: workstation, reason });
    return { ...base, url, client, connect, outcome: { kind: 'response', status: 0, statusText: '', headers: [], body: '', protocolError: 'tls', reason } };
  }
  const res = serveHttp(ctx, pod, container, httpReq);
  const reason = res.protocolError
    ? `Container ${container.name} (${container.image ?? ''}) does not speak HTTP on port ${port}.`
    : `Pod ${forward.pod} (container ${container.name}) answered ${res.status} ${res.statusText}, back through the kubelet, the API server and kubectl.`;
  hops.push({ action: 'respond', where: podRef, to: workstation, reason });
  const servedBy = { namespace: forward.namespace, pod: forward.pod, container: container.name, ip: pod.status?.podIP ?? '', node: nodeName, port };
  return { ...base, url, client, connect, outcome: { kind: 'response', ...res, servedBy, reason } };
}
