// kubectl create service clusterip|nodeport|loadbalancer|externalname NAME:
// labels and selector `app: NAME`, one port per --tcp named `<port>-<targetPort>`
// (the spec with ':' replaced by '-'), and the exact object kubectl v1.32 builds.
// Source: staging/src/k8s.io/kubectl/pkg/cmd/create/create_service.go
// (ServiceOptions.Validate, createService, parsePorts).

import { isDNS1123Subdomain, isValidPortName, isValidPortNum } from '../../engine/api/validation/common';
import { isStatusError } from '../../engine/core/errors';
import type { KubeObject, ServicePort } from '../../engine/core/types';
import type { Invocation, KubectlCommand } from '../command';
import { DRY_RUN_FLAG, dryRunOf, OUTPUT_FLAG, SAVE_CONFIG_FLAG, VALIDATE_FLAG } from '../commonFlags';
import type { FlagSpec } from '../flags';
import { KubectlError, usageError } from '../errors';
import { mutationFormat } from '../output';
import { printResult } from './targets';

const TCP_FLAG: FlagSpec = { name: 'tcp', type: 'stringArray', usage: "Port pairs can be specified as '<port>:<targetPort>'." };

/** A generator's Complete: NameFromCommandArgs (exactly one NAME before any `--`), then --dry-run and -o checked. */
export function generatorName(inv: Invocation): string {
  const n = inv.flags.argsLenAtDash >= 0 ? inv.flags.argsLenAtDash : inv.args.length;
  if (n !== 1) throw usageError(inv.commandPath, `exactly one NAME is required, got ${n}`);
  // Then the generator's Complete checks --dry-run and -o, in that order.
  dryRunOf(inv.flags);
  mutationFormat(inv.flags.string('output'));
  return inv.args[0];
}

/** pflag's StringSlice: every value split on commas. */
export function sliceFlag(inv: Invocation, name: string): string[] {
  return inv.flags.array(name).flatMap((v) => (v === '' ? [] : v.split(',')));
}

/** utilsnet.ParsePort(s, allowZero=true): strconv.ParseUint(s, 10, 16). */
function parsePort(s: string): number {
  if (!/^\d+$/.test(s)) throw new KubectlError(`strconv.ParseUint: parsing ${JSON.stringify(s)}: invalid syntax`);
  const n = Number(s);
  if (n > 65535) throw new KubectlError(`strconv.ParseUint: parsing ${JSON.stringify(s)}: value out of range`);
  return n;
}

function parsePorts(spec: string): { port: number; targetPort: number | string } {
  const parts = spec.split(':');
  const port = parsePort(parts[0]);
  if (parts.length === 1) return { port, targetPort: port };
  const target = parts[1];
  if (!/^[+-]?\d+$/.test(target)) {
    const errs = isValidPortName(target);
    if (errs.length) throw new KubectlError(errs.join(','));
    return { port, targetPort: target };
  }
  const n = Number(target);
  const errs = isValidPortNum(n);
  if (errs.length) throw new KubectlError(errs.join(','));
  return { port, targetPort: n };
}

type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

export function generateService(name: string, type: ServiceType, opts: { tcp: string[]; nodePort?: number; clusterIP?: string; externalName?: string }): KubeObject {
  const ports: ServicePort[] = opts.tcp.map((spec) => {
    const { port, targetPort } = parsePorts(spec);
    const p: ServicePort = { name: spec.replace(/:/g, '-'), port, protocol: 'TCP', targetPort };
    if (opts.nodePort) p.nodePort = opts.nodePort;
    return p;
  });
  const spec: Record<string, unknown> = {};
  if (opts.clusterIP) spec.clusterIP = opts.clusterIP;
  if (opts.externalName) spec.externalName = opts.externalName;
  if (ports.length) spec.ports = ports;
  spec.selector = { app: name };
  spec.type = type;
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { creationTimestamp: null, labels: { app: name }, name },
    spec,
    status: { loadBalancer: {} },
  };
}

/** Sends a generated object as these generators do: `failed to create <what>: <err>` on a server error. */
export function sendGenerated(inv: Invocation, obj: KubeObject, kindName: string, failureWhat: string): void {
  mutationFormat(inv.flags.string('output'));
  const dryRun = dryRunOf(inv.flags);
  if (inv.explicitNamespace) obj.metadata.namespace = inv.namespace;
  let shown = obj;
  if (dryRun !== 'client') {
    const toSend = { ...obj, metadata: { ...obj.metadata, namespace: inv.namespace } };
    try {
      shown = inv.ctx.api.create(toSend, { dryRun: dryRun === 'server' });
    } catch (e) {
      if (!isStatusError(e)) throw e;
      throw new KubectlError(`failed to create ${failureWhat}: ${e.message}`);
    }
  }
  printResult(inv, `${kindName}/${obj.metadata.name}`, shown, 'created', dryRun);
}

function serviceCommand(sub: string, type: ServiceType, usage: string, short: string, extraFlags: FlagSpec[]): KubectlCommand {
  return {
    name: sub,
    short,
    usage,
    flags: [OUTPUT_FLAG, DRY_RUN_FLAG, VALIDATE_FLAG, SAVE_CONFIG_FLAG, TCP_FLAG, ...extraFlags],
    run(inv) {
      const name = generatorName(inv);
      const tcp = sliceFlag(inv, 'tcp');
      const clusterIP = inv.flags.string('clusterip');
      const externalName = inv.flags.string('external-name');
      if (type === 'ExternalName' && !inv.flags.changed('external-name')) throw new KubectlError('required flag(s) "external-name" not set');
      // ServiceOptions.Validate
      if (clusterIP === 'None' && type !== 'ClusterIP') throw new KubectlError('ClusterIP=None can only be used with ClusterIP service type');
      if (clusterIP !== 'None' && tcp.length === 0 && type !== 'ExternalName') throw new KubectlError('at least one tcp port specifier must be provided');
      if (type === 'ExternalName' && isDNS1123Subdomain(externalName).length) throw new KubectlError(`invalid service external name ${externalName}`);
      const svc = generateService(name, type, { tcp, nodePort: inv.flags.int('node-port'), clusterIP, externalName });
      sendGenerated(inv, svc, 'service', `${type} service`);
    },
  };
}

export const createServiceCommand: KubectlCommand = {
  name: 'service',
  aliases: ['svc'],
  short: 'Create a service using a specified subcommand',
  usage: 'create service [flags] [options]',
  flags: [],
  subcommands: [
    serviceCommand('clusterip', 'ClusterIP', 'create service clusterip NAME [--tcp=<port>:<targetPort>] [--dry-run=server|client|none]', 'Create a ClusterIP service',
      [{ name: 'clusterip', type: 'string', usage: "Assign your own ClusterIP or set to 'None' for a 'headless' service (no loadbalancing)." }]),
    serviceCommand('externalname', 'ExternalName', 'create service externalname NAME --external-name external.name [--dry-run=server|client|none]', 'Create an ExternalName service',
      [{ name: 'external-name', type: 'string', usage: 'External name of service' }]),
    serviceCommand('loadbalancer', 'LoadBalancer', 'create service loadbalancer NAME [--tcp=port:targetPort] [--dry-run=server|client|none]', 'Create a LoadBalancer service', []),
    serviceCommand('nodeport', 'NodePort', 'create service nodeport NAME [--tcp=port:targetPort] [--dry-run=server|client|none]', 'Create a NodePort service',
      [{ name: 'node-port', type: 'int', usage: 'Port used to expose the service on each node in a cluster.' }]),
  ],
};
