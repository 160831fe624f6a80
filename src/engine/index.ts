// The engine's public contract (DESIGN.md, "The engine's public contract").
export { createCluster } from './cluster';
export type { Cluster, ClusterOptions, ClusterSnapshot } from './cluster';
export type { ExecResult } from './exec';
export type * from './core/types';
export type { Trace, TraceRequest, Hop, RequestSource } from './dataplane/types';
