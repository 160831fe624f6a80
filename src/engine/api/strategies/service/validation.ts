// Service validation with the API server's exact texts and order.
// Source: pkg/apis/core/validation/validation.go — ValidateService,
// validateServicePort, validateServiceExternalTrafficPolicy,
// validateServiceInternalTrafficFieldsValue, validateServiceTrafficDistribution,
// validateClientIPAffinityConfig, validateAffinityTimeout,
// validateLoadBalancerClassField, ValidateServiceUpdate.

import { field, type FieldError, goQuote } from '../../../core/errors';
import type { Service, ServicePort } from '../../../core/types';
import {
  CIDR_ERROR, isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidCIDR, isValidPortName, isValidPortNum,
  labelsAreValid, nonSpecialIPErrors, objectMetaIsValid, validateLabels, validateObjectMeta, validDNS1123Label, validPortName,
  validPortNum, validQualifiedName,
} from '../../validation/common';
import {
  clusterIPFieldsAreValid, validateClusterIPsRelatedFields, validateClusterIPsUpdate, validateIPFamiliesUpdate,
} from './clusterIPValidation';
import {
  externallyAccessible, isHeadless, needsHealthCheck, TYPE_CLUSTER_IP, TYPE_EXTERNAL_NAME, TYPE_LOAD_BALANCER, TYPE_NODE_PORT,
} from './serviceUtil';

const SUPPORTED_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const SUPPORTED_AFFINITY = ['ClientIP', 'None'];
const SUPPORTED_PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const SUPPORTED_TRAFFIC_POLICIES = ['Cluster', 'Local'];
/** The baseline (v1.32) accepts only PreferClose; later releases add more behind a gate. */
const SUPPORTED_TRAFFIC_DISTRIBUTION = ['PreferClose'];
/** core.MaxClientIPServiceAffinitySeconds */
const MAX_CLIENT_IP_TIMEOUT = 86400;

const ANNOTATION_TOPOLOGY_MODE = 'service.kubernetes.io/topology-mode';
const ANNOTATION_TOPOLOGY_HINTS = 'service.kubernetes.io/topology-aware-hints';
export const ANNOTATION_LB_SOURCE_RANGES = 'service.beta.kubernetes.io/load-balancer-source-ranges';

const ONLY_LB = "may only be used when `type` is 'LoadBalancer'";

/**
 * The duplicate-port key printed with Go's %#v: only Protocol and Port are set
 * in the map key, so everything else shows its zero value.
 */
export function goServicePortKey(protocol: string, port: number): string {
  return `core.ServicePort{Name:"", Protocol:${goQuote(protocol)}, AppProtocol:(*string)(nil), Port:${port}, ` +
    'TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}';
}

function validateServicePort(sp: ServicePort, requireName: boolean, names: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (requireName && !sp.name) {
    errs.push(field.required(`${path}.name`));
  } else if (sp.name) {
    for (const m of isDNS1123Label(sp.name)) errs.push(field.invalid(`${path}.name`, sp.name, m));
    if (names.has(sp.name)) errs.push(field.duplicate(`${path}.name`, sp.name));
    else names.add(sp.name);
  }
  const port = sp.port ?? 0;
  for (const m of isValidPortNum(port)) errs.push(field.invalid(`${path}.port`, port, m));
  if (!sp.protocol) errs.push(field.required(`${path}.protocol`));
  else if (!SUPPORTED_PROTOCOLS.includes(sp.protocol)) errs.push(field.notSupported(`${path}.protocol`, sp.protocol, SUPPORTED_PROTOCOLS));
  // ValidatePortNumOrName: a string is an IANA_SVC_NAME even when it looks like a number.
  const tp = sp.targetPort;
  if (typeof tp === 'string') {
    for (const m of isValidPortName(tp)) errs.push(field.invalid(`${path}.targetPort`, tp, m));
  } else {
    const n = tp ?? 0;
    for (const m of isValidPortNum(n)) errs.push(field.invalid(`${path}.targetPort`, n, m));
  }
  if (sp.appProtocol != null) {
    for (const m of isQualifiedName(sp.appProtocol)) errs.push(field.invalid(`${path}.appProtocol`, sp.appProtocol, m));
  }
  // Headless services may keep targetPort != port: tolerated in v1.
  return errs;
}

function validateClientIPAffinityConfig(svc: Service): FieldError[] {
  const path = 'spec.sessionAffinityConfig';
  const detail = 'when session affinity type is ClientIP';
  const config = svc.spec.sessionAffinityConfig;
  if (!config) return [field.required(path, detail)];
  if (!config.clientIP) return [field.required(`${path}.clientIP`, detail)];
  const timeout = config.clientIP.timeoutSeconds;
  if (timeout == null) return [field.required(`${path}.clientIP.timeoutSeconds`, detail)];
  if (timeout <= 0 || timeout > MAX_CLIENT_IP_TIMEOUT) {
    return [field.invalid(`${path}.clientIP.timeoutSeconds`, timeout, `must be greater than 0 and less than ${MAX_CLIENT_IP_TIMEOUT}`)];
  }
  return [];
}

