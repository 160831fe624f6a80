// kubectl create ingress NAME --rule=host/path=svc:port[,tls[=secret]]: Exact
// paths unless the path ends in `*` (Prefix, `*` dropped), rules grouped by
// host, numeric ports as `port.number`, others as `port.name`, TLS entries per
// secret, as kubectl v1.32 builds them.
// Source: staging/src/k8s.io/kubectl/pkg/cmd/create/create_ingress.go.

import type { KubeObject } from '../../engine/core/types';
import type { KubectlCommand } from '../command';
import { DRY_RUN_FLAG, OUTPUT_FLAG, SAVE_CONFIG_FLAG, VALIDATE_FLAG } from '../commonFlags';
import { KubectlError } from '../errors';
import { generatorName, sendGenerated } from './createService';

/** regexHostPathSvc + regexTLS; Go's \w is [0-9A-Za-z_]. */
const RULE_RE = /^([\w*\-.]*)(\/[^,=\n]*)=([\w-]+):([\w-]+)(,(tls)=?([\w-]+)?)?$/;

interface Backend { service: { name: string; port: { number?: number; name?: string } } }

/** intstr.Parse: a number when strconv.Atoi accepts it. */
function backendOf(svc: string): Backend {
  const [name, port] = svc.split(':');
  return { service: { name, port: /^[+-]?\d+$/.test(port) ? { number: Number(port) } : { name: port } } };
}

function pathOf(pathSvc: string): Record<string, unknown> {
  const [rawPath, service] = pathSvc.split('=');
  let path = `/${rawPath}`;
  let pathType = 'Exact';
  if (path.endsWith('*')) {
    pathType = 'Prefix';
    path = path.slice(0, -1);
  }
  return { backend: backendOf(service), path, pathType };
}

export function generateIngress(name: string, opts: { rules: string[]; ingressClass: string; defaultBackend: string; annotations: string[] }): KubeObject {
  const annotations: Record<string, string> = {};
  for (const a of opts.annotations) {
    const eq = a.indexOf('=');
    annotations[a.slice(0, eq)] = a.slice(eq + 1);
  }
  const spec: Record<string, unknown> = {};
  if (opts.ingressClass) spec.ingressClassName = opts.ingressClass;
  if (opts.defaultBackend) spec.defaultBackend = backendOf(opts.defaultBackend);
  // buildTLSRules: hosts grouped by secret, each host once.
  const tls: { hosts?: string[]; secretName?: string }[] = [];
  const hostSeen = new Set<string>();
  for (const rule of opts.rules) {
    const parts = rule.split(',');
    if (parts.length !== 2) continue;
    const host = rule.split('/')[0];
    const secretParts = parts[1].split('=');
    const secret = secretParts.length > 1 ? secretParts[1] : '';
    if (hostSeen.has(host)) continue;
    const same = tls.find((t) => (t.secretName ?? '') === secret);
    hostSeen.add(host);
    if (same) {
      same.hosts = [...(same.hosts ?? []), host];
      continue;
    }
    const entry: { hosts?: string[]; secretName?: string } = {};
    if (host) entry.hosts = [host];
    if (secret) entry.secretName = secret;
    if (entry.hosts || entry.secretName) tls.push(entry);
  }
  // buildIngressRules: one rule per host, paths appended in order.
  const rules: { host?: string; http: { paths: Record<string, unknown>[] } }[] = [];
  for (const rule of opts.rules) {
    const withoutTLS = rule.split(',')[0];
    const slash = withoutTLS.indexOf('/');
    const host = withoutTLS.slice(0, slash);
    const path = pathOf(withoutTLS.slice(slash + 1));
    const existing = rules.find((r) => (r.host ?? '') === host);
    if (existing) existing.http.paths.push(path);
    else rules.push(host ? { host, http: { paths: [path] } } : { http: { paths: [path] } });
  }
  if (rules.length) spec.rules = rules;
  if (tls.length) spec.tls = tls;
  const metadata: KubeObject['metadata'] = { creationTimestamp: null, name };
  if (Object.keys(annotations).length) metadata.annotations = annotations;
  return { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata, spec, status: { loadBalancer: {} } };
}

export const createIngressCommand: KubectlCommand = {
  name: 'ingress',
  aliases: ['ing'],
  short: 'Create an ingress with the specified name',
  usage: 'create ingress NAME --rule=host/path=service:port[,tls[=secret]]',
  examples: '  # Create a single ingress called \'simple\' that directs requests to foo.com/bar to svc\n  # svc1:8080 with a TLS secret "my-cert"\n  kubectl create ingress simple --rule="foo.com/bar=svc1:8080,tls=my-cert"',
  flags: [
    OUTPUT_FLAG, DRY_RUN_FLAG, VALIDATE_FLAG,
    SAVE_CONFIG_FLAG,
    { name: 'class', type: 'string', usage: 'Ingress Class to be used' },
    { name: 'rule', type: 'stringArray', usage: "Rule in format host/path=service:port[,tls=secretname]. Paths containing the leading character '*' are considered pathType=Prefix. tls argument is optional." },
    { name: 'default-backend', type: 'string', usage: 'Default service for backend, in format of svcname:port' },
    { name: 'annotation', type: 'stringArray', usage: 'Annotation to insert in the ingress object, in the format annotation=value' },
  ],
  run(inv) {
    const name = generatorName(inv);
    const rules = inv.flags.array('rule');
    const defaultBackend = inv.flags.string('default-backend');
    const annotations = inv.flags.array('annotation');
    if (!defaultBackend && rules.length === 0) {
      throw new KubectlError('not enough information provided: every ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)');
    }
    for (const rule of rules) {
      if (!RULE_RE.test(rule)) throw new KubectlError(`rule ${rule} is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]`);
    }
    for (const a of annotations) if (!a.includes('=')) throw new KubectlError(`annotation ${a} is invalid and should be in format key=[value]`);
    if (defaultBackend && defaultBackend.split(':').length !== 2) throw new KubectlError('default-backend should be in format servicename:serviceport');
    const ingress = generateIngress(name, { rules, ingressClass: inv.flags.string('class'), defaultBackend, annotations });
    sendGenerated(inv, ingress, 'ingress.networking.k8s.io', 'ingress');
  },
};
