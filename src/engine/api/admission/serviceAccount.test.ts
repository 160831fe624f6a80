// Table tests of the ServiceAccount admission plugin's pure part, after
// plugin/pkg/admission/serviceaccount/admission_test.go (TestAutomountsAPIToken,
// TestRespectsExistingMount, TestAutomountsAPITokenWithInitContainers,
// TestDoNotAddTokenVolumeMountsIfAutomountIsFalse …).
import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../../core/store';
import type { PodSpec } from '../../core/types';
import { admitServiceAccount, DEFAULT_API_TOKEN_MOUNT_PATH, TOKEN_VOLUME_SOURCE, type ServiceAccountLike } from './serviceAccount';

type Spec = PodSpec & { volumes?: { name: string; projected?: unknown }[]; automountServiceAccountToken?: boolean; imagePullSecrets?: { name?: string }[] };
const spec = (extra: Partial<Spec> = {}): Spec => ({ containers: [{ name: 'c', image: 'nginx' }], ...extra });
const mountOf = (name: string) => ({ mountPath: DEFAULT_API_TOKEN_MOUNT_PATH, name, readOnly: true });
const accounts: Record<string, ServiceAccountLike> = { default: {}, noauto: { automountServiceAccountToken: false }, pull: { imagePullSecrets: [{ name: 'regcred' }] } };

function admit(s: Spec, names: string[] = ['kube-api-access-abcde']) {
  const drawn = [...names];
  return { result: admitServiceAccount(s, 'ns', (n) => accounts[n], () => drawn.shift()!), drawn: names.length - drawn.length };
}

describe('ServiceAccount admission (plugin/pkg/admission/serviceaccount/admission.go)', () => {
  it('defaults serviceAccountName to default and mounts the projected token volume with TokenVolumeSource', () => {
    const s = spec();
    expect(admit(s).result).toEqual({ admitted: true });
    expect(s.serviceAccountName).toBe('default');
    expect((s.containers[0] as { volumeMounts?: unknown }).volumeMounts).toEqual([mountOf('kube-api-access-abcde')]);
    expect(s.volumes).toEqual([{ name: 'kube-api-access-abcde', projected: TOKEN_VOLUME_SOURCE }]);
    expect(TOKEN_VOLUME_SOURCE).toEqual({
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
        { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
      ],
    });
    // One frozen subtree shared by every pod.
    expect(Object.isFrozen(TOKEN_VOLUME_SOURCE.sources[0])).toBe(true);
  });

  it.each([
    ['pod false', { automountServiceAccountToken: false }, 'default', false],
    ['ServiceAccount false', {}, 'noauto', false],
    ['pod true wins over ServiceAccount false', { automountServiceAccountToken: true }, 'noauto', true],
  ] as const)('shouldAutomount: %s', (_name, extra, sa, mounted) => {
    const s = spec({ ...extra, serviceAccountName: sa });
    const { result, drawn } = admit(s);
    expect(result.admitted).toBe(true);
    expect(!!s.volumes?.length).toBe(mounted);
    expect(drawn).toBe(mounted ? 1 : 0);
  });

  it('refuses a pod whose ServiceAccount does not exist, with the real cause text', () => {
    expect(admit(spec({ serviceAccountName: 'foo' })).result).toEqual({ admitted: false, reason: 'error looking up service account ns/foo: serviceaccount "foo" not found' });
  });

  it('mounts init containers and containers, skips a container already mounting the path, reuses a kube-api-access volume', () => {
    const own = { name: 'mine', mountPath: DEFAULT_API_TOKEN_MOUNT_PATH };
    const s = spec({
      initContainers: [{ name: 'init', image: 'busybox' }],
      containers: [{ name: 'a', image: 'nginx' }, { name: 'b', image: 'nginx', volumeMounts: [own] } as PodSpec['containers'][number]],
      volumes: [{ name: 'kube-api-access-zzzzz', projected: {} }],
    });
    const { drawn } = admit(s);
    expect(drawn).toBe(0);
    const mounts = (c: unknown) => (c as { volumeMounts?: unknown[] }).volumeMounts;
    expect(mounts(s.initContainers![0])).toEqual([mountOf('kube-api-access-zzzzz')]);
    expect(mounts(s.containers[0])).toEqual([mountOf('kube-api-access-zzzzz')]);
    expect(mounts(s.containers[1])).toEqual([own]);
    expect(s.volumes).toHaveLength(1);
  });

  it('adds no volume when every container mounts the path itself, and copies imagePullSecrets', () => {
    const s = spec({ serviceAccountName: 'pull', containers: [deepFreeze({ name: 'c', image: 'x', volumeMounts: [{ name: 'v', mountPath: DEFAULT_API_TOKEN_MOUNT_PATH }] }) as PodSpec['containers'][number]] });
    expect(admit(s).drawn).toBe(0);
    expect(s.volumes).toBeUndefined();
    expect(s.imagePullSecrets).toEqual([{ name: 'regcred' }]);
  });
});
