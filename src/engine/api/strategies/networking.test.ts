// Ingress, IngressClass and NetworkPolicy strategies: defaults, the DefaultIngressClass admission
// plugin and validation with the API server's texts (pkg/apis/networking/validation/validation.go,
// pkg/apis/networking/v1/defaults.go, plugin/pkg/admission/network/defaultingressclass).
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../core/types';
import type { Ingress, NetworkPolicy } from '../../network/types';
import { createError, newApi } from './testing';

const backend = (name = 'web', port: Record<string, unknown> = { number: 80 }) => ({ service: { name, port } });
function ingress(spec: Record<string, unknown>, meta: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'web', ...meta }, spec };
}
const onePath = (p: Record<string, unknown>, host?: string) => ingress({ rules: [{ ...(host ? { host } : {}), http: { paths: [{ path: '/', pathType: 'Prefix', backend: backend(), ...p }] } }] });
const policy = (spec: Record<string, unknown>): KubeObject => ({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'np' }, spec });

describe('Ingress', () => {
  it('gets the default IngressClass (nginx) when it names none, an empty status and generation 1', () => {
    const created = newApi().create<Ingress>(onePath({}));
    expect(created.spec.ingressClassName).toBe('nginx');
    expect(created.status).toEqual({ loadBalancer: {} });
    expect(created.metadata.generation).toBe(1);
  });

  it('keeps a named class, and the old class annotation stops the defaulting', () => {
    const api = newApi();
    expect(api.create<Ingress>(ingress({ ingressClassName: 'other', defaultBackend: backend() }, { name: 'a' })).spec.ingressClassName).toBe('other');
    expect(api.create<Ingress>(ingress({ defaultBackend: backend() }, { name: 'b', annotations: { 'kubernetes.io/ingress.class': 'traefik' } })).spec.ingressClassName).toBeUndefined();
  });

  it('the newest default IngressClass wins', () => {
    const api = newApi();
    api.create({ apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'traefik', annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } }, spec: { controller: 'traefik.io/ingress-controller' } });
    expect(api.create<Ingress>(onePath({})).spec.ingressClassName).toBe('traefik');
  });

  it.each([
    [ingress({}), 'spec: Invalid value: []networking.IngressRule(nil): either `defaultBackend` or `rules` must be specified'],
    [onePath({ pathType: undefined }), 'spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified'],
    [onePath({ pathType: 'Regex' }), 'spec.rules[0].http.paths[0].pathType: Unsupported value: "Regex": supported values: "Exact", "ImplementationSpecific", "Prefix"'],
    [onePath({ path: 'api' }), 'spec.rules[0].http.paths[0].path: Invalid value: "api": must be an absolute path'],
    [onePath({ path: '/a//b', pathType: 'Exact' }), `spec.rules[0].http.paths[0].path: Invalid value: "/a//b": must not contain '//'`],
    [onePath({ backend: {} }), 'spec.rules[0].http.paths[0].backend: Invalid value: "": resource or service backend is required'],
    [onePath({ backend: { ...backend(), resource: { kind: 'Bucket', name: 'b' } } }), 'spec.rules[0].http.paths[0].backend: Invalid value: "": cannot set both resource and service backends'],
    [onePath({ backend: backend('web', {}) }), 'spec.rules[0].http.paths[0].backend: Required value: port name or number is required'],
    [onePath({ backend: backend('web', { name: 'http', number: 80 }) }), 'spec.rules[0].http.paths[0].backend: Invalid value: "": cannot set both port name & port number'],
    [onePath({ backend: backend('web', { number: 70000 }) }), 'spec.rules[0].http.paths[0].backend.service.port.number: Invalid value: 70000: must be between 1 and 65535, inclusive'],
    [onePath({ backend: backend('1web') }), `spec.rules[0].http.paths[0].backend.service.name: Invalid value: "1web": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`],
    [onePath({}, '10.0.0.1'), 'spec.rules[0].host: Invalid value: "10.0.0.1": must be a DNS name, not an IP address'],
    [onePath({}, '*.*.foo.com'), `spec.rules[0].host: Invalid value: "*.*.foo.com": a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character (e.g. '*.example.com', regex used for validation is '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`],
    [onePath({}, 'Shop.example.com'), `spec.rules[0].host: Invalid value: "Shop.example.com": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`],
    [ingress({ ingressClassName: 'nginx', defaultBackend: backend() }, { annotations: { 'kubernetes.io/ingress.class': 'traefik' } }), 'annotations.kubernetes.io/ingress.class: Invalid value: "traefik": must match `ingressClassName` when both are specified'],
  ])('%#: %s', (obj, message) => {
    expect(createError(newApi(), obj)).toBe(`Ingress "web" is invalid: ${message}`);
  });

  it('wildcard hosts and ImplementationSpecific without a path are valid', () => {
    const created = newApi().create<Ingress>(ingress({ rules: [{ host: '*.example.com', http: { paths: [{ pathType: 'ImplementationSpecific', backend: backend() }] } }] }));
    expect(created.spec.rules![0].host).toBe('*.example.com');
  });
});

