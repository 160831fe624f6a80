// kubectl on ServiceAccounts, ConfigMaps and the pods' kube-api-access volume.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../engine';
import { apiError } from '../../engine/api/strategies/testing';

function cluster() {
  const c = createCluster({ seed: 1 });
  c.exec('kubectl run web --image=nginx');
  c.advance(10_000);
  return c;
}

describe('kubectl get/describe serviceaccounts and configmaps (printers.go, describe.go)', () => {
  it('get sa: NAME SECRETS AGE, SECRETS 0 as on a 1.24+ cluster; get cm: NAME DATA AGE', () => {
    const c = cluster();
    expect(c.exec('kubectl get sa').stdout).toBe('NAME      SECRETS   AGE\ndefault   0         70s\n');
    expect(c.exec('kubectl get cm').stdout).toBe('NAME               DATA   AGE\nkube-root-ca.crt   1      70s\n');
    expect(c.exec('kubectl get serviceaccounts,configmaps -n kube-system -o name').stdout).toBe(
      'serviceaccount/coredns\nserviceaccount/default\nserviceaccount/kube-proxy\nconfigmap/coredns\nconfigmap/kube-proxy\nconfigmap/kube-root-ca.crt\nconfigmap/kubeadm-config\nconfigmap/kubelet-config\n',
    );
  });

  it('describe sa prints the three secret headers in sorted order (describeServiceAccount)', () => {
    expect(cluster().exec('kubectl describe sa default').stdout).toBe(
      'Name:                default\nNamespace:           default\nLabels:              <none>\nAnnotations:         <none>\nImage pull secrets:  <none>\nMountable secrets:   <none>\nTokens:              <none>\nEvents:              <none>\n',
    );
  });

  it('describe cm prints Data under ----, BinaryData and events (ConfigMapDescriber)', () => {
    const c = cluster();
    c.exec('kubectl create configmap app --from-literal=mode=fast --from-literal=level=3');
    expect(c.exec('kubectl describe cm app').stdout).toBe(
      'Name:         app\nNamespace:    default\nLabels:       <none>\nAnnotations:  <none>\n\nData\n====\nlevel:\n----\n3\nmode:\n----\nfast\n\nBinaryData\n====\n\nEvents:  <none>\n',
    );
    expect(c.exec('kubectl describe cm kube-root-ca.crt').stdout).toMatch(/^Annotations: {2}kubernetes\.io\/description:\n {16}Contains a CA bundle/m);
  });

  it('describe cm prints each binaryData key with the byte count its base64 decodes to (len(v))', () => {
    const c = cluster();
    c.exec('kubectl create -f -', JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'bin' }, binaryData: { four: 'AAECAw==', two: 'AAE=', one: 'AA==' } }));
    expect(c.exec('kubectl describe cm bin').stdout).toContain('\nBinaryData\n====\nfour: 4 bytes\none: 1 bytes\ntwo: 2 bytes\n\nEvents:');
  });
});

