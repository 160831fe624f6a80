// Endpoints (validation.go ValidateEndpoints, KUBERNETES.md §8.11) and EndpointSlice
// (pkg/apis/discovery/validation/validation.go) through the API server.
import { describe, expect, it } from 'vitest';
import type { EndpointSlice, Endpoints, KubeObject } from '../../core/types';
import { apiError, createError, newApi } from './testing';

const endpoints = (subsets: unknown[]): KubeObject => ({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'db' }, subsets });
const slice = (fields: Record<string, unknown>): KubeObject => ({
  apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'db-abc12', labels: { 'kubernetes.io/service-name': 'db' } },
  addressType: 'IPv4', endpoints: [{ addresses: ['10.0.0.5'] }], ports: [{ port: 5432 }], ...fields,
});

describe('Endpoints', () => {
  it('defaults port protocols to TCP', () => {
    const created = newApi().create<Endpoints>(endpoints([{ addresses: [{ ip: '10.0.0.5' }], ports: [{ port: 5432 }] }]));
    expect(created.subsets).toEqual([{ addresses: [{ ip: '10.0.0.5' }], ports: [{ port: 5432, protocol: 'TCP' }] }]);
  });

  it.each([
    ['a loopback address', [{ addresses: [{ ip: '127.0.0.1' }] }], 'subsets[0].addresses[0].ip: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)'],
    ['a link-local address', [{ notReadyAddresses: [{ ip: '169.254.169.254' }] }],
      'subsets[0].notReadyAddresses[0].ip: Invalid value: "169.254.169.254": may not be in the link-local range (169.254.0.0/16, fe80::/10)'],
    ['an unparsable address', [{ addresses: [{ ip: 'db.local' }] }],
      '[subsets[0].addresses[0].ip: Invalid value: "db.local": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff), subsets[0].addresses[0].ip: Invalid value: "db.local": must be a valid IP address]'],
    ['a subset without addresses', [{ ports: [{ port: 80 }] }], 'subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`'],
    ['a port out of range', [{ addresses: [{ ip: '10.0.0.5' }], ports: [{ port: 70000 }] }], 'subsets[0].ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive'],
    ['unnamed ports when there are several', [{ addresses: [{ ip: '10.0.0.5' }], ports: [{ port: 80 }, { name: 'https', port: 443 }] }],
      'subsets[0].ports[0].name: Required value'],
    ['an unsupported protocol', [{ addresses: [{ ip: '10.0.0.5' }], ports: [{ port: 80, protocol: 'ICMP' }] }],
      'subsets[0].ports[0].protocol: Unsupported value: "ICMP": supported values: "SCTP", "TCP", "UDP"'],
  ])('rejects %s', (_name, subsets, detail) => {
    expect(createError(newApi(), endpoints(subsets))).toBe(`Endpoints "db" is invalid: ${detail}`);
  });

  it('the bootstrap endpoints of the kubernetes Service pass validation', () => {
    expect(newApi().get<Endpoints>('Endpoints', 'default', 'kubernetes').subsets?.[0].ports).toEqual([{ name: 'https', port: 6443, protocol: 'TCP' }]);
  });
});

