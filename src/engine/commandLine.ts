// The cluster's command line as one module: kubectl (with its printers,
// describe, jsonpath, explain schema and the manifest parser), the `sim`
// commands, the workstation's programs (curl, wget, nslookup, dig) and the data
// plane's traces, proxy rules and DNS records. index.ts installs it at once;
// the browser imports it on its own (lean.ts, loadCommandLine) so that the first
// picture does not wait for it.

import { installCommandLine, type CommandLine } from './commandLineRegistry';
import { proxyRules } from './dataplane/proxyRules';
import { traceListeners, traceRequest } from './dataplane/trace';
import { dnsRecords } from './dns/records';
import { findProgram } from './programs';
import { registerBuiltinPrograms } from './programs/builtin';
import { runSim } from './sim';
import { runKubectl } from '../kubectl';

export const fullCommandLine: CommandLine = {
  runKubectl,
  runSim,
  findProgram,
  traceRequest,
  traceListeners,
  proxyRules,
  dnsRecords,
};

/** Registers the built-in programs and installs the command line for every cluster. */
export function installFullCommandLine(): void {
  registerBuiltinPrograms();
  installCommandLine(fullCommandLine);
}
