// kubectl commands driven through exec, as a person types them; outputs as kubectl v1.32 prints them.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../engine';
import { describeObject } from './describe';

const SERVICE = (name: string, port = 80, extra = '') =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n${extra}spec:\n  selector:\n    app: web\n  ports:\n  - port: ${port}\n`;

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

describe('kubectl apply (apply.go)', () => {
  it('created, then unchanged, then configured; last-applied holds the manifest as sorted JSON', () => {
    const c = createCluster();
    c.writeFile('web.yaml', SERVICE('web'));
    expect(c.exec('kubectl apply -f web.yaml')).toEqual({ stdout: 'service/web created\n', stderr: '', exitCode: 0 });
    const rv = c.snapshot().resourceVersion;
    expect(c.exec('kubectl apply -f web.yaml')).toEqual({ stdout: 'service/web unchanged\n', stderr: '', exitCode: 0 });
    expect(c.snapshot().resourceVersion).toBe(rv);
    const svc = c.context.store.get('Service', 'default', 'web')!;
    expect(svc.metadata.annotations?.[LAST_APPLIED]).toBe(
      '{"apiVersion":"v1","kind":"Service","metadata":{"annotations":{},"name":"web","namespace":"default"},"spec":{"ports":[{"port":80}],"selector":{"app":"web"}}}\n',
    );
    c.writeFile('web.yaml', SERVICE('web', 8080));
    expect(c.exec('kubectl apply -f web.yaml').stdout).toBe('service/web configured\n');
    const after = c.context.store.get<{ spec: { clusterIP: string; ports: unknown[] } } & typeof svc>('Service', 'default', 'web')!;
    expect(after.spec.clusterIP).toBe((svc.spec as { clusterIP: string }).clusterIP); // allocated value kept
    expect(after.spec.ports).toEqual([{ port: 8080, protocol: 'TCP', targetPort: 8080 }]);
  });

  it('fields dropped from the manifest are removed; fields set by others are kept', () => {
    const c = createCluster();
    c.exec('kubectl apply -f -', SERVICE('web', 80, '  labels:\n    tier: front\n    env: a\n'));
    // Someone else adds a label outside the manifest.
    c.context.api.systemUpdate('Service', 'default', 'web', (o) => {
      o.metadata.labels = { ...o.metadata.labels, owner: 'ops' };
    });
    expect(c.exec('kubectl apply -f -', SERVICE('web', 80, '  labels:\n    tier: front\n')).stdout).toBe('service/web configured\n');
    expect(c.context.store.get('Service', 'default', 'web')!.metadata.labels).toEqual({ tier: 'front', owner: 'ops' });
    // Dropping the whole map removes it, others' keys included (the patch says `labels: null`).
    c.exec('kubectl apply -f -', SERVICE('web'));
    expect(c.context.store.get('Service', 'default', 'web')!.metadata.labels).toBeUndefined();
  });

  it('warns when the live object was not created by apply', () => {
    const c = createCluster();
    c.writeFile('web.yaml', SERVICE('web'));
    c.exec('kubectl create -f web.yaml');
    const r = c.exec('kubectl apply -f web.yaml');
    expect(r.stdout).toBe('service/web configured\n');
    expect(r.stderr).toBe(
      `Warning: resource services/web is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`,
    );
  });

  it('--dry-run=client and -o name', () => {
    const c = createCluster();
    const rv = c.snapshot().resourceVersion;
    expect(c.exec('kubectl apply --dry-run=client -f -', SERVICE('web')).stdout).toBe('service/web created (dry run)\n');
    expect(c.exec('kubectl apply --dry-run=server -f -', SERVICE('web')).stdout).toBe('service/web created (server dry run)\n');
    expect(c.snapshot().resourceVersion).toBe(rv);
    expect(c.exec('kubectl apply -o name -f -', SERVICE('web')).stdout).toBe('service/web\n');
    expect(c.exec('kubectl apply --dry-run=maybe -f -', SERVICE('web')).stderr).toBe('error: Invalid dry-run value (maybe). Must be "none", "server", or "client".\n');
  });

  it('without -f', () => {
    expect(createCluster().exec('kubectl apply')).toEqual({ stdout: '', stderr: 'error: must specify one of -f and -k\n', exitCode: 1 });
  });

  it('a missing file', () => {
    expect(createCluster().exec('kubectl apply -f x.yaml').stderr).toBe('error: the path "x.yaml" does not exist\n');
  });
});

describe('kubectl create', () => {
  it('create -f: created, then AlreadyExists with the file name', () => {
    const c = createCluster();
    c.writeFile('web.yaml', SERVICE('web'));
    expect(c.exec('kubectl create -f web.yaml').stdout).toBe('service/web created\n');
    expect(c.exec('kubectl create -f web.yaml')).toEqual({
      stdout: '',
      stderr: 'Error from server (AlreadyExists): error when creating "web.yaml": services "web" already exists\n',
      exitCode: 1,
    });
  });

  it('create namespace', () => {
    const c = createCluster();
    expect(c.exec('kubectl create namespace dev').stdout).toBe('namespace/dev created\n');
    expect(c.exec('kubectl create ns dev').stderr).toBe('Error from server (AlreadyExists): namespaces "dev" already exists\n');
    expect(c.exec('kubectl create namespace').stderr).toBe("error: exactly one NAME is required, got 0\nSee 'kubectl create namespace -h' for help and examples\n");
    expect(c.exec('kubectl create namespace dev2 --dry-run=client -o yaml').stdout).toBe(
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  creationTimestamp: null\n  name: dev2\nspec: {}\nstatus: {}\n',
    );
  });

  it('an invalid object prints the one cause, or one `* ` line per cause', () => {
    const c = createCluster();
    const one = c.exec('kubectl create -f -', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: NodePort\n  ports:\n  - port: 80\n    nodePort: 80\n');
    expect(one.stderr).toBe('The Service "web" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767\n');
    const many = c.exec('kubectl create -f -', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 0\n  - port: 70000\n');
    expect(many.stderr).toMatch(/^The Service "web" is invalid: \n(\* spec\.ports\[\d\]\.\w+: [^\n]+\n){2,}$/);
    expect(many.stderr).toContain('\n* spec.ports[1].port: Invalid value: 70000: must be between 1 and 65535, inclusive\n');
    expect(many.exitCode).toBe(1);
  });
});

describe('kubectl get', () => {
  it('one object by name as YAML is the stored object, keys sorted; several are a List', () => {
    const c = createCluster();
    c.exec('kubectl create namespace dev');
    const yaml = c.exec('kubectl get ns dev -o yaml').stdout;
    expect(yaml).toMatch(/^apiVersion: v1\nkind: Namespace\nmetadata:\n {2}creationTimestamp: "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"\n/);
    expect(yaml).toContain('\nspec:\n  finalizers:\n  - kubernetes\nstatus:\n  phase: Active\n');
    const list = JSON.parse(c.exec('kubectl get ns dev default -o json').stdout);
    expect(list.kind).toBe('List');
    expect(list.apiVersion).toBe('v1');
    expect(list.metadata).toEqual({ resourceVersion: '' });
    expect(list.items.map((i: { metadata: { name: string } }) => i.metadata.name)).toEqual(['dev', 'default']);
    expect(c.exec('kubectl get ns dev -o json').stdout).toMatch(/^\{\n {4}"apiVersion": "v1",\n {4}"kind": "Namespace",/);
  });

  it('empty lists: a message on stderr for tables, an empty List for -o yaml', () => {
    const c = createCluster();
    expect(c.exec('kubectl get deployments')).toEqual({ stdout: '', stderr: 'No resources found in default namespace.\n', exitCode: 0 });
    expect(c.exec('kubectl get pods -n kube-public')).toEqual({ stdout: '', stderr: 'No resources found in kube-public namespace.\n', exitCode: 0 });
    expect(c.exec('kubectl get deploy -A -l app=none').stderr).toBe('No resources found\n');
    expect(c.exec('kubectl get svc -n kube-public -o yaml').stdout).toBe('apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n');
  });

  it('unknown types, missing objects, TYPE/NAME and -o name', () => {
    const c = createCluster();
    expect(c.exec('kubectl get svcs')).toEqual({ stdout: '', stderr: 'error: the server doesn\'t have a resource type "svcs"\n', exitCode: 1 });
    expect(c.exec('kubectl get svc x')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): services "x" not found\n', exitCode: 1 });
    expect(c.exec('kubectl get svc/kubernetes ns/default -o name').stdout).toBe('service/kubernetes\nnamespace/default\n');
    expect(c.exec('kubectl get deploy -n kube-system -o name').stdout).toBe('deployment.apps/coredns\n');
    expect(c.exec('kubectl get svc x -o yaml')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): services "x" not found\n', exitCode: 1 });
    expect(c.exec('kubectl get svc kubernetes -o foo').stderr).toBe(
      'error: unable to match a printer suitable for the output format "foo", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n',
    );
  });

  it('without a type', () => {
    expect(createCluster().exec('kubectl get').stderr).toBe(
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples\n',
    );
  });

  it('several types print one table per kind with kind/name, separated by a blank line', () => {
    const c = createCluster();
    const out = c.exec('kubectl get svc,deploy -n kube-system').stdout;
    const [svcTable, deployTable] = out.split('\n\n');
    expect(svcTable).toMatch(/^NAME +TYPE .*\nservice\/kube-dns +ClusterIP +10\.96\.0\.10 /);
    expect(deployTable).toMatch(/^NAME +READY .*\ndeployment\.apps\/coredns /);
    expect(c.exec('kubectl get all -n kube-system').stdout).toMatch(/^NAME +READY +STATUS[^\n]*\npod\/coredns-/);
  });

  it('-l filters by labels; names with a selector are refused', () => {
    const c = createCluster();
    const pods = c.exec('kubectl get pods -A -l k8s-app=kube-dns -o name').stdout.trim().split('\n');
    expect(pods).toHaveLength(2);
    expect(pods.every((p) => p.startsWith('pod/coredns-'))).toBe(true);
    expect(c.exec('kubectl get pods -A -l k8s-app=nothing -o name').stdout).toBe('');
  });
});

describe('kubectl delete (delete.go)', () => {
  it('deletes by TYPE NAME, by file, by -l and --all', () => {
    const c = createCluster();
    c.writeFile('web.yaml', SERVICE('web'));
    c.exec('kubectl apply -f web.yaml');
    expect(c.exec('kubectl delete -f web.yaml')).toEqual({ stdout: 'service "web" deleted\n', stderr: '', exitCode: 0 });
    expect(c.exec('kubectl delete -f web.yaml')).toEqual({
      stdout: '',
      stderr: 'Error from server (NotFound): error when deleting "web.yaml": services "web" not found\n',
      exitCode: 1,
    });
    expect(c.exec('kubectl delete svc x').stderr).toBe('Error from server (NotFound): services "x" not found\n');
    c.exec('kubectl apply -f -', SERVICE('a', 80, '  labels:\n    tier: x\n'));
    c.exec('kubectl apply -f -', SERVICE('b', 80, '  labels:\n    tier: x\n'));
    expect(c.exec('kubectl delete svc -l tier=x').stdout).toBe('service "a" deleted\nservice "b" deleted\n');
    expect(c.exec('kubectl delete svc -l tier=x')).toEqual({ stdout: 'No resources found\n', stderr: '', exitCode: 0 });
    c.exec('kubectl create namespace dev');
    c.exec('kubectl apply -n dev -f -', SERVICE('c'));
    expect(c.exec('kubectl delete svc --all -n dev').stdout).toBe('service "c" deleted\n');
    expect(c.exec('kubectl delete deploy coredns -n kube-system -o name').stdout).toBe('deployment.apps/coredns\n');
  });

  it('argument errors', () => {
    const c = createCluster();
    expect(c.exec('kubectl delete svc').stderr).toBe('error: resource(s) were provided, but no name was specified\n');
    expect(c.exec('kubectl delete').stderr).toBe(
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
    );
    expect(c.exec('kubectl delete ns default').stderr).toBe('Error from server (Forbidden): namespaces "default" is forbidden: this namespace may not be deleted\n');
    expect(c.exec('kubectl delete svc x --now --grace-period=5').stderr).toBe('error: --now and --grace-period cannot be specified together\n');
  });

  it('--force --grace-period=0 warns and says force deleted', () => {
    const c = createCluster();
    c.exec('kubectl run web --image=nginx');
    c.advance(10_000);
    const r = c.exec('kubectl delete pod web --force --grace-period=0');
    expect(r).toMatchObject({
      stdout: 'pod "web" force deleted\n',
      stderr: 'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
      exitCode: 0,
    });
    expect(c.context.store.get('Pod', 'default', 'web')).toBeUndefined();
  });
});

describe('kubectl describe', () => {
  it('prints the describer text; several objects are separated as describe.go does ("\\n\\n")', () => {
    const c = createCluster();
    const ctx = c.context;
    const ns = (n: string) => describeObject(ctx, 'Namespace', ctx.store.get('Namespace', undefined, n)!);
    expect(c.exec('kubectl describe ns default').stdout).toBe(ns('default'));
    expect(c.exec('kubectl describe ns default kube-public').stdout).toBe(`${ns('default')}\n\n${ns('kube-public')}`);
    // No exact match: every object whose name starts with the argument.
    expect(c.exec('kubectl describe ns kube-p').stdout).toBe(`${ns('kube-public')}\n`);
    expect(c.exec('kubectl describe ns nope').stderr).toBe('Error from server (NotFound): namespaces "nope" not found\n');
    expect(c.exec('kubectl describe svc -n kube-public').stderr).toBe('No resources found in kube-public namespace.\n');
  });
});

describe('kubectl scale and run', () => {
  it('scale sets spec.replicas', () => {
    const c = createCluster();
    expect(c.exec('kubectl scale deployment coredns -n kube-system --replicas=3')).toEqual({ stdout: 'deployment.apps/coredns scaled\n', stderr: '', exitCode: 0 });
    expect((c.context.store.get('Deployment', 'kube-system', 'coredns')!.spec as { replicas: number }).replicas).toBe(3);
    expect(c.exec('kubectl scale deploy/coredns -n kube-system --replicas=abc').stderr).toBe(
      'error: invalid argument "abc" for "--replicas" flag: strconv.ParseInt: parsing "abc": invalid syntax\nSee \'kubectl scale --help\' for usage.\n',
    );
    expect(c.exec('kubectl scale deploy coredns -n kube-system').stderr).toBe('error: required flag(s) "replicas" not set\n');
    expect(c.exec('kubectl scale deploy nope --replicas=1').stderr).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
  });

  it('scale -l or --all matching nothing fails as RunScale does (scale.go: len(infos) == 0)', () => {
    const c = createCluster();
    const none = { stdout: '', stderr: 'error: no objects passed to scale\n', exitCode: 1 };
    expect(c.exec('kubectl scale deploy -l app=nope --replicas=2')).toEqual(none);
    expect(c.exec('kubectl scale deploy --all --replicas=2')).toEqual(none);
    expect(c.exec('kubectl scale deploy -l k8s-app=kube-dns -n kube-system --replicas=2')).toEqual({ stdout: 'deployment.apps/coredns scaled\n', stderr: '', exitCode: 0 });
  });

  it('run creates a Pod labelled run=NAME; --dry-run=client -o yaml prints the generator output', () => {
    const c = createCluster();
    expect(c.exec('kubectl run web --image=nginx --port=80 --labels=app=web,tier=front')).toEqual({ stdout: 'pod/web created\n', stderr: '', exitCode: 0 });
    const pod = c.context.store.get('Pod', 'default', 'web')!;
    expect(pod.metadata.labels).toEqual({ app: 'web', tier: 'front' });
    expect(c.exec('kubectl run db --image=redis --restart=Never --dry-run=client -o yaml').stdout).toBe(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: null\n  labels:\n    run: db\n  name: db\nspec:\n  containers:\n  - image: redis\n    name: db\n    resources: {}\n  dnsPolicy: ClusterFirst\n  restartPolicy: Never\nstatus: {}\n',
    );
    expect(c.exec('kubectl run x').stderr).toBe('error: required flag(s) "image" not set\n');
    expect(c.exec('kubectl run --image=nginx').stderr).toBe("error: NAME is required for run\nSee 'kubectl run -h' for help and examples\n");
  });
});

describe('the command line itself', () => {
  it('unknown commands suggest close ones, like cobra', () => {
    const c = createCluster();
    expect(c.exec('kubectl gett pods')).toEqual({ stdout: '', stderr: 'error: unknown command "gett" for "kubectl"\n\nDid you mean this?\n\tget\n\tset\n', exitCode: 1 });
    // "top" is within cobra's distance 2 of "foo".
    expect(c.exec('kubectl foo').stderr).toBe('error: unknown command "foo" for "kubectl"\n\nDid you mean this?\n\ttop\n');
    expect(c.exec('kubectl frobnicate').stderr).toBe('error: unknown command "frobnicate" for "kubectl"\n');
  });

  it('flag errors', () => {
    const c = createCluster();
    expect(c.exec('kubectl get pods --foo').stderr).toBe("error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n");
    expect(c.exec('kubectl get pods -z').stderr).toBe("error: unknown shorthand flag: 'z' in -z\nSee 'kubectl get --help' for usage.\n");
    expect(c.exec('kubectl get pods -n').stderr).toBe("error: flag needs an argument: 'n' in -n\nSee 'kubectl get --help' for usage.\n");
    expect(c.exec('kubectl get pods --namespace').stderr).toBe("error: flag needs an argument: --namespace\nSee 'kubectl get --help' for usage.\n");
  });

  it('namespace flag forms: -n ns, -nns, --namespace=ns, before the command', () => {
    const c = createCluster();
    for (const cmd of ['kubectl get svc -n kube-system -o name', 'kubectl get svc -nkube-system -o name', 'kubectl get svc --namespace=kube-system -o name', 'kubectl -n kube-system get svc -o name']) {
      expect(c.exec(cmd).stdout).toBe('service/kube-dns\n');
    }
  });

  it('version, help', () => {
    const c = createCluster();
    expect(c.exec('kubectl version').stdout).toBe('Client Version: v1.32.4\nKustomize Version: v5.5.0\nServer Version: v1.32.4\n');
    const root = c.exec('kubectl');
    expect(root.exitCode).toBe(0);
    expect(root.stdout).toMatch(/^kubectl controls the Kubernetes cluster manager\./);
    expect(root.stdout).toContain('  apply         Apply a configuration to a resource by file name or stdin\n');
    const help = c.exec('kubectl get --help');
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toMatch(/^Display one or many resources\.\n/);
    expect(help.stdout).toContain('Usage:\n  kubectl get [(-o|--output=)json|yaml|name');
  });
});
