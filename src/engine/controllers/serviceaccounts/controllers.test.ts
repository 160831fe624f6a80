// The serviceaccounts controller, the root-ca-cert-publisher and the ServiceAccount
// admission plugin together, on a whole cluster.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../index';
import type { KubeObject, Pod } from '../../core/types';

const podJSON = (name: string, spec: Record<string, unknown> = {}, namespace = 'default') =>
  JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace }, spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec } });

describe('ServiceAccounts and kube-root-ca.crt in every namespace', () => {
  it('every namespace, old and new, gets the default ServiceAccount and kube-root-ca.crt; kube-system has coredns and kube-proxy, ingress-nginx its own', () => {
    const c = createCluster({ seed: 1 });
    c.exec('kubectl create namespace shop');
    const sa = c.exec('kubectl get sa -A --no-headers').stdout.split('\n').filter(Boolean).map((l) => l.split(/ +/).slice(0, 2).join('/'));
    expect(sa).toEqual(['default/default', 'ingress-nginx/default', 'ingress-nginx/ingress-nginx', 'ingress-nginx/ingress-nginx-admission', 'kube-node-lease/default', 'kube-public/default', 'kube-system/coredns', 'kube-system/default', 'kube-system/kube-proxy', 'shop/default']);
    const cm = c.context.store.get<KubeObject & { data: Record<string, string> }>('ConfigMap', 'shop', 'kube-root-ca.crt')!;
    expect(cm.metadata.annotations).toEqual({ 'kubernetes.io/description': expect.stringMatching(/^Contains a CA bundle that can be used to verify the kube-apiserver/) });
    expect(cm.data['ca.crt']).toMatch(/^-----BEGIN CERTIFICATE-----\nMIIDBTCCAe2gAwIBAgII[A-Za-z0-9+/]{44}\n(?:[A-Za-z0-9+/]{64}\n){15}[A-Za-z0-9+/]{12}\n-----END CERTIFICATE-----\n$/);
    // One CA per cluster, the same for the same seed.
    expect(c.context.store.get<typeof cm>('ConfigMap', 'default', 'kube-root-ca.crt')!.data).toEqual(cm.data);
    expect(createCluster({ seed: 1 }).context.store.get<typeof cm>('ConfigMap', 'default', 'kube-root-ca.crt')!.data).toEqual(cm.data);
  });

  it('a deleted default ServiceAccount is made again; an edited kube-root-ca.crt is put back', () => {
    const c = createCluster({ seed: 2 });
    const before = c.context.store.get('ServiceAccount', 'default', 'default')!.metadata.uid;
    expect(c.exec('kubectl delete sa default').stdout).toBe('serviceaccount "default" deleted\n');
    expect(c.context.store.get('ServiceAccount', 'default', 'default')!.metadata.uid).not.toBe(before);
    c.exec('kubectl label cm kube-root-ca.crt team=a');
    const cm = c.context.store.get<KubeObject & { data: Record<string, string> }>('ConfigMap', 'default', 'kube-root-ca.crt')!;
    c.context.api.update({ ...cm, data: { 'ca.crt': 'tampered' } } as KubeObject);
    c.advance(0);
    const after = c.context.store.get<typeof cm>('ConfigMap', 'default', 'kube-root-ca.crt')!;
    expect(after.data).toEqual(cm.data);
    expect(after.metadata.labels).toEqual({ team: 'a' });
  });

  it('a pod naming a missing ServiceAccount is forbidden with the admission text', () => {
    const c = createCluster({ seed: 3 });
    const r = c.exec('kubectl create -f -', podJSON('x', { serviceAccountName: 'ghost' }));
    expect(r.stderr).toBe('Error from server (Forbidden): error when creating "STDIN": pods "x" is forbidden: error looking up service account default/ghost: serviceaccount "ghost" not found\n');
  });

  it('a Deployment whose ServiceAccount is missing reports FailedCreate (by generateName) and retries until it exists', () => {
    const c = createCluster({ seed: 4 });
    c.exec('kubectl create deployment api --image=nginx --replicas=2');
    const dep = c.context.store.get<KubeObject & { spec: { template: { spec: Record<string, unknown> } } }>('Deployment', 'default', 'api')!;
    c.context.api.update({ ...dep, spec: { ...dep.spec, template: { ...dep.spec.template, spec: { ...dep.spec.template.spec, serviceAccountName: 'robot' } } } } as KubeObject);
    c.advance(20_000);
    type RS = KubeObject & { spec: { template: { spec: { serviceAccountName?: string } } } };
    const rsName = c.context.store.list<RS>('ReplicaSet', 'default').find((rs) => rs.spec.template.spec.serviceAccountName === 'robot')!.metadata.name!;
    const events = c.exec(`kubectl describe rs ${rsName}`).stdout;
    expect(events).toContain(`Error creating: pods "${rsName}-" is forbidden: error looking up service account default/robot: serviceaccount "robot" not found`);
    c.exec('kubectl create serviceaccount robot');
    c.advance(30_000);
    // The rollout completes: both replicas run as `robot`, the old ones are gone.
    const pods = c.context.store.list<Pod>('Pod', 'default');
    expect(pods.map((p) => [p.spec.serviceAccountName, p.status?.phase])).toEqual([['robot', 'Running'], ['robot', 'Running']]);
  });

  it('a StatefulSet whose pods name a ServiceAccount not made yet retries, as its queue does (AddRateLimited), and starts once it exists', () => {
    const c = createCluster({ seed: 4 });
    c.writeFile('s.yaml', 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec:\n  serviceName: db\n  replicas: 2\n  selector: {matchLabels: {app: db}}\n  template:\n    metadata: {labels: {app: db}}\n    spec:\n      serviceAccountName: robot\n      containers: [{name: c, image: nginx}]\n');
    c.exec('kubectl apply -f s.yaml');
    c.advance(10_000);
    expect(c.exec('kubectl describe sts db').stdout).toContain('create Pod db-0 in StatefulSet db failed error: pods "db-0" is forbidden: error looking up service account default/robot: serviceaccount "robot" not found');
    c.exec('kubectl create serviceaccount robot');
    c.advance(60_000);
    const pods = c.context.store.list<Pod>('Pod', 'default');
    expect(pods.map((p) => [p.metadata.name, p.spec.serviceAccountName, p.status?.phase])).toEqual([['db-0', 'robot', 'Running'], ['db-1', 'robot', 'Running']]);
  });

  it('a file with a Namespace and a Pod applies at once (admission waits for the controller to make the default ServiceAccount); a dry run in a new namespace changes nothing', () => {
    const c = createCluster({ seed: 5 });
    c.writeFile('ns.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\n' + 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: shop\nspec:\n  containers:\n  - name: c\n    image: nginx\n');
    expect(c.exec('kubectl apply -f ns.yaml').stdout).toBe('namespace/shop created\npod/p created\n');
    expect(c.context.store.get<Pod>('Pod', 'shop', 'p')!.spec.serviceAccountName).toBe('default');
    const rv = c.context.store.currentResourceVersion;
    const aux = c.context.api.auxRng.save();
    expect(c.exec('kubectl create --dry-run=server -f -', podJSON('q', {}, 'shop')).stdout).toBe('pod/q created (server dry run)\n');
    expect([c.context.store.currentResourceVersion, c.context.api.auxRng.save()]).toEqual([rv, aux]);
    // Refused after its name was drawn (an invalid key): the editor's checks must not move later names either.
    const refused = JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { generateName: 'cfg-' }, data: { 'a b': '1' } });
    expect(c.exec('kubectl create --dry-run=server -f -', refused).stderr).toMatch(/is invalid: data\[a b\]/);
    expect(c.context.api.auxRng.save()).toBe(aux);
  });

  it('automountServiceAccountToken: false on the pod or its ServiceAccount leaves the pod without the volume', () => {
    const c = createCluster({ seed: 6 });
    c.exec('kubectl create -f -', podJSON('a', { automountServiceAccountToken: false }));
    c.exec('kubectl create -f -', JSON.stringify({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'quiet' }, automountServiceAccountToken: false }));
    c.exec('kubectl create -f -', podJSON('b', { serviceAccountName: 'quiet' }));
    for (const name of ['a', 'b']) expect((c.context.store.get<Pod>('Pod', 'default', name)!.spec as { volumes?: unknown }).volumes).toBeUndefined();
  });

  it('the kube-api-access suffix comes from its own stream: names, uids and IPs of the main stream do not move', () => {
    // The values a seed-1 cluster gave before ServiceAccounts existed.
    const c = createCluster({ seed: 1, nodes: 3 });
    c.exec('kubectl run web --image=nginx --port=80');
    c.advance(10_000);
    const web = c.context.store.get<Pod>('Pod', 'default', 'web')!;
    expect([web.metadata.uid, web.spec.nodeName, web.status?.podIP]).toEqual(['34805ec3-2508-4848-b03a-b691a570f63b', 'node-1', '10.244.0.3']);
    // CoreDNS's pods keep their names; kube-proxy's (DaemonSet) pods draw from the daemon stream,
    // the control plane's mirror pods (named after their node) from the control-plane stream.
    const generated = c.context.store.list<Pod>('Pod', 'kube-system').filter((p) => p.metadata.ownerReferences?.[0]?.kind !== 'Node');
    expect(generated.map((p) => p.metadata.name!.slice(-5))).toEqual(['fnvsn', 'vscgv', '6qn2x', 'm29zt', 'b4qkw']);
    expect((web.spec as { volumes?: { name: string }[] }).volumes?.[0].name).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });
});
