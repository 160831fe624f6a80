// kubectl port-forward TYPE/NAME [LOCAL_PORT:]REMOTE_PORT ...: listens on the person's machine
// and carries each connection to one pod through the API server and its kubelet
// (engine/dataplane/portForwardTrace.ts), until Ctrl-C or until the pod goes away.
// Sources: staging/src/k8s.io/kubectl/pkg/cmd/portforward/portforward.go (Complete: the pod by
// AttachablePodForObject, translateServicePortToTargetPort, convertPodNamedPortToNumber;
// RunPortForward: "unable to forward port because pod is not running"), kubectl/pkg/util/
// service_port.go and pod_port.go (the lookups' errors), client-go/tools/portforward/
// portforward.go (parsePorts, parseAddresses, "Forwarding from", "Handling connection for",
// "Unable to listen on port", ErrLostConnectionToPod); the error line kubectl logs when the pod
// refuses the connection is klog's, as kubernetes/kubectl#1169 shows it.

import type { Pod, Service } from '../../engine/core/types';
import type { LiveOutput } from '../../engine/running';
import { dataplaneState, ephemeralPort } from '../../engine/dataplane/state';
import { portForwards, portInUse, type PortForward } from '../../engine/network/portForwards';
import type { Invocation, KubectlCommand } from '../command';
import { KubectlError, usageError } from '../errors';
import { mostActivePod, podsForArgument } from '../podForObject';
import { resolveKind } from '../resources';
import { keepRunning, requestTimeoutMs } from '../streaming';

function splitPort(spec: string): [string, string] {
  const parts = spec.split(':');
  return parts.length === 2 ? [parts[0], parts[1]] : [parts[0], parts[0]];
}

const isNumber = (s: string) => /^[+-]?\d+$/.test(s);

function containerPortByName(pod: Pod, name: string): number {
  for (const c of pod.spec.containers) for (const p of c.ports ?? []) if (p.name === name) return p.containerPort;
  throw new KubectlError(`Pod '${pod.metadata.name}' does not have a named port '${name}'`);
}

/** translateServicePortToTargetPort with util.LookupContainerPortNumberByServicePort. */
function translateServicePorts(specs: string[], svc: Service, pod: Pod): string[] {
  return specs.map((spec) => {
    const [firstLocal, remote] = splitPort(spec);
    let local = firstLocal;
    let port = Number(remote);
    if (!isNumber(remote)) {
      const named = svc.spec.ports?.find((p) => p.name === remote);
      if (!named) throw new KubectlError(`Service '${svc.metadata.name}' does not have a named port '${remote}'`);
      port = named.port;
      if (local === remote) local = String(port);
    }
    const sp = svc.spec.ports?.find((p) => p.port === port);
    if (!sp) throw new KubectlError(`Service ${svc.metadata.name} does not have a service port ${port}`);
    let target: number;
    if (svc.spec.clusterIP === 'None') target = port;
    else if (typeof sp.targetPort === 'string') target = containerPortByName(pod, sp.targetPort);
    else target = sp.targetPort ? sp.targetPort : sp.port;
    return local !== String(target) ? `${local}:${target}` : String(target);
  });
}

function convertPodNamedPorts(specs: string[], pod: Pod): string[] {
  return specs.map((spec) => {
    const [local, remote] = splitPort(spec);
    if (remote === '') throw new KubectlError('remote port cannot be empty');
    const port = isNumber(remote) ? remote : String(containerPortByName(pod, remote));
    return local !== remote ? `${local}:${port}` : port;
  });
}

