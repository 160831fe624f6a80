// kubectl expose deployment|rs|rc|pod|svc NAME: a Service selecting what the
// workload selects, labelled like it, its port(s) from --port or the containers
// (several → `port-1`, `port-2` …), protocols from the containers, no `type`
// unless --type.
// Sources: staging/src/k8s.io/kubectl/pkg/cmd/expose/expose.go (RunExpose,
// createService, parseLabels), polymorphichelpers/{canbeexposed,
// mapbasedselectorforobject,portsforobject,multiprotocolsforobject}.go.

import { isStatusError } from '../../engine/core/errors';
import type { Container, KubeObject, LabelSelector, ServicePort, ServiceSpec } from '../../engine/core/types';
import type { KubectlCommand } from '../command';
import { DRY_RUN_FLAG, dryRunOf, FILENAME_FLAG, OUTPUT_FLAG } from '../commonFlags';
import { AggregateError, KubectlError, toError } from '../errors';
import { mutationFormat } from '../output';
import { objectRef, printResult, resolveTargets } from './targets';

const EXPOSABLE: Record<string, string> = { ReplicationController: 'ReplicationController', Service: 'Service', Pod: 'Pod', Deployment: 'Deployment.apps', ReplicaSet: 'ReplicaSet.apps' };

function podSpecOf(obj: KubeObject): { containers?: Container[] } | undefined {
  const spec = obj.spec as { template?: { spec?: { containers?: Container[] } }; containers?: Container[] } | undefined;
  return obj.kind === 'Pod' ? spec : spec?.template?.spec;
}

/** MakeLabels then parseLabels: the map-based selector of the exposed object. */
function selectorFor(obj: KubeObject): Record<string, string> {
  const fail = (why: string) => new KubectlError(`couldn't retrieve selectors via --selector flag or introspection: ${why}`);
  switch (obj.kind) {
    case 'Pod':
      if (!Object.keys(obj.metadata.labels ?? {}).length) throw fail('the pod has no labels and cannot be exposed');
      return { ...obj.metadata.labels };
    case 'Service': {
      const sel = (obj.spec as ServiceSpec).selector;
      if (!sel) throw fail('the service has no pod selector set');
      return { ...sel };
    }
    case 'ReplicationController':
      return { ...((obj.spec as { selector?: Record<string, string> }).selector ?? {}) };
    default: {
      const what = obj.kind === 'Deployment' ? 'deployment' : 'replicaset';
      const sel = (obj.spec as { selector?: LabelSelector }).selector;
      if (!sel || !Object.keys(sel.matchLabels ?? {}).length) throw fail(`invalid ${what}: no selectors, therefore cannot be exposed`);
      if (sel.matchExpressions?.length) throw fail(`couldn't convert expressions - "${JSON.stringify(sel.matchExpressions)}" to map-based selector format`);
      return { ...sel.matchLabels };
    }
  }
}

/** portsForObject and multiProtocolsForObject: distinct ports in order, and the protocols seen on each. */
function portsOf(obj: KubeObject): { ports: string[]; protocols: Map<string, string[]> } {
  const ports: string[] = [];
  const protocols = new Map<string, string[]>();
  const add = (port: number, protocol: string | undefined) => {
    const key = String(port);
    if (!protocols.has(key)) {
      ports.push(key);
      protocols.set(key, []);
    }
    protocols.get(key)!.push(protocol || 'TCP');
  };
  if (obj.kind === 'Service') for (const p of (obj.spec as ServiceSpec).ports ?? []) add(p.port, p.protocol);
  else for (const c of podSpecOf(obj)?.containers ?? []) for (const p of c.ports ?? []) add(p.containerPort, p.protocol);
  return { ports, protocols };
}

/** expose.go's parseLabels (used for --selector and --labels). */
function parsePairs(spec: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of spec.split(',')) {
    const kv = pair.split('=');
    if (kv.length !== 2) throw new KubectlError(`unexpected label spec: ${pair}`);
    if (!kv[0]) throw new KubectlError('unexpected empty label key');
    out[kv[0]] = kv[1];
  }
  return out;
}

function atoi(s: string): number {
  if (!/^[+-]?\d+$/.test(s)) throw new KubectlError(`strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`);
  return Number(s);
}

export interface ExposeOptions {
  name: string;
  selector: Record<string, string>;
  labels?: Record<string, string>;
  /** One port from --port (or the only one found), or several found on the object. */
  ports: string[];
  protocol: string;
  protocols: Map<string, string[]>;
  targetPort: string;
  type: string;
  externalIP: string;
  loadBalancerIP: string;
  sessionAffinity: string;
  clusterIP: string;
}

