// Pod volumes through the API server: one source each (validateVolumeSource), valid unique
// names (ValidateVolumes), and a volume without a source defaulted to emptyDir
// (SetDefaults_Volume), for Pods and for the pod templates of the workloads.
// Sources: pkg/apis/core/validation/validation.go, pkg/apis/core/v1/defaults.go.
import { describe, expect, it } from 'vitest';
import type { KubeObject, Pod } from '../../core/types';
import { createError, newApi } from '../strategies/testing';

const pod = (volumes: unknown[]): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web' },
  spec: { containers: [{ name: 'web', image: 'nginx' }], volumes },
});

const template = (volumes: unknown[]) => ({
  metadata: { labels: { app: 'web' } },
  spec: { containers: [{ name: 'web', image: 'nginx' }], volumes },
});
const workload = (kind: string, volumes: unknown[]): KubeObject => ({
  apiVersion: 'apps/v1',
  kind,
  metadata: { name: 'web' },
  spec: { selector: { matchLabels: { app: 'web' } }, template: template(volumes), ...(kind === 'StatefulSet' ? { serviceName: 'web' } : {}) },
});

describe('Pod volumes: one source each', () => {
  it('two sources: the later one is Forbidden under its own field', () => {
    expect(createError(newApi(), pod([{ name: 'data', emptyDir: {}, configMap: { name: 'cfg' } }]))).toBe(
      'Pod "web" is invalid: spec.volumes[0].configMap: Forbidden: may not specify more than 1 volume type',
    );
  });

  it('three sources: every one after the first, in validateVolumeSource\'s order (downwardAPI reported as `downwarAPI`)', () => {
    expect(createError(newApi(), pod([{ name: 'data', configMap: { name: 'cfg' }, downwardAPI: {}, secret: { secretName: 's' } }]))).toBe(
      'Pod "web" is invalid: [spec.volumes[0].downwarAPI: Forbidden: may not specify more than 1 volume type, ' +
        'spec.volumes[0].configMap: Forbidden: may not specify more than 1 volume type]',
    );
  });

  it('a source set to null does not count; a volume with none gets `emptyDir: {}`', () => {
    const api = newApi();
    const created = api.create<Pod>(pod([{ name: 'data', configMap: null }, { name: 'cache', emptyDir: null, secret: { secretName: 's' } }]));
    expect((created.spec as unknown as { volumes: unknown[] }).volumes.slice(0, 2)).toEqual([
      { name: 'data', configMap: null, emptyDir: {} },
      { name: 'cache', emptyDir: null, secret: { secretName: 's' } },
    ]);
  });

  it('names: required, a DNS-1123 label, unique', () => {
    expect(createError(newApi(), pod([{ emptyDir: {} }]))).toBe('Pod "web" is invalid: spec.volumes[0].name: Required value');
    expect(createError(newApi(), pod([{ name: 'Data', emptyDir: {} }]))).toBe(
      'Pod "web" is invalid: spec.volumes[0].name: Invalid value: "Data": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \'-\', and must start and end with an alphanumeric character (e.g. \'my-name\',  or \'123-abc\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?\')',
    );
    expect(createError(newApi(), pod([{ name: 'data', emptyDir: {} }, { name: 'data', configMap: { name: 'cfg' } }]))).toBe(
      'Pod "web" is invalid: spec.volumes[1].name: Duplicate value: "data"',
    );
  });

  it.each(['Deployment', 'ReplicaSet', 'DaemonSet'])('%s: the pod template is held to the same rule', (kind) => {
    expect(createError(newApi(), workload(kind, [{ name: 'data', hostPath: { path: '/tmp' }, persistentVolumeClaim: { claimName: 'c' } }]))).toBe(
      `${kind} "web" is invalid: spec.template.spec.volumes[0].persistentVolumeClaim: Forbidden: may not specify more than 1 volume type`,
    );
  });

  it('StatefulSet: the template is not (ValidatePodTemplateSpecForStatefulSet checks only its labels and annotations); its pods are', () => {
    const api = newApi();
    const volumes = [{ name: 'data', emptyDir: {}, configMap: { name: 'cfg' } }];
    expect(api.create<KubeObject>(workload('StatefulSet', volumes)).metadata.name).toBe('web');
    expect(createError(api, pod(volumes))).toBe('Pod "web" is invalid: spec.volumes[0].configMap: Forbidden: may not specify more than 1 volume type');
  });
});
