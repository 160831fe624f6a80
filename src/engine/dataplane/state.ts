// Per-cluster data-plane state that lives outside the API objects: kube-proxy's
// connection-level memory (IPVS round-robin positions, session-affinity
// entries), the ingress controller's balancer positions, and what each
// container wrote to its log. Kept beside the cluster, created on first use.

import type { EngineContext } from '../context';
import { ServiceTable } from './serviceTable';

export interface LogBook {
  uid: string;
  restartCount: number;
  lines: string[];
}

export interface DataplaneState {
  table: ServiceTable;
  /** IPVS `rr` position per node and virtual server (`node|ip:port/proto`). */
  ipvsNext: Map<string, number>;
  /** Session affinity: `node|mode|SEP-or-vs|clientIP` -> last time seen (ms), as `-m recent --set` / IPVS persistence keep it. */
  affinity: Map<string, number>;
  /** ingress-nginx's round-robin position per upstream. */
  ingressNext: Map<string, number>;
  /** Container logs by `ns/pod/container`. */
  logs: Map<string, LogBook>;
  /** Connections opened so far (drives deterministic ephemeral source ports). */
  connections: number;
}

const states = new WeakMap<EngineContext, DataplaneState>();

export function dataplaneState(ctx: EngineContext): DataplaneState {
  let s = states.get(ctx);
  if (!s) {
    s = { table: new ServiceTable(ctx), ipvsNext: new Map(), affinity: new Map(), ingressNext: new Map(), logs: new Map(), connections: 0 };
    states.set(ctx, s);
  }
  return s;
}

/** A client's next ephemeral port (Linux's 32768–60999 range), deterministic per cluster. */
export function ephemeralPort(state: DataplaneState): number {
  state.connections++;
  return 32768 + ((state.connections * 7919 + 12345) % 28232);
}