/** ExposeServiceOptions.createService. */
export function generateExposedService(o: ExposeOptions): KubeObject {
  const ports: ServicePort[] = [];
  o.ports.forEach((portString, i) => {
    const port = atoi(portString);
    const name = o.ports.length > 1 ? `port-${i + 1}` : undefined;
    let protocol = o.protocol;
    if (!protocol) {
      protocol = 'TCP';
      const found = o.protocols.get(portString);
      if (found && found.length === 1) protocol = found[0];
      else if (found && found.length > 1) {
        for (const p of found) ports.push({ name: `port-${i + 1}-${p.toLowerCase()}`, port, protocol: p });
        return;
      }
    }
    ports.push(name ? { name, port, protocol } : { port, protocol });
  });
  const target = o.targetPort;
  for (const p of ports) p.targetPort = target ? (/^[+-]?\d+$/.test(target) ? Number(target) : target) : p.port;
  const spec: ServiceSpec & Record<string, unknown> = { selector: o.selector };
  if (ports.length) spec.ports = ports;
  if (o.externalIP) spec.externalIPs = [o.externalIP];
  if (o.type) spec.type = o.type;
  if (o.type === 'LoadBalancer' && o.loadBalancerIP) spec.loadBalancerIP = o.loadBalancerIP;
  if (o.sessionAffinity) {
    if (o.sessionAffinity !== 'None' && o.sessionAffinity !== 'ClientIP') throw new KubectlError(`unknown session affinity: ${o.sessionAffinity}`);
    spec.sessionAffinity = o.sessionAffinity;
  }
  if (o.clusterIP) spec.clusterIP = o.clusterIP;
  const metadata: KubeObject['metadata'] = { creationTimestamp: null, name: o.name };
  if (o.labels) metadata.labels = o.labels;
  return { apiVersion: 'v1', kind: 'Service', metadata, spec, status: { loadBalancer: {} } };
}

export const exposeCommand: KubectlCommand = {
  name: 'expose',
  short: 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
  usage: 'expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type]',
  examples: '  # Create a service for an nginx deployment, which serves on port 80 and connects to the containers on port 8000\n  kubectl expose deployment nginx --port=80 --target-port=8000',
  flags: [
    OUTPUT_FLAG, DRY_RUN_FLAG, FILENAME_FLAG,
    { name: 'protocol', type: 'string', usage: "The network protocol for the service to be created. Default is 'TCP'." },
    { name: 'port', type: 'string', usage: 'The port that the service should serve on. Copied from the resource being exposed, if unspecified' },
    { name: 'type', type: 'string', usage: "Type for this service: ClusterIP, NodePort, LoadBalancer, or ExternalName. Default is 'ClusterIP'." },
    { name: 'load-balancer-ip', type: 'string', usage: 'IP to assign to the LoadBalancer. If empty, an ephemeral IP will be created and used (cloud-provider specific).' },
    { name: 'selector', type: 'string', usage: 'A label selector to use for this service. Only equality-based selector requirements are supported. If empty (the default) infer the selector from the replication controller or replica set.)' },
    { name: 'labels', short: 'l', type: 'string', usage: 'Labels to apply to the service created by this call.' },
    { name: 'target-port', type: 'string', usage: 'Name or number for the port on the container that the service should direct traffic to. Optional.' },
    { name: 'external-ip', type: 'string', usage: 'Additional external IP address (not managed by Kubernetes) to accept for the service. If this IP is routed to a node, the service can be accessed by this IP in addition to its generated service IP.' },
    { name: 'name', type: 'string', usage: 'The name for the newly created object.' },
    { name: 'session-affinity', type: 'string', usage: "If non-empty, set the session affinity for the service to this; legal values: 'None', 'ClientIP'" },
    { name: 'cluster-ip', type: 'string', usage: "ClusterIP to be assigned to the service. Leave empty to auto-allocate, or set to 'None' to create a headless service." },
  ],
  run(inv) {
    const { flags, ctx } = inv;
    const dryRun = dryRunOf(flags);
    mutationFormat(flags.string('output'));
    const { targets, errors } = resolveTargets(inv, inv.args);
    const failures: Error[] = [...errors];
    for (const { info, obj } of targets) {
      try {
        if (!EXPOSABLE[info.kind]) throw new KubectlError(`cannot expose a ${info.group ? `${info.kind}.${info.group}` : info.kind}`);
        const selector = flags.string('selector') ? parsePairs(flags.string('selector')) : selectorFor(obj);
        const clusterIP = flags.string('cluster-ip');
        const found = portsOf(obj);
        const ports = flags.string('port') ? flags.string('port').split(',') : found.ports;
        if (ports.length === 0 && clusterIP !== 'None') throw new KubectlError("couldn't find port via --port flag or introspection");
        const labels = flags.string('labels') ? parsePairs(flags.string('labels'))
          : Object.keys(obj.metadata.labels ?? {}).length ? { ...obj.metadata.labels } : undefined;
        const svc = generateExposedService({
          name: flags.string('name') || obj.metadata.name!.slice(0, 63),
          selector, labels, ports, protocol: flags.string('protocol'), protocols: found.protocols,
          targetPort: flags.string('target-port'), type: flags.string('type'), externalIP: flags.string('external-ip'),
          loadBalancerIP: flags.string('load-balancer-ip'), sessionAffinity: flags.string('session-affinity'), clusterIP,
        });
        let shown = svc;
        if (dryRun === 'client') {
          if (inv.explicitNamespace) svc.metadata.namespace = inv.namespace;
        } else {
          shown = ctx.api.create({ ...svc, metadata: { ...svc.metadata, namespace: inv.namespace } }, { dryRun: dryRun === 'server' });
        }
        printResult(inv, objectRef(ctx.registry.info('Service')!, shown), shown, 'exposed', dryRun);
      } catch (e) {
        if (!isStatusError(e) && !(e instanceof KubectlError)) throw e;
        failures.push(toError(e));
      }
    }
    if (failures.length) throw new AggregateError(failures);
  },
};
