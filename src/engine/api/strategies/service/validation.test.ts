// One case per Service validation rule, asserted through the API server with
// the exact text a real kube-apiserver returns.
// Upstream: pkg/apis/core/validation/validation.go (ValidateService and helpers),
// validation_test.go TestValidateServiceCreate; KUBERNETES.md §3.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../index';
import type { ObjectMeta, ServiceSpec } from '../../../core/types';
import { newService, statusErrorOf } from './testHelpers';

const cluster = createCluster({ seed: 3, nodes: 1 });
const api = cluster.context.api;

const DNS1035 = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const DNS1123_LABEL = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1123_SUBDOMAIN = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const QUALIFIED_NAME_PART = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const CIDR = 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)';
const P80 = [{ port: 80 }];
const LB_ONLY = "may only be used when `type` is 'LoadBalancer'";

interface Case {
  rule: string;
  spec: ServiceSpec;
  meta?: Partial<ObjectMeta>;
  name?: string;
  /** Everything after `Service "<name>" is invalid: `. */
  errors: string;
}

const cases: Case[] = [
  // §3.1 metadata — ValidateObjectMeta with ValidateServiceName (NameIsDNS1035Label)
  { rule: 'name must be a DNS-1035 label (no leading digit)', name: '1svc', spec: { ports: P80 }, errors: `metadata.name: Invalid value: "1svc": ${DNS1035}` },
  { rule: 'name must be a DNS-1035 label (no upper case)', name: 'My-Svc', spec: { ports: P80 }, errors: `metadata.name: Invalid value: "My-Svc": ${DNS1035}` },
  { rule: 'name may not end with a dash', name: 'svc-', spec: { ports: P80 }, errors: `metadata.name: Invalid value: "svc-": ${DNS1035}` },
  { rule: 'name is required', name: '', spec: { ports: P80 }, errors: 'metadata.name: Required value: name or generateName is required' },
  { rule: 'label keys are qualified names', spec: { ports: P80 }, meta: { labels: { 'NoUppercaseOrSpecialCharsLike=Equals': 'x' } }, errors: `metadata.labels: Invalid value: "NoUppercaseOrSpecialCharsLike=Equals": ${QUALIFIED_NAME_PART}` },
  {
    rule: 'topology-mode must match the deprecated topology-aware-hints annotation',
    spec: { ports: P80 },
    meta: { annotations: { 'service.kubernetes.io/topology-mode': 'Auto', 'service.kubernetes.io/topology-aware-hints': 'Disabled' } },
    errors: 'metadata.annotations[service.kubernetes.io/topology-mode]: Invalid value: "Auto": must match annotations[service.kubernetes.io/topology-aware-hints] when both are specified',
  },
  // §3.2 ports — validateServicePort
  { rule: 'ports are required unless headless or ExternalName', spec: { selector: { app: 'a' } }, errors: 'spec.ports: Required value' },
  { rule: 'every port needs a name when there are several', spec: { ports: [{ port: 80 }, { port: 81, name: 'b' }] }, errors: 'spec.ports[0].name: Required value' },
  { rule: 'port names are DNS-1123 labels', spec: { ports: [{ port: 80, name: 'HTTP' }] }, errors: `spec.ports[0].name: Invalid value: "HTTP": ${DNS1123_LABEL}` },
  { rule: 'port names may not contain dots', spec: { ports: [{ port: 80, name: 'a.b' }] }, errors: 'spec.ports[0].name: Invalid value: "a.b": must not contain dots' },
  { rule: 'port names are unique', spec: { ports: [{ port: 80, name: 'p' }, { port: 81, name: 'p' }] }, errors: 'spec.ports[1].name: Duplicate value: "p"' },
  { rule: 'port must be 1-65535', spec: { ports: [{ port: 0, targetPort: 8080 }] }, errors: 'spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive' },
  { rule: 'protocol is case-sensitive', spec: { ports: [{ port: 80, protocol: 'tcp' }] }, errors: 'spec.ports[0].protocol: Unsupported value: "tcp": supported values: "SCTP", "TCP", "UDP"' },
  { rule: 'integer targetPort must be 1-65535', spec: { ports: [{ port: 80, targetPort: 70000 }] }, errors: 'spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive' },
  { rule: 'a quoted number in targetPort is an IANA port name', spec: { ports: [{ port: 80, targetPort: '8080' }] }, errors: 'spec.ports[0].targetPort: Invalid value: "8080": must contain at least one letter (a-z)' },
  { rule: 'named targetPort: at most 15 characters', spec: { ports: [{ port: 80, targetPort: 'a-very-long-port-name' }] }, errors: 'spec.ports[0].targetPort: Invalid value: "a-very-long-port-name": must be no more than 15 characters' },
  { rule: 'named targetPort: lower-case alphanumerics and hyphens only', spec: { ports: [{ port: 80, targetPort: 'HTTP' }] }, errors: 'spec.ports[0].targetPort: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-), spec.ports[0].targetPort: Invalid value: "HTTP": must contain at least one letter (a-z)' },
  { rule: 'named targetPort: no consecutive hyphens', spec: { ports: [{ port: 80, targetPort: 'a--b' }] }, errors: 'spec.ports[0].targetPort: Invalid value: "a--b": must not contain consecutive hyphens' },
  { rule: 'named targetPort: no leading or trailing hyphen', spec: { ports: [{ port: 80, targetPort: '-web' }] }, errors: 'spec.ports[0].targetPort: Invalid value: "-web": must not begin or end with a hyphen' },
  { rule: 'appProtocol must be a qualified name', spec: { ports: [{ port: 80, appProtocol: 'bad proto' }] }, errors: `spec.ports[0].appProtocol: Invalid value: "bad proto": ${QUALIFIED_NAME_PART}` },
  {
    rule: 'duplicate (protocol, port) prints the Go struct of the map key',
    spec: { ports: [{ port: 80, name: 'a' }, { port: 80, name: 'b', targetPort: 8080 }] },
    errors: 'spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}',
  },
  { rule: 'nodePort is forbidden on ClusterIP services', spec: { ports: [{ port: 80, nodePort: 30080 }] }, errors: "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'" },
  // §3.3 type-specific
  { rule: 'type must be a known value', spec: { type: 'Foo', ports: P80 }, errors: 'spec.type: Unsupported value: "Foo": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"' },
  { rule: 'NodePort services may not be headless', spec: { type: 'NodePort', clusterIP: 'None', ports: P80 }, errors: `spec.clusterIPs[0]: Invalid value: "None": may not be set to 'None' for NodePort services` },
  { rule: 'LoadBalancer services may not be headless', spec: { type: 'LoadBalancer', clusterIP: 'None', ports: P80 }, errors: `spec.clusterIPs[0]: Invalid value: "None": may not be set to 'None' for LoadBalancer services` },
  { rule: 'ExternalName may not have a clusterIP', spec: { type: 'ExternalName', externalName: 'example.com', clusterIP: '10.96.0.50' }, errors: 'spec.clusterIPs: Forbidden: may not be set for ExternalName services' },
  {
    rule: 'ExternalName may not have ipFamilies or ipFamilyPolicy',
    spec: { type: 'ExternalName', externalName: 'example.com', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack' },
    errors: 'spec.ipFamilies: Forbidden: may not be set for ExternalName services, spec.ipFamilyPolicy: Forbidden: may not be set for ExternalName services',
  },
  { rule: 'ExternalName requires externalName', spec: { type: 'ExternalName' }, errors: 'spec.externalName: Required value' },
  { rule: 'externalName must be a DNS-1123 subdomain', spec: { type: 'ExternalName', externalName: 'Foo.com' }, errors: `spec.externalName: Invalid value: "Foo.com": ${DNS1123_SUBDOMAIN}` },
  { rule: 'externalIPs must be IPs', spec: { ports: P80, externalIPs: ['abc'] }, errors: 'spec.externalIPs[0]: Invalid value: "abc": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)' },
  { rule: 'externalIPs may not be loopback', spec: { ports: P80, externalIPs: ['127.0.0.1'] }, errors: 'spec.externalIPs[0]: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)' },
  { rule: 'externalIPs may not be unspecified', spec: { ports: P80, externalIPs: ['0.0.0.0'] }, errors: 'spec.externalIPs[0]: Invalid value: "0.0.0.0": may not be unspecified (0.0.0.0)' },
  { rule: 'sessionAffinity must be None or ClientIP', spec: { ports: P80, sessionAffinity: 'Sticky' }, errors: 'spec.sessionAffinity: Unsupported value: "Sticky": supported values: "ClientIP", "None"' },
  { rule: 'ClientIP timeout must be > 0', spec: { ports: P80, sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 0 } } }, errors: 'spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 0: must be greater than 0 and less than 86400' },
  { rule: 'ClientIP timeout must be <= 86400', spec: { ports: P80, sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 86401 } } }, errors: 'spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 86401: must be greater than 0 and less than 86400' },
  { rule: 'loadBalancerSourceRanges only for LoadBalancer (capital-L path)', spec: { ports: P80, loadBalancerSourceRanges: ['10.0.0.0/8'] }, errors: `spec.LoadBalancerSourceRanges: Forbidden: ${LB_ONLY}` },
  { rule: 'loadBalancerSourceRanges entries must be CIDRs', spec: { type: 'LoadBalancer', ports: P80, loadBalancerSourceRanges: ['foo.bar'] }, errors: `spec.LoadBalancerSourceRanges[0]: Invalid value: "foo.bar": ${CIDR}` },
  {
    rule: 'source-ranges annotation is forbidden on non-LoadBalancer services even when empty',
    spec: { ports: P80 },
    meta: { annotations: { 'service.beta.kubernetes.io/load-balancer-source-ranges': '' } },
    errors: `metadata.annotations[service.beta.kubernetes.io/load-balancer-source-ranges]: Forbidden: ${LB_ONLY}`,
  },
  {
    rule: 'source-ranges annotation entries must be CIDRs',
    spec: { type: 'LoadBalancer', ports: P80 },
    meta: { annotations: { 'service.beta.kubernetes.io/load-balancer-source-ranges': '10.0.0.0/8, nope' } },
    errors: `metadata.annotations[service.beta.kubernetes.io/load-balancer-source-ranges]: Invalid value: "nope": ${CIDR}`,
  },
  { rule: 'allocateLoadBalancerNodePorts only for LoadBalancer', spec: { ports: P80, allocateLoadBalancerNodePorts: false }, errors: `spec.allocateLoadBalancerNodePorts: Forbidden: ${LB_ONLY}` },
  { rule: 'loadBalancerClass only for LoadBalancer', spec: { ports: P80, loadBalancerClass: 'example.com/lb' }, errors: `spec.loadBalancerClass: Forbidden: ${LB_ONLY}` },
  {
    rule: 'loadBalancerClass must be a qualified name',
    spec: { type: 'LoadBalancer', ports: P80, loadBalancerClass: 'Bad/LoadBalancerClass' },
    errors: `spec.loadBalancerClass: Invalid value: "Bad/LoadBalancerClass": prefix part ${DNS1123_SUBDOMAIN}`,
  },
  { rule: 'externalTrafficPolicy only for externally-accessible services', spec: { ports: P80, externalTrafficPolicy: 'Local' }, errors: 'spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services' },
  { rule: 'externalTrafficPolicy must be Cluster or Local', spec: { type: 'NodePort', ports: P80, externalTrafficPolicy: 'invalid' }, errors: 'spec.externalTrafficPolicy: Unsupported value: "invalid": supported values: "Cluster", "Local"' },
  {
    rule: 'healthCheckNodePort only for LoadBalancer + Local',
    spec: { type: 'NodePort', ports: P80, healthCheckNodePort: 31234 },
    errors: "spec.healthCheckNodePort: Invalid value: 31234: may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'",
  },
  { rule: 'internalTrafficPolicy must be Cluster or Local', spec: { ports: P80, internalTrafficPolicy: 'invalid' }, errors: 'spec.internalTrafficPolicy: Unsupported value: "invalid": supported values: "Cluster", "Local"' },
  { rule: 'trafficDistribution is PreferClose only (v1.32)', spec: { ports: P80, trafficDistribution: 'Random' }, errors: 'spec.trafficDistribution: Unsupported value: "Random": supported values: "PreferClose"' },
  { rule: 'selector is validated as labels', spec: { ports: P80, selector: { app: 'bad value' } }, errors: 'spec.selector: Invalid value: "bad value": a valid label must be an empty string or consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character (e.g. \'MyValue\',  or \'my_value\',  or \'12345\', regex used for validation is \'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?\')' },
  // §3.4 ClusterIP / IP families — ValidateServiceClusterIPsRelatedFields and initIPFamilyFields (allocation phase)
  { rule: 'clusterIPs must be empty without clusterIP', spec: { ports: P80, clusterIPs: ['10.96.0.50'] }, errors: 'spec.clusterIPs: Invalid value: []string{"10.96.0.50"}: must be empty when `clusterIP` is not specified' },
  { rule: 'clusterIPs[0] must match clusterIP', spec: { ports: P80, clusterIP: '10.96.0.50', clusterIPs: ['10.96.0.51'] }, errors: 'spec.clusterIPs: Invalid value: []string{"10.96.0.51"}: first value must match `clusterIP`' },
  { rule: 'clusterIP must be an IP', spec: { ports: P80, clusterIP: 'invalid' }, errors: 'spec.clusterIPs[0]: Invalid value: "invalid": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)' },
  { rule: "'None' must be the only value", spec: { ports: P80, clusterIP: 'None', clusterIPs: ['None', '2001::1'] }, errors: `spec.clusterIPs: Invalid value: []string{"None", "2001::1"}: 'None' must be the first and only value` },
  { rule: 'at most one IP per family', spec: { ports: P80, clusterIP: '10.96.0.50', clusterIPs: ['10.96.0.50', '10.96.0.51'], ipFamilyPolicy: 'RequireDualStack' }, errors: 'spec.clusterIPs: Invalid value: []string{"10.96.0.50", "10.96.0.51"}: may specify no more than one IP for each IP family' },
  { rule: 'ipFamilies must be IPv4 or IPv6', spec: { ports: P80, ipFamilies: ['IPv5'] }, errors: 'spec.ipFamilies[0]: Unsupported value: "IPv5": supported values: "IPv4", "IPv6"' },
  { rule: 'ipFamilies may not repeat', spec: { ports: P80, ipFamilies: ['IPv4', 'IPv4'], ipFamilyPolicy: 'PreferDualStack' }, errors: 'spec.ipFamilies[1]: Duplicate value: "IPv4"' },
  { rule: 'clusterIP must match its family', spec: { ports: P80, clusterIP: '10.96.0.50', ipFamilies: ['IPv6'] }, errors: 'spec.clusterIPs[0]: Invalid value: "10.96.0.50": expected an IPv6 value as indicated by `ipFamilies[0]`' },
  { rule: 'ipFamilyPolicy must be a known value', spec: { ports: P80, ipFamilyPolicy: 'Foo' }, errors: 'spec.ipFamilyPolicy: Unsupported value: "Foo": supported values: "PreferDualStack", "RequireDualStack", "SingleStack"' },
  { rule: 'SingleStack with two families', spec: { ports: P80, ipFamilyPolicy: 'SingleStack', ipFamilies: ['IPv4', 'IPv6'] }, errors: `spec.ipFamilyPolicy: Invalid value: "SingleStack": must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified` },
  { rule: 'RequireDualStack on a single-stack cluster', spec: { ports: P80, ipFamilyPolicy: 'RequireDualStack' }, errors: 'spec.ipFamilyPolicy: Invalid value: "RequireDualStack": this cluster is not configured for dual-stack services' },
  { rule: 'a family the cluster lacks', spec: { ports: P80, ipFamilies: ['IPv6'] }, errors: 'spec.ipFamilies[0]: Invalid value: "IPv6": not configured on this cluster' },
  { rule: 'an IP of a family the cluster lacks', spec: { ports: P80, clusterIP: '2001::1' }, errors: 'spec.clusterIPs[0]: Invalid value: []string{"2001::1"}: IPv6 is not configured on this cluster' },
];

