import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../../core/store';
import type { KubeObject } from '../../core/types';
import { DESCRIPTION_ANNOTATION, reconcileRootCA, reconcileServiceAccounts, ROOT_CA_DESCRIPTION } from './reconcile';

const active = { name: 'shop', phase: 'Active' };
const terminating = { name: 'shop', phase: 'Terminating' };

describe('serviceaccounts controller syncNamespace (pkg/controller/serviceaccount/serviceaccounts_controller.go)', () => {
  it.each([
    ['creates default in an active namespace', active, [], ['default']],
    ['nothing when it exists', active, ['default'], []],
    ['nothing in a terminating namespace', terminating, [], []],
    ['nothing for a namespace that is gone', undefined, [], []],
  ] as const)('%s', (_name, ns, existing, created) => {
    const changes = reconcileServiceAccounts(ns, new Set(existing));
    expect(changes.map((c) => c.object.metadata.name)).toEqual(created);
    for (const c of changes) expect(c.object).toEqual({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: 'shop' } });
  });
});

describe('root-ca-cert-publisher syncNamespace (pkg/controller/certificates/rootcacertpublisher/publisher.go)', () => {
  const ca = '-----BEGIN CERTIFICATE-----\nX\n-----END CERTIFICATE-----\n';
  const cm = (data: Record<string, string>, annotations?: Record<string, string>) =>
    deepFreeze({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kube-root-ca.crt', namespace: 'shop', annotations }, data }) as KubeObject & { data: Record<string, string> };

  it('creates kube-root-ca.crt with ca.crt and the kubernetes.io/description annotation', () => {
    expect(reconcileRootCA(active, undefined, ca)).toEqual([
      { type: 'create', object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kube-root-ca.crt', namespace: 'shop', annotations: { [DESCRIPTION_ANNOTATION]: ROOT_CA_DESCRIPTION } }, data: { 'ca.crt': ca } } },
    ]);
    expect(ROOT_CA_DESCRIPTION).toBe('Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.');
  });

  it.each([
    ['an intact one is left alone', cm({ 'ca.crt': ca }, { [DESCRIPTION_ANNOTATION]: 'x' }), []],
    ['changed data is put back, other annotations kept', cm({ 'ca.crt': 'bad', extra: '1' }, { team: 'a' }), [{ type: 'update', data: { 'ca.crt': ca }, annotations: { team: 'a', [DESCRIPTION_ANNOTATION]: ROOT_CA_DESCRIPTION } }]],
    ['a missing annotation is put back', cm({ 'ca.crt': ca }), [{ type: 'update', data: { 'ca.crt': ca }, annotations: { [DESCRIPTION_ANNOTATION]: ROOT_CA_DESCRIPTION } }]],
  ] as const)('%s', (_name, current, changes) => {
    expect(reconcileRootCA(active, current, ca)).toEqual(changes);
  });

  it('creates nothing in a terminating or missing namespace', () => {
    expect(reconcileRootCA(terminating, undefined, ca)).toEqual([]);
    expect(reconcileRootCA(undefined, undefined, ca)).toEqual([]);
  });
});