describe('EndpointSlice', () => {
  it('defaults port name "" and protocol TCP, and unset lists to null', () => {
    const api = newApi();
    const created = api.create<EndpointSlice>(slice({}));
    expect(created.ports).toEqual([{ port: 5432, name: '', protocol: 'TCP' }]);
    const placeholder = api.create<EndpointSlice>(slice({ endpoints: undefined, ports: undefined, metadata: { name: 'db-empty' } }));
    expect(placeholder.endpoints).toBeNull();
    expect(placeholder.ports).toBeNull();
  });

  // pkg/registry/discovery/endpointslice/strategy.go: PrepareForCreate sets Generation 1;
  // PrepareForUpdate bumps it when anything but metadata changed, or the labels changed.
  it('has generation 1 on create, bumped by endpoint or label changes but not by annotations', () => {
    const api = newApi();
    const created = api.create<EndpointSlice>(slice({}));
    expect(created.metadata.generation).toBe(1);
    const annotated = api.update<EndpointSlice>({ ...created, metadata: { ...created.metadata, annotations: { note: 'x' } } });
    expect(annotated.metadata.generation).toBe(1);
    const moved = api.update<EndpointSlice>({ ...annotated, endpoints: [{ addresses: ['10.244.0.9'], conditions: { ready: true } }] });
    expect(moved.metadata.generation).toBe(2);
    const relabelled = api.update<EndpointSlice>({ ...moved, metadata: { ...moved.metadata, labels: { ...moved.metadata.labels, extra: 'y' } } });
    expect(relabelled.metadata.generation).toBe(3);
  });

  it('the service-name label is free-form (any valid label value)', () => {
    const created = newApi().create<EndpointSlice>(slice({ metadata: { name: 'x', labels: { 'kubernetes.io/service-name': 'Not_A_Service.Name' } } }));
    expect(created.metadata.labels).toEqual({ 'kubernetes.io/service-name': 'Not_A_Service.Name' });
  });

  const invalid = (detail: string) => `EndpointSlice "db-abc12" is invalid: ${detail}`;
  it.each([
    ['a missing addressType', { addressType: '' }, 'addressType: Required value'],
    ['an unknown addressType', { addressType: 'IPv5' }, 'addressType: Unsupported value: "IPv5": supported values: "FQDN", "IPv4", "IPv6"'],
    ['an endpoint without addresses', { endpoints: [{ addresses: [] }] }, 'endpoints[0].addresses: Required value: must contain at least 1 address'],
    ['more than 100 addresses', { endpoints: [{ addresses: Array.from({ length: 101 }, (_, i) => `10.0.${i}.1`) }] }, 'endpoints[0].addresses: Too many: 101: must have at most 100 items'],
    ['more than 1000 endpoints', { endpoints: Array.from({ length: 1001 }, (_, i) => ({ addresses: [`10.1.${i >> 8}.${i & 255}`] })) }, 'endpoints: Too many: 1001: must have at most 1000 items'],
    ['an IPv6 address in an IPv4 slice', { endpoints: [{ addresses: ['2001:db8::1'] }] }, 'endpoints[0].addresses[0]: Invalid value: "2001:db8::1": must be a valid IPv4 address'],
    ['a loopback address', { endpoints: [{ addresses: ['127.0.0.1'] }] }, 'endpoints[0].addresses[0]: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)'],
    ['a single-label FQDN', { addressType: 'FQDN', endpoints: [{ addresses: ['db'] }] }, 'endpoints[0].addresses[0]: Invalid value: "db": should be a domain with at least two segments separated by dots'],
    ['more than 100 ports', { ports: Array.from({ length: 101 }, (_, i) => ({ name: `p${i}`, port: 1000 + i })) }, 'ports: Too many: 101: must have at most 100 items'],
    ['duplicate port names', { ports: [{ name: 'sql', port: 5432 }, { name: 'sql', port: 5433 }] }, 'ports[1].name: Duplicate value: "sql"'],
    ['a port name that is not a DNS label', { ports: [{ name: 'SQL', port: 5432 }] },
      `ports[0].name: Invalid value: "SQL": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`],
    ['an unsupported protocol', { ports: [{ port: 5432, protocol: 'ICMP' }] }, 'ports[0].protocol: Unsupported value: "ICMP": supported values: "SCTP", "TCP", "UDP"'],
  ] as [string, Record<string, unknown>, string][])('rejects %s', (_name, fields, detail) => {
    expect(createError(newApi(), slice(fields))).toBe(invalid(detail));
  });

  it('addressType is immutable', () => {
    const api = newApi();
    const created = api.create<EndpointSlice>(slice({}));
    const body = { ...JSON.parse(JSON.stringify(created)), addressType: 'IPv6', endpoints: [{ addresses: ['2001:db8::1'] }] };
    expect(apiError(() => api.update(body))).toBe(invalid('addressType: Invalid value: "IPv6": field is immutable'));
  });
});
