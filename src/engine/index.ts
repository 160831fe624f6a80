// The engine's public contract (DESIGN.md, "The engine's public contract").
// createCluster from here is complete and synchronous: importing this module
// installs the command line (kubectl, sim, curl …) through cluster.ts. The
// browser app starts from lean.ts and loads the command line as a chunk of its own.
export { createCluster } from './cluster';
export type { Cluster, ClusterOptions, ClusterSnapshot } from './cluster';
export type { ExecResult, OutputChunk } from './exec';
export type { RunningCommand } from './running';
export type * from './core/types';
export type { Trace, TraceRequest, Hop, RequestSource } from './dataplane/types';
