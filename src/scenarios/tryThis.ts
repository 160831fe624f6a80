// The "try this" commands of an example: what a person types next to see its
// point. The app shows them as buttons (the lesson strip); tests run every one
// through the engine (tryThis.test.ts), so each must work in the simulated cluster.
// A line that needs a LoadBalancer's external IP names the Service, not the IP: the
// simulated cloud hands IPs out in the order Services ask for them, and none at all
// under `sim cloud off`, so the IP is read from the cluster when the line is shown.

import type { ClusterSnapshot } from '../engine/lean';
import type { Service } from '../engine/core/types';

/**
 * Where a line puts the external IP, written as the Kubernetes docs write it
 * (kubernetes/website content/en/docs/tutorials/stateless-application/expose-external-ip-address.md:
 * `curl http://<external-ip>:<port>`, "where <external-ip> is the external IP address
 * (LoadBalancer Ingress) of your Service"). It is shown as is while there is no IP.
 */
export const EXTERNAL_IP = '<external-ip>';

/** A Service, by name (namespace `default` unless given). */
export interface ServiceName {
  name: string;
  namespace?: string;
}

/** One command line worth typing next. */
export interface TryCommand {
  /** The line, as typed; with `externalIPOf`, `<external-ip>` stands for that Service's external IP. */
  line: string;
  /**
   * The LoadBalancer Service whose external IP (its status.loadBalancer.ingress, what
   * `kubectl describe` calls LoadBalancer Ingress) replaces `<external-ip>` in `line`.
   */
  externalIPOf?: ServiceName;
  /**
   * The command fails on purpose — the failure is the lesson (a refused
   * connection, a dropped packet) — and its output shows this text. Without it,
   * the command must succeed (exit code 0).
   */
  expectFailure?: string;
}

/**
 * A try-this line as it stands in the cluster now: ready to run, with the external IP
 * it names filled in; or not yet, shown with `<external-ip>` (never an IP that may be
 * stale) and the reason, in words a person can act on.
 */
export type ResolvedTryCommand = { ready: true; line: string } | { ready: false; line: string; reason: string };

/** Fills in the external IP a try-this line names, from the cluster's current objects. */
export function resolveTryCommand(command: TryCommand, snapshot: Pick<ClusterSnapshot, 'objects' | 'sim'>): ResolvedTryCommand {
  const ref = command.externalIPOf;
  if (!ref) return { ready: true, line: command.line };
  const namespace = ref.namespace ?? 'default';
  const named = namespace === 'default' ? ref.name : `${namespace}/${ref.name}`;
  const services = (snapshot.objects.Service ?? []) as readonly Service[];
  const svc = services.find((s) => s.metadata.name === ref.name && (s.metadata.namespace ?? 'default') === namespace);
  const waiting = (reason: string): ResolvedTryCommand => ({ ready: false, line: command.line, reason });
  if (!svc) return waiting(`There is no Service ${named} (yet): this command needs its external IP.`);
  // The first address, as `kubectl describe` lists them under LoadBalancer Ingress; an IP, or a cloud's hostname.
  const address = svc.status?.loadBalancer?.ingress?.map((i) => i.ip ?? i.hostname).find((a) => !!a);
  if (address) return { ready: true, line: command.line.replaceAll(EXTERNAL_IP, address) };
  if (svc.spec.type !== 'LoadBalancer') return waiting(`Service ${named} is of type ${svc.spec.type ?? 'ClusterIP'}, so it has no external IP: this command needs one.`);
  // kubectl get svc shows EXTERNAL-IP <pending> for a LoadBalancer without an address
  // (kubernetes/kubernetes pkg/printers/internalversion/printers.go, getServiceExternalIP).
  if (!snapshot.sim.cloudProvider) return waiting(`Service ${named} has no external IP: its EXTERNAL-IP stays <pending> while the simulated cloud provider is off ('sim cloud on' turns it on).`);
  return waiting(`Service ${named} has no external IP yet (EXTERNAL-IP <pending>): the cloud provider assigns one a few seconds after the Service is created.`);
}

/** kubectl verbs that only read: they leave every API object as it was. */
const READING_VERBS = new Set(['get', 'describe', 'logs', 'explain', 'api-resources', 'api-versions', 'version', 'top', 'cluster-info', 'exec']);
/** Tools run from the person's machine: they send requests, they change no object. */
const READING_TOOLS = new Set(['curl', 'wget', 'nslookup', 'dig']);

/**
 * Whether a command line changes the cluster's objects (apply, run, patch,
 * `sim …`): a read-only embed must not offer it as a button. Unknown shapes
 * (flags before the kubectl verb, other programs) count as changes, to be safe.
 * `kubectl exec` counts as reading: the simulated containers only send requests.
 */
export function changesCluster(line: string): boolean {
  const [program, verb] = line.trim().split(/\s+/);
  if (program === 'kubectl') return !READING_VERBS.has(verb ?? '');
  return !READING_TOOLS.has(program ?? '');
}

/** A throwaway busybox pod that runs one command and is deleted: a request from inside the cluster. */
export const fromBusybox = (command: string) => `kubectl run client --rm -i --image=busybox:1.36 --restart=Never -- ${command}`;

/** The same with the DNS debugging image of the Kubernetes docs (its nslookup follows the search path cleanly). */
export const fromDnsutils = (command: string) => `kubectl run dns --rm -i --image=registry.k8s.io/e2e-test-images/jessie-dnsutils:1.3 --restart=Never -- ${command}`;