function validateSourceRanges(svc: Service): FieldError[] {
  const errs: FieldError[] = [];
  const ranges = svc.spec.loadBalancerSourceRanges ?? [];
  const annotation = svc.metadata.annotations?.[ANNOTATION_LB_SOURCE_RANGES];
  if (ranges.length > 0) {
    // The capital L is upstream's: the path is built as Child("LoadBalancerSourceRanges").
    const path = 'spec.LoadBalancerSourceRanges';
    if (svc.spec.type !== TYPE_LOAD_BALANCER) errs.push(field.forbidden(path, ONLY_LB));
    ranges.forEach((raw, i) => {
      // Space padding is tolerated: a historical accident from the annotation days.
      const value = String(raw).trim();
      if (!isValidCIDR(value)) errs.push(field.invalid(`${path}[${i}]`, value, CIDR_ERROR));
    });
  } else if (annotation !== undefined) {
    const path = `metadata.annotations[${ANNOTATION_LB_SOURCE_RANGES}]`;
    if (svc.spec.type !== TYPE_LOAD_BALANCER) errs.push(field.forbidden(path, ONLY_LB));
    const val = annotation.trim();
    if (val !== '') {
      for (const part of val.split(',')) {
        const value = part.trim();
        if (!isValidCIDR(value)) errs.push(field.invalid(path, value, CIDR_ERROR));
      }
    }
  }
  return errs;
}

function validateLoadBalancerClass(old: Service | undefined, svc: Service): FieldError[] {
  const errs: FieldError[] = [];
  const cls = svc.spec.loadBalancerClass;
  if (old && old.spec.type === TYPE_LOAD_BALANCER && svc.spec.type === TYPE_LOAD_BALANCER && (old.spec.loadBalancerClass ?? null) !== (cls ?? null)) {
    errs.push(field.invalid('spec.loadBalancerClass', cls ?? null, 'may not change once set'));
  }
  if (svc.spec.type === TYPE_LOAD_BALANCER) {
    if (cls != null) for (const m of isQualifiedName(cls)) errs.push(field.invalid('spec.loadBalancerClass', cls, m));
  } else if (cls != null) {
    errs.push(field.forbidden('spec.loadBalancerClass', ONLY_LB));
  }
  return errs;
}

function validateTrafficPolicies(svc: Service): FieldError[] {
  const errs: FieldError[] = [];
  const { externalTrafficPolicy: etp, healthCheckNodePort: hc, internalTrafficPolicy: itp, type } = svc.spec;
  if (!externallyAccessible(svc)) {
    if (etp) errs.push(field.invalid('spec.externalTrafficPolicy', etp, 'may only be set for externally-accessible services'));
  } else if (!etp) {
    errs.push(field.required('spec.externalTrafficPolicy'));
  } else if (!SUPPORTED_TRAFFIC_POLICIES.includes(etp)) {
    errs.push(field.notSupported('spec.externalTrafficPolicy', etp, SUPPORTED_TRAFFIC_POLICIES));
  }
  if (!needsHealthCheck(svc)) {
    if (hc) {
      errs.push(field.invalid('spec.healthCheckNodePort', hc, "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"));
    }
  } else if (!hc) {
    errs.push(field.required('spec.healthCheckNodePort'));
  } else {
    for (const m of isValidPortNum(hc)) errs.push(field.invalid('spec.healthCheckNodePort', hc, m));
  }
  // Not forbidden on ExternalName for historical reasons (validation.go).
  if (itp == null) {
    if (type === TYPE_NODE_PORT || type === TYPE_LOAD_BALANCER || type === TYPE_CLUSTER_IP) errs.push(field.required('spec.internalTrafficPolicy'));
  } else if (!SUPPORTED_TRAFFIC_POLICIES.includes(itp)) {
    errs.push(field.notSupported('spec.internalTrafficPolicy', itp, SUPPORTED_TRAFFIC_POLICIES));
  }
  const td = svc.spec.trafficDistribution;
  if (td != null && !SUPPORTED_TRAFFIC_DISTRIBUTION.includes(td)) {
    errs.push(field.notSupported('spec.trafficDistribution', td, SUPPORTED_TRAFFIC_DISTRIBUTION));
  }
  return errs;
}