describe('describe pod: the kube-api-access mount and projected volume (kubectl v1.32 printProjectedVolumeSource)', () => {
  it('Mounts and Volumes as a real cluster shows them', () => {
    const c = cluster();
    const out = c.exec('kubectl describe pod web').stdout;
    const volume = c.exec('kubectl get pod web -o jsonpath={.spec.volumes[0].name}').stdout;
    expect(volume).toMatch(/^kube-api-access-[a-z0-9]{5}$/);
    expect(out).toContain(`    Mounts:\n      /var/run/secrets/kubernetes.io/serviceaccount from ${volume} (ro)\n`);
    expect(out).toContain(
      `Volumes:\n  ${volume}:\n` +
        '    Type:                    Projected (a volume that contains injected data from multiple sources)\n' +
        '    TokenExpirationSeconds:  3607\n' +
        '    ConfigMapName:           kube-root-ca.crt\n' +
        '    ConfigMapOptional:       <nil>\n' +
        '    DownwardAPI:             true\n' +
        'QoS Class:                   BestEffort\n',
    );
  });

  it('re-applying `get pod -o yaml` keeps the volume (no second one, no error)', () => {
    const c = cluster();
    const yaml = c.exec('kubectl get pod web -o yaml').stdout;
    c.writeFile('web.yaml', yaml);
    expect(c.exec('kubectl apply -f web.yaml')).toMatchObject({ exitCode: 0 });
    expect(c.exec('kubectl get pod web -o jsonpath={.spec.volumes[*].name}').stdout.split(' ')).toHaveLength(1);
  });

  it('exec cat reads the projected files: namespace (no newline), ca.crt from the ConfigMap, a JWT-shaped token', () => {
    const c = cluster();
    const cat = (f: string) => c.exec(`kubectl exec web -- cat /var/run/secrets/kubernetes.io/serviceaccount/${f}`).stdout;
    expect(cat('namespace')).toBe('default');
    expect(cat('ca.crt')).toBe((c.context.store.get('ConfigMap', 'default', 'kube-root-ca.crt') as unknown as { data: Record<string, string> }).data['ca.crt']);
    const [header, payload, signature] = cat('token').split('.');
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({ alg: 'RS256', kid: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    expect(JSON.parse(Buffer.from(payload, 'base64url').toString())).toMatchObject({
      aud: ['https://kubernetes.default.svc.cluster.local'],
      sub: 'system:serviceaccount:default:default',
      'kubernetes.io': { namespace: 'default', pod: { name: 'web' }, serviceaccount: { name: 'default' } },
    });
    expect(signature).toMatch(/^[A-Za-z0-9_-]{342}$/);
    expect(cat('token')).toBe(cluster().exec('kubectl exec web -- cat /var/run/secrets/kubernetes.io/serviceaccount/token').stdout);
  });
});

describe('kubectl create serviceaccount / configmap (create_serviceaccount.go, create_configmap.go)', () => {
  it('generates the objects as kubectl does', () => {
    const c = cluster();
    expect(c.exec('kubectl create serviceaccount robot --dry-run=client -o yaml').stdout).toBe('apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  creationTimestamp: null\n  name: robot\n');
    expect(c.exec('kubectl create sa robot').stdout).toBe('serviceaccount/robot created\n');
    expect(c.exec('kubectl create sa robot').stderr).toBe('error: failed to create serviceaccount: serviceaccounts "robot" already exists\n');
    c.writeFile('app.conf', 'port=80\n');
    expect(c.exec("kubectl create cm cfg --from-literal=a='x=1' --from-file=app.conf --dry-run=client -o yaml").stdout).toBe(
      'apiVersion: v1\ndata:\n  a: x=1\n  app.conf: |\n    port=80\nkind: ConfigMap\nmetadata:\n  creationTimestamp: null\n  name: cfg\n',
    );
    expect(c.exec('kubectl create cm cfg --from-literal=a.b/c=1').stderr).toBe(
      `error: "a.b/c" is not a valid key name for a ConfigMap: a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')\n`,
    );
    expect(c.exec('kubectl create cm cfg --from-literal=a=1 --from-literal=a=2').stderr).toBe('error: cannot add key "a", another key by that name already exists in Data for ConfigMap "cfg"\n');
    expect(c.exec('kubectl create cm cfg --from-literal==1').stderr).toBe('error: invalid literal source =1, expected key=value\n');
    expect(c.exec('kubectl create cm cfg --from-file=nope.txt').stderr).toBe('error: error reading nope.txt: no such file or directory\n');
  });
});

describe('ConfigMap validation (ValidateConfigMap, ValidateConfigMapUpdate)', () => {
  const create = (c: ReturnType<typeof createCluster>, cm: Record<string, unknown>) =>
    c.exec('kubectl create -f -', JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, ...cm })).stderr;

  it('key rules, duplicates across data and binaryData, the 1 MiB limit', () => {
    const c = createCluster({ seed: 1 });
    expect(create(c, { data: { '..x': '1' } })).toBe('The ConfigMap "c" is invalid: data[..x]: Invalid value: "..x": must not start with \'..\'\n');
    expect(create(c, { data: { k: '1' }, binaryData: { k: 'AA==' } })).toBe('The ConfigMap "c" is invalid: data[k]: Invalid value: "k": duplicate of key present in binaryData\n');
    // Too big for kubectl's stdin: sent to the API server directly (field.NewPath("") prints as `[]`).
    const big = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { big: 'x'.repeat(1024 * 1024 + 1) } };
    expect(apiError(() => c.context.api.create(big))).toBe('ConfigMap "c" is invalid: []: Too long: may not be more than 1048576 bytes');
  });

  it('an immutable ConfigMap keeps its data', () => {
    const c = createCluster({ seed: 1 });
    expect(create(c, { data: { k: '1' }, immutable: true })).toBe('');
    c.writeFile('c.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  k: "2"\n');
    // apply keeps `immutable: true` (not in the last-applied configuration), so only data is refused.
    expect(c.exec('kubectl apply -f c.yaml').stderr).toContain('The ConfigMap "c" is invalid: data: Forbidden: field is immutable when `immutable` is set\n');
    const stored = c.context.store.get('ConfigMap', 'default', 'c')!;
    expect(apiError(() => c.context.api.update({ ...stored, immutable: false } as never))).toBe('ConfigMap "c" is invalid: immutable: Forbidden: field is immutable when `immutable` is set');
  });
});
