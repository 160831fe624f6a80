// ReplicaSet / Deployment / StatefulSet defaults, validation and update rules
// (pkg/apis/apps/v1/defaults.go, pkg/apis/apps/validation/validation.go,
// pkg/registry/apps/*/strategy.go).
import { describe, expect, it } from 'vitest';
import type { Deployment, KubeObject, ReplicaSet, StatefulSet } from '../../core/types';
import { apiError, createError, newApi } from './testing';

function deployment(spec: Record<string, unknown> = {}, labels: Record<string, string> | undefined = { app: 'web' }): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } },
      ...spec,
    },
  };
}

const withKind = (obj: KubeObject, kind: string): KubeObject => ({ ...obj, kind });
const invalid = (detail: string, kind = 'Deployment') => `${kind} "web" is invalid: ${detail}`;
const SELECTOR_MISMATCH = 'spec.template.metadata.labels: Invalid value: map[string]string{"app":"api"}: `selector` does not match template `labels`';

const editOf = <T extends KubeObject>(obj: T, f: (o: T) => void): T => {
  const copy = JSON.parse(JSON.stringify(obj)) as T;
  f(copy);
  return copy;
};

describe('Deployment defaults (as `kubectl get deploy -o yaml` shows them right after create)', () => {
  it('fills replicas, strategy, history, deadline and the template pod defaults', () => {
    const created = newApi().create<Deployment>(deployment());
    expect(created.metadata.generation).toBe(1);
    expect(created.spec).toEqual({
      progressDeadlineSeconds: 600,
      replicas: 1,
      revisionHistoryLimit: 10,
      selector: { matchLabels: { app: 'web' } },
      strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' }, type: 'RollingUpdate' },
      template: {
        metadata: { creationTimestamp: null, labels: { app: 'web' } },
        spec: {
          containers: [
            { image: 'nginx:1.25', imagePullPolicy: 'IfNotPresent', name: 'nginx', resources: {}, terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' },
          ],
          dnsPolicy: 'ClusterFirst',
          restartPolicy: 'Always',
          schedulerName: 'default-scheduler',
          securityContext: {},
          terminationGracePeriodSeconds: 30,
        },
      },
    });
    expect(created.status).toEqual({});
  });

  it('does not add rollingUpdate to a Recreate strategy', () => {
    const created = newApi().create<Deployment>(deployment({ strategy: { type: 'Recreate' } }));
    expect(created.spec.strategy).toEqual({ type: 'Recreate' });
  });

  it('ReplicaSet: replicas 1 and status replicas 0', () => {
    const created = newApi().create<ReplicaSet>(withKind(deployment(), 'ReplicaSet'));
    expect(created.spec.replicas).toBe(1);
    expect(created.status).toEqual({ replicas: 0 });
  });

  it('StatefulSet: OrderedReady, RollingUpdate partition 0, Retain/Retain', () => {
    const created = newApi().create<StatefulSet>(withKind(deployment({ serviceName: 'web' }), 'StatefulSet'));
    const { template: _t, ...rest } = created.spec;
    expect(rest).toEqual({
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      podManagementPolicy: 'OrderedReady',
      replicas: 1,
      revisionHistoryLimit: 10,
      selector: { matchLabels: { app: 'web' } },
      serviceName: 'web',
      updateStrategy: { rollingUpdate: { partition: 0 }, type: 'RollingUpdate' },
    });
    expect(created.status).toEqual({ replicas: 0, availableReplicas: 0 });
  });
});

describe('Deployment and ReplicaSet validation', () => {
  const cases: [string, KubeObject, string][] = [
    ['the selector must match the template labels', deployment({}, { app: 'api' }), invalid(SELECTOR_MISMATCH)],
    ['a missing selector is required (and so matches nothing)', deployment({ selector: undefined }),
      invalid('[spec.selector: Required value, spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`]')],
    ['an empty selector is invalid', deployment({ selector: {} }),
      invalid('spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment')],
    ['selector operators are checked', deployment({ selector: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'Maybe' }] } }),
      invalid('[spec.selector.matchExpressions[0].operator: Invalid value: "Maybe": not a valid selector operator, spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web"}, MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:"tier", Operator:"Maybe", Values:[]string(nil)}}}: invalid label selector]')],
    ['replicas are non-negative', deployment({ replicas: -1 }), invalid('spec.replicas: Invalid value: -1: must be greater than or equal to 0')],
    ['the template is validated as a pod spec', deployment({ template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'Nginx', image: 'nginx' }] } } }),
      invalid(`spec.template.spec.containers[0].name: Invalid value: "Nginx": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`)],
    ['template restartPolicy must be Always', deployment({ template: { metadata: { labels: { app: 'web' } }, spec: { restartPolicy: 'Never', containers: [{ name: 'nginx', image: 'nginx' }] } } }),
      invalid('spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"')],
    ['maxSurge and maxUnavailable may not both be 0', deployment({ strategy: { rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } } }),
      invalid('spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0')],
    ['maxUnavailable is at most 100%', deployment({ strategy: { rollingUpdate: { maxUnavailable: '150%' } } }),
      invalid('spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"150%"}: must not be greater than 100%')],
    ['a percentage needs its % sign', deployment({ strategy: { rollingUpdate: { maxSurge: 'half' } } }),
      invalid(`spec.strategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"half"}: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')`)],
    ['maxSurge is non-negative', deployment({ strategy: { rollingUpdate: { maxSurge: -1 } } }),
      invalid('spec.strategy.rollingUpdate.maxSurge: Invalid value: -1: must be greater than or equal to 0')],
    ['Recreate may not carry rollingUpdate', deployment({ strategy: { type: 'Recreate', rollingUpdate: { maxSurge: 1 } } }),
      invalid("spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'")],
    ['strategy types are Recreate or RollingUpdate', deployment({ strategy: { type: 'BlueGreen' } }),
      invalid('spec.strategy: Unsupported value: apps.DeploymentStrategy{Type:"BlueGreen", RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}: supported values: "Recreate", "RollingUpdate"')],
    ['progressDeadlineSeconds exceeds minReadySeconds', deployment({ minReadySeconds: 700 }),
      invalid('spec.progressDeadlineSeconds: Invalid value: 600: must be greater than minReadySeconds')],
    ['ReplicaSet: the selector must match the template labels', withKind(deployment({}, { app: 'api' }), 'ReplicaSet'), invalid(SELECTOR_MISMATCH, 'ReplicaSet')],
    ['ReplicaSet: upstream calls an empty selector invalid "for deployment"', withKind(deployment({ selector: { matchLabels: {} } }), 'ReplicaSet'),
      invalid('spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment', 'ReplicaSet')],
  ];
  it.each(cases)('%s', (_name, obj, message) => {
    expect(createError(newApi(), obj)).toBe(message);
  });
});