/** validateServicePort reports nothing for any port, and no two ports clash (names, protocol and port); no nodePorts. */
function clusterIPPortsAreValid(ports: ServicePort[]): boolean {
  for (let i = 0; i < ports.length; i++) {
    const p = ports[i];
    if (!p || typeof p !== 'object' || p.nodePort) return false;
    if (p.name ? !validDNS1123Label(p.name) : ports.length > 1) return false;
    if (!validPortNum(p.port ?? 0) || !p.protocol || !SUPPORTED_PROTOCOLS.includes(p.protocol)) return false;
    const tp = p.targetPort;
    if (typeof tp === 'string' ? !validPortName(tp) : !validPortNum(tp ?? 0)) return false;
    if (p.appProtocol != null && (typeof p.appProtocol !== 'string' || !validQualifiedName(p.appProtocol))) return false;
    for (let j = 0; j < i; j++) {
      const q = ports[j];
      if ((p.name && q.name === p.name) || (q.protocol === p.protocol && q.port === p.port)) return false;
    }
  }
  return true;
}

/**
 * ValidateService reports nothing for this Service, which is of the shape nearly every
 * Service has: type ClusterIP with ports, no nodePorts, no affinity, external or
 * load-balancer fields, none of the annotations validation reads. Anything else answers
 * false and takes the full checks, which build every error in upstream's order.
 */
export function clusterIPServiceIsValid(svc: Service): boolean {
  const spec = svc.spec;
  if (!spec || spec.type !== TYPE_CLUSTER_IP || !objectMetaIsValid(svc.metadata, true, isDNS1035Label)) return false;
  const annotations = svc.metadata.annotations;
  if (annotations && (annotations[ANNOTATION_TOPOLOGY_MODE] !== undefined || annotations[ANNOTATION_LB_SOURCE_RANGES] !== undefined)) return false;
  const ports = spec.ports;
  if (!Array.isArray(ports) || ports.length === 0 || !clusterIPPortsAreValid(ports)) return false;
  if (spec.selector && !labelsAreValid(spec.selector)) return false;
  if (spec.sessionAffinity !== 'None' || spec.sessionAffinityConfig || !clusterIPFieldsAreValid(svc)) return false;
  const externalIPs = spec.externalIPs;
  if (externalIPs !== undefined && externalIPs !== null && !(Array.isArray(externalIPs) && externalIPs.length === 0)) return false;
  if ((spec.loadBalancerSourceRanges ?? []).length > 0) return false;
  if (spec.allocateLoadBalancerNodePorts != null || spec.loadBalancerClass != null) return false;
  if (spec.externalTrafficPolicy || spec.healthCheckNodePort) return false;
  if (spec.internalTrafficPolicy == null || !SUPPORTED_TRAFFIC_POLICIES.includes(spec.internalTrafficPolicy)) return false;
  return spec.trafficDistribution == null || SUPPORTED_TRAFFIC_DISTRIBUTION.includes(spec.trafficDistribution);
}

/** ValidateService (create validation; update re-runs it on the result). */
export function validateService(svc: Service): FieldError[] {
  if (clusterIPServiceIsValid(svc)) return [];
  return validateServiceFully(svc);
}