/** client-go parsePorts: [local, remote] with local 0 for "any free port". */
function parsePorts(specs: string[]): { local: number; remote: number }[] {
  return specs.map((spec) => {
    const parts = spec.split(':');
    if (parts.length > 2) throw new KubectlError(`invalid port format '${spec}'`);
    const localText = parts.length === 2 ? parts[0] || '0' : parts[0];
    const remoteText = parts.length === 2 ? parts[1] : parts[0];
    const parse = (which: string, s: string) => {
      if (!/^\d+$/.test(s)) throw new KubectlError(`error parsing ${which} port '${s}': strconv.ParseUint: parsing ${JSON.stringify(s)}: invalid syntax`);
      const n = Number(s);
      if (n > 65535) throw new KubectlError(`error parsing ${which} port '${s}': strconv.ParseUint: parsing ${JSON.stringify(s)}: value out of range`);
      return n;
    };
    const local = parse('local', localText);
    const remote = parse('remote', remoteText);
    if (remote === 0) throw new KubectlError('remote port must be > 0');
    return { local, remote };
  });
}

/** client-go parseAddresses: localhost is 127.0.0.1 (tcp4) and ::1 (tcp6), all sorted. */
function parseAddresses(raw: string[]): string[] {
  const out = new Set<string>();
  for (const a of raw) {
    if (a === 'localhost') {
      out.add('127.0.0.1');
      out.add('::1');
    } else if (/^(\d{1,3})(\.\d{1,3}){3}$/.test(a) && a.split('.').every((o) => Number(o) <= 255)) out.add(a);
    else if (/^[0-9a-fA-F:]+$/.test(a) && a.includes(':')) out.add(a);
    else throw new KubectlError(`${a} is not a valid IP`);
  }
  return [...out].sort();
}

