// NetworkPolicy strategy (networking.k8s.io/v1). Sources: pkg/apis/networking/v1/defaults.go
// (SetDefaults_NetworkPolicy: policyTypes [Ingress] plus Egress when egress rules exist;
// SetDefaults_NetworkPolicyPort: protocol TCP), pkg/registry/networking/networkpolicy/strategy.go
// (generation; no status: see below), pkg/apis/networking/validation/validation.go
// (ValidateNetworkPolicySpec, ValidateNetworkPolicyPort, ValidateNetworkPolicyPeer, ValidateIPBlock).

import type { EngineContext } from '../../context';
import { field, type FieldError } from '../../core/errors';
import type { NetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort } from '../../network/types';
import { parseCIDR } from '../../network/cidr';
import { KINDS } from '../kinds';
import type { KindStrategy } from '../registry';
import { CIDR_ERROR, isDNS1123Subdomain, isValidCIDR, isValidPortName, isValidPortNum, validateObjectMeta } from '../validation/common';
import { validateLabelSelector } from '../validation/labelSelector';

export function defaultNetworkPolicy(np: NetworkPolicy): void {
  if (!np.spec || typeof np.spec !== 'object') np.spec = {};
  const spec = np.spec;
  if (!spec.policyTypes || spec.policyTypes.length === 0) {
    spec.policyTypes = (spec.egress ?? []).length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
  }
  const rules = [...(spec.ingress ?? []), ...(spec.egress ?? [])];
  for (const rule of rules) {
    for (const port of rule?.ports ?? []) if (port && (port.protocol === undefined || port.protocol === null)) port.protocol = 'TCP';
  }
}

function validatePort(port: NetworkPolicyPort, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (port.protocol !== undefined && !['TCP', 'UDP', 'SCTP'].includes(port.protocol)) {
    errs.push(field.notSupported(`${path}.protocol`, port.protocol, ['TCP', 'UDP', 'SCTP']));
  }
  if (port.port !== undefined && port.port !== null) {
    if (typeof port.port === 'number') {
      for (const m of isValidPortNum(port.port)) errs.push(field.invalid(`${path}.port`, port.port, m));
      if (port.endPort !== undefined) {
        if (port.endPort < port.port) errs.push(field.invalid(`${path}.endPort`, port.endPort, 'must be greater than or equal to `port`'));
        for (const m of isValidPortNum(port.endPort)) errs.push(field.invalid(`${path}.endPort`, port.endPort, m));
      }
    } else {
      if (port.endPort !== undefined) errs.push(field.invalid(`${path}.endPort`, port.endPort, 'may not be specified when `port` is non-numeric'));
      for (const m of isValidPortName(String(port.port))) errs.push(field.invalid(`${path}.port`, port.port, m));
    }
  } else if (port.endPort !== undefined) {
    errs.push(field.invalid(`${path}.endPort`, port.endPort, 'may not be specified when `port` is not specified'));
  }
  return errs;
}

function validateIPBlock(cidr: string | undefined, except: string[] | undefined, path: string): FieldError[] {
  if (!cidr) return [field.required(`${path}.cidr`)];
  const errs: FieldError[] = [];
  if (!isValidCIDR(cidr)) return [field.invalid(`${path}.cidr`, cidr, CIDR_ERROR)];
  const outer = parseCIDR(cidr)!;
  (except ?? []).forEach((ex, i) => {
    const at = `${path}.except[${i}]`;
    if (!isValidCIDR(String(ex))) {
      errs.push(field.invalid(at, ex, CIDR_ERROR));
      return;
    }
    const inner = parseCIDR(ex)!;
    // !cidrIPNet.Contains(exceptCIDR.IP) || cidrMaskLen >= exceptMaskLen
    if (inner.v6 !== outer.v6 || !outer.contains(inner.base) || outer.bits >= inner.bits) {
      errs.push(field.invalid(at, ex, 'must be a strict subset of `cidr`'));
    }
  });
  return errs;
}

function validatePeer(peer: NetworkPolicyPeer, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let count = 0;
  if (peer.podSelector) {
    count++;
    errs.push(...validateLabelSelector(peer.podSelector, `${path}.podSelector`));
  }
  if (peer.namespaceSelector) {
    count++;
    errs.push(...validateLabelSelector(peer.namespaceSelector, `${path}.namespaceSelector`));
  }
  if (peer.ipBlock) {
    count++;
    errs.push(...validateIPBlock(peer.ipBlock.cidr, peer.ipBlock.except, `${path}.ipBlock`));
  }
  if (count === 0) errs.push(field.required(path, 'must specify a peer'));
  else if (count > 1 && peer.ipBlock) errs.push(field.forbidden(path, 'may not specify both ipBlock and another peer'));
  return errs;
}

export function validateNetworkPolicySpec(spec: NetworkPolicy['spec']): FieldError[] {
  const errs = validateLabelSelector(spec.podSelector, 'spec.podSelector');
  (spec.ingress ?? []).forEach((rule, i) => {
    (rule?.ports ?? []).forEach((p, j) => errs.push(...validatePort(p ?? {}, `spec.ingress[${i}].ports[${j}]`)));
    (rule?.from ?? []).forEach((peer, j) => errs.push(...validatePeer(peer ?? {}, `spec.ingress[${i}].from[${j}]`)));
  });
  (spec.egress ?? []).forEach((rule, i) => {
    (rule?.ports ?? []).forEach((p, j) => errs.push(...validatePort(p ?? {}, `spec.egress[${i}].ports[${j}]`)));
    (rule?.to ?? []).forEach((peer, j) => errs.push(...validatePeer(peer ?? {}, `spec.egress[${i}].to[${j}]`)));
  });
  const types = spec.policyTypes ?? [];
  if (types.length > 2) {
    errs.push(field.invalidRaw('spec.policyTypes', `[]networking.PolicyType{${types.map((t) => JSON.stringify(String(t))).join(', ')}}`, 'may not specify more than two policyTypes'));
    return errs;
  }
  types.forEach((t, i) => {
    if (t !== 'Ingress' && t !== 'Egress') errs.push(field.notSupported(`spec.policyTypes[${i}]`, t, ['Ingress', 'Egress']));
  });
  return errs;
}

export function validateNetworkPolicy(np: NetworkPolicy): FieldError[] {
  return [...validateObjectMeta(np.metadata, true, isDNS1123Subdomain), ...validateNetworkPolicySpec(np.spec ?? {})];
}

export function createNetworkPolicyStrategy(_ctx: EngineContext): KindStrategy<NetworkPolicy> {
  return {
    info: KINDS.NetworkPolicy,
    defaults: defaultNetworkPolicy,
    // NetworkPolicy has no status: KEP-2943's alpha NetworkPolicyStatus (1.24–1.27) was
    // withdrawn and the field tombstoned in k8s.io/api networking/v1 types.go ("Status is
    // tombstoned to show why 3 is a reserved protobuf tag"). A `status:` in a request is an
    // unknown field to the decoder (refused under Strict, warned about and dropped under Warn);
    // dropping it here too keeps writes that bypass the decoder the same.
    prepareForCreate: (np) => void delete (np as { status?: unknown }).status,
    validate: validateNetworkPolicy,
    prepareForUpdate: (np) => void delete (np as { status?: unknown }).status,
  };
}
