// The cluster's command line as one module: kubectl (with its printers,
// describe, jsonpath, explain schema and the manifest parser), the `sim`
// commands, the workstation's programs (curl, wget, nslookup, dig) and the data
// plane's traces, proxy rules and DNS records. index.ts installs it at once;
// the browser imports it on its own (lean.ts, loadCommandLine) so that the first
// picture does not wait for it.

import { installRequestDecoding } from './api/decoding/install';
import { installCommandLine, type CommandLine } from './commandLineRegistry';
import { fullExtension } from './extension';
import { installExtension } from './extensionRegistry';
import { proxyRules } from './dataplane/proxyRules';
import { traceListeners, traceRequest } from './dataplane/trace';
import { dnsRecords } from './dns/records';
import { findProgram } from './programs';
import { runShellLine } from './programs/shell';
import { registerBuiltinPrograms } from './programs/builtin';
import { runSim } from './sim';
import { runKubectl } from '../kubectl';

export const fullCommandLine: CommandLine = {
  runKubectl,
  runSim,
  findProgram,
  runShellLine,
  traceRequest,
  traceListeners,
  proxyRules,
  dnsRecords,
};

/**
 * Registers the built-in programs and installs, for every cluster, the engine's extension,
 * the API server's request-body check (api/requestDecoding.ts) and the command line. The
 * extension comes first: a command line never meets a cluster without it (lean.ts rebuilds
 * such a cluster on first use).
 */
export function installFullCommandLine(): void {
  installExtension(fullExtension);
  registerBuiltinPrograms();
  installRequestDecoding();
  installCommandLine(fullCommandLine);
}
