// The local ports `kubectl port-forward` listens on while it runs: on the person's machine,
// not in the cluster. A connection to one (curl http://localhost:8080) travels through the
// API server and the kubelet to one chosen pod (dataplane/portForwardTrace.ts): no Service,
// no kube-proxy. Kept per cluster beside its context; the command adds and removes its own.

import type { EngineContext } from '../context';

export interface PortForward {
  /** The address it is bound to: 127.0.0.1, ::1, 0.0.0.0 or another IP given with --address. */
  address: string;
  localPort: number;
  remotePort: number;
  namespace: string;
  pod: string;
  /** The pod instance it forwards to (a pod re-created under the same name is another one). */
  podUid: string;
  /** A connection arrived (kubectl prints "Handling connection for PORT"). */
  onConnection(): void;
  /** Forwarding it failed in the pod: kubectl logs the error and the forward ends (lost connection). */
  onError(message: string): void;
}

const byContext = new WeakMap<EngineContext, Set<PortForward>>();

export function portForwards(ctx: EngineContext): Set<PortForward> {
  let set = byContext.get(ctx);
  if (!set) byContext.set(ctx, (set = new Set()));
  return set;
}

const ANY = new Set(['0.0.0.0', '::']);

/** Whether a listener on `address`:`port` would clash with one already bound (bind: address already in use). */
export function portInUse(ctx: EngineContext, address: string, port: number): boolean {
  for (const f of portForwards(ctx)) {
    if (f.localPort !== port) continue;
    const v6 = (a: string) => a.includes(':');
    if (f.address === address || ((ANY.has(f.address) || ANY.has(address)) && v6(f.address) === v6(address))) return true;
  }
  return false;
}

/** The forward a connection from the person's machine to `ip`:`port` reaches, if any. */
export function forwardAt(ctx: EngineContext, ip: string, port: number): PortForward | undefined {
  for (const f of portForwards(ctx)) {
    if (f.localPort === port && (f.address === ip || f.address === '0.0.0.0')) return f;
  }
  return undefined;
}
