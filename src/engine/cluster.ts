// createCluster with its whole command line, synchronously: the store, API
// server, controllers (lean.ts) plus kubectl, sim, the programs and the data
// plane's traces (commandLine.ts), installed as this module loads. Tests,
// benchmarks and scripts that import createCluster from here or from index.ts
// get the complete engine at once; the browser starts from lean.ts instead.

import { installFullCommandLine } from './commandLine';

installFullCommandLine();

export { createCluster } from './lean';
export type { Cluster, ClusterOptions, ClusterSnapshot, TraceListener } from './lean';
