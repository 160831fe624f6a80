// The "try this" commands of an example: what a person types next to see its
// point. The app shows them as buttons (the lesson strip); tests run every one
// through the engine (tryThis.test.ts), so each must work in the simulated cluster.

/** One command line worth typing next. */
export interface TryCommand {
  line: string;
  /**
   * The command fails on purpose — the failure is the lesson (a refused
   * connection, a dropped packet) — and its output shows this text. Without it,
   * the command must succeed (exit code 0).
   */
  expectFailure?: string;
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