const joinHostPort = (host: string, port: number) => (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`);

/** klog's header: `E0102 15:04:05.000000    4242 file:line] `. */
function klogError(ms: number, text: string): string {
  const d = new Date(ms);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `E${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds() * 1000, 6)}    4242 portforward.go:413] ${text}\n`;
}

function podStillThere(inv: Invocation, pod: Pod): boolean {
  const now = inv.ctx.store.get<Pod>('Pod', pod.metadata.namespace, pod.metadata.name!);
  return !!now && now.metadata.uid === pod.metadata.uid && !now.metadata.deletionTimestamp && now.status?.phase === 'Running';
}

export const portForwardCommand: KubectlCommand = {
  name: 'port-forward',
  short: 'Forward one or more local ports to a pod',
  long: "Forward one or more local ports to a pod.\n\n Use resource type/name such as deployment/mydeployment to select a pod. Resource type defaults to 'pod' if omitted.\n\n If there are multiple pods matching the criteria, a pod will be selected automatically. The forwarding session ends when the selected pod terminates, and a rerun of the command is needed to resume forwarding.",
  usage: 'port-forward TYPE/NAME [options] [LOCAL_PORT:]REMOTE_PORT [...[LOCAL_PORT_N:]REMOTE_PORT_N]',
  examples: '  # Listen on ports 5000 and 6000 locally, forwarding data to/from ports 5000 and 6000 in the pod\n  kubectl port-forward pod/mypod 5000 6000\n\n  # Listen on ports 5000 and 6000 locally, forwarding data to/from ports 5000 and 6000 in a pod selected by the deployment\n  kubectl port-forward deployment/mydeployment 5000 6000\n\n  # Listen on port 8443 locally, forwarding to the targetPort of the service\'s port named "https" in a pod selected by the service\n  kubectl port-forward service/myservice 8443:https\n\n  # Listen on port 8888 locally, forwarding to 5000 in the pod\n  kubectl port-forward pod/mypod 8888:5000\n\n  # Listen on port 8888 on all addresses, forwarding to 5000 in the pod\n  kubectl port-forward --address 0.0.0.0 pod/mypod 8888:5000\n\n  # Listen on port 8888 on localhost and selected IP, forwarding to 5000 in the pod\n  kubectl port-forward --address localhost,10.19.21.23 pod/mypod 8888:5000\n\n  # Listen on a random port locally, forwarding to 5000 in the pod\n  kubectl port-forward pod/mypod :5000',
  flags: [
    { name: 'address', type: 'stringArray', default: undefined, usage: 'Addresses to listen on (comma separated). Only accepts IP addresses or localhost as a value. When localhost is supplied, kubectl will try to bind on both 127.0.0.1 and ::1 and will fail if neither of these addresses are available to bind.' },
    { name: 'pod-running-timeout', type: 'string', default: '1m0s', usage: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running' },
  ],
  run(inv) {
    const { args, ctx } = inv;
    if (args.length < 2) throw usageError(inv.commandPath, 'TYPE/NAME and list of ports are required for port-forward');
    requestTimeoutMs(inv);
    const pods = podsForArgument(inv, args[0], 'cannot attach to');
    const pod = mostActivePod(pods);
    // The type as podsForArgument resolved it (svc, service, Service, services …): a Service's ports translate to the pod's.
    const slash = args[0].indexOf('/');
    const isService = slash >= 0 && resolveKind(ctx, args[0].slice(0, slash)).kind === 'Service';
    const svc = isService ? ctx.store.get<Service>('Service', inv.namespace, args[0].slice(slash + 1)) : undefined;
    const specs = svc ? translateServicePorts(args.slice(1), svc, pod) : convertPodNamedPorts(args.slice(1), pod);
    const addressFlag = inv.flags.array('address').flatMap((a) => a.split(','));
    const addresses = parseAddresses(addressFlag.length ? addressFlag : ['localhost']);
    const ports = parsePorts(specs);
    if (pod.status?.phase !== 'Running') throw new KubectlError(`unable to forward port because pod is not running. Current status=${pod.status?.phase ?? ''}`);

    const state = dataplaneState(ctx);
    const bound: PortForward[] = [];
    // Where the running forward writes, once the engine has started it.
    let live: LiveOutput | undefined;
    let anyListening = false;
    for (const port of ports) {
      if (port.local === 0) {
        do port.local = ephemeralPort(state);
        while (addresses.some((a) => portInUse(ctx, a, port.local)));
      }
      const failures: string[] = [];
      let okAll = 0;
      let failAll = 0;
      let failAny = 0;
      for (const address of addresses) {
        const all = address === '127.0.0.1' || address === '::1';
        if (portInUse(ctx, address, port.local)) {
          failures.push(`unable to create listener: Error listen tcp${address.includes(':') ? 6 : 4} ${joinHostPort(address, port.local)}: bind: address already in use`);
          if (all) failAll++;
          else failAny++;
          continue;
        }
        if (all) okAll++;
        inv.output.out(`Forwarding from ${joinHostPort(address, port.local)} -> ${port.remote}\n`);
        const forward: PortForward = {
          address, localPort: port.local, remotePort: port.remote,
          namespace: pod.metadata.namespace ?? inv.namespace, pod: pod.metadata.name!, podUid: pod.metadata.uid ?? '',
          onConnection: () => live?.out(`Handling connection for ${port.local}\n`),
          onError: (message) => {
            live?.err(klogError(ctx.clock.now(), `an error occurred forwarding ${port.local} -> ${port.remote}: ${message}`));
            live?.err('error: lost connection to pod\n');
            live?.end(1);
          },
        };
        portForwards(ctx).add(forward);
        bound.push(forward);
      }
      if ((okAll === 0 && failAll > 0) || failAny > 0) {
        inv.output.err(`Unable to listen on port ${port.local}: Listeners failed to create with the following errors: [${failures.join(' ')}]\n`);
      } else anyListening = true;
    }
    const release = () => {
      for (const f of bound) portForwards(ctx).delete(f);
    };
    if (!anyListening) {
      release();
      throw new KubectlError(`unable to listen on any of the requested ports: [${ports.map((p) => `{${p.local} ${p.remote}}`).join(' ')}]`);
    }
    keepRunning(inv, (output) => {
      live = output;
      return {
        // The pod went away (deleted, re-created, no longer running): the stream closes (ErrLostConnectionToPod).
        poll: () => {
          if (podStillThere(inv, pod)) return;
          output.err('error: lost connection to pod\n');
          output.end(1);
        },
        stop: release,
        // port-forward catches the interrupt, closes its stop channel and returns cleanly.
        interruptedExitCode: 0,
      };
    });
    // Without the engine's support for running commands (a bare runKubectl), nothing keeps listening.
    if (!inv.env.keepRunning) release();
  },
};