describe('Service validation (validation.go ValidateService)', () => {
  it.each(cases)('$rule', ({ spec, meta, name, errors }) => {
    const svcName = name ?? 'x';
    const err = statusErrorOf(() => api.create(newService(svcName, spec, meta)));
    expect(err.code).toBe(422);
    expect(err.message).toBe(`Service "${svcName}" is invalid: ${errors.includes(', spec.') || errors.includes(', metadata.') ? `[${errors}]` : errors}`);
  });

  it('several errors are listed in brackets, in validation order', () => {
    const err = statusErrorOf(() => api.create(newService('x', { ports: [{ port: 80 }, { port: 80 }] })));
    expect(err.message).toBe(
      'Service "x" is invalid: [spec.ports[0].name: Required value, spec.ports[1].name: Required value, ' +
        'spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}]',
    );
    expect(err.status.details?.causes?.map((c) => c.field)).toEqual(['spec.ports[0].name', 'spec.ports[1].name', 'spec.ports[1]']);
  });

  it.each<[string, ServiceSpec]>([
    ['the same port on TCP and UDP', { ports: [{ port: 53, name: 'dns', protocol: 'UDP' }, { port: 53, name: 'dns-tcp' }] }],
    ['a single unnamed port and all-digit port names', { ports: [{ port: 80, name: '8080' }] }],
    ['appProtocol kubernetes.io/h2c', { ports: [{ port: 80, appProtocol: 'kubernetes.io/h2c' }] }],
    ['externalName with one trailing dot', { type: 'ExternalName', externalName: 'foo.bar.example.com.' }],
    ['headless without ports', { clusterIP: 'None', selector: { app: 'a' } }],
    ['headless with a named targetPort (tolerated in v1)', { clusterIP: 'None', selector: { app: 'a' }, ports: [{ port: 80, targetPort: 'web' }] }],
    ['ClientIP timeout of exactly 86400', { ports: P80, sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 86400 } } }],
    ['space-padded source ranges on a LoadBalancer', { type: 'LoadBalancer', ports: P80, loadBalancerSourceRanges: [' 10.0.0.0/8 '] }],
    ['internalTrafficPolicy on ExternalName (historically allowed)', { type: 'ExternalName', externalName: 'example.com', internalTrafficPolicy: 'Local' }],
    ['sessionAffinityConfig with affinity None (dropped by defaulting)', { ports: P80, sessionAffinity: 'None', sessionAffinityConfig: { clientIP: { timeoutSeconds: 5 } } }],
  ])('accepts %s', (what, spec) => {
    const name = `ok-${what.length}-${Object.keys(spec).length}`;
    const created = api.create(newService(name, spec));
    expect(created.metadata.name).toBe(name);
    api.delete('Service', 'default', name);
  });
});

describe('allocation runs before validation (storage.go beginCreate, KUBERNETES.md §1.6)', () => {
  it('reports only the allocation error when other fields are also invalid', () => {
    const err = statusErrorOf(() => api.create(newService('x', { clusterIP: '10.0.0.10', ports: [{ port: 80, name: 'HTTP' }], sessionAffinity: 'Sticky' })));
    expect(err.message).toBe(
      'Service "x" is invalid: spec.clusterIPs: Invalid value: []string{"10.0.0.10"}: failed to allocate IP 10.0.0.10: the provided IP (10.0.0.10) is not in the valid range. The range of valid IPs is 10.96.0.0/12',
    );
  });

  it('reports an out-of-range nodePort alone', () => {
    const err = statusErrorOf(() => api.create(newService('x', { type: 'NodePort', ports: [{ port: 80, nodePort: 80, name: 'Bad' }] })));
    expect(err.message).toBe(
      'Service "x" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
    );
  });
});