describe('IngressClass', () => {
  const cls = (spec: Record<string, unknown>, name = 'c') => ({ apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name }, spec });
  it('is cluster-scoped, defaults parameters.scope to Cluster', () => {
    const created = newApi().create(cls({ controller: 'example.com/ingress', parameters: { kind: 'Params', name: 'p' } }));
    expect(created.metadata.namespace).toBeUndefined();
    expect((created.spec as { parameters: { scope: string } }).parameters.scope).toBe('Cluster');
  });
  it('needs a domain-prefixed controller, immutable afterwards', () => {
    const api = newApi();
    expect(createError(api, cls({}))).toBe('IngressClass "c" is invalid: spec.controller: Required value');
    expect(createError(api, cls({ controller: 'nginx' }))).toBe('IngressClass "c" is invalid: spec.controller: Invalid value: "nginx": must be a domain-prefixed path (such as "acme.io/foo")');
    expect(() => api.update(cls({ controller: 'example.com/other' }, 'nginx'))).toThrow('spec.controller: Invalid value: "example.com/other": field is immutable');
  });
});

describe('NetworkPolicy', () => {
  it('defaults policyTypes to [Ingress], adds Egress with egress rules, and port protocol TCP', () => {
    const api = newApi();
    const a = api.create<NetworkPolicy>(policy({ podSelector: {} }));
    expect(a.spec.policyTypes).toEqual(['Ingress']);
    expect(a.metadata.generation).toBe(1);
    const b = api.create<NetworkPolicy>({ ...policy({ podSelector: {}, egress: [{ ports: [{ port: 53 }] }] }), metadata: { name: 'b' } });
    expect(b.spec.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(b.spec.egress![0].ports).toEqual([{ port: 53, protocol: 'TCP' }]);
  });

  it.each([
    [{ ingress: [{ from: [{}] }] }, 'NetworkPolicy "np" is invalid: spec.ingress[0].from[0]: Required value: must specify a peer'],
    [{ ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/8' }, podSelector: {} }] }] }, 'NetworkPolicy "np" is invalid: spec.ingress[0].from[0]: Forbidden: may not specify both ipBlock and another peer'],
    [{ egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/33' } }] }] }, 'NetworkPolicy "np" is invalid: spec.egress[0].to[0].ipBlock.cidr: Invalid value: "10.0.0.0/33": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)'],
    [{ egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/16', except: ['10.1.0.0/24'] } }] }] }, 'NetworkPolicy "np" is invalid: spec.egress[0].to[0].ipBlock.except[0]: Invalid value: "10.1.0.0/24": must be a strict subset of `cidr`'],
    [{ ingress: [{ ports: [{ port: 'http', endPort: 90 }] }] }, 'NetworkPolicy "np" is invalid: spec.ingress[0].ports[0].endPort: Invalid value: 90: may not be specified when `port` is non-numeric'],
    [{ ingress: [{ ports: [{ port: 100, endPort: 90 }] }] }, 'NetworkPolicy "np" is invalid: spec.ingress[0].ports[0].endPort: Invalid value: 90: must be greater than or equal to `port`'],
    [{ ingress: [{ ports: [{ port: 80, protocol: 'ICMP' }] }] }, 'NetworkPolicy "np" is invalid: spec.ingress[0].ports[0].protocol: Unsupported value: "ICMP": supported values: "TCP", "UDP", "SCTP"'],
    [{ policyTypes: ['Ingres'] }, 'NetworkPolicy "np" is invalid: spec.policyTypes[0]: Unsupported value: "Ingres": supported values: "Ingress", "Egress"'],
    [{ podSelector: { matchExpressions: [{ key: 'app', operator: 'In' }] } }, "NetworkPolicy \"np\" is invalid: spec.podSelector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'"],
  ])('%#: %s', (spec, message) => {
    expect(createError(newApi(), policy({ podSelector: {}, ...spec }))).toBe(message);
  });
});