/** validateService without the clean-case shortcut (exported for the test that the two agree). */
export function validateServiceFully(svc: Service): FieldError[] {
  const spec = svc.spec;
  // The API server reports a missing name itself; keep one copy of that error.
  const errs = validateObjectMeta(svc.metadata, true, isDNS1035Label).filter(
    (e) => !(e.type === 'FieldValueRequired' && e.field === 'metadata.name'),
  );

  const annotations = svc.metadata.annotations ?? {};
  const mode = annotations[ANNOTATION_TOPOLOGY_MODE];
  const hints = annotations[ANNOTATION_TOPOLOGY_HINTS];
  if (mode !== undefined && hints !== undefined && mode !== hints) {
    errs.push(field.invalid(`metadata.annotations[${ANNOTATION_TOPOLOGY_MODE}]`, mode, `must match annotations[${ANNOTATION_TOPOLOGY_HINTS}] when both are specified`));
  }

  const ports = spec.ports ?? [];
  const headless = isHeadless(svc);
  if (ports.length === 0 && !headless && spec.type !== TYPE_EXTERNAL_NAME) errs.push(field.required('spec.ports'));

  if (spec.type === TYPE_LOAD_BALANCER && headless) {
    errs.push(field.invalid('spec.clusterIPs[0]', spec.clusterIPs![0], "may not be set to 'None' for LoadBalancer services"));
  } else if (spec.type === TYPE_NODE_PORT && headless) {
    errs.push(field.invalid('spec.clusterIPs[0]', spec.clusterIPs![0], "may not be set to 'None' for NodePort services"));
  } else if (spec.type === TYPE_EXTERNAL_NAME) {
    if ((spec.clusterIPs ?? []).length > 0) errs.push(field.forbidden('spec.clusterIPs', 'may not be set for ExternalName services'));
    if ((spec.ipFamilies ?? []).length > 0) errs.push(field.forbidden('spec.ipFamilies', 'may not be set for ExternalName services'));
    if (spec.ipFamilyPolicy != null) errs.push(field.forbidden('spec.ipFamilyPolicy', 'may not be set for ExternalName services'));
    // A CNAME may carry one trailing dot to mark it fully qualified.
    const cname = (spec.externalName ?? '').replace(/\.$/, '');
    if (cname) for (const m of isDNS1123Subdomain(cname)) errs.push(field.invalid('spec.externalName', cname, m));
    else errs.push(field.required('spec.externalName'));
  }

  const names = new Set<string>();
  ports.forEach((p, i) => errs.push(...validateServicePort(p, ports.length > 1, names, `spec.ports[${i}]`)));

  if (spec.selector) errs.push(...validateLabels(spec.selector, 'spec.selector'));

  if (!spec.sessionAffinity) errs.push(field.required('spec.sessionAffinity'));
  else if (!SUPPORTED_AFFINITY.includes(spec.sessionAffinity)) errs.push(field.notSupported('spec.sessionAffinity', spec.sessionAffinity, SUPPORTED_AFFINITY));
  if (spec.sessionAffinity === 'ClientIP') errs.push(...validateClientIPAffinityConfig(svc));
  else if (spec.sessionAffinity === 'None' && spec.sessionAffinityConfig) {
    errs.push(field.forbidden('spec.sessionAffinityConfig', 'must not be set when session affinity is None'));
  }

  errs.push(...validateClusterIPsRelatedFields(svc));

  (spec.externalIPs ?? []).forEach((ip, i) => errs.push(...nonSpecialIPErrors(`spec.externalIPs[${i}]`, ip)));

  if (!spec.type) errs.push(field.required('spec.type'));
  else if (!SUPPORTED_TYPES.includes(spec.type)) errs.push(field.notSupported('spec.type', spec.type, SUPPORTED_TYPES));

  if (spec.type === TYPE_CLUSTER_IP) {
    ports.forEach((p, i) => {
      if (p.nodePort) errs.push(field.forbidden(`spec.ports[${i}].nodePort`, "may not be used when `type` is 'ClusterIP'"));
    });
  }

  const nodePortKeys = new Set<string>();
  ports.forEach((p, i) => {
    if (!p.nodePort) return;
    const key = `${p.protocol}/${p.nodePort}`;
    if (nodePortKeys.has(key)) errs.push(field.duplicate(`spec.ports[${i}].nodePort`, p.nodePort));
    nodePortKeys.add(key);
  });

  const portKeys = new Set<string>();
  ports.forEach((p, i) => {
    const key = `${p.protocol}/${p.port}`;
    if (portKeys.has(key)) errs.push(field.duplicateRaw(`spec.ports[${i}]`, goServicePortKey(p.protocol ?? '', p.port ?? 0)));
    portKeys.add(key);
  });

  errs.push(...validateSourceRanges(svc));

  if (spec.allocateLoadBalancerNodePorts != null && spec.type !== TYPE_LOAD_BALANCER) {
    errs.push(field.forbidden('spec.allocateLoadBalancerNodePorts', ONLY_LB));
  }
  if (spec.type === TYPE_LOAD_BALANCER && spec.allocateLoadBalancerNodePorts == null) {
    // Upstream builds this path without `spec.` (field.NewPath("allocateLoadBalancerNodePorts")).
    errs.push(field.required('allocateLoadBalancerNodePorts'));
  }

  errs.push(...validateLoadBalancerClass(undefined, svc));
  errs.push(...validateTrafficPolicies(svc));
  return errs;
}

/** ValidateServiceUpdate: the update-only rules, then the full create validation. */
export function validateServiceUpdate(svc: Service, old: Service): FieldError[] {
  const errs: FieldError[] = [];
  errs.push(...validateClusterIPsUpdate(old, svc));
  errs.push(...validateIPFamiliesUpdate(old, svc));
  // Upstream runs validateLoadBalancerClassField twice (here with old, inside
  // ValidateService with nil), so a malformed class is listed twice in causes.
  errs.push(...validateLoadBalancerClass(old, svc));
  if (needsHealthCheck(old) && needsHealthCheck(svc) && old.spec.healthCheckNodePort !== svc.spec.healthCheckNodePort) {
    errs.push(field.forbidden('spec.healthCheckNodePort', 'field is immutable'));
  }
  errs.push(...validateService(svc));
  return errs;
}
