// The command lines behind the graph's context menus: exactly what a person
// would type in the terminal, so what they click could also have been typed.

const ns = (namespace?: string) => (namespace && namespace !== 'default' ? ` -n ${namespace}` : '');

export const podCommands = {
  // --wait=false: the command returns at once, so the graph shows the pod Terminating
  // next to its replacement instead of jumping over the grace period.
  delete: (name: string, namespace?: string) => `kubectl delete pod ${name}${ns(namespace)} --wait=false`,
  failReadiness: (name: string, namespace?: string) => `sim pod fail-readiness ${name}${ns(namespace)}`,
  passReadiness: (name: string, namespace?: string) => `sim pod pass-readiness ${name}${ns(namespace)}`,
  crash: (name: string, namespace?: string) => `sim pod crash ${name}${ns(namespace)}`,
  setLabel: (name: string, key: string, value: string, namespace?: string) => `kubectl label pod ${name} ${key}=${value} --overwrite${ns(namespace)}`,
  removeLabel: (name: string, key: string, namespace?: string) => `kubectl label pod ${name} ${key}-${ns(namespace)}`,
};

export const nodeCommands = {
  stop: (node: string) => `sim node stop ${node}`,
  start: (node: string) => `sim node start ${node}`,
  cordon: (node: string) => `kubectl cordon ${node}`,
  uncordon: (node: string) => `kubectl uncordon ${node}`,
  drain: (node: string) => `kubectl drain ${node} --ignore-daemonsets --delete-emptydir-data`,
};

export function scaleCommand(kind: 'Deployment' | 'ReplicaSet' | 'StatefulSet', name: string, replicas: number, namespace?: string): string {
  return `kubectl scale ${kind.toLowerCase()} ${name} --replicas=${replicas}${ns(namespace)}`;
}

// Label syntax, as the API server validates it (k8s.io/apimachinery/pkg/util/validation:
// IsQualifiedName for keys, IsValidLabelValue for values).
const NAME = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)$/;
const PREFIX = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*$/;

export function labelKeyError(key: string): string | undefined {
  const parts = key.split('/');
  if (parts.length > 2) return 'a label key has at most one "/"';
  const name = parts[parts.length - 1];
  if (parts.length === 2 && (!PREFIX.test(parts[0]) || parts[0].length > 253)) return 'the prefix must be a DNS subdomain (lower case, dots)';
  if (!NAME.test(name)) return 'a key is 1–63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit';
  return undefined;
}

export function labelValueError(value: string): string | undefined {
  if (value === '') return undefined;
  if (!NAME.test(value)) return 'a value is up to 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit';
  return undefined;
}