describe('StatefulSet validation', () => {
  const sts = (spec: Record<string, unknown> = {}, labels?: Record<string, string>) => withKind(deployment({ serviceName: 'web', ...spec }, labels), 'StatefulSet');
  it.each([
    ['the selector must match the template labels', sts({}, { app: 'api' }), SELECTOR_MISMATCH],
    ['podManagementPolicy values', sts({ podManagementPolicy: 'Random' }), `spec.podManagementPolicy: Invalid value: "Random": must be 'OrderedReady' or 'Parallel'`],
    ['partition is non-negative', sts({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: -2 } } }),
      'spec.updateStrategy.rollingUpdate.partition: Invalid value: -2: must be greater than or equal to 0'],
    ['an empty selector is invalid', sts({ selector: {} }),
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for statefulset'],
  ] as [string, KubeObject, string][])('%s', (_name, obj, detail) => {
    expect(createError(newApi(), obj)).toBe(invalid(detail, 'StatefulSet'));
  });

  it('allows replicas and template changes but forbids other spec changes', () => {
    const api = newApi();
    const created = api.create<StatefulSet>(sts());
    const scaled = api.update<StatefulSet>(editOf(created, (s) => void (s.spec.replicas = 3)));
    expect(scaled.spec.replicas).toBe(3);
    expect(scaled.metadata.generation).toBe(2);
    const message = apiError(() => api.update(editOf(scaled, (s) => void (s.spec.serviceName = 'other'))));
    expect(message).toBe(invalid(
      "spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
      'StatefulSet',
    ));
  });
});

describe('Deployment and ReplicaSet updates', () => {
  it('selectors are immutable in apps/v1', () => {
    const api = newApi();
    const created = api.create<Deployment>(deployment());
    const message = apiError(() =>
      api.update(editOf(created, (d) => {
        d.spec.selector = { matchLabels: { app: 'web2' } };
        d.spec.template.metadata!.labels = { app: 'web2' };
      })),
    );
    expect(message).toBe(invalid('spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable'));
  });

  it('ReplicaSet selectors are immutable too', () => {
    const api = newApi();
    const created = api.create<ReplicaSet>(withKind(deployment(), 'ReplicaSet'));
    const message = apiError(() => api.update(editOf(created, (d) => void (d.spec.selector = { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] }))));
    expect(message).toBe(invalid('spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web"}, MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:"tier", Operator:"DoesNotExist", Values:[]string(nil)}}}: field is immutable', 'ReplicaSet'));
  });

  it('a scale keeps the status, re-applies defaults and bumps the generation', () => {
    const api = newApi();
    const created = api.create<Deployment>(deployment());
    api.updateStatus<Deployment>('Deployment', 'default', 'web', (d) => void (d.status = { replicas: 1, observedGeneration: 1 }));
    const current = api.get<Deployment>('Deployment', 'default', 'web');
    // The client sends no status and an undefaulted spec, as `kubectl replace` of the original file would.
    const body = editOf(deployment({ replicas: 3 }) as Deployment, () => {});
    body.metadata = { ...current.metadata };
    const updated = api.update<Deployment>(body);
    expect(updated.spec.replicas).toBe(3);
    expect(updated.spec.strategy).toEqual(created.spec.strategy);
    expect(updated.status).toEqual({ replicas: 1, observedGeneration: 1 });
    expect(updated.metadata.generation).toBe(2);
  });

  it('an annotation change bumps a Deployment\'s generation', () => {
    const api = newApi();
    const created = api.create<Deployment>(deployment());
    const updated = api.update<Deployment>(editOf(created, (d) => void (d.metadata.annotations = { note: 'x' })));
    expect(updated.metadata.generation).toBe(2);
  });
});

describe('Deployment without a template', () => {
  it('is defaulted like an empty template: the labels mismatch and containers are missing', () => {
    const obj = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { selector: { matchLabels: { app: 'web' } } } };
    expect(createError(newApi(), obj)).toBe(
      invalid('[spec.template.metadata.labels: Invalid value: map[string]string(nil): `selector` does not match template `labels`, spec.template.spec.containers: Required value]'),
    );
  });
});
