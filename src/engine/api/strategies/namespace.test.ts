// Namespace and Node strategies (pkg/registry/core/namespace/strategy.go, pkg/apis/core/v1/defaults.go,
// validation.go ValidateNamespace / ValidateNode) and the Event guard (validation/events.go).
import { describe, expect, it } from 'vitest';
import type { Namespace, Node } from '../../core/types';
import { apiError, createError, newApi } from './testing';

describe('Namespace', () => {
  it('gets the metadata.name label, the kubernetes finalizer and phase Active', () => {
    const created = newApi().create<Namespace>({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop', labels: { team: 'a' } } });
    expect(created.metadata.labels).toEqual({ team: 'a', 'kubernetes.io/metadata.name': 'shop' });
    expect(created.spec).toEqual({ finalizers: ['kubernetes'] });
    expect(created.status).toEqual({ phase: 'Active' });
  });

  it('the bootstrap namespaces carry the same defaults', () => {
    const ns = newApi().get<Namespace>('Namespace', undefined, 'kube-system');
    expect(ns.metadata.labels).toEqual({ 'kubernetes.io/metadata.name': 'kube-system' });
    expect(ns.status).toEqual({ phase: 'Active' });
  });

  it('names are DNS-1123 labels', () => {
    expect(createError(newApi(), { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'my.ns' } })).toBe(
      'Namespace "my.ns" is invalid: metadata.name: Invalid value: "my.ns": must not contain dots',
    );
  });

  it('keeps finalizers and status on update, and restores the name label', () => {
    const api = newApi();
    api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
    const updated = api.update<Namespace>({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop', labels: { env: 'dev' } }, spec: { finalizers: [] }, status: { phase: 'Terminating' } });
    expect(updated.metadata.labels).toEqual({ env: 'dev', 'kubernetes.io/metadata.name': 'shop' });
    expect(updated.spec).toEqual({ finalizers: ['kubernetes'] });
    expect(updated.status).toEqual({ phase: 'Active' });
  });
});

describe('Node', () => {
  it('names are DNS-1123 subdomains', () => {
    expect(createError(newApi(), { apiVersion: 'v1', kind: 'Node', metadata: { name: 'Node_1' }, spec: {} })).toBe(
      `Node "Node_1" is invalid: metadata.name: Invalid value: "Node_1": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    );
  });

  it('a spec update (cordon) keeps the status the kubelet posted', () => {
    const api = newApi();
    const node = api.get<Node>('Node', undefined, 'node-1');
    const body = JSON.parse(JSON.stringify(node)) as Node;
    body.spec.unschedulable = true;
    body.status = { addresses: [], conditions: [] };
    const updated = api.update<Node>(body);
    expect(updated.spec.unschedulable).toBe(true);
    expect(updated.status).toEqual(node.status);
  });

  it('taint effects are checked', () => {
    const api = newApi();
    const body = JSON.parse(JSON.stringify(api.get<Node>('Node', undefined, 'node-1'))) as Node;
    body.spec.taints = [{ key: 'dedicated', value: 'db', effect: 'NoRun' }];
    expect(apiError(() => api.update(body))).toBe(
      'Node "node-1" is invalid: spec.taints[0].effect: Unsupported value: "NoRun": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
    );
  });
});

describe('Event', () => {
  it('involvedObject.namespace must match the event namespace', () => {
    const event = {
      apiVersion: 'v1', kind: 'Event', metadata: { name: 'web.1', namespace: 'default' },
      involvedObject: { kind: 'Pod', namespace: 'kube-system', name: 'web' }, reason: 'Test', message: 'm', type: 'Normal',
    };
    expect(createError(newApi(), event)).toBe('Event "web.1" is invalid: involvedObject.namespace: Invalid value: "kube-system": does not match event.namespace');
  });
});
